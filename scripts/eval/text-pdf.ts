/**
 * A one-page PDF whose text layer is the given lines, one under the other (Helvetica, 11 pt, a
 * 14 pt line step; an empty line leaves a gap), written byte by byte so the eval can send text
 * through the app's real PDF path (pdf.js, then domain/pdf-layout) without a browser.
 */

/** Windows-1252 bytes 0x80–0x9f (WinAnsiEncoding), the rest of Latin-1 is itself. */
const WIN_ANSI_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** A PDF string literal of a line in WinAnsiEncoding (characters it lacks become "?"). */
function pdfString(line: string): string {
	let out = '';
	for (const ch of line) {
		const code = ch.codePointAt(0) ?? 63;
		const high = WIN_ANSI_HIGH.indexOf(ch);
		const byte = high >= 0 ? 0x80 + high : code < 0x100 && code >= 0x20 ? code : 63;
		const c = String.fromCharCode(byte);
		out += c === '(' || c === ')' || c === '\\' ? `\\${c}` : c;
	}
	return `(${out})`;
}

/**
 * The PDF's bytes: each line at the left margin, one line step below the one before.
 * @example await readPdf(textPdf(['This is a sentence', 'cut off in the middle because pdf.']))
 */
export function textPdf(lines: readonly string[]): Uint8Array {
	const text = lines.map((l) => `${pdfString(l.trim())} Tj T*`).join('\n');
	const content = `BT /F1 11 Tf 14 TL 56 760 Td\n${text}\nET`;
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
		`<< /Length ${content.length} >>\nstream\n${content}\nendstream`
	];
	let pdf = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((body, i) => {
		offsets.push(pdf.length);
		pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
	});
	const xref = pdf.length;
	pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
	pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	// every character above is one byte (latin1), so string offsets are byte offsets
	return new Uint8Array(Buffer.from(pdf, 'latin1'));
}
