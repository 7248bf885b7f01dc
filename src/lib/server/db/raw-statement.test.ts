import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Database } from './connect';
import { runPrepared, runStatement } from './raw-statement';

// A prepared statement on PGlite gets its arguments as SQL constants: whatever a value holds,
// it must arrive as sent, and the same as through parameters.

let database: Database;
beforeAll(async () => {
	database = await connect({ memory: true });
});
afterAll(() => database.close());

const TEXT = 'select $1::text as t, $2::integer as n, $3::boolean as b, $4::jsonb as j';

describe('runPrepared', () => {
	it.each([
		['plain', 'Ana'],
		['quotes', "it's 'quoted' ''twice''"],
		['backslashes', 'C:\\path\\n and \\x41 \\\\'],
		['a quote after a backslash', "\\' or 1=1; drop table annotation; --"],
		['unicode', 'Ümlaut — “quoted” 🦀'],
		['a NUL (sent with parameters instead)', 'before\0after'],
		['null', null]
	])('%s arrives as sent', async (_, value) => {
		const json = JSON.stringify({ note: value });
		const args = [value, -42, true, json];
		const prepared = () =>
			runPrepared<Record<string, unknown>>(database.db, 'raw_statement_test', TEXT, args);
		const bound = () => runStatement<Record<string, unknown>>(database.db, TEXT, args);
		if (typeof value === 'string' && value.includes('\0')) {
			// PostgreSQL text holds no NUL: refused alike, never cut short into another statement
			const refusal = (await bound().catch((e: Error) => e)) as Error;
			expect(refusal).toBeInstanceOf(Error);
			await expect(prepared()).rejects.toThrow(refusal.message);
			return;
		}
		const [row] = await prepared();
		expect(row).toEqual({ t: value, n: -42, b: true, j: { note: value } });
		expect((await bound())[0]).toEqual(row);
	});
});
