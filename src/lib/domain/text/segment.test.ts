import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SegmentedArticle } from '../types';
import { segmentArticle } from './segment';

const SEEDS = new URL('../../../../seeds/', import.meta.url);
const seeds = readdirSync(SEEDS)
	.filter((f) => f.endsWith('.txt'))
	.map((f) => [f, readFileSync(new URL(f, SEEDS), 'utf8')] as const);

/** The invariants every segmented article keeps, whatever its content. */
function expectWellFormed(a: SegmentedArticle): void {
	let lastEnd = 0;
	a.paragraphs.forEach((p, i) => {
		expect(p.index).toBe(i);
		expect(p.start).toBeGreaterThanOrEqual(lastEnd);
		const t = a.text.slice(p.start, p.end);
		expect(t).toBe(t.trim());
		expect(t).not.toContain('\n');
		expect(t.length).toBeGreaterThan(0);
		expect(p.furniture === undefined).toBe(p.kind !== 'furniture');
		lastEnd = p.end;
	});
	// paragraphs are exactly the non-empty lines
	expect(a.paragraphs.map((p) => a.text.slice(p.start, p.end))).toEqual(
		a.text
			.split('\n')
			.map((l) => l.trim())
			.filter(Boolean)
	);
	lastEnd = 0;
	a.sentences.forEach((s, i) => {
		const p = a.paragraphs[s.paragraph];
		expect(s.index).toBe(i);
		expect(a.text.slice(s.start, s.end)).toBe(s.text);
		expect(s.start).toBeGreaterThanOrEqual(Math.max(lastEnd, p.start));
		expect(s.end).toBeLessThanOrEqual(p.end);
		expect(s.furniture).toBe(p.kind === 'furniture');
		lastEnd = s.end;
	});
	// sentences cover every paragraph up to whitespace
	for (const p of a.paragraphs) {
		const inside = a.sentences.filter((s) => s.paragraph === p.index);
		expect(inside.length).toBeGreaterThan(0);
		let rest = a.text.slice(p.start, p.end);
		for (const s of inside) rest = rest.replace(s.text, '');
		expect(rest.trim()).toBe('');
	}
}

describe('segmentArticle', () => {
	it('normalises, then splits lines into paragraphs and sentences', () => {
		const a = segmentArticle(
			'\uFEFFRussians Flee the Draft\r\n\r\n\r\nMany left in 2022. Mr. Smith stayed.  \r\nThe U.S. Government acted.\n'
		);
		expect(a.text).toBe(
			'Russians Flee the Draft\n\nMany left in 2022. Mr. Smith stayed.\nThe U.S. Government acted.'
		);
		expect(a.paragraphs.map((p) => p.kind)).toEqual(['title', 'body', 'body']);
		expect(a.sentences.map((s) => [s.paragraph, s.text])).toEqual([
			[0, 'Russians Flee the Draft'],
			[1, 'Many left in 2022.'],
			[1, 'Mr. Smith stayed.'],
			[2, 'The U.S. Government acted.']
		]);
		expectWellFormed(a);
	});

	it('keeps the title as one sentence', () => {
		const a = segmentArticle('Why Now? Because It Matters\nIt does. It really does.');
		expect(a.sentences.map((s) => s.text)).toEqual([
			'Why Now? Because It Matters',
			'It does.',
			'It really does.'
		]);
	});

	it('handles empty and blank input', () => {
		for (const raw of ['', '   ', '\n\n\r\n']) {
			expect(segmentArticle(raw)).toEqual({ text: '', paragraphs: [], sentences: [] });
		}
	});

	it('keeps leading indentation out of paragraphs', () => {
		const a = segmentArticle('Title Line Here\n    Indented body text. Second one.');
		expect(a.text.slice(a.paragraphs[1].start, a.paragraphs[1].end)).toBe(
			'Indented body text. Second one.'
		);
		expectWellFormed(a);
	});

	it.each(seeds)('seed %s is well formed and deterministic', (_file, raw) => {
		const a = segmentArticle(raw);
		expect(a.sentences.length).toBeGreaterThan(20);
		expectWellFormed(a);
		expect(segmentArticle(raw)).toEqual(a);
	});

	it.each(seeds)('seed %s: body sentences start with a capital, a digit or a quote', (_f, raw) => {
		const a = segmentArticle(raw);
		for (const s of a.sentences.filter((x) => !x.furniture)) {
			expect(s.text).toMatch(/^[\p{Lu}\d“"‘'(]/u);
		}
	});
});
