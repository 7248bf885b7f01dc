/**
 * Colour checks for the chart palette: WCAG contrast and colour-vision-deficiency simulation, so
 * "colour-blind-safe" is a tested property of `palette.ts` rather than a claim.
 */

type Rgb = [number, number, number];

/** Parses `#rrggbb` into 0–255 channels. */
function parseHex(hex: string): Rgb {
	const m = /^#([0-9a-f]{6})$/i.exec(hex);
	if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
	const n = parseInt(m[1], 16);
	return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** sRGB channel (0–255) to linear light (0–1), as WCAG 2 and CIE define it. */
function toLinear(c: number): number {
	const s = c / 255;
	return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/**
 * WCAG 2 relative luminance of a `#rrggbb` colour (0 black … 1 white).
 * @example relativeLuminance('#ffffff') // 1
 */
function relativeLuminance(hex: string): number {
	const [r, g, b] = parseHex(hex).map(toLinear);
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * WCAG 2 contrast ratio of two colours (1–21): text needs 4.5, graphics 3.
 * @example contrastRatio('#000000', '#ffffff') // 21
 */
export function contrastRatio(fg: string, bg: string): number {
	const [hi, lo] = [relativeLuminance(fg), relativeLuminance(bg)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
}

/** Kinds of dichromacy simulated: the three the palette must survive. */
export type Deficiency = 'protanopia' | 'deuteranopia' | 'tritanopia';

// Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB
const CVD: Record<Deficiency, number[]> = {
	protanopia: [
		0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998
	],
	deuteranopia: [
		0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.01182, 0.04294, 0.968881
	],
	tritanopia: [
		1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367, 0.3039
	]
};

/** Linear RGB as a dichromat sees it (clamped to the gamut). */
function simulate(lin: Rgb, kind: Deficiency): Rgb {
	const m = CVD[kind];
	const out = [0, 1, 2].map((row) =>
		Math.min(
			1,
			Math.max(0, m[row * 3] * lin[0] + m[row * 3 + 1] * lin[1] + m[row * 3 + 2] * lin[2])
		)
	);
	return out as Rgb;
}

/** Linear RGB to CIE L*a*b* (D65). */
function toLab([r, g, b]: Rgb): Rgb {
	const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
	const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
	const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
	const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116);
	return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/**
 * CIE76 colour difference ΔE*ab of two colours, optionally as a dichromat sees them
 * (about 2.3 is just noticeable; marks that must be told apart want well over 10).
 * @example colorDistance('#000000', '#ffffff') // 100
 */
export function colorDistance(c1: string, c2: string, deficiency?: Deficiency): number {
	const lin = (hex: string) => {
		const l = parseHex(hex).map(toLinear) as Rgb;
		return deficiency ? simulate(l, deficiency) : l;
	};
	const [l1, a1, b1] = toLab(lin(c1));
	const [l2, a2, b2] = toLab(lin(c2));
	return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}
