/**
 * ECB+ documents as an outlet prints them, for a robustness row of the evaluation: the data set's
 * texts are tokenised ("Reid 's representative , Jack") with one sentence per line, while a reader
 * pastes running prose in paragraphs. Judged on data in that form, the engine must not depend on
 * the line breaks of the development data.
 */

import { normalizeText } from '../../src/lib/domain/text/normalize';

/** A text, normalised as the app stores it, and where each dataset sentence (line) starts in it. */
export interface PrintedText {
	text: string;
	/** offset of dataset sentence i (line i of the tokenised text) */
	lineStarts: number[];
}

/** Sentences per paragraph in the printed form (news paragraphs hold one to three). */
const PARAGRAPH_SENTENCES = 3;
/** A line ending a sentence: two such lines may share a paragraph (headlines, datelines may not). */
const SENTENCE_END = /[.!?]["”’']?$/u;

/**
 * Undoes the data set's tokenisation: no space before punctuation or a clitic, quotes closed
 * against their words.
 * @example detokenise('Reid \'s rep , Jack , said " no " .') // 'Reid\'s rep, Jack, said "no".'
 */
export function detokenise(line: string): string {
	return (
		line
			.replace(/\s+([.,;:!?%)\]}])/gu, '$1')
			// LaTeX-style closing quotes; a straight quote after a sentence's punctuation closes
			// one; any other straight quote followed by a space opens one
			.replace(/\s+''/gu, '"')
			.replace(/([.!?,])\s+"(\s|$)/gu, '$1"$2')
			.replace(/(^|\s)"\s+/gu, '$1"')
			.replace(/([([{$])\s+/gu, '$1')
			.replace(/\s+(n't|'s|'re|'ve|'ll|'d|'m)\b/giu, '$1')
			.replace(/\s+’\s*s\b/gu, '’s')
			.replace(/\s+'(\s|$)/gu, "'$1")
	);
}

/**
 * Lays out a one-sentence-per-line text as paragraphs: up to three sentences each, joined by a
 * space; a line that does not end a sentence (a headline, a dateline) is a paragraph alone.
 * @example asPrinted('Title\nA b .\nC d .').text // 'Title\n\nA b. C d.'
 */
export function asPrinted(tokenised: string): PrintedText {
	// each line normalised first, so that the app's segmenter keeps the text as it is (offsets hold)
	const lines = tokenised.split('\n').map((line) => normalizeText(detokenise(line)).text.trim());
	let text = '';
	const lineStarts: number[] = [];
	let inParagraph = 0;
	lines.forEach((line, i) => {
		if (i > 0) {
			const joins =
				SENTENCE_END.test(lines[i - 1]) &&
				SENTENCE_END.test(line) &&
				inParagraph < PARAGRAPH_SENTENCES;
			text += joins ? ' ' : '\n\n';
			inParagraph = joins ? inParagraph + 1 : 1;
		} else inParagraph = 1;
		lineStarts.push(text.length);
		text += line;
	});
	return { text, lineStarts };
}

/** Offsets where each line of a text starts. */
export function lineStarts(text: string): number[] {
	const starts = [0];
	for (let i = 0; i < text.length; i++) {
		if (text.charCodeAt(i) === 10) starts.push(i + 1);
	}
	return starts;
}

/** The text as the data set gives it, normalised as the app stores it: its lines are its sentences. */
export function asLines(tokenised: string): PrintedText {
	const { text } = normalizeText(tokenised);
	return { text, lineStarts: lineStarts(text) };
}
