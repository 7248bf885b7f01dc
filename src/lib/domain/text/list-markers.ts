/**
 * List items written on one line ("1.) a 2.) b", "a. x b. y", "(a) x (b) y", "• 9. x • 10. y"):
 * where items start, and which periods belong to markers rather than ending sentences.
 */

/** Bullet characters that open a list item. */
export const BULLETS = '\u2022\u2043\u25AA\u25E6\u2023';

/** "1.", "1.)", "1)", "(1)", "a.", "a)", "(a)" before a space, at a word start. */
const MARKER =
	/(?<=^|[\s\u2022\u2043\u25AA\u25E6\u2023])(\(?)(\d{1,3}|[a-zA-Z])(\.\)|\)|\.)(?=\s)/g;
/** Text before a marker that lets a list start there: nothing, or the end of a sentence. */
const RUN_START = /(?:^|[.?!\u2026]["'\u201D\u2019)\]]*)[\s\u2022\u2043\u25AA\u25E6\u2023]*$/;

/** Ordinal of a list marker label ("3" -> 3, "c" -> 3), for checking that markers run in sequence. */
function markerValue(label: string): number {
	return /\d/.test(label) ? Number(label) : label.toLowerCase().charCodeAt(0) - 96;
}

/** Where an item starts: at its bullet when one stands just before the marker. */
function itemStart(line: string, index: number): number {
	let c = index;
	while (c > 0 && line[c - 1] === ' ') c--;
	return c > 0 && BULLETS.includes(line[c - 1]) ? c - 1 : index;
}

/** Adds a marker's punctuation to `protect`: its periods end no sentence. */
function guard(m: RegExpExecArray, protect: Set<number>): void {
	const at = m.index + m[1].length + m[2].length;
	for (let k = 0; k < m[3].length; k++) protect.add(at + k);
}

/**
 * Finds runs of two or more markers in sequence (1, 2, 3 … or a, b, c …) that start the line or
 * follow a sentence end. Returns the positions where items start, except at the line start, and
 * adds the markers' punctuation to `protect`. A lone marker at the line start is protected too.
 * @example listCuts('1. The first 2. The second', new Set()) // [13]
 */
export function listCuts(line: string, protect: Set<number>): number[] {
	const markers = [...line.matchAll(MARKER)].filter((m) => m[1] === '' || m[3] === ')');
	const first = line.search(/[^\s\u2022\u2043\u25AA\u25E6\u2023]/);
	const used = new Set<number>();
	const cuts: number[] = [];
	markers.forEach((start, i) => {
		if (used.has(i) || !RUN_START.test(line.slice(0, start.index))) return;
		const style = start[1] + start[3];
		const run = [i];
		let expected = markerValue(start[2]) + 1;
		for (let j = i + 1; j < markers.length; j++) {
			const m = markers[j];
			if (m[1] + m[3] !== style || markerValue(m[2]) !== expected) continue;
			run.push(j);
			expected++;
		}
		if (run.length < 2) {
			if (start.index === first) guard(start, protect);
			return;
		}
		for (const j of run) {
			used.add(j);
			guard(markers[j], protect);
			if (markers[j].index !== first) cuts.push(itemStart(line, markers[j].index));
		}
	});
	return cuts;
}
