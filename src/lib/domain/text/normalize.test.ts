import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isNormalText, normalizeByPasses, normalizeText } from './normalize';

describe('normalizeText', () => {
	const cases: [string, string, string][] = [
		['strips a BOM', '\uFEFFHello', 'Hello'],
		['CRLF and CR become LF', 'a\r\nb\rc', 'a\nb\nc'],
		['composes to NFC', 'Cafe\u0301 Zu\u0308rich', 'Café Zürich'],
		['NBSP, thin and ideographic spaces become spaces', 'a\u00A0b\u2009c\u3000d\te', 'a b c d e'],
		[
			'removes zero-width space, word joiner and soft hyphen',
			'in\u00ADcre\u200Bdi\u2060ble',
			'incredible'
		],
		['keeps ZWJ inside emoji', 'x \u{1F469}\u200D\u{1F4BB} y', 'x \u{1F469}\u200D\u{1F4BB} y'],
		['line and paragraph separators become LF', 'a\u2028b\u2029c', 'a\nb\nc'],
		['trims trailing spaces per line', 'a  \nb\t\n', 'a\nb'],
		['collapses 3+ newlines to 2', 'a\n\n\n\n\nb\n\nc', 'a\n\nb\n\nc'],
		['whitespace-only lines count as blank', 'a\n  \n \t \n\nb', 'a\n\nb'],
		['trims leading and trailing blank lines', '\n\n  \nText\n\n\n', 'Text'],
		['keeps leading indentation and inner spaces', '  a  b', '  a  b'],
		['empty input', '', ''],
		['mark after a dropped character composes', 'e\u200B\u0301', 'é']
	];
	it.each(cases)('%s', (_name, raw, expected) => {
		expect(normalizeText(raw).text).toBe(expected);
	});

	it('maps offsets back to the raw text', () => {
		const raw = '\uFEFFCafe\u0301\u00A0ok  \r\n\r\n\r\nNext\u00ADline';
		const n = normalizeText(raw);
		expect(n.text).toBe('Café ok\n\nNextline');
		const rows: [number, number][] = [
			[0, 1], // C after the BOM
			[3, 4], // é <- "e\u0301" starts at the e
			[4, 6], // space <- NBSP
			[5, 7], // o
			[7, 11], // first LF <- the first CR of the kept line breaks
			[9, 17], // N
			[13, 22], // l after the soft hyphen
			[17, raw.length] // end of text
		];
		for (const [offset, rawOffset] of rows)
			expect([offset, n.toRaw(offset)]).toEqual([offset, rawOffset]);
		// span ends: "Café" ends after the combining accent, "ok" before the trailing spaces
		expect(raw.slice(n.toRaw(0), n.toRawEnd(4))).toBe('Cafe\u0301');
		expect(raw.slice(n.toRaw(5), n.toRawEnd(7))).toBe('ok');
		expect(raw.slice(n.toRaw(9), n.toRawEnd(17))).toBe('Next\u00ADline');
	});

	it('clamps out-of-range offsets', () => {
		const n = normalizeText('  ab \n');
		expect(n.text).toBe('  ab');
		expect(n.toRaw(-5)).toBe(0);
		expect(n.toRaw(99)).toBe(4);
		expect(n.toRawEnd(0)).toBe(0);
	});

	/** Strings made of the characters normalisation cares about, plus ordinary text. */
	const messy = fc
		.array(
			fc.oneof(
				fc.constantFrom(
					'\r',
					'\n',
					'\r\n',
					' ',
					'\t',
					'\u00A0',
					'\u2009',
					'\u200B',
					'\u00AD',
					'\uFEFF',
					'\u2028',
					'e',
					'\u0301',
					'\u0308',
					'\u0327',
					'A',
					'\u1100',
					'\u1161',
					'\uD83D',
					'\u{1F469}',
					'.'
				),
				fc.string({ maxLength: 4 }),
				fc.string({ unit: 'grapheme', maxLength: 3 })
			),
			{ maxLength: 40 }
		)
		.map((parts) => parts.join(''));

	it('is idempotent', () => {
		fc.assert(
			fc.property(messy, (raw) => {
				const once = normalizeText(raw).text;
				expect(normalizeText(once).text).toBe(once);
			}),
			{ numRuns: 2000 }
		);
	});

	it('produces NFC text without CR, invisible characters, trailing spaces or 3+ newlines', () => {
		fc.assert(
			fc.property(messy, (raw) => {
				const { text } = normalizeText(raw);
				expect(text).not.toMatch(/[\r\u00A0\u200B\u00AD\uFEFF\t]| \n|\n{3}|^\n|\s$/);
			}),
			{ numRuns: 1000 }
		);
	});

	it('maps every offset monotonically into the raw text, and ASCII letters to themselves', () => {
		fc.assert(
			fc.property(messy, (raw) => {
				const n = normalizeText(raw);
				let last = 0;
				for (let k = 0; k <= n.text.length; k++) {
					const r = n.toRaw(k);
					expect(r).toBeGreaterThanOrEqual(last);
					expect(r).toBeLessThanOrEqual(raw.length);
					expect(n.toRawEnd(k)).toBeLessThanOrEqual(r === raw.length ? r : raw.length);
					// NFC folds a few singletons into ASCII (U+212A KELVIN SIGN -> "K"): compare after NFC
					if (k < n.text.length && /[a-zA-Z.]/.test(n.text[k]))
						expect(raw[r].normalize('NFC')).toBe(n.text[k]);
					last = r;
				}
			}),
			{ numRuns: 1000 }
		);
	});

	it('round-trips unchanged text with the identity map', () => {
		fc.assert(
			fc.property(
				fc.stringMatching(/^[a-z.,]+(?: [a-z.,]+)*(?:\n[a-z.,]+(?: [a-z.,]+)*)*$/),
				(raw) => {
					const n = normalizeText(raw);
					expect(n.text).toBe(raw);
					for (let k = 0; k <= raw.length; k++) expect(n.toRaw(k)).toBe(k);
				}
			),
			{ numRuns: 300 }
		);
	});

	it.each([
		['plain paragraphs', 'A b.\n\nC d.', true],
		['leading indentation and a single line break', '  a\nb', true],
		['empty text', '', true],
		['composed accents and emoji', 'Café \u{1F469}\u200D\u{1F4BB}', true],
		['a BOM', '\uFEFFa', false],
		['a CR', 'a\r\nb', false],
		['a tab', 'a\tb', false],
		['a no-break space', 'a\u00A0b', false],
		['a soft hyphen', 'in\u00ADcredible', false],
		['a line separator', 'a\u2028b', false],
		['a trailing space on a line', 'a \nb', false],
		['three line breaks', 'a\n\n\nb', false],
		['a leading line break', '\na', false],
		['a trailing line break', 'a\n', false],
		['a trailing space', 'a ', false],
		['a decomposed accent', 'Cafe\u0301', false],
		['a lone surrogate', 'a\uD800b', false],
		['a lone low surrogate', 'a\uDC00', false]
	])('isNormalText: %s -> %s', (_name, raw, normal) => {
		expect(isNormalText(raw)).toBe(normal);
		// a text called normal is one the passes leave alone
		if (normal) expect(normalizeByPasses(raw).text).toBe(raw);
	});

	it('gives what the passes give, maps included, with or without the shortcut', () => {
		fc.assert(
			fc.property(messy, fc.boolean(), (raw, once) => {
				// normalised text takes the shortcut; raw text mostly does not
				const input = once ? normalizeByPasses(raw).text : raw;
				const fast = normalizeText(input);
				const slow = normalizeByPasses(input);
				expect(fast.text).toBe(slow.text);
				for (let k = -1; k <= input.length + 1; k++) {
					expect(fast.toRaw(k)).toBe(slow.toRaw(k));
					expect(fast.toRawEnd(k)).toBe(slow.toRawEnd(k));
				}
			}),
			{ numRuns: 2000 }
		);
	});

	it('calls every normalised text normal', () => {
		fc.assert(
			fc.property(messy, (raw) => {
				expect(isNormalText(normalizeByPasses(raw).text)).toBe(true);
			}),
			{ numRuns: 1000 }
		);
	});
});
