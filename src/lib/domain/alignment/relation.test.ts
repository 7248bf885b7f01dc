import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../text/segment';
import { matchDetails } from './details';
import { buildArticleFeatures } from './features';
import { classifyRelation, negationMismatch } from './relation';

/** Relation between the first sentences of two one-line articles at a given similarity. */
function relation(a: string, b: string, similarity = 0.5) {
	const fa = buildArticleFeatures(segmentArticle(a));
	const fb = buildArticleFeatures(segmentArticle(b));
	const sa = fa.sentences[0];
	const sb = fb.sentences[0];
	return classifyRelation(matchDetails(sa, sb, fa, fb), sa, sb, similarity);
}

describe('classifyRelation', () => {
	it.each([
		[
			'In March 2023, the Guardian revealed that the deportations had resumed.',
			'The Guardian reported on March 18 that the deportations had resumed.',
			0.5,
			'different-detail'
		],
		[
			'The Guardian revealed on March 18 that the deportations had resumed.',
			'The Guardian reported on March 18 that the deportations had resumed.',
			0.8,
			'same'
		],
		[
			'Around 26,580 Russians have tried to cross the southern border.',
			'About 26,000 Russians have tried to cross the southern border.',
			0.8,
			'different-detail'
		],
		[
			'Police said three people were killed in the blast in Athens.',
			'Police said five people were killed in the blast in Athens.',
			0.8,
			'contradicts'
		],
		[
			'ICE has resumed deportation flights to Russia.',
			'ICE has not resumed deportation flights to Russia.',
			0.8,
			'contradicts'
		],
		// a negation between loosely similar passages is not trusted as a contradiction
		[
			'ICE has resumed deportation flights to Russia.',
			'Officials would not comment on deportation flights to Russia.',
			0.4,
			'same'
		]
	])('%s | %s', (a, b, similarity, expected) => {
		expect(relation(a, b, similarity)).toBe(expected);
	});
});

describe('negationMismatch', () => {
	it.each([
		['They resumed flights.', 'They have not resumed flights.', true],
		["They didn't resume flights.", 'They never resumed flights.', false],
		['They resumed flights.', 'They resumed flights.', false]
	])('%s | %s', (a, b, expected) => {
		expect(negationMismatch(a, b)).toBe(expected);
	});
});
