import { describe, expect, it } from 'vitest';
import { RecentMap } from './recent-map';

describe('RecentMap', () => {
	it.each([
		{ name: 'keeps entries up to its limit', ops: ['set a', 'set b'], kept: ['a', 'b'] },
		{ name: 'drops the oldest past the limit', ops: ['set a', 'set b', 'set c'], kept: ['b', 'c'] },
		{
			name: 'a read makes an entry the newest',
			ops: ['set a', 'set b', 'get a', 'set c'],
			kept: ['a', 'c']
		},
		{
			name: 'a write to a kept key makes it the newest',
			ops: ['set a', 'set b', 'set a', 'set c'],
			kept: ['a', 'c']
		},
		{ name: 'a deleted entry is gone', ops: ['set a', 'set b', 'delete a'], kept: ['b'] },
		{
			name: 'asking whether a key is kept does not make it the newest',
			ops: ['set a', 'set b', 'has a', 'set c'],
			kept: ['b', 'c']
		}
	])('$name', ({ ops, kept }) => {
		const map = new RecentMap<string, number>(2);
		ops.forEach((op, i) => {
			const [verb, key] = op.split(' ');
			if (verb === 'set') map.set(key, i);
			else if (verb === 'get') map.get(key);
			else if (verb === 'has') expect(map.has(key)).toBe(true);
			else map.delete(key);
		});
		expect(['a', 'b', 'c'].filter((k) => map.get(k) !== undefined).sort()).toEqual(kept);
		expect(map.size).toBe(kept.length);
	});
});
