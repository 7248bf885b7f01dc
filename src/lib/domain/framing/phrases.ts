/**
 * Phrases of a tagged sentence with a rough grammatical role: who acts (subject), the act
 * (predicate), what it acts on (object) and the rest (after a preposition). The lite tagger has
 * no parser, so roles come from position: a noun phrase before the clause's first verb is its
 * subject, one right after a verb its object. Enough to pair "the dictator" with "the leader"
 * and never "president" with "wants".
 */
import type { TaggedToken } from './pos';

/** Where a phrase sits in its clause. */
export type PhraseRole = 'subject' | 'predicate' | 'object' | 'oblique';

/** A noun phrase (an actor, a place, a thing) or a verb group (an act). */
export interface Phrase {
	kind: 'nominal' | 'verbal';
	role: PhraseRole;
	/** the preposition before an oblique noun phrase ("in", "at"); empty otherwise */
	prep: string;
	/** every token of the phrase, determiners and auxiliaries included */
	tokens: TaggedToken[];
	/** the head: a noun phrase's last noun or name, a verb group's last verb */
	head: TaggedToken;
	/** a pronoun ("he", "they"): it names no one by itself */
	pronoun: boolean;
	/** the head is a name (proper noun) */
	name: boolean;
}

const NOMINAL = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);
const HEADS = new Set(['NOUN', 'PROPN']);
const VERBAL = new Set(['AUX', 'VERB']);
/** Words after which a new clause (with its own subject) starts. */
const CLAUSE_OPENERS = new Set(['that', 'which', 'who', 'whom', 'because', 'while', 'when']);
const CLAUSE_PUNCT = /^[;:—–]$/u;

/** The head of a noun run: its last noun or name (English noun phrases are head-final). */
function nominalHead(run: TaggedToken[]): TaggedToken | undefined {
	for (let i = run.length - 1; i >= 0; i--) if (HEADS.has(run[i].pos)) return run[i];
	return undefined;
}

/** The head of a verb group: its last main verb, else its last auxiliary ("is" in "is there"). */
function verbalHead(run: TaggedToken[]): TaggedToken {
	for (let i = run.length - 1; i >= 0; i--) if (run[i].pos === 'VERB') return run[i];
	return run[run.length - 1];
}

/**
 * Splits a tagged sentence (or passage) into noun phrases and verb groups with their roles.
 * A possessive splits a noun run ("Reid's representative": two phrases).
 * @example chunkPhrases(tagText('The dictator postponed the talks.')).map((p) => [p.head.text, p.role])
 * // [['dictator', 'subject'], ['postponed', 'predicate'], ['talks', 'object']]
 */
export function chunkPhrases(tokens: readonly TaggedToken[]): Phrase[] {
	const out: Phrase[] = [];
	let seenVerb = false;
	let afterVerb = false;
	let prep = '';
	let i = 0;
	const push = (kind: Phrase['kind'], run: TaggedToken[], head: TaggedToken) => {
		const role: PhraseRole =
			kind === 'verbal'
				? 'predicate'
				: prep
					? 'oblique'
					: afterVerb
						? 'object'
						: seenVerb
							? 'oblique'
							: 'subject';
		out.push({
			kind,
			role,
			prep: role === 'oblique' ? prep : '',
			tokens: run,
			head,
			pronoun: head.pos === 'PRON',
			name: head.pos === 'PROPN'
		});
	};
	while (i < tokens.length) {
		const t = tokens[i];
		if (NOMINAL.has(t.pos) || t.pos === 'PRON') {
			const run: TaggedToken[] = [];
			if (t.pos === 'PRON') run.push(tokens[i++]);
			else
				while (i < tokens.length && NOMINAL.has(tokens[i].pos)) {
					// modifiers come before the head: a determiner or adjective after a noun starts
					// the next phrase ("Donald Trump | all day", "Tara Reid | famous")
					if (!HEADS.has(tokens[i].pos) && run.some((r) => HEADS.has(r.pos))) break;
					run.push(tokens[i++]);
					// a possessive closes the possessor's phrase
					if (tokens[i]?.pos === 'PART' && /^['’]s?$/u.test(tokens[i].text)) break;
				}
			const head = t.pos === 'PRON' ? t : nominalHead(run);
			if (head) push('nominal', run, head);
			if (tokens[i]?.pos === 'PART' && /^['’]s?$/u.test(tokens[i].text)) {
				i++;
				continue; // the possessed noun continues the same slot
			}
			afterVerb = false;
			prep = '';
			continue;
		}
		if (VERBAL.has(t.pos)) {
			const run: TaggedToken[] = [];
			while (
				i < tokens.length &&
				(VERBAL.has(tokens[i].pos) ||
					((tokens[i].pos === 'PART' || tokens[i].pos === 'ADV') &&
						VERBAL.has(tokens[i + 1]?.pos ?? '')))
			) {
				run.push(tokens[i++]);
			}
			push('verbal', run, verbalHead(run));
			seenVerb = true;
			afterVerb = true;
			prep = '';
			continue;
		}
		if (t.pos === 'ADP') prep = t.lemma;
		else if (t.pos === 'SCONJ' || CLAUSE_OPENERS.has(t.lemma) || CLAUSE_PUNCT.test(t.text)) {
			seenVerb = false;
			prep = '';
		} else if (t.pos !== 'ADV' && t.pos !== 'PART') prep = '';
		// "indicating when the deportations began": a clause opener ends the object slot
		if (t.pos !== 'ADV' || CLAUSE_OPENERS.has(t.lemma)) afterVerb = false;
		i++;
	}
	return out;
}
