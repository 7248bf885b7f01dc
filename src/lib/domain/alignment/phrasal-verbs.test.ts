import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokens';
import { phrasalLemma } from './phrasal-verbs';

/** The phrasal lemma of the first word of a text that has one, or undefined. */
function firstPhrasal(text: string): string | undefined {
	const tokens = tokenize(text);
	for (let i = 0; i < tokens.length; i++) {
		const lemma = phrasalLemma(tokens, i);
		if (lemma !== undefined) return lemma;
	}
	return undefined;
}

describe('phrasalLemma', () => {
	it.each([
		['Bettie Page passed away on Thursday.', 'die'],
		['Lohan checked into the Betty Ford Center.', 'enter'],
		['She checked in late on Thursday.', 'enter'],
		['Lohan has checked out of Betty Ford.', 'leave'],
		['The coach stepped down.', 'resign'],
		['A fire broke out at the store.', 'erupt'],
		// the verb alone, or with another particle, is the verb
		['He passed the ball.', undefined],
		['Officers checked the car.', undefined],
		['She stepped into the room.', undefined]
	])('%s → %s', (text, lemma) => {
		expect(firstPhrasal(text)).toBe(lemma);
	});
});
