import { describe, expect, it } from 'vitest';
import { phaseSentence, projected } from './projection';

describe('projected', () => {
	const room = (phase: 'individual' | 'reveal' | 'discuss', hiddenIds: string[] = []) => ({
		phase,
		hiddenIds,
		presenterId: 'teacher'
	});
	it.each([
		['a student’s note while students work alone', 'ana', 'individual', [], false],
		['the presenter’s own note while students work alone', 'teacher', 'individual', [], true],
		['a student’s note after the reveal', 'ana', 'reveal', [], true],
		['a student’s note in the discussion', 'ana', 'discuss', [], true],
		['a hidden note after the reveal', 'ana', 'reveal', ['n1'], false],
		['a hidden note in the discussion', 'ana', 'discuss', ['n1'], false],
		['the presenter’s own note, hidden', 'teacher', 'individual', ['n1'], false]
	] as const)('%s → %s', (_what, authorId, phase, hidden, shown) => {
		expect(projected({ id: 'n1', authorId }, room(phase, [...hidden]))).toBe(shown);
	});
});

describe('phaseSentence', () => {
	it.each([
		['individual', 'student', 'Individual work: you see only your own annotations'],
		[
			'individual',
			'teacher',
			'Individual work: each student sees only their own annotations; you see everyone’s'
		],
		[
			'individual',
			'projection',
			'Individual work: students’ annotations stay off the projector until Reveal'
		],
		['reveal', 'student', 'Reveal: everyone’s work is visible'],
		['reveal', 'projection', 'Reveal: everyone’s work is visible'],
		['discuss', 'teacher', 'Discussion']
	] as const)('%s, read by the %s: “%s”', (phase, audience, sentence) => {
		expect(phaseSentence(phase, audience)).toBe(sentence);
	});
});
