import { describe, expect, it } from 'vitest';
import { ADDRESS_PROBLEM_ROUTE, MAX_PATH_LENGTH, addressProblem, rerouteAddress } from './address';

const at = (path: string) => addressProblem(new URL(`http://app.test${path}`));

describe('addressProblem', () => {
	it.each<[string, string, string | null]>([
		['a page', '/compare/seed', null],
		['a search with a line break', '/library?q=a%0Ab', null],
		['a long search (the header limit bounds it)', `/library?q=${'war '.repeat(2000)}`, null],
		['an emoji in a path', '/compare/%F0%9F%97%B3', null],
		['a path of the longest length', `/${'a'.repeat(MAX_PATH_LENGTH - 1)}`, null],
		['one character longer', `/${'a'.repeat(MAX_PATH_LENGTH)}`, 'The address is too long.'],
		[
			'tens of thousands of characters',
			`/compare/${'a'.repeat(40_000)}`,
			'The address is too long.'
		],
		['bytes that are no UTF-8', '/compare/%FF', 'The address is not valid UTF-8.'],
		['NUL', '/compare/%00', 'The address contains a control or broken character.'],
		['a lone surrogate (as CESU bytes)', '/compare/%ED%A0%80', 'The address is not valid UTF-8.'],
		['NUL in a query key', '/rooms?%00=1', 'The query contains a control or broken character.'],
		['a broken query value stays harmless', '/x?q=%F0%9F', null] // read as U+FFFD
	])('%s', (_name, path, problem) => {
		expect(at(path)).toBe(problem);
	});
});

describe('rerouteAddress', () => {
	it.each<[string, string, string | undefined]>([
		['a good page', '/compare/seed', undefined],
		['a page past the longest path', `/compare/${'a'.repeat(5000)}`, ADDRESS_PROBLEM_ROUTE],
		['a page with NUL', '/compare/%00/bundle', ADDRESS_PROBLEM_ROUTE],
		['a bad query on a page', '/library?q=%00', ADDRESS_PROBLEM_ROUTE],
		['the API keeps its JSON refusal', `/api/comparisons/${'a'.repeat(5000)}`, undefined],
		['the API root', '/api?q=%00', undefined]
	])('%s', (_name, path, route) => {
		expect(rerouteAddress(new URL(`http://app.test${path}`))).toBe(route);
	});
});
