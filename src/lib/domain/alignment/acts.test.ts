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
