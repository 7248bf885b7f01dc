import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../text/segment';
import { compareActs, sentenceActs } from './acts';
import { buildArticleFeatures } from './features';

/** Word families as a comparison builds them (here: the one this table needs). */
const family = (l: string) => (l === 'deportation' ? 'deport' : l);

/** The acts of the first sentence of a text. */
function actsOf(text: string) {
	const article = segmentArticle(text);
	return sentenceActs(article, buildArticleFeatures(article).sentences[0], family);
}

describe('sentenceActs', () => {
	it.each([
		['Joe Biden is deporting Russians.', ['deport'], ['joe', 'biden']],
		// "beginning to" is aspect; the act is deporting
		['The administration is now beginning to deport Russians.', ['deport'], ['administration']],
		// attribution is not the act; the men, named before it, are who it is told of
		['McKee said the men were detained.', ['arrest'], ['mckee', 'man']]
	])('%s → acts %j, agents %j', (text, acts, agents) => {
		const a = actsOf(text);
		expect([...a.acts]).toEqual(acts);
		expect([...a.agents]).toEqual(agents);
	});
});

describe('compareActs', () => {
	it.each([
		['Joe Biden is deporting Russians.', 'The deportations of Russians resumed.', 1, false],
		['ICE paused deportation flights.', 'The US suspended deportation flights.', 1, false],
		[
			'They will go back into the meat grinder.',
			'Everyone deserves to escape the meat grinder.',
			0,
			true
		]
	])('%s | %s → shared %d, differ %s', (x, y, shared, differ) => {
		const c = compareActs(actsOf(x), actsOf(y));
		expect(c.shared > 0 ? 1 : 0).toBe(shared);
		expect(c.differ).toBe(differ);
	});
});

describe('the main act and its negation', () => {
	it.each([
		// one claim, denied by one side: a contradiction, not a shared fact
		['ICE has not resumed deportation flights.', 'ICE resumed deportation flights.', true, true],
		['ICE never resumed deportation flights.', 'ICE resumed deportation flights.', true, true],
		// a "not" in a later clause does not negate the claim
		[
			'The Biden administration is deporting Russians on the basis that they are not meeting the criteria.',
			'Joe Biden is deporting Russians.',
			true,
			false
		],
		['Many Russians fled, believing they would not be deported.', 'Russians fled.', true, false],
		['Many Russians fled to the United States.', 'Joe Biden is deporting Russians.', false, false],
		// an act both tell as a verb, denied by one: what they believed against what is done
		[
			'Many Russians fled to the United States, believing they would not be deported.',
			'The United States is deporting Russians.',
			false,
			true
		],
		// a denied act the other only names as a noun is no clash
		[
			'Many Russians fled, believing they would not be deported.',
			'The deportations began.',
			false,
			false
		]
	])('%s | %s → same claim %s, negation mismatch %s', (x, y, sameClaim, mismatch) => {
		const c = compareActs(actsOf(x), actsOf(y));
		expect(c.negationMismatch).toBe(mismatch);
		expect(c.sameClaim).toBe(sameClaim);
	});
});
