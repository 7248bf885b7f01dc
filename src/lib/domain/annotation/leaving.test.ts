import { describe, expect, it } from 'vitest';
import { answerToLeaving, hasWrittenText, type LeaveAnswer, type NavigationKind } from './leaving';

describe('hasWrittenText', () => {
	it.each([
		['', '', false],
		['', 'Who counted?', true],
		['', ' ', true],
		['Saved before.', 'Saved before.', false],
		['Saved before.', 'Saved before. And more.', true],
		['Saved before.', '', true]
	])('opened with %j, now %j: %s', (openedWith, now, written) => {
		expect(hasWrittenText(openedWith, now)).toBe(written);
	});
});

describe('answerToLeaving', () => {
	it.each<[NavigationKind, boolean, LeaveAnswer]>([
		// written text: the browser asks when the page unloads, the page asks otherwise
		['leave', true, 'browser-asks'],
		['popstate', true, 'ask'],
		['link', true, 'ask'],
		['goto', true, 'ask'],
		['form', true, 'ask'],
		// untouched: nobody is asked
		['leave', false, 'go'],
		['popstate', false, 'go'],
		['link', false, 'go'],
		['goto', false, 'go'],
		['form', false, 'go']
	])('%s, written %s: %s', (kind, written, answer) => {
		expect(answerToLeaving(kind, written)).toBe(answer);
	});
});
