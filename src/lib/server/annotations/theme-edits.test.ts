import { expect, it } from 'vitest';
import { createActor, createComparison } from '../test-support/annotation-fixtures';
import { describeEachDatabase } from '../test-support/databases';
import { failure } from '../test-support/failure';
import * as themeEdits from './theme-edits';

describeEachDatabase('theme edits', (current) => {
	const db = () => current().database.db;

	it('appends edits in order, lists them per workspace and undoes the last', async () => {
		const comparison = await createComparison(db(), 'log');
		const actor = await createActor(db(), comparison.id);
		const rename = { op: 'rename', id: 'library', label: 'Libraries' };
		const merge = { op: 'merge', ids: ['library', 'council'], label: 'Local politics' };
		expect(await themeEdits.add(db(), actor, comparison.id, rename)).toEqual([rename]);
		expect(await themeEdits.add(db(), actor, comparison.id, merge)).toEqual([rename, merge]);
		expect(await themeEdits.list(db(), actor, comparison.id)).toEqual([rename, merge]);
		expect(
			await themeEdits.list(db(), await createActor(db(), comparison.id), comparison.id)
		).toEqual([]);
		expect(await themeEdits.undoLast(db(), actor, comparison.id)).toEqual([rename]);
		expect(await themeEdits.undoLast(db(), actor, comparison.id)).toEqual([]);
		expect((await failure(themeEdits.undoLast(db(), actor, comparison.id))).status).toBe(404);
		// after an undo the next edit takes the freed place at the end
		expect(await themeEdits.add(db(), actor, comparison.id, merge)).toEqual([merge]);
	});

	it.each<[string, unknown]>([
		['an unknown op', { op: 'paint', id: 'x' }],
		['a missing label', { op: 'rename', id: 'x' }],
		['a NUL', { op: 'remove', id: 'a\u0000' }],
		['a lone surrogate', { op: 'add', label: '\ud800', terms: [] }],
		['too many terms', { op: 'add', label: 'x', terms: Array(10_000).fill('t') }],
		['an array', [{ op: 'remove', id: 'x' }]]
	])('refuses %s (422)', async (_, edit) => {
		const comparison = await createComparison(db(), `bad-${Math.random()}`);
		const actor = await createActor(db(), comparison.id);
		expect((await failure(themeEdits.add(db(), actor, comparison.id, edit))).status).toBe(422);
		expect(await themeEdits.list(db(), actor, comparison.id)).toEqual([]);
	});
});
