import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { connect } from './connect';
import { MIGRATIONS_FOLDER } from '../test-support/databases';
import { workspace } from './schema';
import { isDatabaseUnavailable } from './unreachable';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

/** A loopback port nothing listens on (taken, then released). */
function closedPort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

describe('isDatabaseUnavailable', () => {
	it.each<[string, unknown, boolean]>([
		['connection refused', withCode('ECONNREFUSED'), true],
		['reset', withCode('ECONNRESET'), true],
		['admin shutdown (57P01)', withCode('57P01'), true],
		['starting up (57P03)', withCode('57P03'), true],
		['connection failure (08006)', withCode('08006'), true],
		['too many connections', withCode('53300'), true],
		['a lost connection (node-postgres)', new Error('Connection terminated unexpectedly'), true],
		[
			'wrapped by drizzle',
			new Error('Failed query: select 1', { cause: withCode('ECONNREFUSED') }),
			true
		],
		['refused on every address', new AggregateError([withCode('ECONNREFUSED')]), true],
		['a unique violation', withCode('23505'), false],
		['a syntax error', withCode('42601'), false],
		['a plain bug', new TypeError('x is undefined'), false],
		['not an error', 'ECONNREFUSED', false],
		['nothing', undefined, false]
	])('%s → %s', (_, error, expected) => expect(isDatabaseUnavailable(error)).toBe(expected));

	it('recognises a PostgreSQL server that is not there', async () => {
		const port = await closedPort();
		const error = await connect({ url: `postgres://u:p@127.0.0.1:${port}/x` }).catch(
			(e: unknown) => e
		);
		expect(isDatabaseUnavailable(error)).toBe(true);
	});

	it('recognises a closed PGlite', async () => {
		const database = await connect({ memory: true, migrationsFolder: MIGRATIONS_FOLDER });
		await database.close();
		const error = await database.db
			.select()
			.from(workspace)
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(Error);
		expect(isDatabaseUnavailable(error)).toBe(true);
	});
});
