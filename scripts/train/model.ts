/**
 * Fitting and cross-validating the shared-fact model: logistic regression over the pair features,
 * folds grouped by ECB+ topic so that every figure comes from topics the model did not see.
 */
import { fitLogistic, predictLogistic, type LogisticFit } from './logistic';
import type { Example, PairCandidates } from './examples';
import { withHeldOutDocuments } from './document';

/** Id of the model the trainer writes (part of the engine version). */
export const MODEL_VERSION = 'fact-model-5';
/** Ridge strength on standardised features: mild, the model has ~20 weights and ~10⁵ examples. */
export const L2 = 1;

/** Fits the model on labelled examples. */
export function fitModel(examples: readonly Example[]): LogisticFit {
	return fitLogistic(
		examples.map((e) => e.features),
		examples.map((e) => e.label as number),
		{ l2: L2 }
	);
}

/** An out-of-fold prediction. */
export interface HeldOut {
	topic: number;
	sameEvent: boolean;
	p: number;
	label: number;
}

/** The topics of a set of examples, sorted. */
export function topicsOf(examples: readonly Example[]): number[] {
	return [...new Set(examples.map((e) => e.topic))].sort((x, y) => x - y);
}

/**
 * Leave-one-topic-out predictions: each topic scored by a model fitted on the others, its
 * `sameEvent` feature from document models that never saw the held-out topic (nested).
 */
export function crossValidate(
	labelled: readonly Example[],
	pcs: readonly PairCandidates[]
): HeldOut[] {
	const out: HeldOut[] = [];
	for (const topic of topicsOf(labelled)) {
		const examples = withHeldOutDocuments(labelled, pcs, topic);
		const fit = fitModel(examples.filter((e) => e.topic !== topic));
		for (const e of examples) {
			if (e.topic !== topic) continue;
			out.push({
				topic,
				sameEvent: e.sameEvent,
				p: predictLogistic(fit, e.features),
				label: e.label as number
			});
		}
	}
	return out;
}

/** Raw model output at or above which a pair is shown as a shared fact (chosen on the grouped CV). */
export const RAW_THRESHOLD = 0.22;
/** Raw output at or above which a passage has a possible counterpart (never one-sided). */
export const RAW_COUNTERPART = 0.1;

/** Platt scaling: P = σ(a·logit(p) + b). */
export interface Calibration {
	a: number;
	b: number;
}

/** The log-odds of a probability, clamped away from 0 and 1. */
export function logit(p: number): number {
	const q = Math.min(1 - 1e-9, Math.max(1e-9, p));
	return Math.log(q / (1 - q));
}

/**
 * Fits Platt scaling on out-of-fold predictions between reports of one event (the situation a
 * reader is in): the model is fitted with every cross-event candidate as a negative, which lowers
 * its raw output; the calibration maps it back to how often such a pair is a gold shared fact.
 */
export function fitCalibration(held: readonly HeldOut[]): Calibration {
	const same = held.filter((h) => h.sameEvent);
	const fit = fitLogistic(
		same.map((h) => [logit(h.p)]),
		same.map((h) => h.label),
		{ l2: 0 }
	);
	const a = fit.weights[0] / fit.scale[0];
	return { a, b: fit.bias - a * fit.mean[0] };
}

/** Applies a calibration to a raw probability. */
export function calibrate(c: Calibration, p: number): number {
	return 1 / (1 + Math.exp(-(c.a * logit(p) + c.b)));
}

/** One row of a reliability table: predictions in [from, to), their mean and the observed rate. */
export interface ReliabilityRow {
	from: number;
	to: number;
	n: number;
	predicted: number;
	observed: number;
}

/** Reliability table of out-of-fold predictions in ten equal-width bins (empty bins left out). */
export function reliability(held: readonly HeldOut[]): ReliabilityRow[] {
	const rows: ReliabilityRow[] = [];
	for (let i = 0; i < 10; i++) {
		const from = i / 10;
		const to = (i + 1) / 10;
		const inBin = held.filter((h) => h.p >= from && (h.p < to || (i === 9 && h.p <= 1)));
		if (inBin.length === 0) continue;
		const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
		rows.push({
			from,
			to,
			n: inBin.length,
			predicted: Math.round(mean(inBin.map((h) => h.p)) * 1000) / 1000,
			observed: Math.round(mean(inBin.map((h) => h.label)) * 1000) / 1000
		});
	}
	return rows;
}
