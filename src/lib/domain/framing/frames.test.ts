import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../text/segment';
import { tokenize } from '../text/tokens';
import { createArticle } from './article-fixture';
import { FRAMES, suggestFrames } from './frames';

const lemmasOf = (text: string) =>
	tokenize(text)
		.filter((t) => t.kind !== 'punct')
		.map((t) => t.lemma)
		.join(' ');

describe('FRAMES', () => {
	it('lists the 15 Policy Frames Codebook dimensions with the Media Frames Corpus codes', () => {
		const codes = JSON.parse(
			readFileSync('../shared/evaldata/mfc-codebook/codes.json', 'utf8')
		) as Record<string, string>;
		expect(FRAMES.map((f) => f.code)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
		for (const f of FRAMES) expect(f.label).toBe(codes[`${f.code}.0`]);
		for (const f of FRAMES) expect(f.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
		expect(new Set(FRAMES.map((f) => f.id)).size).toBe(15);
	});
});

describe('suggestFrames: sentence → frames', () => {
	const cases: { sentence: string; frames: number[] }[] = [
		{ sentence: 'The court ruled that the law is unconstitutional.', frames: [5] },
		{ sentence: 'Troops and soldiers were sent to the front line.', frames: [8] },
		{ sentence: 'The new policy will cost taxpayers billions of dollars.', frames: [1, 6] },
		{ sentence: 'Police arrested him and he was jailed.', frames: [7] },
		{ sentence: 'It was a heinous and inhumane act.', frames: [3] },
		{ sentence: 'Democrats and Republicans in Congress voted on the bill.', frames: [13] },
		{ sentence: 'This is discrimination, plain and simple.', frames: [4] },
		{ sentence: 'Hospitals struggle with the pandemic.', frames: [9] },
		{ sentence: 'A new poll shows most voters oppose it.', frames: [12, 13] },
		{ sentence: 'NATO imposed sanctions on the regime.', frames: [14, 8, 13] },
		// "fiscal year" is a date: its "fiscal" cues nothing
		{ sentence: 'In fiscal year 2020 the agency hired more staff.', frames: [2] },
		// the parts of a hyphenated word are cues too
		{ sentence: 'He called it a proxy-war.', frames: [8] },
		// a phrase takes its words: "class" does not also cue fairness or identity
		{ sentence: 'The working class pays.', frames: [1] },
		// "housing" and "House" share a lemma: only housing phrases cue quality of life
		{ sentence: 'The House passed the bill on Tuesday.', frames: [] },
		{ sentence: 'Rents rose and affordable housing vanished.', frames: [10] },
		// regulation vocabulary is policy
		{ sentence: 'Universal background checks would close the loophole.', frames: [6] },
		// no cue, or one weak cue only: no frame
		{ sentence: 'The weather was lovely today.', frames: [] },
		{ sentence: 'We must act.', frames: [] },
		// five frames at 2 each: the three lowest codes are kept
		{ sentence: 'The court jailed soldiers at the hospital over taxes.', frames: [1, 5, 7] }
	];
	it.each(cases)('$sentence → $frames', ({ sentence, frames }) => {
		const article = createArticle([[sentence]]);
		const result = suggestFrames(article);
		const found = result.sentences[0]?.frames.map((f) => f.code) ?? [];
		expect(found).toEqual(frames);
		for (const f of result.sentences[0]?.frames ?? []) {
			expect(f.cues.length).toBeGreaterThan(0);
			for (const c of f.cues) {
				expect(lemmasOf(article.text.slice(c.span.start, c.span.end))).toBe(lemmasOf(c.lemma));
			}
		}
	});

	it('names the cues of a frame, in text order', () => {
		const article = createArticle([['Troops crossed the front line into battle.']]);
		const [security] = suggestFrames(article).sentences[0].frames;
		expect(security.code).toBe(8);
		expect(security.cues.map((c) => c.lemma)).toEqual(['troop', 'front line', 'battle']);
		expect(security.score).toBe(2 + 2 + 1);
	});

	it('skips furniture and does not count a repeated sentence twice', () => {
		const article = createArticle([
			['Soldiers went to war.'],
			{ sentences: ['Donate to our army of readers.'], furniture: true },
			['Soldiers went to war.']
		]);
		const result = suggestFrames(article);
		expect(result.sentences.map((s) => s.sentence)).toEqual([0, 2]);
		const security = result.profile[7];
		expect(security).toMatchObject({ code: 8, sentences: 1, share: 1 });
	});
});

describe('suggestFrames on the seed pair', () => {
	const read = (f: string) => segmentArticle(readFileSync(`seeds/${f}`, 'utf8'));
	const articles = [read('000_22ed28cde7db5cf9.txt'), read('004_cb2015502c2df88f.txt')];

	it.each([0, 1])('article %i: 0–3 frames a sentence, every cue span slices to its cue', (i) => {
		const article = articles[i];
		const result = suggestFrames(article);
		for (const s of result.sentences) {
			expect(s.frames.length).toBeGreaterThanOrEqual(1);
			expect(s.frames.length).toBeLessThanOrEqual(3);
			expect(article.sentences[s.sentence].furniture).toBe(false);
			for (const f of s.frames) {
				for (const c of f.cues) {
					expect(c.span.start).toBeGreaterThanOrEqual(article.sentences[s.sentence].start);
					expect(c.span.end).toBeLessThanOrEqual(article.sentences[s.sentence].end);
					expect(lemmasOf(article.text.slice(c.span.start, c.span.end))).toBe(lemmasOf(c.lemma));
				}
			}
		}
	});

	it.each([0, 1])('article %i: the profile has all 15 frames and sums the sentences', (i) => {
		const article = articles[i];
		const result = suggestFrames(article);
		expect(result.profile.map((p) => p.code)).toEqual(FRAMES.map((f) => f.code));
		const body = article.sentences.filter((s) => !s.furniture).length;
		const perSentence = result.sentences.reduce((n, s) => n + s.frames.length, 0);
		expect(result.profile.reduce((n, p) => n + p.sentences, 0)).toBe(perSentence);
		const scores = result.sentences.flatMap((s) => s.frames).reduce((n, f) => n + f.score, 0);
		expect(result.profile.reduce((n, p) => n + p.score, 0)).toBeCloseTo(scores, 9);
		for (const p of result.profile) expect(p.share).toBeCloseTo(p.sentences / body, 9);
		expect(result.profile[14]).toEqual({ code: 15, score: 0, share: 0, sentences: 0 });
	});

	it('reads security in both op-eds, economics in the socialist one, law in the other', () => {
		const top = (i: number) =>
			[...suggestFrames(articles[i]).profile]
				.sort((x, y) => y.score - x.score)
				.slice(0, 5)
				.map((p) => p.code);
		expect(top(0)).toEqual(expect.arrayContaining([8, 7, 5]));
		expect(top(1)).toEqual(expect.arrayContaining([8, 1]));
	});
});
