import { PGlite, type QueryOptions } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forDrizzle } from './pglite-client';

// The wrapped client leaves drizzle's parsers out of each query once they are installed on the
// instance: every value must come back as drizzle gets it from the plain client.

const ROW = sql`select
	'2026-12-06 21:15:44.123+00'::timestamptz as at,
	'2026-12-06 21:15:44'::timestamp as local,
	'2026-12-06'::date as day,
	'1 day 02:03:04'::interval as span,
	array['2026-12-06 21:15:44+00'::timestamptz] as ats,
	array['2026-12-06'::date] as days,
	array[1.5::numeric] as numbers,
	42::int as n,
	'{"a":[1,2]}'::jsonb as doc,
	array[1, 2]::int[] as ints,
	true as yes`;

describe('forDrizzle', () => {
	let client: PGlite;
	beforeAll(async () => {
		client = await PGlite.create();
	});
	afterAll(() => client.close());

	it('answers drizzle as the plain client does, outside and inside transactions', async () => {
		const plain = drizzle(client);
		const wrapped = drizzle(forDrizzle(client));
		const expected = await plain.execute(ROW);
		const got = await wrapped.execute(ROW);
		expect(got.rows).toEqual(expected.rows);
		expect(typeof got.rows[0].at).toBe('string');
		const inTransaction = await wrapped.transaction((tx) => tx.execute(ROW));
		expect(inTransaction.rows).toEqual(expected.rows);
		// once installed, the plain client's own answers are the same too (drizzle's parsers)
		expect((await plain.execute(ROW)).rows).toEqual(expected.rows);
	});

	it('sends queries without the parsers, and keeps rollbacks working', async () => {
		const sent: unknown[] = [];
		const spy = new Proxy(client, {
			get(t, prop) {
				if (prop === 'query')
					return (text: string, params: unknown[], options?: QueryOptions) => {
						sent.push(options?.parsers);
						return t.query(text, params, options);
					};
				const value = Reflect.get(t, prop, t);
				return typeof value === 'function' ? value.bind(t) : value;
			}
		});
		const wrapped = drizzle(forDrizzle(spy));
		await wrapped.execute(sql`select 1`);
		expect(sent).toEqual([undefined]);
		await wrapped.execute(sql`create table if not exists kept (n int)`);
		await expect(
			wrapped.transaction(async (tx) => {
				await tx.execute(sql`insert into kept values (1)`);
				tx.rollback();
			})
		).rejects.toThrow();
		expect((await wrapped.execute(sql`select count(*)::int as n from kept`)).rows).toEqual([
			{ n: 0 }
		]);
	});
});
