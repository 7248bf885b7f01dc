import { encode } from 'uqr';

/** A QR code as one SVG path of unit squares (drawn by Svelte, so no HTML string is injected). */
interface QrPath {
	/** modules per side, without the quiet zone */
	size: number;
	/** the dark modules, in viewBox units of one module */
	d: string;
}

/** The QR code of `text`, made on the server (nothing is sent to a QR service). */
export function createQrPath(text: string): QrPath {
	const { size, data } = encode(text, { ecc: 'M', border: 0 });
	let d = '';
	data.forEach((row, y) =>
		row.forEach((dark, x) => {
			if (dark) d += `M${x} ${y}h1v1h-1z`;
		})
	);
	return { size, d };
}
