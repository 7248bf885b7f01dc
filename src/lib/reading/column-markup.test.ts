import { describe, expect, it } from 'vitest';
import type { Paragraph, Sentence } from '$lib/domain/types';
import {
	changedSentences,
	columnHtml,
	columnMarks,
	engineMarkerHtml,
	ownMarkerHtml,
	type MarkInputs,
	type SentenceMarks
} from './column-markup';

const sentences = [
	{ index: 0, start: 0, end: 10 },
	{ index: 1, start: 11, end: 20 },
	{ index: 2, start: 21, end: 30 }
];

/** Inputs with nothing marked, overridden per case. */
function inputs(over: Partial<MarkInputs>): MarkInputs {
	return {
		sentences,
		links: new Map(),
		decided: new Set(),
		relationOf: (id) => (id === 'c1' ? 'contradicts' : id.startsWith('f') ? 'same' : undefined),
		litFacts: new Set(),
		oneSided: new Set(),
		focus: null,
		loaded: [],
		...over
	};
}

describe('columnMarks', () => {
	const cases: { name: string; given: Partial<MarkInputs>; want: [number, SentenceMarks][] }[] = [
		{ name: 'nothing shown: no sentence listed', given: {}, want: [] },
		{
			name: 'a linked sentence gets its first fact’s marker',
			given: { links: new Map([[1, ['c1', 'f2']]]) },
			want: [
				[1, { classes: ['linked'], title: '', marker: { factId: 'c1', relation: 'contradicts' } }]
			]
		},
		{
			name: 'a fact the page does not know: underlined, no marker',
			given: { links: new Map([[0, ['x9']]]) },
			want: [[0, { classes: ['linked'], title: '', marker: null }]]
		},
		{
			name: 'lit when any of its facts is lit',
			given: { links: new Map([[2, ['f1', 'f2']]]), litFacts: new Set(['f2']) },
			want: [
				[2, { classes: ['linked', 'lit'], title: '', marker: { factId: 'f1', relation: 'same' } }]
			]
		},
		{
			name: 'a decided suggestion is not marked (dismissed: no fact; accepted: the reader’s own)',
			given: { links: new Map([[1, ['f1']]]), decided: new Set(['f1']) },
			want: []
		},
		{
			name: 'beside a decided suggestion, the sentence’s next one gets the marker',
			given: { links: new Map([[1, ['c1', 'f2']]]), decided: new Set(['c1']) },
			want: [[1, { classes: ['linked'], title: '', marker: { factId: 'f2', relation: 'same' } }]]
		},
		{
			name: 'a decided suggestion lights nothing when hovered from the other column',
			given: { links: new Map([[2, ['f1']]]), litFacts: new Set(['f1']), decided: new Set(['f1']) },
			want: []
		},
		{
			name: 'a focus dims the sentences outside it',
			given: { focus: new Set([1]), oneSided: new Set([1]) },
			want: [
				[0, { classes: ['dimmed'], title: '', marker: null }],
				[1, { classes: ['one-sided', 'in-focus'], title: '', marker: null }],
				[2, { classes: ['dimmed'], title: '', marker: null }]
			]
		},
		{
			name: 'loaded wording titles the sentence it starts in (gaps and the end: none)',
			given: {
				loaded: [
					{ start: 12, why: 'a label' },
					{ start: 10, why: 'in a gap' },
					{ start: 19, why: 'scare quotes' },
					{ start: 30, why: 'past the end' }
				]
			},
			want: [
				[
					1,
					{
						classes: [],
						title: 'Loaded wording — a label\nLoaded wording — scare quotes',
						marker: null
					}
				]
			]
		}
	];
	it.each(cases)('$name', ({ given, want }) => {
		expect([...columnMarks(inputs(given))]).toEqual(want);
	});
});

describe('changedSentences', () => {
	const lit: SentenceMarks = { classes: ['linked', 'lit'], title: '', marker: null };
	const linked: SentenceMarks = { classes: ['linked'], title: '', marker: null };
	const marked: SentenceMarks = {
		classes: ['linked'],
		title: '',
		marker: { factId: 'f1', relation: 'same' }
	};
	const cases: {
		name: string;
		before: [number, SentenceMarks][];
		after: [number, SentenceMarks][];
		want: number[];
	}[] = [
		{ name: 'same marks: nothing to touch', before: [[1, linked]], after: [[1, linked]], want: [] },
		{ name: 'a class added', before: [[1, linked]], after: [[1, lit]], want: [1] },
		{ name: 'a marker added', before: [[1, linked]], after: [[1, marked]], want: [1] },
		{
			name: 'marks gone',
			before: [
				[4, lit],
				[2, linked]
			],
			after: [],
			want: [2, 4]
		},
		{ name: 'marks new', before: [], after: [[3, lit]], want: [3] },
		{
			name: 'an empty entry is the same as none',
			before: [],
			after: [[3, { classes: [], title: '', marker: null }]],
			want: []
		}
	];
	it.each(cases)('$name', ({ before, after, want }) => {
		expect(changedSentences(new Map(before), new Map(after))).toEqual(want);
	});
});

describe('columnHtml', () => {
	const text = 'Headline\n\nOne <two>. Three & four.\n\nBy Ann';
	const paragraphs: Paragraph[] = [
		{ index: 0, start: 0, end: 8, kind: 'title' },
		{ index: 1, start: 10, end: 34, kind: 'body' },
		{ index: 2, start: 36, end: 42, kind: 'furniture', furniture: 'byline' }
	];
	const sentence = (index: number, start: number, end: number, paragraph: number): Sentence => ({
		index,
		start,
		end,
		paragraph,
		text: text.slice(start, end),
		furniture: paragraph === 2
	});
	const article = {
		text,
		paragraphs,
		sentences: [
			sentence(0, 0, 8, 0),
			sentence(1, 10, 20, 1),
			sentence(2, 21, 34, 1),
			sentence(3, 36, 42, 2)
		]
	};
	const marks = new Map<number, SentenceMarks>([
		[
			1,
			{
				classes: ['linked'],
				title: 'Loaded wording — "x"',
				marker: { factId: 'f1', relation: 'same' }
			}
		]
	]);
	const html = columnHtml('a', article, marks, 'a-title');

	it('keeps every character of the text, escaped, with offsets on sentences and gaps', () => {
		const shown = html
			.replace(/<button[^>]*>.*?<\/button>/g, '')
			.replace(/<span class="furniture-label">.*?<\/span> /g, '')
			.replace(/<[^>]+>/g, '');
		expect(shown).toBe('HeadlineOne &lt;two&gt;. Three &amp; four.By Ann');
		expect(html).toContain('<span data-start="20"> </span>');
		expect(html).toContain('data-sentence="2" data-start="21">Three &amp; four.</span>');
	});
	it('names the column by its headline and sets furniture apart, labelled', () => {
		expect(html).toMatch(/^<h2 id="a-title" class="headline"><span class="sentence" id="a-s0"/);
		expect(html).toContain(
			'<p class="furniture" data-furniture="byline"><span class="furniture-label">Byline</span> <span class="sentence" id="a-s3"'
		);
	});
	it('shows a sentence’s marks: classes, the escaped tooltip, its marker right after it', () => {
		expect(html).toContain(
			'<span class="sentence linked" id="a-s1" data-sentence="1" data-start="10" title="Loaded wording — &quot;x&quot;">One &lt;two&gt;.</span><button type="button" class="marker relation-same" id="a-m1"'
		);
	});
});

describe('markers', () => {
	it('the engine’s marker names its relation and where it jumps, by words and glyph', () => {
		const html = engineMarkerHtml('b', 4, { factId: 'f"1', relation: 'different-detail' });
		expect(html).toContain('id="b-m4" data-fact="f&quot;1" data-of="4"');
		expect(html).toContain(
			'aria-label="Same fact, different detail: jump to the matching passage in Article A"'
		);
		expect(html).toMatch(/>≈A<\/button>$/);
	});
	it('the reader’s own marker carries its annotation and jumps to the other article', () => {
		const html = ownMarkerHtml('a', 2, { id: 'n7', relation: 'contradicts' });
		expect(html).toContain('class="marker own" id="own-a-n7" data-own="n7" data-of="2"');
		expect(html).toContain(
			'aria-label="Your shared fact (contradicts): jump to the matching passage in Article B"'
		);
		expect(html).toMatch(/>✓B<\/button>$/);
	});
});
