/**
 * Word-choice contrasts on ECB+ cross-document coreference chains. Every same-event document
 * pair is compared as the analysis does (shared-fact suggestions, then word-choice contrasts
 * inside them); a contrast is correct when its two expressions are mentions of one
 * cross-document entity or event chain ("Tara Reid" / "the actress", "entered" / "checked
 * into"). Recall is the share of differently worded chain pairs in gold shared-event sentence
 * pairs that some contrast finds. A naive baseline (unshared capitalised names, then unshared
 * nouns, paired in order inside the same aligned sentences) is scored in the same run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildArticleFeatures } from '../../src/lib/domain/alignment/features';
import { alignArticles } from '../../src/lib/domain/alignment/shared-facts';
import { tagSentence } from '../../src/lib/domain/framing/pos';
import { buildWordChoices, type AlignedPassages } from '../../src/lib/domain/framing/word-choice';
import { normalizeText } from '../../src/lib/domain/text/normalize';
import { segmentArticle } from '../../src/lib/domain/text/segment';
import type { SegmentedArticle, Span } from '../../src/lib/domain/types';
import type { EcbData } from './ecbplus';

/** A gold mention in normalised offsets, with its chain and kind. */
interface GoldMention extends Span {
	chain: string;
	kind: 'entity' | 'event';
	/** dataset sentence id (line) */
	sent: number;
	/** lower-cased head lemma, to tell "Reid" / "Tara Reid" (same wording) from "Reid" / "actress" */
	head: string;
}

/** A predicted contrast occurrence of one document pair. */
export interface ContrastPrediction {
	a: Span;
	b: Span;
}

/** A word-choice system: contrast occurrences for two articles and their aligned pairs. */
export type WordChoiceSystem = (
	a: SegmentedArticle,
	b: SegmentedArticle,
	pairs: AlignedPassages[]
) => ContrastPrediction[];

/** Precision and recall of one system, overall and per chain kind. */
export interface WordChoiceFigures {
	/** contrasts whose two sentences are reliably annotated */
	scored: number;
	correct: number;
	precision: number;
	/**
	 * contrasts the gold can judge: both expressions on gold cross-document mentions (ECB+
	 * annotates the mentions of each topic's main events and their participants, not every noun
	 * phrase: "attorney / lawyer" may be right and still unannotated)
	 */
	judged: number;
	precisionJudged: number;
	/**
	 * contrasts with at least one expression on a gold cross-document mention: the gold knows
	 * what that expression refers to, and the other must name the same chain to be right
	 */
	judgedOne: number;
	precisionJudgedOne: number;
	/** differently worded chain pairs in gold shared-event sentence pairs, and those found */
	goldUnits: number;
	found: number;
	recall: number;
	/** the same, only in gold sentence pairs the shared-fact engine suggested */
	alignedUnits: number;
	alignedFound: number;
	recallAligned: number;
	/** correct contrasts on entity chains and on event chains */
	correctEntity: number;
	correctEvent: number;
	/** document pairs with at least one scored contrast */
	pairsWithContrasts: number;
	ms: number;
}

/** Pronoun heads: "she" / "Reid" is reference, not a choice of words. */
const PRONOUNS = new Set(
	'i me my mine myself you your yours yourself he him his himself she her hers herself it its itself we us our ours ourselves they them their theirs themselves who whom whose which that this these those'.split(
		' '
	)
);

const overlaps = (x: Span, y: Span) => x.start < y.end && y.start < x.end;

/** Line (dataset sentence id) of a normalised offset of a one-sentence-per-line text. */
function lineAt(text: string, offset: number): number {
	let line = 0;
	for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
	return line;
}

/** Reads the gold mentions of every document, mapped to normalised offsets. */
function loadMentions(dir: string, data: EcbData): Map<string, GoldMention[]> {
	const kinds = new Map<string, 'entity' | 'event'>();
	const heads = new Map<string, string>();
	const docsOf = new Map<string, Set<string>>();
	for (const [file, kind] of [
		['ecbplus_entity_mentions.json', 'entity'],
		['ecbplus_event_mentions.json', 'event']
	] as const) {
		const list = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
			coref_chain: string;
			doc_id: string;
			sent_id: number;
			tokens_number: number[];
			mention_head_lemma: string;
			is_singleton: boolean;
		}[];
		for (const m of list) {
			if (m.is_singleton) continue;
			kinds.set(m.coref_chain, kinds.get(m.coref_chain) === 'event' ? 'event' : kind);
			heads.set(`${m.doc_id}:${m.sent_id}:${m.tokens_number[0]}`, m.mention_head_lemma);
			const docs = docsOf.get(m.coref_chain) ?? new Set();
			docs.add(m.doc_id);
			docsOf.set(m.coref_chain, docs);
		}
	}
	const byDoc = new Map<string, GoldMention[]>();
	const texts = new Map(data.docs.map((d) => [d.id, d.text]));
	for (const line of readFileSync(join(dir, 'ecbplus_docs.jsonl'), 'utf8').split('\n')) {
		if (!line.trim()) continue;
		const d = JSON.parse(line) as {
			doc_id: string;
			mentions: {
				chain: string;
				sent: number;
				start: number;
				char_start: number;
				char_end: number;
			}[];
		};
		const raw = texts.get(d.doc_id);
		if (raw === undefined) continue;
		const norm = normalizeText(raw);
		// raw -> normalised offsets (normalisation only drops or keeps characters here)
		const toNorm = new Int32Array(raw.length + 1).fill(-1);
		for (let k = norm.text.length - 1; k >= 0; k--) toNorm[norm.toRaw(k)] = k;
		toNorm[raw.length] = norm.text.length;
		for (let k = raw.length - 1; k >= 0; k--) if (toNorm[k] < 0) toNorm[k] = toNorm[k + 1];
		const out: GoldMention[] = [];
		for (const m of d.mentions) {
			const kind = kinds.get(m.chain);
			// cross-document chains only: a chain seen in one document names nothing twice
			if (!kind || (docsOf.get(m.chain)?.size ?? 0) < 2) continue;
			out.push({
				chain: m.chain,
				kind,
				sent: m.sent,
				start: toNorm[m.char_start],
				end: toNorm[m.char_end],
				head: (heads.get(`${d.doc_id}:${m.sent}:${m.start}`) ?? '').toLowerCase()
			});
		}
		byDoc.set(d.doc_id, out);
	}
	return byDoc;
}

/** Gold shared-event sentence pairs with their shared chains, keyed by document pair. */
function loadGoldSentencePairs(
	dir: string
): Map<string, { sa: number; sb: number; chains: string[] }[]> {
	const out = new Map<string, { sa: number; sb: number; chains: string[] }[]>();
	const text = readFileSync(join(dir, 'ecbplus_gold_shared_event_sentence_pairs.jsonl'), 'utf8');
	for (const line of text.split('\n')) {
		if (!line.trim()) continue;
		const g = JSON.parse(line) as {
			doc_a: string;
			sent_a: number;
			doc_b: string;
			sent_b: number;
			shared_event_chains: string[];
			shared_entity_chains: string[];
		};
		const chains = [...g.shared_event_chains, ...g.shared_entity_chains];
		// stored under both orders so a document pair finds it either way
		for (const [x, y, sx, sy] of [
			[g.doc_a, g.doc_b, g.sent_a, g.sent_b],
			[g.doc_b, g.doc_a, g.sent_b, g.sent_a]
		] as const) {
			const key = `${x}|${y}`;
			const list = out.get(key) ?? [];
			list.push({ sa: sx, sb: sy, chains });
			out.set(key, list);
		}
	}
	return out;
}

/**
 * The engine: the app's word-choice contrasts inside the given aligned pairs. Wording both
 * articles share ("meat grinder") names nothing differently, so it is no contrast to score.
 */
export const wordChoiceEngine: WordChoiceSystem = (a, b, pairs) =>
	buildWordChoices(a, b, pairs, { limit: Infinity })
		.filter((w) => w.kind !== 'shared')
		.flatMap((w) => w.occurrences.map((o) => ({ a: o.a, b: o.b })));

/** Capitalised runs not at a sentence start: the naive notion of a name. */
function names(article: SegmentedArticle, sentence: number): { span: Span; key: string }[] {
	const tokens = tagSentence(article, sentence);
	const out: { span: Span; key: string }[] = [];
	let run: typeof tokens = [];
	const close = () => {
		if (run.length) {
			out.push({
				span: { start: run[0].start, end: run[run.length - 1].end },
				key: run.map((t) => t.text.toLowerCase()).join(' ')
			});
		}
		run = [];
	};
	tokens.forEach((t, i) => {
		if (i > 0 && /^\p{Lu}/u.test(t.text) && /\p{L}/u.test(t.text)) run.push(t);
		else close();
	});
	close();
	return out;
}

/**
 * Naive baselines: inside each aligned sentence pair, the capitalised names only one side has are
 * paired in order of appearance, then (unless `namesOnly`) likewise the nouns only one side has.
 */
function naive(namesOnly: boolean): WordChoiceSystem {
	return (a, b, pairs) => {
		const out: ContrastPrediction[] = [];
		for (const p of pairs) {
			const na = names(a, p.a.sentence);
			const nb = names(b, p.b.sentence);
			const ka = new Set(na.map((n) => n.key));
			const kb = new Set(nb.map((n) => n.key));
			const onlyA = na.filter((n) => !kb.has(n.key));
			const onlyB = nb.filter((n) => !ka.has(n.key));
			for (let k = 0; k < Math.min(onlyA.length, onlyB.length); k++) {
				out.push({ a: onlyA[k].span, b: onlyB[k].span });
			}
			if (namesOnly) continue;
			const nouns = (art: SegmentedArticle, s: number) =>
				tagSentence(art, s).filter((t) => t.pos === 'NOUN');
			const xa = nouns(a, p.a.sentence);
			const xb = nouns(b, p.b.sentence);
			const la = new Set(xa.map((t) => t.lemma));
			const lb = new Set(xb.map((t) => t.lemma));
			const ua = xa.filter((t) => !lb.has(t.lemma));
			const ub = xb.filter((t) => !la.has(t.lemma));
			for (let k = 0; k < Math.min(ua.length, ub.length); k++) out.push({ a: ua[k], b: ub[k] });
		}
		return out;
	};
}

/** Naive baseline: unshared capitalised names paired in order, then unshared nouns. */
export const naiveBaseline: WordChoiceSystem = naive(false);

/** Naive baseline: only the unshared capitalised names, paired in order of appearance. */
export const namesBaseline: WordChoiceSystem = naive(true);

/**
 * Runs the systems on every same-event document pair of `data`, inside the shared facts the
 * current engine suggests, and scores them against the cross-document chains.
 */
export function evaluateWordChoices(
	dir: string,
	data: EcbData,
	systems: [string, WordChoiceSystem][],
	/** called for every scored contrast (to inspect errors) */
	onScored?: (name: string, texts: [string, string], correct: boolean, gold: string[]) => void,
	/** called for every gold unit in a suggested sentence pair that no contrast found */
	onMissed?: (name: string, a: string[], b: string[], sentences: [string, string]) => void
): [string, WordChoiceFigures][] {
	const mentions = loadMentions(dir, data);
	const goldPairs = loadGoldSentencePairs(dir);
	// each document is segmented once; its features too, as the analysis builds them per article
	const docs = new Map(
		data.docs.map((d) => {
			const article = segmentArticle(d.text);
			return [d.id, { article, features: buildArticleFeatures(article) }];
		})
	);
	const pairs = data.pairs
		.filter((p) => p.sameEvent)
		.map((p) => {
			const x = docs.get(p.a.id)!;
			const y = docs.get(p.b.id)!;
			// as the analysis does: shared facts, then same-subject pairs making different claims
			const alignment = alignArticles(x.features, y.features);
			const facts: AlignedPassages[] = [...alignment.facts, ...alignment.contrasts];
			return { pair: p, a: x.article, b: y.article, facts };
		});
	return systems.map(([name, system]) => {
		const f: WordChoiceFigures = {
			scored: 0,
			correct: 0,
			precision: 0,
			judged: 0,
			precisionJudged: 0,
			judgedOne: 0,
			precisionJudgedOne: 0,
			goldUnits: 0,
			found: 0,
			recall: 0,
			alignedUnits: 0,
			alignedFound: 0,
			recallAligned: 0,
			correctEntity: 0,
			correctEvent: 0,
			pairsWithContrasts: 0,
			ms: 0
		};
		let correctJudged = 0;
		for (const { pair, a, b, facts } of pairs) {
			const t0 = performance.now();
			const predictions = system(a, b, facts);
			f.ms += performance.now() - t0;
			const ma = mentions.get(pair.a.id) ?? [];
			const mb = mentions.get(pair.b.id) ?? [];
			const hits: { sa: number; sb: number; chain: string }[] = [];
			let any = false;
			for (const p of predictions) {
				const sa = lineAt(a.text, p.a.start);
				const sb = lineAt(b.text, p.b.start);
				if (!data.listed.has(`${pair.a.id}:${sa}`) || !data.listed.has(`${pair.b.id}:${sb}`))
					continue;
				f.scored++;
				any = true;
				const onA = ma.filter((m) => overlaps(m, p.a));
				const onB = mb.filter((m) => overlaps(m, p.b));
				const judged = onA.length > 0 && onB.length > 0;
				if (judged) f.judged++;
				if (onA.length > 0 || onB.length > 0) f.judgedOne++;
				// one chain, worded differently: "Tara Reid" / "Reid" is the same naming shortened
				const shared = onA.find((x) => onB.some((y) => y.chain === x.chain && x.head !== y.head));
				onScored?.(
					name,
					[a.text.slice(p.a.start, p.a.end), b.text.slice(p.b.start, p.b.end)],
					!!shared,
					[
						...onA.map((m) => `A:${a.text.slice(m.start, m.end)}`),
						...onB.map((m) => `B:${b.text.slice(m.start, m.end)}`)
					]
				);
				if (!shared) continue;
				f.correct++;
				correctJudged++;
				if (shared.kind === 'entity') f.correctEntity++;
				else f.correctEvent++;
				for (const x of onA) {
					if (onB.some((y) => y.chain === x.chain && x.head !== y.head)) {
						hits.push({ sa, sb, chain: x.chain });
					}
				}
			}
			if (any) f.pairsWithContrasts++;
			const aligned = new Set(
				facts.map(
					(x) =>
						`${lineAt(a.text, a.sentences[x.a.sentence].start)}|${lineAt(b.text, b.sentences[x.b.sentence].start)}`
				)
			);
			// recall units: chains of a gold sentence pair named with different heads on the two sides
			for (const g of goldPairs.get(`${pair.a.id}|${pair.b.id}`) ?? []) {
				for (const chain of g.chains) {
					const xa = ma.filter((m) => m.chain === chain && m.sent === g.sa);
					const xb = mb.filter((m) => m.chain === chain && m.sent === g.sb);
					// named differently: neither side uses a head the other uses (pronouns aside)
					const heads = (ms: GoldMention[]) =>
						new Set(ms.map((m) => m.head).filter((h) => h && !PRONOUNS.has(h)));
					const ha = heads(xa);
					const hb = heads(xb);
					if (!ha.size || !hb.size || [...ha].some((h) => hb.has(h))) continue;
					const hit = hits.some((h) => h.sa === g.sa && h.sb === g.sb && h.chain === chain);
					f.goldUnits++;
					if (hit) f.found++;
					if (!aligned.has(`${g.sa}|${g.sb}`)) continue;
					f.alignedUnits++;
					if (hit) f.alignedFound++;
					else
						onMissed?.(
							name,
							xa.map((m) => a.text.slice(m.start, m.end)),
							xb.map((m) => b.text.slice(m.start, m.end)),
							[a.text.split('\n')[g.sa], b.text.split('\n')[g.sb]]
						);
				}
			}
		}
		f.precision = f.scored ? f.correct / f.scored : 0;
		f.precisionJudged = f.judged ? correctJudged / f.judged : 0;
		f.precisionJudgedOne = f.judgedOne ? correctJudged / f.judgedOne : 0;
		f.recallAligned = f.alignedUnits ? f.alignedFound / f.alignedUnits : 0;
		f.recall = f.goldUnits ? f.found / f.goldUnits : 0;
		f.ms /= pairs.length;
		return [name, f];
	});
}
