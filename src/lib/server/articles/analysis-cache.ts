import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/connect';
import { analysis } from '../db/schema';

// Cache of the engine's output per ordered pair of article versions (content hashes) and engine
// version: the engine is deterministic, so a stored result stays valid until the engine changes.

/** The cached result for (aHash, bHash, engineVersion), or undefined on a miss. */
export async function get<T = unknown>(
	db: Db,
	aHash: string,
	bHash: string,
	engineVersion: string
): Promise<T | undefined> {
	const [row] = await db
		.select({ result: analysis.result })
		.from(analysis)
		.where(
			and(
				eq(analysis.aHash, aHash),
				eq(analysis.bHash, bHash),
				eq(analysis.engineVersion, engineVersion)
			)
		);
	return row?.result as T | undefined;
}

/**
 * Store a result (replacing any earlier one for the same key). It goes through jsonb: keep it
 * plain JSON (no undefined, no NaN/Infinity, no U+0000 in strings).
 */
export async function put(
	db: Db,
	aHash: string,
	bHash: string,
	engineVersion: string,
	result: unknown
): Promise<void> {
	await db
		.insert(analysis)
		.values({ aHash, bHash, engineVersion, result })
		.onConflictDoUpdate({
			target: [analysis.aHash, analysis.bHash, analysis.engineVersion],
			set: { result, createdAt: new Date() }
		});
}
