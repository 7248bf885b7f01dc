/**
 * Training examples for the shared-fact model from ECB+: every candidate sentence pair the engine
 * considers, in every pair of documents of one topic (same event or not), with its feature vector
 * and its label: between reports of one event, where both sentences are reliably annotated, 1 when
 * the two sentences mention a common event in the gold annotation, else 0 (unannotated sentences
 * give no label); between reports of two different events of one topic, every candidate is a
 * negative, annotated or not: a class would be misled by any link between them.
 */
import {
	buildArticleFeatures,
	type ArticleFeatures
} from '../../src/lib/domain/alignment/features';
import { scorePairs, type ScoredPair } from '../../src/lib/domain/alignment/pair-score';
import { claimsOf } from '../../src/lib/domain/alignment/shared-facts';
import { segmentArticle } from '../../src/lib/domain/text/segment';
import { pairKey, type DocPair, type EcbData } from '../eval/ecbplus';
import { lineOfSentence } from '../eval/run';

/** One candidate pair of sentences. */
export interface Example {
	topic: number;
	/** the two documents report the same event */
	sameEvent: boolean;
	/** index of the example's document pair in the collected candidates */
	pair: number;
	features: number[];
	/** 1 same event, 0 not, null when a sentence is not reliably annotated */
	label: 0 | 1 | null;
}

/** The engine's candidates for one document pair, with the sentence lines they map to. */
export interface PairCandidates {
	pair: DocPair;
	/** dataset sentence id (line) of each segmented sentence of a and of b */
	la: number[];
	lb: number[];
	candidates: ScoredPair[];
	/** which sentences of a and of b state claims, not positions (see claimsOf) */
	claims: { a: boolean[]; b: boolean[] };
	/** the previous engine's threshold on rule scores for this pair */
	ruleThreshold: number;
	/** the document stage's features of the pair (same-event.ts) */
	documentFeatures: number[];
}

/** The label of a candidate between sentence lines `sa` of a and `sb` of b. */
export function labelOf(data: EcbData, pair: DocPair, sa: number, sb: number): 0 | 1 | null {
	const { a, b } = pair;
	// any link between reports of two different events is wrong, annotated sentences or not
	if (!pair.sameEvent) return 0;
	if (!data.listed.has(`${a.id}:${sa}`) || !data.listed.has(`${b.id}:${sb}`)) return null;
	return data.gold.has(pairKey(a.id, sa, b.id, sb)) ? 1 : 0;
}

/** Scores the candidates of every document pair once (features do not depend on the model). */
export function collectCandidates(data: EcbData): PairCandidates[] {
	const segmented = new Map(data.docs.map((d) => [d.id, segmentArticle(d.text)]));
	const features = new Map<string, ArticleFeatures>();
	const lines = new Map<string, number[]>();
	const claims = new Map<string, boolean[]>();
	for (const [id, s] of segmented) {
		const f = buildArticleFeatures(s);
		features.set(id, f);
		claims.set(id, claimsOf(f));
		lines.set(id, lineOfSentence(s));
	}
	return data.pairs.map((pair) => {
		const { candidates, ruleThreshold, documentFeatures } = scorePairs(
			features.get(pair.a.id) as ArticleFeatures,
			features.get(pair.b.id) as ArticleFeatures,
			undefined,
			{ exhaustive: true }
		);
		return {
			pair,
			la: lines.get(pair.a.id) as number[],
			lb: lines.get(pair.b.id) as number[],
			candidates,
			claims: { a: claims.get(pair.a.id) as boolean[], b: claims.get(pair.b.id) as boolean[] },
			ruleThreshold,
			documentFeatures
		};
	});
}

/** Turns the candidates into training examples. */
export function toExamples(data: EcbData, pcs: readonly PairCandidates[]): Example[] {
	const out: Example[] = [];
	pcs.forEach(({ pair, la, lb, candidates }, index) => {
		for (const c of candidates) {
			out.push({
				topic: pair.a.topic,
				sameEvent: pair.sameEvent,
				pair: index,
				features: c.features,
				label: labelOf(data, pair, la[c.a], lb[c.b])
			});
		}
	});
	return out;
}
