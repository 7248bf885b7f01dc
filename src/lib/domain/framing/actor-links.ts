/**
 * Role nouns linked to names within one article: "President Donald Trump" or "Trump, the
 * president" tell us that this article's "the president" is Trump, so its "the president" can be
 * compared with the other article's "Trump" (or "the leader") as two namings of one actor.
 */
import type { SegmentedArticle } from '../types';
import { chunkPhrases, type Phrase } from './phrases';
import { tagSentence, tagSentences, type TaggedToken } from './pos';

/** Role-noun lemma -> the name keys it stands for in one article (only unambiguous roles). */
export type ActorLinks = Map<string, Set<string>>;

/** Lower-case keys of a name: the proper nouns ending the phrase ("donald", "trump"). */
export function nameKeys(phrase: Phrase): string[] {
	const keys: string[] = [];
	for (let i = phrase.tokens.length - 1; i >= 0; i--) {
		const t = phrase.tokens[i];
		if (t.pos !== 'PROPN') break;
		keys.push(t.text.toLowerCase().replace(/['’]s?$/u, ''));
	}
	return keys.reverse();
}

/** The role noun right before a trailing name ("actress" in "actress Tara Reid"). */
function titleBeforeName(tokens: readonly TaggedToken[]): TaggedToken | undefined {
	let i = tokens.length - 1;
	while (i >= 0 && tokens[i].pos === 'PROPN') i--;
	if (i === tokens.length - 1 || i < 0) return undefined;
	return tokens[i].pos === 'NOUN' ? tokens[i] : undefined;
}

/** Adds one role -> name sighting; a role seen with two different names is dropped later. */
function note(seen: Map<string, Set<string>[]>, role: string, keys: string[]): void {
	if (!keys.length) return;
	const list = seen.get(role) ?? [];
	list.push(new Set(keys));
	seen.set(role, list);
}

/**
 * Links the role nouns of an article to names from titles ("President Trump", "actress Tara
 * Reid") and appositions ("Trump, the president"; "the president, Donald Trump"). Only the
 * sentences containing one of `roles` are tagged, to keep the cost to what is asked.
 * @example linkActors(article, ['president']).get('president') // Set { 'donald', 'trump' }
 */
export function linkActors(article: SegmentedArticle, roles: Iterable<string>): ActorLinks {
	const wanted = [...new Set(roles)].filter((r) => r.length > 1);
	const seen = new Map<string, Set<string>[]>();
	if (!wanted.length) return new Map();
	// a link needs the role and a name (a capital after the first word) in one sentence
	const sentences = article.sentences.filter((s) => {
		if (s.furniture || !/\s\p{Lu}/u.test(s.text)) return false;
		const lower = s.text.toLowerCase();
		return wanted.some((r) => lower.includes(r));
	});
	// one tagging pass for all of them
	tagSentences(
		article,
		sentences.map((s) => s.index)
	);
	for (const s of sentences) {
		const tokens = tagSentence(article, s.index);
		const phrases = chunkPhrases(tokens);
		phrases.forEach((p, k) => {
			if (p.kind !== 'nominal') return;
			const title = p.name ? titleBeforeName(p.tokens) : undefined;
			if (title) note(seen, title.lemma, nameKeys(p));
			// apposition: two adjacent noun phrases separated by a comma only
			const next = phrases[k + 1];
			if (!next || next.kind !== 'nominal') return;
			const between = tokens.filter(
				(t) => t.start >= p.tokens[p.tokens.length - 1].end && t.end <= next.tokens[0].start
			);
			if (between.length !== 1 || between[0].text !== ',') return;
			if (p.name && !next.name && !next.pronoun) note(seen, next.head.lemma, nameKeys(p));
			if (!p.name && !p.pronoun && next.name) note(seen, p.head.lemma, nameKeys(next));
		});
	}
	const links: ActorLinks = new Map();
	for (const [role, sightings] of seen) {
		if (!wanted.includes(role)) continue;
		// the last name part ("trump") identifies a person across "Donald Trump" and "Trump"
		const lasts = new Set(sightings.map((k) => [...k].pop()));
		if (lasts.size !== 1) continue; // two people hold this role here: ambiguous
		links.set(role, new Set(sightings.flatMap((k) => [...k])));
	}
	return links;
}
