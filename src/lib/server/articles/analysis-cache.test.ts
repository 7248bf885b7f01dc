import { expect, it } from 'vitest';
import * as analyses from './analysis-cache';
import { describeEachDatabase } from '../test-support/databases';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

describeEachDatabase('analyses', (current) => {
	const db = () => current().database.db;

	it('misses before anything is stored', async () => {
		expect(await analyses.get(db(), A, B, 'engine-1')).toBeUndefined();
	});

	it.each([
		['an object', { sharedFacts: [{ a: [0, 10], b: [5, 12] }], themes: { economy: 0.5 } }],
		['an array', [1, 'two', null, true]],
		['unicode strings', { quote: 'déjà vu — “quoted” 𝔘' }],
		['a number', 42]
	])('returns what was put (%s)', async (name, result) => {
		await analyses.put(db(), A, B, `engine-${name}`, result);
		expect(await analyses.get(db(), A, B, `engine-${name}`)).toEqual(result);
	});

	it('keys by ordered pair and engine version', async () => {
		await analyses.put(db(), A, B, 'engine-2', { order: 'ab' });
		await analyses.put(db(), B, A, 'engine-2', { order: 'ba' });
		expect(await analyses.get(db(), A, B, 'engine-2')).toEqual({ order: 'ab' });
		expect(await analyses.get(db(), B, A, 'engine-2')).toEqual({ order: 'ba' });
		expect(await analyses.get(db(), A, B, 'engine-3')).toBeUndefined();
	});

	it('replaces an earlier result for the same key', async () => {
		await analyses.put(db(), A, B, 'engine-4', { run: 1 });
		await analyses.put(db(), A, B, 'engine-4', { run: 2 });
		expect(await analyses.get(db(), A, B, 'engine-4')).toEqual({ run: 2 });
	});
});
