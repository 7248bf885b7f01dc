/**
 * The learned shared-fact model: logistic regression over the pair features (pair-features.ts),
 * fitted by `npm run train` on the ECB+ development topics with cross-validation grouped by topic.
 * Its output is the probability that two sentences state the same fact. The fitted weights live in
 * fact-model.json with their provenance; reading them tells which evidence counts how much.
 */
import fitted from './fact-model.json';
import { FEATURE_NAMES } from './pair-features';
import { DOCUMENT_FEATURE_NAMES, type DocumentModel } from './same-event';

/** A fitted logistic model over standardised features. */
export interface FactModel {
	/** model id, e.g. "fact-model-1"; part of the analysis cache key through ENGINE_VERSION */
	version: string;
	/** feature names in vector order; must equal FEATURE_NAMES */
	features: string[];
	/** per-feature mean and scale used to standardise before the weights apply */
	mean: number[];
	scale: number[];
	weights: number[];
	bias: number;
	/** Platt scaling of the raw output: P = σ(a·logit(raw) + b) */
	calibration: { a: number; b: number };
	/** probability at or above which a pair is shown as a shared fact */
	threshold: number;
	/** probability at or above which a pair counts as a possible counterpart (not one-sided) */
	counterpart: number;
	/** the document stage: whether the two articles report one event (same-event.ts) */
	document: DocumentModel;
}

/** The committed model, checked against the feature list it was fitted on. */
export const FACT_MODEL: FactModel = fitted as FactModel;

if (
	FACT_MODEL.features.join() !== FEATURE_NAMES.join() ||
	FACT_MODEL.document?.features.join() !== DOCUMENT_FEATURE_NAMES.join()
) {
	throw new Error('fact-model.json was fitted on other features: run `npm run train`');
}

/** The logistic function. */
function sigmoid(z: number): number {
	return 1 / (1 + Math.exp(-z));
}

/**
 * Calibrated probability that a pair with these features states one fact, as often as pairs
 * with this output were gold shared facts between reports of one event (held-out topics).
 * @example factProbability(FACT_MODEL, pairFeatures(evidence, keyOf)) // 0.87
 */
export function factProbability(model: FactModel, x: readonly number[]): number {
	// the raw log-odds; calibration is linear in it
	let z = model.bias;
	for (let i = 0; i < x.length; i++) {
		z += model.weights[i] * ((x[i] - model.mean[i]) / model.scale[i]);
	}
	return sigmoid(model.calibration.a * z + model.calibration.b);
}

/**
 * The highest probability a pair could reach whatever the values in 0..1 of the features at
 * `free` (the other features as in `x`): a pair below a threshold even then needs no more evidence.
 * @example probabilityBound(FACT_MODEL, features, [14, 15]) >= factProbability(FACT_MODEL, features)
 */
export function probabilityBound(
	model: FactModel,
	x: readonly number[],
	free: readonly number[]
): number {
	let z = model.bias;
	for (let i = 0; i < x.length; i++) {
		z += model.weights[i] * ((x[i] - model.mean[i]) / model.scale[i]);
	}
	for (const i of free) {
		const w = model.weights[i] / model.scale[i];
		// the feature's part as computed, replaced by its largest part over 0..1
		z += Math.max(w * (1 - model.mean[i]), w * -model.mean[i]) - w * (x[i] - model.mean[i]);
	}
	// calibration is increasing in the raw log-odds (a > 0)
	return sigmoid(model.calibration.a * z + model.calibration.b);
}
