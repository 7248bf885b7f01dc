import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokens';
import { splitClauses } from './clauses';

describe('splitClauses', () => {
	it.each([
		[
			'Yet, the Biden administration is now beginning to deport Russian individuals on the basis that they do not meet the credible fear criteria for asylum.',
			2
		],
		['Joe Biden is deporting Russians who came to the United States to escape the draft.', 2],
		['Police arrested a man.', 1],
		// a fragment too short to state anything joins its neighbour
		['He left, sadly.', 1]
	])('%s → %d clauses', (text, n) => {
		expect(splitClauses(tokenize(text))).toHaveLength(n);
	});

	it('keeps every content word once, in order', () => {
		expect(splitClauses(tokenize('Biden deported Russians who fled the draft.')).flat()).toEqual([
			'biden',
			'deport',
			'russian',
			'flee',
			'draft'
		]);
	});
});
