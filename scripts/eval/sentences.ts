/**
 * Sentence splitting on the Pragmatic Segmenter English Golden Rules: the app's segmenter on the
 * case's text as given (a line break ends a sentence) and, for the PDF-style cases (a line break
 * inside a sentence, as every line end of a PDF has), through the PDF path first: the case's lines
 * written as a real PDF, read by pdf.js and joined by domain/pdf-layout, then segmented.
 */
import { readFileSync } from 'node:fs';
import { segmentSentences } from '../../src/lib/domain/text/sentences';
import { readPdf } from '../../src/lib/server/articles/ingest/pdf';
import { textPdf } from './text-pdf';

/** The data set (development data; see its PROVENANCE.md). */
export const SBD_FILE = '../shared/evaldata/sbd-golden-rules-en/english_cases.json';

/** One upstream spec case. */
export interface SbdCase {
	id: string;
	group: 'golden_rule' | 'english_spec';
	name: string;
	text: string;
	options: { doc_type?: string; clean?: boolean };
	expected: string[];
}

/** What the section reports. */
export interface SbdReport {
	golden: number;
	pastedPass: string[];
	pastedFail: string[];
	/** the PDF-style Golden Rules, each with whether the PDF path splits it right */
	pdfStyle: { name: string; pasted: boolean; pdf: boolean; sentences: string[] }[];
	/** further upstream cases marked doc_type pdf: passed through the PDF path / as pasted / all */
	furtherPdf: { pdf: number; pasted: number; total: number };
}

/** Loads the cases. */
export function loadSbd(file = SBD_FILE): SbdCase[] {
	return (JSON.parse(readFileSync(file, 'utf8')) as { cases: SbdCase[] }).cases;
}

/** A Golden Rule about text from a PDF: marked so upstream, or a line break inside a sentence. */
export function isPdfStyle(c: SbdCase): boolean {
	return c.options.doc_type === 'pdf' || /errant newlines/i.test(c.name);
}

/** Sentences as the app's segmenter cuts a text as given (the figure the README quotes). */
export function asPasted(text: string): string[] {
	return segmentSentences(text).map((s) => text.slice(s.start, s.end));
}

/** Sentences as the app cuts the same lines uploaded as a PDF. */
export async function asPdf(text: string): Promise<string[]> {
	const read = await readPdf(textPdf(text.split('\n')));
	if (!read.ok) return [`(refused: ${read.message})`];
	return asPasted(read.value.text);
}

const same = (a: string[], b: string[]) => JSON.stringify(a) === JSON.stringify(b);

/** Scores every Golden Rule as pasted text, and the PDF-style ones through the PDF path too. */
export async function runSbd(cases: SbdCase[]): Promise<SbdReport> {
	const golden = cases.filter((c) => c.group === 'golden_rule');
	const pastedPass: string[] = [];
	const pastedFail: string[] = [];
	const pdfStyle: SbdReport['pdfStyle'] = [];
	for (const c of golden) {
		const pasted = same(asPasted(c.text), c.expected);
		(pasted ? pastedPass : pastedFail).push(c.name);
		if (isPdfStyle(c)) {
			const sentences = await asPdf(c.text);
			pdfStyle.push({ name: c.name, pasted, pdf: same(sentences, c.expected), sentences });
		}
	}
	const further = cases.filter((c) => c.group !== 'golden_rule' && c.options.doc_type === 'pdf');
	let pdf = 0;
	for (const c of further) if (same(await asPdf(c.text), c.expected)) pdf++;
	const pasted = further.filter((c) => same(asPasted(c.text), c.expected)).length;
	return {
		golden: golden.length,
		pastedPass,
		pastedFail,
		pdfStyle,
		furtherPdf: { pdf, pasted, total: further.length }
	};
}

/** The Golden Rules with each PDF-style case counted as the PDF path splits it. */
export function joinedScore(r: SbdReport): number {
	const pdfNames = new Set(r.pdfStyle.map((p) => p.name));
	const others = r.pastedPass.filter((n) => !pdfNames.has(n)).length;
	return others + r.pdfStyle.filter((p) => p.pdf).length;
}

/** The EVAL.md section. */
export function sbdMarkdown(r: SbdReport): string {
	const rows = r.pdfStyle.map(
		(p) =>
			`| ${p.name} | ${p.pasted ? 'right' : 'wrong'} | ${p.pdf ? 'right' : 'wrong'} | ${p.sentences.map((s) => `“${s}”`).join(' ')} |`
	);
	const f = r.furtherPdf;
	return `## Sentence splitting on the Pragmatic Segmenter Golden Rules

**${joinedScore(r)}/${r.golden}** Golden Rules once PDF text is joined: the PDF-style cases go through
the PDF path, every other case is pasted text. As pasted text alone: ${r.pastedPass.length}/${r.golden}${r.pastedFail.length ? ` (wrong: ${r.pastedFail.join('; ')})` : ''}.

| PDF-style Golden Rule | as pasted text | through the PDF path | the PDF path's sentences |
|---|---|---|---|
${rows.join('\n')}

The further upstream cases marked \`doc_type: pdf\`: ${f.pdf}/${f.total} through the PDF path
(${f.pasted}/${f.total} as pasted text).

### How to read

- **Pasted text** is the segmenter (\`segmentSentences\`) on the case's text as given: a line break
  ends a sentence, so a sentence broken across two lines is cut in two. That is by design for
  typed text, where a line break is meant; only a PDF's line ends are joined.
- **The PDF path** is the app's path for a .pdf upload: the case's lines are written as a real
  one-page PDF (Helvetica, one text line per line of the case), read by pdf.js and laid out by
  \`domain/pdf-layout\` (lines of one paragraph joined, a hyphen at a line end joined, a blank line a
  new paragraph), then segmented like a paste.
- A case is right only when every sentence is exactly the upstream expectation.
`;
}
