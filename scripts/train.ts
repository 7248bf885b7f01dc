/**
 * `npm run train`: fits the shared-fact model on the ECB+ development topics and writes
 * src/lib/domain/alignment/fact-model.json (weights, standardisation, threshold, provenance and
 * the cross-validated reliability table). Deterministic: the same data gives the same file.
 */
import { writeFileSync } from 'node:fs';
import { FEATURE_NAMES } from '../src/lib/domain/alignment/pair-features';
import { ECB_DIR, loadEcbPlus } from './eval/ecbplus';
import { collectCandidates, toExamples } from './train/examples';
import { DOCUMENT_L2, fitDocumentModel, withHeldOutDocuments } from './train/document';
import { DOCUMENT_FEATURE_NAMES } from '../src/lib/domain/alignment/same-event';
import {
	calibrate,
	crossValidate,
	fitCalibration,
	fitModel,
	L2,
	MODEL_VERSION,
	RAW_COUNTERPART,
	RAW_THRESHOLD,
	reliability
} from './train/model';

const args = process.argv.slice(2);
const dataDir = args.includes('--data') ? args[args.indexOf('--data') + 1] : ECB_DIR;
const started = Date.now();
const data = loadEcbPlus(dataDir);
const pcs = collectCandidates(data);
const examples = toExamples(data, pcs);
const labelled = examples.filter((e) => e.label !== null);
console.log(
	`${examples.length} candidate pairs, ${labelled.length} labelled, ${labelled.filter((e) => e.label === 1).length} positive`
);
const cv = crossValidate(labelled, pcs);
const calibration = fitCalibration(cv);
// reliability of the calibrated probabilities between reports of one event (what a reader sees)
const table = reliability(
	cv.filter((h) => h.sameEvent).map((h) => ({ ...h, p: calibrate(calibration, h.p) }))
);
for (const row of table) console.log(row);
// the committed pair model reads, for each topic, a document model fitted without that topic
const fit = fitModel(withHeldOutDocuments(labelled, pcs));
const documentFit = fitDocumentModel(pcs);
const model = {
	version: MODEL_VERSION,
	provenance:
		'Fitted by `npm run train` (scripts/train.ts) on ECB+ topics 1-22 (../shared/evaldata/ecbplus-dev): ' +
		'every candidate sentence pair of every two documents of one topic whose two sentences are listed in ' +
		'ECBplus_coreference_sentences.csv; positive when the gold marks a common event, negative otherwise ' +
		'(every candidate across different events of a topic is negative, annotated or not). L2-regularised ' +
		'logistic regression (Newton), then Platt scaling fitted on leave-one-topic-out predictions between ' +
		'reports of one event. threshold/counterpart are in calibrated units.',
	trainedOn: { documents: data.docs.length, examples: labelled.length, l2: L2 },
	features: [...FEATURE_NAMES],
	mean: fit.mean.map(round),
	scale: fit.scale.map(round),
	weights: fit.weights.map(round),
	bias: round(fit.bias),
	calibration: { a: round(calibration.a), b: round(calibration.b) },
	threshold: round(calibrate(calibration, RAW_THRESHOLD)),
	counterpart: round(calibrate(calibration, RAW_COUNTERPART)),
	reliability: table,
	document: {
		provenance:
			'Document stage (same-event.ts), fitted by `npm run train` on every pair of documents of one ' +
			'ECB+ topic (label: the two report one event); L2-regularised logistic regression. The pair ' +
			"model's sameEvent feature was made, for each topic, by a document model fitted without it.",
		trainedOn: { documentPairs: pcs.length, l2: DOCUMENT_L2 },
		features: [...DOCUMENT_FEATURE_NAMES],
		mean: documentFit.mean.map(round),
		scale: documentFit.scale.map(round),
		weights: documentFit.weights.map(round),
		bias: round(documentFit.bias)
	}
};
writeFileSync('src/lib/domain/alignment/fact-model.json', JSON.stringify(model, null, '\t') + '\n');
console.log(
	`wrote src/lib/domain/alignment/fact-model.json in ${((Date.now() - started) / 1000).toFixed(0)} s`
);

/** Six significant decimals: enough for the model, stable across machines. */
function round(x: number): number {
	return Math.round(x * 1e6) / 1e6;
}
