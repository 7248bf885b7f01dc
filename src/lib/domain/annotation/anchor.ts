/**
 * Re-anchoring an annotation's target in (possibly changed) article text: the stored position
 * if the quote is still exactly there, else the quote found by its words, its neighbours and its
 * old position. A target that cannot be placed confidently becomes an orphan for a person to
 * re-attach; it is never silently moved to a look-alike passage.
 */
import type { Span } from '../types';
import { matchQuote, matchTextPosition, matchTextQuote } from './match';
import { ANCHOR_THRESHOLD, type QuoteMatch } from './score';
import {
	createCodePointIndex,
	type CodePointIndex,
	type TextPositionSelector,
	type TextQuoteSelector
} from './selectors';

/** The selectors stored for one annotation target. */
export interface TargetSelectors {
	position?: TextPositionSelector;
	quote?: TextQuoteSelector;
}

/** How an anchored target was found. */
type AnchorMethod = 'position' | 'quote' | 'fuzzy';

/** Why a target could not be placed. */
export type OrphanReason =
	/** neither selector was given */
	| 'no-selector'
	/** nothing resembling the quote is in the text (or the position is past its end) */
	| 'not-found'
	/** the best candidate's confidence is below the threshold */
	| 'low-confidence'
	/** two or more places fit equally well */
	| 'ambiguous';

/** Result of anchoring one target: a span (UTF-16) with its confidence, or an orphan. */
export type AnchorResult =
	| { status: 'anchored'; span: Span; method: AnchorMethod; confidence: number }
	| { status: 'orphan'; reason: OrphanReason; best?: { span: Span; confidence: number } };

/** Options of anchorTarget. */
interface AnchorOptions {
	/** the text's code-point index, when anchoring many targets in one text */
	index?: CodePointIndex;
	/** minimum confidence to anchor (default ANCHOR_THRESHOLD) */
	threshold?: number;
}

/** Scores closer than this are a tie: nothing in the evidence prefers one place. */
const TIE = 1e-9;

function orphan(reason: OrphanReason, best?: QuoteMatch): AnchorResult {
	if (!best) return { status: 'orphan', reason };
	const span = { start: best.start, end: best.end };
	return { status: 'orphan', reason, best: { span, confidence: best.score } };
}

/** Chooses among scored candidates (best first): confident, unique, or an orphan. */
function decide(candidates: QuoteMatch[], threshold: number): AnchorResult {
	const [best, second] = candidates;
	if (!best) return orphan('not-found');
	if (best.score < threshold) return orphan('low-confidence', best);
	if (second && best.score - second.score < TIE) return orphan('ambiguous', best);
	return {
		status: 'anchored',
		span: { start: best.start, end: best.end },
		method: best.errors === 0 ? 'quote' : 'fuzzy',
		confidence: best.score
	};
}

/**
 * Places a target in `text`: (1) the position, if the quote is exactly there; (2) the exact
 * quote, chosen among its occurrences by prefix, suffix and nearness to the old position;
 * (3) the closest approximate match of the quote, judged the same way. Below the threshold
 * (or on a tie) the target is an orphan with the best candidate, if any, for a person to check.
 * A target with only a position is trusted at that position (the W3C model allows it; the
 * caller must know the article version is the same).
 * @example anchorTarget('One Two Three', { quote: { type: 'TextQuoteSelector', exact: 'Two' } })
 * // { status: 'anchored', span: { start: 4, end: 7 }, method: 'quote', confidence: 1 }
 */
export function anchorTarget(
	text: string,
	selectors: TargetSelectors,
	options: AnchorOptions = {}
): AnchorResult {
	const { position, quote } = selectors;
	const threshold = options.threshold ?? ANCHOR_THRESHOLD;
	if (!position && !quote) return orphan('no-selector');

	let hint: number | undefined;
	if (position) {
		const index = options.index ?? createCodePointIndex(text);
		const span = matchTextPosition(text, position, index);
		if (span && (!quote || text.slice(span.start, span.end) === quote.exact)) {
			return { status: 'anchored', span, method: 'position', confidence: 1 };
		}
		// where it used to start, clamped to the (possibly shortened) text
		const start = Number.isInteger(position.start) ? position.start : 0;
		hint = index.fromCodePoint(Math.min(Math.max(0, start), index.length));
	}
	if (!quote) return orphan('not-found');

	const { exact, prefix, suffix } = quote;
	// an empty quote (a caret) has no words to compare: only its exact context can place it
	const candidates =
		exact.length === 0
			? matchTextQuote(text, quote, { hint }).sort((a, b) => b.score - a.score)
			: matchQuote(text, exact, { prefix, suffix, hint });
	return decide(candidates, threshold);
}
