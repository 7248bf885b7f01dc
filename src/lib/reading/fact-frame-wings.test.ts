import { describe, expect, it } from 'vitest';
import { frameWing } from './fact-frame-wings';

const cue = (lemma: string, start: number) => ({
	lemma,
	span: { start, end: start + lemma.length }
});

describe('frameWing', () => {
	it.each([
		{ name: 'no frame', frames: [], want: null },
		{
			name: 'the strongest frame with its distinct cues',
			frames: [
				{ code: 1, score: 3, cues: [cue('cost', 0), cue('budget', 10), cue('cost', 30)] },
				{ code: 5, score: 1, cues: [cue('law', 40)] }
			],
			want: { label: 'Economic', cues: ['cost', 'budget'] }
		},
		{
			name: 'at most four cues',
			frames: [
				{
					code: 8,
					score: 5,
					cues: ['war', 'draft', 'army', 'troop', 'soldier'].map((l, k) => cue(l, k * 10))
				}
			],
			want: { label: 'Security and defense', cues: ['war', 'draft', 'army', 'troop'] }
		}
	])('$name', ({ frames, want }) => {
		expect(frameWing(frames)).toEqual(want);
	});
});
