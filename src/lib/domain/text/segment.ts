/**
 * Article segmentation: normalised text -> paragraphs (one per non-empty line) -> sentences,
 * with the title and furniture marked. All offsets index the normalised text.
 */
import type { Paragraph, SegmentedArticle, Sentence } from '../types';
import { classifyParagraphs } from './furniture';
import { normalizeText } from './normalize';
import { segmentSentences } from './sentences';

export { segmentSentences } from './sentences';

/**
 * Splits a raw article into paragraphs and sentences. Each non-empty line is a paragraph
 * (web-article dumps separate blocks by single and double line breaks alike); sentences never
 * cross paragraphs; the title is kept as one sentence.
 * @example segmentArticle('Russians Flee\n\nMany left. Some stayed.').sentences.map((s) => s.text)
 * // ['Russians Flee', 'Many left.', 'Some stayed.']
 */
export function segmentArticle(raw: string): SegmentedArticle {
	const { text } = normalizeText(raw);
	const blocks: { start: number; end: number }[] = [];
	for (const m of text.matchAll(/[^\n]+/g)) {
		const lead = m[0].length - m[0].trimStart().length;
		const body = m[0].trim();
		if (body) blocks.push({ start: m.index + lead, end: m.index + lead + body.length });
	}
	const classes = classifyParagraphs(blocks.map((b) => text.slice(b.start, b.end)));
	const paragraphs: Paragraph[] = blocks.map((b, index) => ({ ...b, index, ...classes[index] }));
	const sentences: Sentence[] = [];
	for (const p of paragraphs) {
		const spans =
			p.kind === 'title'
				? [{ start: p.start, end: p.end }]
				: segmentSentences(text.slice(p.start, p.end), p.start);
		for (const s of spans) {
			sentences.push({
				index: sentences.length,
				paragraph: p.index,
				start: s.start,
				end: s.end,
				text: text.slice(s.start, s.end),
				furniture: p.kind === 'furniture'
			});
		}
	}
	return { text, paragraphs, sentences };
}
