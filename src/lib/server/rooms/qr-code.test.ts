import { expect, it } from 'vitest';
import { createQrPath } from './qr-code';

it.each([
	['a short join link', 'http://localhost:4173/rooms?code=ABCDE-FGHJK', 29],
	[
		'a long https link',
		`https://parallax.example.org/rooms?code=${'A'.repeat(10)}&x=${'b'.repeat(60)}`,
		37
	]
])('draws %s as a square QR path', (_name, text, minSize) => {
	const qr = createQrPath(text);
	expect(qr.size).toBeGreaterThanOrEqual(minSize - 8);
	expect(qr.d).toMatch(/^(M\d+ \d+h1v1h-1z)+$/);
	// the three finder patterns make the top-left module dark
	expect(qr.d.startsWith('M0 0h1v1h-1z')).toBe(true);
});
