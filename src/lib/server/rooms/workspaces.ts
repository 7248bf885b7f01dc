import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { isPglite, type Db } from '../db/connect';
import { RecentMap } from '../db/recent-map';
import { annotation, reply, roomMember, setting, workspace, type WorkspaceRow } from '../db/schema';
import { invalid } from '../http';
import { cleanDisplayName } from './display-names';

// A personal workspace per browser. The cookie holds a random token and its HMAC: the signature
// lets the server drop forged cookies (and key rate limits) without a query, and only the
// token's sha-256 is stored, so a copy of the database cannot be replayed as cookies.

/** Name of the workspace cookie. */
export const WORKSPACE_COOKIE = 'parallax_ws';
/** The cookie lives a year; every write renews nothing, a reader simply keeps it. */
const WORKSPACE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;
/** Longest display name: a full name, not a paragraph. */
export const MAX_DISPLAY_NAME_LENGTH = 60;

/** 32 random bytes: guessing a token is hopeless. */
const TOKEN_BYTES = 32;
/** Key of the generated secret in the setting table (used when PARALLAX_SECRET is unset). */
const SECRET_SETTING = 'workspace_cookie_secret';
/** A PARALLAX_SECRET shorter than this is refused: it would be guessable. */
const MIN_SECRET_LENGTH = 16;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** A workspace as the app sees it (the token hash stays in this module). */
export interface Workspace {
	id: string;
	displayName: string;
	createdAt: string;
}

function toWorkspace(row: WorkspaceRow): Workspace {
	return { id: row.id, displayName: row.displayName, createdAt: row.createdAt.toISOString() };
}

const secrets = new WeakMap<Db, Promise<Buffer>>();
/** PARALLAX_SECRET as a Buffer, by its text (one per process in practice). */
const configuredSecrets = new Map<string, Buffer>();

/**
 * The cookie-signing secret: PARALLAX_SECRET when given, else one generated on first use and
 * kept in the setting table, so restarts and every instance on the same database agree.
 */
export function getSecret(db: Db, configured?: string): Promise<Buffer> {
	if (configured) {
		if (configured.length < MIN_SECRET_LENGTH)
			throw new Error(`PARALLAX_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
		// the same Buffer each time: verified cookie values are kept per secret
		let buffer = configuredSecrets.get(configured);
		if (!buffer) configuredSecrets.set(configured, (buffer = Buffer.from(configured, 'utf8')));
		return Promise.resolve(buffer);
	}
	let pending = secrets.get(db);
	if (!pending) {
		pending = loadSecret(db);
		secrets.set(db, pending);
		// a failure (database down) must not stick: the next request tries again
		pending.catch(() => secrets.delete(db));
	}
	return pending;
}

async function loadSecret(db: Db): Promise<Buffer> {
	const fresh = randomBytes(32).toString('base64url');
	// two instances starting together: the first insert wins and both read it back
	await db.insert(setting).values({ key: SECRET_SETTING, value: fresh }).onConflictDoNothing();
	const [row] = await db.select().from(setting).where(eq(setting.key, SECRET_SETTING));
	return Buffer.from(row.value, 'base64url');
}

function sign(secret: Buffer, token: string): string {
	return createHmac('sha256', secret).update(token).digest('base64url');
}

/** sha-256 hex of a token: what the workspace table stores and rate limits are keyed by. */
export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** A new cookie value (`token.signature`) and the hash to store for it. */
export function createCookieValue(secret: Buffer): { value: string; tokenHash: string } {
	const token = randomBytes(TOKEN_BYTES).toString('base64url');
	return { value: `${token}.${sign(secret, token)}`, tokenHash: hashToken(token) };
}

/** Cookie values already verified, with their token hashes, at most this many per secret. */
const VERIFIED_SIZE = 10_000;
/**
 * Verified cookie values per secret: a session sends the same value with every request, and a
 * value verifies the same way every time, so its HMAC and hash are computed once. Only values
 * that verified are kept (a flood of forged ones evicts nothing but each other's misses).
 */
const verifiedBySecret = new WeakMap<Buffer, RecentMap<string, string>>();

/** The token hash of a correctly signed cookie value, or undefined for anything else. */
export function verifyCookieValue(secret: Buffer, value: string | undefined): string | undefined {
	if (!value || value.length > 200) return undefined;
	let verified = verifiedBySecret.get(secret);
	if (!verified) verifiedBySecret.set(secret, (verified = new RecentMap(VERIFIED_SIZE)));
	const known = verified.get(value);
	if (known) return known;
	const hash = checkSignature(secret, value);
	if (hash) verified.set(value, hash);
	return hash;
}

/** The token hash of `token.signature` when the signature is the secret's HMAC of the token. */
function checkSignature(secret: Buffer, value: string): string | undefined {
	const dot = value.indexOf('.');
	const token = value.slice(0, dot);
	const signature = value.slice(dot + 1);
	if (dot <= 0 || !BASE64URL.test(token) || !BASE64URL.test(signature)) return undefined;
	const expected = Buffer.from(sign(secret, token));
	const given = Buffer.from(signature);
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
	return hashToken(token);
}

/** Cookie attributes: httpOnly, SameSite=Lax, Secure when the app is served over https. */
export function cookieOptions(url: URL) {
	return {
		path: '/',
		httpOnly: true,
		sameSite: 'lax' as const,
		secure: url.protocol === 'https:',
		maxAge: WORKSPACE_COOKIE_MAX_AGE
	};
}

/** The most workspaces kept in memory (a school's readers several times over). */
const KNOWN_SIZE = 10_000;
/** Workspaces by token hash, on PGlite only (see getByTokenHash). */
const known = new WeakMap<Db, RecentMap<string, Workspace>>();
/** Bumped when a rename starts and when it ends: a lookup that overlapped one is not kept. */
let renames = 0;

function knownOf(db: Db): RecentMap<string, Workspace> | undefined {
	if (!isPglite(db)) return undefined;
	let map = known.get(db);
	if (!map) known.set(db, (map = new RecentMap(KNOWN_SIZE)));
	return map;
}

/**
 * The workspace whose token has this hash, if it exists. Every request with a cookie asks (the
 * hooks fill locals.workspace), so on PGlite, the one process's own database, found ones are
 * kept in memory: a row only changes through rename below, which updates what is kept. On
 * PostgreSQL another instance may rename, so each request asks the database.
 */
export async function getByTokenHash(db: Db, tokenHash: string): Promise<Workspace | undefined> {
	const cache = knownOf(db);
	const hit = cache?.get(tokenHash);
	if (hit) return hit;
	const before = renames;
	const [row] = await db.select().from(workspace).where(eq(workspace.tokenHash, tokenHash));
	if (!row) return undefined;
	const found = toWorkspace(row);
	if (cache && renames === before) {
		cache.set(tokenHash, found);
	}
	return found;
}

/** A new workspace and the cookie value that opens it (the token is not stored). */
export async function create(
	db: Db,
	secret: Buffer
): Promise<{ workspace: Workspace; cookie: string }> {
	const { value, tokenHash } = createCookieValue(secret);
	const [row] = await db.insert(workspace).values({ tokenHash }).returning();
	return { workspace: toWorkspace(row), cookie: value };
}

/** Checks a display name from untrusted JSON; returns it cleaned (cleanDisplayName) or throws a 422. */
export function checkDisplayName(raw: unknown): string {
	const field = 'displayName';
	if (typeof raw !== 'string') throw invalid([{ field, message: 'The name must be text.' }]);
	// invisible characters would let "Ana" and "Ana" + a zero-width space pass for two people
	const name = cleanDisplayName(raw);
	if (!name) throw invalid([{ field, message: 'The name is empty.' }]);
	if ([...name].length > MAX_DISPLAY_NAME_LENGTH)
		throw invalid([
			{ field, message: `The name is longer than ${MAX_DISPLAY_NAME_LENGTH} characters.` }
		]);
	// eslint-disable-next-line no-control-regex -- control characters are what is refused
	if (/[\u0000-\u001f\u007f]/.test(name) || !name.isWellFormed())
		throw invalid([{ field, message: 'The name contains a control or broken character.' }]);
	return name;
}

/**
 * Set the name a workspace writes under: in each of its personal rooms, and on its earlier
 * annotations and replies that carry the old name (imported ones keep whoever wrote them).
 */
export async function rename(db: Db, id: string, displayName: unknown): Promise<Workspace> {
	const name = checkDisplayName(displayName);
	renames++;
	try {
		const { renamed, tokenHash } = await renameIn(db, id, name);
		const cache = knownOf(db);
		if (cache?.get(tokenHash)) cache.set(tokenHash, renamed);
		return renamed;
	} finally {
		renames++;
	}
}

function renameIn(
	db: Db,
	id: string,
	name: string
): Promise<{ renamed: Workspace; tokenHash: string }> {
	return db.transaction(async (tx) => {
		const [before] = await tx.select().from(workspace).where(eq(workspace.id, id)).for('update');
		if (!before) throw new Error(`workspace ${id} vanished`);
		const [row] = await tx
			.update(workspace)
			.set({ displayName: name })
			.where(eq(workspace.id, id))
			.returning();
		const members = await tx
			.update(roomMember)
			.set({ displayName: name })
			.where(eq(roomMember.workspaceId, id))
			.returning({ id: roomMember.id });
		const ids = members.map((m) => m.id);
		if (ids.length > 0) {
			const mine = (t: typeof annotation | typeof reply) =>
				and(inArray(t.authorId, ids), eq(t.authorName, before.displayName));
			await tx.update(annotation).set({ authorName: name }).where(mine(annotation));
			await tx.update(reply).set({ authorName: name }).where(mine(reply));
		}
		return { renamed: toWorkspace(row), tokenHash: row.tokenHash };
	});
}

/** Workspaces in the database (for tests and operators). */
export async function count(db: Db): Promise<number> {
	const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(workspace);
	return row.n;
}
