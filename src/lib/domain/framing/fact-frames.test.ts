import { describe, expect, it } from 'vitest';
import { createArticle } from './article-fixture';
import { framesOfPairs, sharedFrameProfile } from './fact-frames';
import { suggestFrames } from './frames';

const A = createArticle([
	[
		'The deportations will cost taxpayers millions of dollars in the budget.',
		'Soldiers were drafted to fight in the war.',
		'Nothing to see here at all.'
	]
]);
const B = createArticle([
	[
		'The deportations violate the law and the constitution, judges said.',
		'Soldiers were drafted to fight in the war.'
	]
]);
const frames = { a: suggestFrames(A), b: suggestFrames(B) };
const pair = (a: number, b: number, narrow?: { a: [number, number] }) => ({
	id: `a${a}-b${b}`,
	a: narrow
		? { sentence: a, start: narrow.a[0], end: narrow.a[1] }
		: { sentence: a, start: A.sentences[a].start, end: A.sentences[a].end },
	b: { sentence: b, start: B.sentences[b].start, end: B.sentences[b].end }
});
const codes = (fs: { code: number }[]) => fs.map((f) => f.code);

describe('framesOfPairs', () => {
	it('gives each side of a shared fact its own frames with their cues', () => {
		const [fact] = framesOfPairs(frames, [pair(0, 0)]);
		expect(fact.id).toBe('a0-b0');
		expect(fact.sentences).toEqual({ a: 0, b: 0 });
		expect(codes(fact.a)).toContain(1); // Economic: cost, taxpayer, budget
		expect(codes(fact.b)).toContain(5); // Legality: law, constitution, judge
		expect(codes(fact.a)).not.toContain(5);
		for (const f of fact.a) {
			for (const c of f.cues)
				expect(A.text.slice(c.span.start, c.span.end).length).toBeGreaterThan(0);
		}
	});

	it.each([
		{ name: 'a sentence without cues', p: pair(2, 1), side: 'a' as const, want: [] },
		{
			name: 'a passage narrower than its cues',
			p: pair(0, 0, { a: [0, 4] }),
			side: 'a' as const,
			want: []
		}
	])('gives no frame to $name', ({ p, side, want }) => {
		expect(codes(framesOfPairs(frames, [p])[0][side])).toEqual(want);
	});
});

describe('sharedFrameProfile', () => {
	it('counts each aligned sentence once, over aligned sentences only', () => {
		const pf = framesOfPairs(frames, [pair(0, 0), pair(0, 1), pair(1, 1)]);
		const a = sharedFrameProfile(pf, 'a');
		expect(a).toHaveLength(15);
		const economic = a.find((e) => e.code === 1)!;
		// two distinct A sentences are aligned (0 and 1); only sentence 0 is economic
		expect(economic.sentences).toBe(1);
		expect(economic.share).toBe(0.5);
		const b = sharedFrameProfile(pf, 'b');
		expect(b.find((e) => e.code === 1)!.sentences).toBe(0);
	});

	it('is all zeros without aligned pairs', () => {
		expect(sharedFrameProfile([], 'a').every((e) => e.share === 0 && e.sentences === 0)).toBe(true);
	});
});
