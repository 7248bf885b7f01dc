import { describe, expect, it } from 'vitest';
import { attachment, exportFileName, slugOf } from './file-name';

describe('slugOf', () => {
	it.each([
		['Period 3 – media literacy', 'period-3-media-literacy'],
		['Période 3 – “Media” literacy!', 'periode-3-media-literacy'],
		['  --Ana’s room--  ', 'ana-s-room'],
		['Урок', 'comparison'],
		['', 'comparison'],
		[
			'Sending Russians Back to Putin vs Joe Biden Is Deporting Russians Who Escaped Putin’s Draft',
			'sending-russians-back-to-putin-vs-joe-biden-is-deporting'
		],
		['x'.repeat(80), 'x'.repeat(60)]
	])('%j → %j', (title, slug) => {
		expect(slugOf(title)).toBe(slug);
		expect(slug.length).toBeLessThanOrEqual(60);
	});

	it('uses the fallback when nothing is left', () => {
		expect(slugOf('日本語', 'room')).toBe('room');
	});
});

describe('exportFileName', () => {
	it.each([
		['Period 3', 'csv', 'parallax-period-3-2026-12-06.csv'],
		['Period 3', 'jsonld', 'parallax-period-3-2026-12-06.jsonld'],
		['', 'csv', 'parallax-annotations-2026-12-06.csv']
	])('%j .%s', (title, extension, name) => {
		// late evening in America is already the next day in UTC: the name follows UTC
		expect(exportFileName(title, new Date('2026-12-06T09:00:00Z'), extension)).toBe(name);
	});
});

describe('attachment', () => {
	it.each([
		['parallax-x-2026-12-06.csv', 'attachment; filename="parallax-x-2026-12-06.csv"'],
		['a"b\\c.csv', 'attachment; filename="a_b_c.csv"'],
		['é.csv', 'attachment; filename="_.csv"']
	])('%j', (name, header) => {
		expect(attachment(name)).toBe(header);
	});
});
