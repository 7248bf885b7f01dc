import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokens';
import { oppositeActs } from './opposite-acts';

describe('oppositeActs', () => {
	it.each([
		[
			'Lohan checked into the Betty Ford Center.',
			'Lohan checked out of the Betty Ford Center.',
			true
		],
		['Lohan has left the Betty Ford Center.', 'Lohan entered the Betty Ford Center.', true],
		['The 76ers hired Maurice Cheeks.', 'The 76ers fired Maurice Cheeks.', true],
		['The jury convicted him.', 'The jury acquitted him.', true],
		// two stages of one case are two events
		[
			'Murder charges were filed against a gang member.',
			'A jury convicted the gang member of murder.',
			true
		],
		['He was indicted on Monday.', 'He was sentenced to life on Monday.', true],
		// a sentence that names both stages may tell either
		['He was convicted on all charges.', 'The jury convicted him.', false],
		// one passage reports both acts: it may report the one the other reports
		[
			'After she left a clinic in Newport Beach, Lohan checked into Betty Ford.',
			'Lohan checked into Betty Ford.',
			false
		],
		// the same direction in other words, or no opposed act at all
		['Lohan checked into rehab.', 'Lohan entered rehab.', false],
		['Klitschko beat Thompson.', 'Thompson lost to Klitschko.', false],
		['Police arrested a man.', 'Police released the name of the victim.', false]
	])('%s | %s → %s', (a, b, expected) => {
		expect(oppositeActs(tokenize(a), tokenize(b))).toBe(expected);
		expect(oppositeActs(tokenize(b), tokenize(a))).toBe(expected);
	});
});
