import { describe, expect, it } from 'vitest';
import { readPdf } from '../../src/lib/server/articles/ingest/pdf';
import { asPdf, joinedScore, loadSbd, runSbd, sbdMarkdown, type SbdCase } from './sentences';
import { textPdf } from './text-pdf';

// The PDF is real (pdf.js reads it); the cases are read from ../shared/evaldata at run time.

describe('textPdf', () => {
	it('writes a PDF pdf.js reads line by line, WinAnsi characters and parentheses kept', async () => {
		const read = await readPdf(
			textPdf(['Café “owners” (and the', 'council) paid €5.', '', 'A new paragraph.'])
		);
		expect(read.ok && read.value.text).toBe(
			'Café “owners” (and the council) paid €5.\n\nA new paragraph.'
		);
	});
});

describe('asPdf', () => {
	it.each([
		[
			'a sentence broken across lines is one',
			'It was a cold \nnight in the city.',
			['It was a cold night in the city.']
		],
		[
			'a hyphen at a line end joins the word',
			'The depor-\ntation began.',
			['The deportation began.']
		],
		[
			'a blank line still ends a paragraph',
			'Get some rest.\n\nThen go back to work.',
			['Get some rest.', 'Then go back to work.']
		]
	])('%s', async (_, text, sentences) => {
		expect(await asPdf(text)).toEqual(sentences);
	});
});

describe('runSbd on the Golden Rules', () => {
	it('splits all 52 once the PDF-style cases are joined, and no fewer than 50 as given', async () => {
		const report = await runSbd(loadSbd());
		expect(report.golden).toBe(52);
		expect(report.pdfStyle.map((p) => p.name)).toEqual([
			'Errant newlines in the middle of sentences (PDF) #040',
			'Errant newlines in the middle of sentences #041'
		]);
		expect(report.pdfStyle.every((p) => p.pdf)).toBe(true);
		expect(report.pastedPass.length).toBeGreaterThanOrEqual(50);
		expect(joinedScore(report)).toBe(52);
		expect(sbdMarkdown(report)).toContain('**52/52** Golden Rules once PDF text is joined');
	});

	it('counts a PDF-style case that the PDF path splits wrong as wrong', async () => {
		const wrong: SbdCase = {
			id: 'x',
			group: 'golden_rule',
			name: 'Errant newlines, expected wrongly',
			text: 'One line\nand another.',
			options: {},
			expected: ['One line', 'and another.']
		};
		const report = await runSbd([wrong]);
		expect(report.pdfStyle[0]).toMatchObject({ pasted: true, pdf: false });
		expect(joinedScore(report)).toBe(0);
	});
});
