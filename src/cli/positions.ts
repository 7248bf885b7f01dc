/**
 * From the domain's coordinates (UTF-16 offsets into the normalised text) to the CLI's: Unicode
 * code points into the text the user gave, as W3C TextPositionSelector counts them, with the
 * `exact` text each range selects.
 */
import { normalizeText } from '../lib/domain/text';

/** A range in the given text, in code points, with the text it selects. */
export interface TextPosition {
	start: number;
	end: number;
	exact: string;
}

/** Converts normalised-text spans of one article to code-point positions in its raw text. */
export interface PositionMapper {
	/** code-point position in the raw text of the normalised span [start, end) */
	toPosition(start: number, end: number): TextPosition;
}

/**
 * Builds the mapper for one raw text: normalised → raw UTF-16 through the normaliser's offset
 * map, then raw UTF-16 → code points through a prefix count of surrogate pairs.
 * @example createPositionMapper('😀 Hi.').toPosition(3, 6) // {start: 2, end: 5, exact: 'Hi.'}
 */
export function createPositionMapper(raw: string): PositionMapper {
	const normalized = normalizeText(raw);
	// codePoints[i] = number of code points in raw.slice(0, i)
	const codePoints = new Int32Array(raw.length + 1);
	for (let i = 0, n = 0; i < raw.length; i++) {
		const c = raw.charCodeAt(i);
		const lowAfterHigh =
			c >= 0xdc00 &&
			c <= 0xdfff &&
			i > 0 &&
			raw.charCodeAt(i - 1) >= 0xd800 &&
			raw.charCodeAt(i - 1) <= 0xdbff;
		if (!lowAfterHigh) n++;
		codePoints[i + 1] = n;
	}
	return {
		toPosition(start, end) {
			const rawStart = normalized.toRaw(start);
			const rawEnd = Math.max(rawStart, normalized.toRawEnd(end));
			return {
				start: codePoints[rawStart],
				end: codePoints[rawEnd],
				exact: raw.slice(rawStart, rawEnd)
			};
		}
	};
}
