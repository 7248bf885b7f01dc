import { describe, expect, it } from 'vitest';
import { FURNITURE_LABELS } from './furniture-labels';

describe('FURNITURE_LABELS', () => {
	// readers see these over set-apart paragraphs and hear them in the alignment map's names
	it.each([
		['navigation', 'Site navigation'],
		['tags', 'Tags'],
		['credit', 'Credit'],
		['byline', 'Byline'],
		['dateline', 'Date'],
		['bio', 'Author bio'],
		['appeal', 'Appeal'],
		['share', 'Sharing'],
		['other', 'Repeated passage']
	] as const)('names %s "%s"', (kind, label) => {
		expect(FURNITURE_LABELS[kind]).toBe(label);
	});

	it('never uses the engine’s word "furniture"', () => {
		expect(Object.values(FURNITURE_LABELS).filter((l) => /furniture/i.test(l))).toEqual([]);
	});
});
