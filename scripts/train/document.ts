/**
 * The document stage's model (src/lib/domain/alignment/same-event.ts) and the nesting that keeps
 * its output honest as a feature of the sentence-pair model: wherever a figure is computed for a
 * held-out topic, the document model that fed the pair model never saw that topic, and the pair
 * model's training features for each other topic come from a document model that saw neither.
 */
import { withSameEvent } from '../../src/lib/domain/alignment/pair-features';
import { sameEventProbability } from '../../src/lib/domain/alignment/same-event';
import { fitLogistic, type LogisticFit } from './logistic';
import type { Example, PairCandidates } from './examples';

/** Ridge strength of the document model: ~5,000 document pairs, a dozen features. */
export const DOCUMENT_L2 = 1;

/** Fits the document model on the document pairs of the topics not excluded. */
export function fitDocumentModel(
	pcs: readonly PairCandidates[],
	excluded: readonly number[] = []
): LogisticFit {
	const kept = pcs.filter((pc) => !excluded.includes(pc.pair.a.topic));
	return fitLogistic(
		kept.map((pc) => pc.documentFeatures),
		kept.map((pc) => (pc.pair.sameEvent ? 1 : 0)),
		{ l2: DOCUMENT_L2 }
	);
}

/**
 * Document-stage probabilities that never saw the topics in `excluded` nor the pair's own topic:
 * one per document pair, from document models fitted per topic (memoised by the left-out set).
 */
export function heldOutDocumentProbabilities(
	pcs: readonly PairCandidates[],
	excluded: readonly number[] = []
): number[] {
	const fits = new Map<number, LogisticFit>();
	return pcs.map((pc) => {
		const topic = pc.pair.a.topic;
		let fit = fits.get(topic);
		if (!fit) {
			fit = fitDocumentModel(pcs, [...new Set([...excluded, topic])]);
			fits.set(topic, fit);
		}
		return sameEventProbability({ ...fit, features: [] }, pc.documentFeatures);
	});
}

/**
 * The examples with their `sameEvent` feature from held-out document models: for a held-out
 * topic t, every topic's pairs are judged by a document model that saw neither t nor their own
 * topic (t's own pairs by one that saw only the other topics); with no t, by one fitted without
 * their own topic (the committed pair model's training features).
 */
export function withHeldOutDocuments(
	examples: readonly Example[],
	pcs: readonly PairCandidates[],
	heldOut?: number
): Example[] {
	const p = heldOutDocumentProbabilities(pcs, heldOut === undefined ? [] : [heldOut]);
	return withDocumentProbabilities(examples, p);
}

/** The examples with `sameEvent` set from one probability per document pair. */
export function withDocumentProbabilities(
	examples: readonly Example[],
	probabilities: readonly number[]
): Example[] {
	return examples.map((e) => ({
		...e,
		features: withSameEvent(e.features, probabilities[e.pair])
	}));
}
