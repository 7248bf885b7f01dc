import { entityKind, sql, type SQL } from 'drizzle-orm';
import type { Db } from './connect';

// A hot statement sent as its text and parameters, without drizzle's query builder: building a
// query from its template and mapping its result cost ~0.3–0.4 ms of CPU per query on this
// machine, as much as PGlite running a small INSERT. The tables' definitions stay in schema.ts;
// a statement written here takes its table and column names from there.
//
// On PGlite a hot statement is also PREPAREd once and EXECUTEd by the simple query protocol.
// Measured in one process on file-backed PGlite (the annotation create's statement, three
// INSERTs in CTEs behind a membership check): sent with parameters (parse, plan, bind…) 2.9 ms
// of CPU, EXECUTE of the prepared statement 1.0 ms; planning the CTEs and PGlite's extended-
// protocol messages through the wasm were most of it. EXECUTE takes no bind parameters, so its
// arguments are written as literals (escaped string constants; a value that cannot be written
// safely sends the statement with parameters instead).

/** A transaction or the database, as drizzle gives either. */
type Queryable = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

/** A client that runs a statement with $1… parameters and answers with its rows. */
interface DirectClient {
	query<R>(text: string, params: unknown[]): Promise<{ rows: R[] }>;
	/** the simple query protocol: statements without parameters, one result each */
	exec(text: string): Promise<{ rows: unknown[] }[]>;
}

/**
 * The PGlite instance behind drizzle's PGlite database (not a transaction: a transaction's
 * statements must go through it), or undefined.
 */
function directClient(q: Queryable): DirectClient | undefined {
	const kind = (q.constructor as { [entityKind]?: string })[entityKind];
	if (kind !== 'PgliteDatabase') return undefined;
	return (q as unknown as { $client: DirectClient }).$client;
}

/** The statement as drizzle SQL ($n replaced by the n-th parameter), for a transaction's client. */
function asDrizzle(text: string, params: readonly unknown[]): SQL {
	const parts = text.split(/\$(\d+)/);
	const chunks: SQL[] = parts.map((part, i) =>
		i % 2 === 0 ? sql.raw(part) : sql`${params[Number(part) - 1]}`
	);
	return sql.join(chunks);
}

/**
 * Run one statement: straight on PGlite's client when `q` is the PGlite database, else through
 * drizzle on `q` (a transaction, or node-postgres' pool). Both drivers answer with `{ rows }`.
 */
export async function runStatement<R>(
	q: Queryable,
	text: string,
	params: readonly unknown[]
): Promise<R[]> {
	const client = directClient(q);
	if (client) return (await client.query<R>(text, [...params])).rows;
	const result = (await q.execute(asDrizzle(text, params))) as unknown as { rows: R[] };
	return result.rows;
}

/** Statements prepared on each PGlite instance (a session's prepared statements last as it does). */
const prepared = new WeakMap<DirectClient, Map<string, Promise<unknown>>>();

/**
 * A value as an SQL constant, or undefined when it cannot be one safely: an escape string
 * (E'…', so backslashes mean the same whatever standard_conforming_strings says) with quotes
 * and backslashes doubled; no NUL (it would end the statement's text).
 */
function literal(value: unknown): string | undefined {
	if (value === null || value === undefined) return 'null';
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
	if (typeof value !== 'string' || value.includes('\0')) return undefined;
	return `E'${value.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

/**
 * Run one hot statement: on the PGlite database, PREPAREd under `name` on first use and then
 * EXECUTEd with its arguments as constants (see above); elsewhere as runStatement. Every `$n`
 * of the text must carry a cast (`$1::jsonb`), which gives the prepared statement its types.
 */
export async function runPrepared<R>(
	q: Queryable,
	name: string,
	text: string,
	params: readonly unknown[]
): Promise<R[]> {
	const client = directClient(q);
	const args = client && params.map(literal);
	if (!client || !args || args.some((a) => a === undefined)) return runStatement(q, text, params);
	let mine = prepared.get(client);
	if (!mine) prepared.set(client, (mine = new Map()));
	let ready = mine.get(name);
	if (!ready) {
		ready = client.exec(`prepare ${name} as ${text}`);
		mine.set(name, ready);
		// a failed PREPARE is tried again by the next call
		ready.catch(() => mine.delete(name));
	}
	await ready;
	const results = await client.exec(`execute ${name}(${args.join(', ')})`);
	return results[results.length - 1].rows as R[];
}
