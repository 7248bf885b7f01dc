/**
 * Builds a `SegmentedArticle` from explicit paragraphs and sentences, so framing tests control
 * segmentation exactly (hand-computed statistics must not move when the segmenter improves).
 */
import type { Paragraph, SegmentedArticle, Sentence } from '../types';

/** A paragraph given as its sentences; `furniture: true` sets it apart from the body. */
interface FixtureParagraph {
	sentences: string[];
	furniture?: boolean;
}

/**
 * Joins sentences with one space and paragraphs with a blank line, recording exact offsets.
 * @example createArticle([{ sentences: ['Draft draft war.'] }]).sentences[0] // { start: 0, end: 16, … }
 */
export function createArticle(
	paragraphs: readonly (FixtureParagraph | string[])[]
): SegmentedArticle {
	let text = '';
	const outParagraphs: Paragraph[] = [];
	const sentences: Sentence[] = [];
	paragraphs.forEach((given, index) => {
		const p = Array.isArray(given) ? { sentences: given } : given;
		if (index > 0) text += '\n\n';
		const start = text.length;
		p.sentences.forEach((s, k) => {
			if (k > 0) text += ' ';
			const sStart = text.length;
			text += s;
			sentences.push({
				index: sentences.length,
				paragraph: index,
				start: sStart,
				end: text.length,
				text: s,
				furniture: p.furniture === true
			});
		});
		outParagraphs.push(
			p.furniture
				? { index, start, end: text.length, kind: 'furniture', furniture: 'other' }
				: { index, start, end: text.length, kind: 'body' }
		);
	});
	return { text, paragraphs: outParagraphs, sentences };
}
