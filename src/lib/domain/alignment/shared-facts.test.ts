import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../text/segment';
import { FACT_MODEL } from './fact-model';
import { buildArticleFeatures } from './features';
import { alignArticles, selectPairs, suggestSharedFacts } from './shared-facts';
import type { SharedFact } from './types';

/** Suggestions between two texts, as [A sentence text, B sentence text, relation]. */
function links(a: string, b: string) {
	const sa = segmentArticle(a);
	const sb = segmentArticle(b);
	return suggestSharedFacts(sa, sb).map((f) => [
		sa.sentences[f.a.sentence].text,
		sb.sentences[f.b.sentence].text,
		f.relation
	]);
}

describe('suggestSharedFacts: same event, different events', () => {
	it.each([
		{
			name: 'two reports of one earthquake are linked',
			a: 'Quake hits Iran island\n\nA 5.6-magnitude earthquake struck Qeshm island in southern Iran on Sunday, injuring five people. Rescue teams were sent to the villages.',
			b: 'Earthquake on Qeshm\n\nAn earthquake of magnitude 5.6 jolted Qeshm island off the southern coast of Iran on Sunday, officials said. Five people were hurt.',
			linked: true
		},
		{
			name: 'two different earthquakes (other place, magnitude, year) are not linked',
			a: 'Quake hits Iran island\n\nA 5.6-magnitude earthquake struck Qeshm island in southern Iran in 2008, injuring five people. Rescue teams were sent to the villages.',
			b: 'Quake hits Indonesia\n\nA 6.1-magnitude earthquake struck Sumatra in western Indonesia in 2013, killing three people. Rescue teams were sent to the villages.',
			linked: false
		},
		{
			name: 'two celebrities entering rehab are not linked',
			a: 'A publicist says Tara Reid has checked herself into rehab at the Promises Treatment Center in Malibu. Her representative Jack Ketsoyan confirmed the stay.',
			b: 'Lindsay Lohan has checked herself into rehab at the Betty Ford Center in Rancho Mirage. Her lawyer Shawn Holley confirmed the stay.',
			linked: false
		},
		{
			name: 'checking into and checking out of one clinic are two events',
			a: 'Lindsay Lohan checked into the Betty Ford Center in Rancho Mirage on Thursday after a court order.',
			b: 'Lindsay Lohan checked out of the Betty Ford Center in Rancho Mirage on Thursday after a court order.',
			linked: false
		},
		{
			name: 'the same counted thing with another number is not linked across different operations',
			a: 'The Indian Navy captured 23 pirates in the Gulf of Aden on Saturday after an attack on a merchant ship.',
			b: 'The Indian Navy captured 26 pirates in the Gulf of Aden on Thursday after an attack on a merchant ship.',
			linked: false
		}
	])('$name', ({ a, b, linked }) => {
		expect(links(a, b).length > 0).toBe(linked);
	});
});

describe('suggestSharedFacts: shape', () => {
	const a = segmentArticle(
		'Deportations resume\n\nBut at some point in March 2023, the Guardian revealed that the Biden administration had discreetly resumed deportations to Russia.'
	);
	const b = segmentArticle(
		'Biden deports Russians\n\nThe Guardian reported this on March 18, despite the president not making any official announcements or indicating when the deportations began.'
	);
	const facts = suggestSharedFacts(a, b);

	it('links the two passages with their shared details and a word diff', () => {
		expect(facts).toHaveLength(1);
		const [f] = facts;
		expect(f).toMatchObject({
			id: `a${f.a.sentence}-b${f.b.sentence}`,
			relation: 'different-detail',
			entities: ['Guardian'],
			dates: ['March 2023 / March 18']
		});
		expect(a.text.slice(f.a.start, f.a.end)).toBe(a.sentences[f.a.sentence].text);
		expect(b.text.slice(f.b.start, f.b.end)).toBe(b.sentences[f.b.sentence].text);
		expect(f.score).toBeGreaterThan(0);
		expect(f.score).toBeLessThanOrEqual(1);
		const side = (s: 'a' | 'b') =>
			f.diff
				.filter((p) => p.side !== (s === 'a' ? 'b' : 'a'))
				.map((p) => p.value)
				.join('');
		expect(side('a')).toBe(a.sentences[f.a.sentence].text);
		expect(side('b')).toBe(b.sentences[f.b.sentence].text);
	});

	it('is deterministic', () => {
		expect(suggestSharedFacts(a, b)).toEqual(facts);
	});

	it('never suggests furniture', () => {
		const withBio = segmentArticle(
			'Russians deported\n\nThe Guardian reported this on March 18, despite the president not making any announcement.\n\nSam Carliner is a socialist who writes about the Guardian and March 18.'
		);
		for (const f of suggestSharedFacts(a, withBio)) {
			expect(withBio.sentences[f.b.sentence].furniture).toBe(false);
		}
	});
});

describe('suggestSharedFacts on the seed pair', () => {
	const read = (f: string) =>
		readFileSync(new URL(`../../../../seeds/${f}`, import.meta.url), 'utf8');
	const a = segmentArticle(read('000_22ed28cde7db5cf9.txt'));
	const b = segmentArticle(read('004_cb2015502c2df88f.txt'));
	const alignment = alignArticles(buildArticleFeatures(a), buildArticleFeatures(b));
	const quoted = (f: SharedFact) => ({
		a: a.sentences[f.a.sentence].text,
		b: b.sentences[f.b.sentence].text,
		relation: f.relation
	});
	const facts = alignment.facts.map(quoted);
	const contrasts = alignment.contrasts.map(quoted);
	const find = (list: typeof facts, wordsA: string[], wordsB: string[]) =>
		list.find((t) => wordsA.every((w) => t.a.includes(w)) && wordsB.every((w) => t.b.includes(w)));

	// facts a teacher would defend to a class; each is matched by words of both passages
	it.each([
		{
			fact: 'the deportations resumed quietly in March 2023, as the Guardian revealed',
			a: ['March 2023', 'Guardian revealed'],
			b: ['Guardian reported', 'March 18'],
			relation: 'different-detail'
		},
		{
			fact: 'the central fact: the Biden administration is deporting Russians',
			a: ['the Biden administration is now beginning to deport Russian individuals'],
			b: ['Joe Biden is deporting Russians who came to the United States'],
			relation: 'same'
		},
		{
			fact: 'deportation flights to Russia had been paused / suspended',
			a: ['paused deportation flights'],
			b: ['suspend deportation flights'],
			relation: 'same'
		}
	])('suggests: $fact', ({ a: wordsA, b: wordsB, relation }) => {
		const hit = find(facts, wordsA, wordsB);
		expect(hit).toBeDefined();
		expect(hit?.relation).toBe(relation);
	});

	// pairs a careful reader rejects as facts: a shared metaphor, the same words with other claims
	it.each([
		{ pair: 'both use "meat grinder" (word choice)', a: 'meat grinder', b: 'meat grinder' },
		{
			pair: 'the White House "welcomes" asylum seekers / the US deports them (a contrast)',
			a: 'the White House said',
			b: 'The United States is deporting Russians who sought asylum'
		},
		{
			pair: 'Russians believed they would not be deported / the US is deporting them (a contrast)',
			a: 'believing they would not be deported',
			b: 'The United States is deporting Russians who sought asylum'
		},
		{
			pair: 'a stance ("We stand with…") is compared as framing, never as a fact',
			a: '',
			b: 'We stand with Russian war resisters'
		},
		{
			pair: 'violence of the war / violence the US imposes',
			a: 'The vast majority of Russian migrants',
			b: 'we must denounce the violence'
		},
		{
			pair: 'the Biden administration "appeared to understand this" / "capitulates"',
			a: 'appeared to understand this',
			b: 'capitulates to the isolationism'
		},
		{
			pair: 'A judges the reversal ("is an abandonment") / B reports the deportations',
			a: 'inexplicable policy reversal is an abandonment',
			b: 'Joe Biden is deporting Russians'
		}
	])('never a fact: $pair', ({ a: wordA, b: wordB }) => {
		expect(find(facts, [wordA], [wordB])).toBeUndefined();
	});

	it('offers same-subject pairs as contrasts, apart from the facts', () => {
		expect(
			find(contrasts, ['The vast majority of Russian migrants'], ['denounce the violence'])
		).toBeDefined();
		expect(contrasts.every((c) => c.relation === 'different-claims')).toBe(true);
		const inFacts = new Set(
			alignment.facts.flatMap((f) => [`a${f.a.sentence}`, `b${f.b.sentence}`])
		);
		for (const c of alignment.contrasts) {
			expect(inFacts.has(`a${c.a.sentence}`) || inFacts.has(`b${c.b.sentence}`)).toBe(false);
		}
	});

	it('shows probabilities a reader can trust: calibrated, above the threshold, few', () => {
		expect(alignment.facts.length).toBeGreaterThan(0);
		expect(alignment.facts.length).toBeLessThanOrEqual(10);
		for (const f of alignment.facts) expect(f.score).toBeGreaterThanOrEqual(FACT_MODEL.threshold);
	});
});

describe('selectPairs', () => {
	type Pair = { a: number; b: number; p: number; claim?: boolean };
	const choose = (pairs: Pair[]) =>
		selectPairs(
			pairs,
			2,
			(c) => c.p,
			(c) => c.claim === true
		).map((c) => `${c.a}-${c.b}`);
	it.each([
		{
			name: 'each sentence takes its strongest counterpart first',
			pairs: [
				{ a: 0, b: 0, p: 0.6 },
				{ a: 1, b: 1, p: 0.8 }
			],
			chosen: ['1-1', '0-0']
		},
		{
			name: 'a second counterpart nearly as strong is kept (one fact told in two sentences)',
			pairs: [
				{ a: 0, b: 0, p: 0.8 },
				{ a: 1, b: 0, p: 0.75 }
			],
			chosen: ['0-0', '1-0']
		},
		{
			name: 'a much weaker second counterpart is not',
			pairs: [
				{ a: 0, b: 0, p: 0.8 },
				{ a: 1, b: 0, p: 0.5 }
			],
			chosen: ['0-0']
		},
		{
			name: 'beside a same-claim first link, a topic neighbour is not a second link',
			pairs: [
				{ a: 0, b: 0, p: 0.8, claim: true },
				{ a: 1, b: 0, p: 0.79 }
			],
			chosen: ['0-0']
		},
		{
			name: 'beside a same-claim first link, another same claim is',
			pairs: [
				{ a: 0, b: 0, p: 0.8, claim: true },
				{ a: 1, b: 0, p: 0.79, claim: true }
			],
			chosen: ['0-0', '1-0']
		},
		{
			name: 'at most two links per sentence',
			pairs: [
				{ a: 0, b: 0, p: 0.8 },
				{ a: 1, b: 0, p: 0.8 },
				{ a: 2, b: 0, p: 0.8 }
			],
			chosen: ['0-0', '1-0']
		}
	])('$name', ({ pairs, chosen }) => {
		expect(choose(pairs)).toEqual(chosen);
	});
});
