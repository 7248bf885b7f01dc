/**
 * The learned engine scored honestly: for each ECB+ topic, a model fitted on the other topics
 * suggests the topic's shared facts (leave-one-topic-out), at the threshold the app uses and at
 * others for a precision-recall table; and the previous, hand-set engine on the same candidates.
 */
import { FACT_MODEL, type FactModel } from '../../src/lib/domain/alignment/fact-model';
import {
	chooseFacts,
	MAX_PER_SENTENCE,
	selectPairs
} from '../../src/lib/domain/alignment/shared-facts';
import type { ScoredPair } from '../../src/lib/domain/alignment/pair-score';
import { predictLogistic } from '../train/logistic';
import { fitModel, topicsOf } from '../train/model';
import { heldOutDocumentProbabilities, withDocumentProbabilities } from '../train/document';
import { withSameEvent } from '../../src/lib/domain/alignment/pair-features';
import type { Example, PairCandidates } from '../train/examples';
import type { PairPredictions } from './score';

/** Maps selected candidates to dataset sentence ids, duplicates removed. */
function toLinks(
	pc: PairCandidates,
	chosen: readonly { a: number; b: number }[]
): [number, number][] {
	const seen = new Set<string>();
	const out: [number, number][] = [];
	for (const c of chosen) {
		const link: [number, number] = [pc.la[c.a], pc.lb[c.b]];
		const key = link.join('|');
		if (seen.has(key)) continue;
		seen.add(key);
		out.push(link);
	}
	return out;
}

/**
 * Leave-one-topic-out suggestions at each threshold: per threshold, the predictions of every
 * document pair, made by a model that never saw the pair's topic.
 */
export function crossValidatedRuns(
	pcs: readonly PairCandidates[],
	examples: readonly Example[],
	thresholds: readonly number[]
): Map<number, PairPredictions[]> {
	const runs = new Map<number, PairPredictions[]>(thresholds.map((t) => [t, []]));
	const labelled = examples.filter((e) => e.label !== null);
	for (const topic of topicsOf(labelled)) {
		// nested: no document model behind these figures saw the held-out topic
		const documents = heldOutDocumentProbabilities(pcs, [topic]);
		const fit = fitModel(
			withDocumentProbabilities(
				labelled.filter((e) => e.topic !== topic),
				documents
			)
		);
		pcs.forEach((pc, index) => {
			if (pc.pair.a.topic !== topic) return;
			const scored = pc.candidates.map((c) => {
				const features = withSameEvent(c.features, documents[index]);
				return { ...c, features, probability: predictLogistic(fit, features) };
			});
			for (const t of thresholds) {
				const chosen = chooseFacts(scored, pc.claims, t);
				(runs.get(t) as PairPredictions[]).push({
					pair: pc.pair,
					links: toLinks(pc, chosen),
					ms: 0
				});
			}
		});
	}
	return runs;
}

/** The previous engine: rule scores against its own per-pair threshold, same selection. */
export function previousEngineRun(pcs: readonly PairCandidates[]): PairPredictions[] {
	return pcs.map((pc) => {
		const chosen = selectPairs(
			pc.candidates.filter((c: ScoredPair) => c.ruleScore > 0 && c.ruleScore >= pc.ruleThreshold),
			MAX_PER_SENTENCE,
			(c) => c.ruleScore
		);
		return { pair: pc.pair, links: toLinks(pc, chosen), ms: 0 };
	});
}

/** The committed model's threshold (what the app shows as a shared fact). */
export const APP_THRESHOLD = (FACT_MODEL as FactModel).threshold;
