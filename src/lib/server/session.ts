import type { RequestEvent } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { env } from '$env/dynamic/private';
import { getDatabase } from './db';
import type { Db } from './db/connect';
import { comparison } from './db/schema';
import { notFound } from './errors';
import { isUuid } from './uuid';
import * as workspaces from './workspaces';

// The caller's workspace for the API routes: read from locals (the hooks resolved the cookie),
// created on the first write with its cookie set on the response.

/** The actor of a workspace (re-exported for the routes). */
export const workspaceActor = workspaces.actorOf;

/** The database of this process. */
export async function database(): Promise<Db> {
	return (await getDatabase()).db;
}

/** The caller's workspace, or null when the browser has none yet (reads then see nothing). */
export function currentWorkspace(event: RequestEvent): workspaces.Workspace | null {
	return event.locals.workspace ?? null;
}

/** The caller's workspace, made now (and its cookie set) if the browser has none. */
export async function ensureWorkspace(event: RequestEvent): Promise<workspaces.Workspace> {
	if (event.locals.workspace) return event.locals.workspace;
	const db = await database();
	const secret = await workspaces.getSecret(db, env.PARALLAX_SECRET || undefined);
	const { workspace, cookie } = await workspaces.create(db, secret);
	event.cookies.set(workspaces.WORKSPACE_COOKIE, cookie, workspaces.cookieOptions(event.url));
	event.locals.workspace = workspace;
	event.locals.sessionKey = workspaces.verifyCookieValue(secret, cookie) ?? null;
	return workspace;
}

/** The comparison a route's [id] names: its uuid, or the slug of a well-known one ('seed'). */
export async function comparisonIdOf(db: Db, param: string): Promise<string> {
	if (isUuid(param)) return param.toLowerCase();
	const [row] = await db
		.select({ id: comparison.id })
		.from(comparison)
		.where(eq(comparison.slug, param))
		.limit(1);
	if (!row) throw notFound('comparison');
	return row.id;
}
