/**
 * Scoring of sentence-pair suggestions on ECB+ (see evaldata/README.md): precision on same-event
 * document pairs, coverage of same-event pairs that have gold pairs, false alarms per
 * different-event pair. Only suggestions whose two sentences are both reliably annotated count.
 */
import { pairKey, type DocPair, type EcbData } from './ecbplus';

/** Suggestions for one document pair, as dataset sentence ids (line numbers). */
export interface PairPredictions {
	pair: DocPair;
	/** [sentence id in a, sentence id in b], best first, duplicates removed */
	links: [number, number][];
	ms: number;
}

/** The four figures of the evaluation, with the counts behind them. */
export interface EvalFigures {
	precision: number;
	coverage: number;
	falseAlarms: number;
	msPerPair: number;
	scored: number;
	correct: number;
	sameEventPairs: number;
	pairsWithGold: number;
	covered: number;
	differentEventPairs: number;
	alarms: number;
	/** all suggestions on different-event pairs, annotated sentences or not */
	alarmsUnfiltered: number;
	/**
	 * precision on the same-event pairs that have at least one gold pair: where the annotation
	 * records no shared event between two reports of one event, every suggestion counts as wrong
	 */
	precisionAnnotated: number;
	/**
	 * suggestions counted wrong in which one sentence has no annotated event mention at all, so
	 * that no suggestion with it could ever be a gold pair (a diagnostic of the gold, not a figure)
	 */
	wrongWithoutEvents: number;
}

/** Computes the figures from the predictions of every document pair. */
export function scorePredictions(data: EcbData, predictions: PairPredictions[]): EvalFigures {
	const goldDocPairs = new Set<string>();
	for (const key of data.gold) {
		const [x, y] = key.split('|').map((s) => s.split(':')[0]);
		goldDocPairs.add(x < y ? `${x}|${y}` : `${y}|${x}`);
	}
	let scored = 0;
	let correct = 0;
	let sameEventPairs = 0;
	let pairsWithGold = 0;
	let covered = 0;
	let differentEventPairs = 0;
	let alarms = 0;
	let alarmsUnfiltered = 0;
	let scoredAnnotated = 0;
	let wrongWithoutEvents = 0;
	let ms = 0;
	for (const { pair, links, ms: t } of predictions) {
		ms += t;
		const { a, b } = pair;
		const listedLinks = links.filter(
			([sa, sb]) => data.listed.has(`${a.id}:${sa}`) && data.listed.has(`${b.id}:${sb}`)
		);
		if (!pair.sameEvent) {
			differentEventPairs++;
			alarms += listedLinks.length;
			alarmsUnfiltered += links.length;
			continue;
		}
		sameEventPairs++;
		const hasGold = goldDocPairs.has(a.id < b.id ? `${a.id}|${b.id}` : `${b.id}|${a.id}`);
		if (hasGold) pairsWithGold++;
		let hit = false;
		if (hasGold) scoredAnnotated += listedLinks.length;
		for (const [sa, sb] of listedLinks) {
			scored++;
			if (data.gold.has(pairKey(a.id, sa, b.id, sb))) {
				correct++;
				hit = true;
			} else if (!data.withEvents.has(`${a.id}:${sa}`) || !data.withEvents.has(`${b.id}:${sb}`)) {
				wrongWithoutEvents++;
			}
		}
		if (hasGold && hit) covered++;
	}
	return {
		precision: scored ? correct / scored : 0,
		coverage: pairsWithGold ? covered / pairsWithGold : 0,
		falseAlarms: differentEventPairs ? alarms / differentEventPairs : 0,
		msPerPair: predictions.length ? ms / predictions.length : 0,
		scored,
		correct,
		sameEventPairs,
		pairsWithGold,
		covered,
		differentEventPairs,
		alarms,
		alarmsUnfiltered,
		// every correct suggestion lies in a pair with gold pairs
		precisionAnnotated: scoredAnnotated ? correct / scoredAnnotated : 0,
		wrongWithoutEvents
	};
}
