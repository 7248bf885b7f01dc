/**
 * Browser-only chart downloads: an SVG that stands alone (computed styles inlined, fonts named,
 * a white background) and a PNG drawn from it at twice the size. Touches `document`, `Image` and
 * canvas, so components import it lazily from a click handler and it never runs during SSR.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

// inherited presentation properties: inlined only where they differ from the parent's value
const INHERITED = [
	'fill',
	'fill-opacity',
	'stroke',
	'stroke-width',
	'stroke-dasharray',
	'stroke-opacity',
	'font-family',
	'font-size',
	'font-weight',
	'font-style',
	'text-anchor',
	'dominant-baseline',
	'visibility'
] as const;

// attributes that only make sense inside the page (keyboard focus, states, test hooks)
const PAGE_ONLY = ['tabindex', 'aria-pressed', 'aria-describedby', 'data-testid'];

/** Copies the computed styles the SVG's look depends on into inline `style` attributes. */
function inlineStyles(source: Element, target: Element, parent: CSSStyleDeclaration | null): void {
	const computed = getComputedStyle(source);
	const decl: string[] = [];
	for (const prop of INHERITED) {
		const value = computed.getPropertyValue(prop);
		if (value && (!parent || parent.getPropertyValue(prop) !== value))
			decl.push(`${prop}:${value}`);
	}
	const opacity = computed.getPropertyValue('opacity');
	if (opacity && opacity !== '1') decl.push(`opacity:${opacity}`);
	if (decl.length) target.setAttribute('style', decl.join(';'));
	for (const attr of PAGE_ONLY) target.removeAttribute(attr);
	const kids = source.children;
	const copies = target.children;
	for (let i = 0; i < kids.length && i < copies.length; i++) {
		inlineStyles(kids[i], copies[i], computed);
	}
}

/** Drops comment nodes (framework hydration markers): noise in a file people open. */
function removeComments(root: Node): void {
	for (const child of [...root.childNodes]) {
		if (child.nodeType === Node.COMMENT_NODE) child.remove();
		else removeComments(child);
	}
}

/** The drawn size of an SVG: its width/height attributes, else its viewBox. */
function sizeOf(svg: SVGSVGElement): { width: number; height: number } {
	const view =
		svg
			.getAttribute('viewBox')
			?.split(/[\s,]+/)
			.map(Number) ?? [];
	const width = Number(svg.getAttribute('width')) || view[2] || 0;
	const height = Number(svg.getAttribute('height')) || view[3] || 0;
	return { width, height };
}

/**
 * Serialises a chart's SVG so it renders the same outside the page: namespaces, inline styles,
 * explicit size and a white background (so dark viewers do not swallow black text).
 */
export function serializeSvg(svg: SVGSVGElement): string {
	const clone = svg.cloneNode(true) as SVGSVGElement;
	inlineStyles(svg, clone, null);
	const { width, height } = sizeOf(svg);
	// through the xmlns namespace, so serialisers that add it themselves do not add it twice
	clone.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns', SVG_NS);
	removeComments(clone);
	clone.setAttribute('width', String(width));
	clone.setAttribute('height', String(height));
	clone.removeAttribute('class');
	const background = document.createElementNS(SVG_NS, 'rect');
	background.setAttribute('width', '100%');
	background.setAttribute('height', '100%');
	background.setAttribute('fill', '#ffffff');
	// after <title>/<desc>, which must stay first to name the image
	const firstDrawn = [...clone.children].find((c) => !['title', 'desc'].includes(c.localName));
	clone.insertBefore(background, firstDrawn ?? null);
	return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

/** Hands a blob to the browser as a file download. */
export function saveBlob(blob: Blob, filename: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	a.rel = 'noopener';
	document.body.append(a);
	a.click();
	a.remove();
	// let the download start before the URL goes away
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saves the chart as `<name>.svg`. */
export function downloadSvg(svg: SVGSVGElement, name: string): void {
	saveBlob(new Blob([serializeSvg(svg)], { type: 'image/svg+xml;charset=utf-8' }), `${name}.svg`);
}

/**
 * Draws the standalone SVG into a canvas at `scale`× (2: sharp on projectors and in slides)
 * through an Image loaded from a blob URL, and returns it as a PNG blob.
 */
async function renderPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
	const { width, height } = sizeOf(svg);
	const url = URL.createObjectURL(
		new Blob([serializeSvg(svg)], { type: 'image/svg+xml;charset=utf-8' })
	);
	try {
		const image = new Image();
		image.width = width;
		image.height = height;
		await new Promise<void>((resolve, reject) => {
			image.onload = () => resolve();
			image.onerror = () => reject(new Error('the chart could not be drawn as an image'));
			image.src = url;
		});
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(width * scale);
		canvas.height = Math.round(height * scale);
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error('this browser cannot draw to a canvas');
		ctx.fillStyle = '#ffffff';
		ctx.fillRect(0, 0, canvas.width, canvas.height);
		ctx.scale(scale, scale);
		ctx.drawImage(image, 0, 0, width, height);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png')
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}

/** Saves the chart as `<name>.png` at twice its size. */
export async function downloadPng(svg: SVGSVGElement, name: string): Promise<void> {
	saveBlob(await renderPng(svg, 2), `${name}.png`);
}
