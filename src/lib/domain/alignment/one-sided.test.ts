import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../text/segment';
import { findOneSided } from './one-sided';
import { suggestSharedFacts } from './shared-facts';

const A = segmentArticle(
	[
		'Deportations resume',
		'But at some point in March 2023, the Guardian revealed that the Biden administration had discreetly resumed deportations to Russia.',
		'US Customs and Border Protection reported that around 26,580 Russians have tried to cross the southern border since October 2022.',
		'Skip to content'
	].join('\n\n')
);
const B = segmentArticle(
	[
		'Biden deports Russians',
		'The Guardian reported this on March 18, despite the president not making any official announcements.',
		'Socialists must support anyone who refuses to fight wars for capitalist interests.'
	].join('\n\n')
);

describe('findOneSided', () => {
	const facts = suggestSharedFacts(A, B);
	const oneSided = findOneSided(A, B, facts);
	const texts = (side: 'a' | 'b') =>
		oneSided[side].map((c) => (side === 'a' ? A : B).sentences[c.sentence].text);

	it.each([
		['a', 'US Customs and Border Protection reported', true],
		['b', 'Socialists must support anyone', true],
		// linked passages, headlines and furniture are never one-sided claims
		['a', 'the Guardian revealed', false],
		['b', 'The Guardian reported', false],
		['a', 'Deportations resume', false],
		['a', 'Skip to content', false]
	] as const)('%s: %s → %s', (side, words, expected) => {
		expect(texts(side).some((t) => t.includes(words))).toBe(expected);
	});

	it('lists the details the other article never mentions', () => {
		const claim = oneSided.a.find((c) => A.sentences[c.sentence].text.includes('26,580'));
		expect(claim?.unmatchedDetails).toEqual(
			expect.arrayContaining(['26,580 Russians', 'October 2022'])
		);
		expect(claim?.unmatchedDetails).not.toContain('Russians');
	});

	it('gives passage offsets into the normalised text', () => {
		for (const c of oneSided.a)
			expect(A.text.slice(c.start, c.end)).toBe(A.sentences[c.sentence].text);
	});
});
