import { createHmac, randomBytes } from 'node:crypto';

// The capabilities of a room: the teacher link's token (random, shown once), the join code
// students type (derived from the server secret and a stored salt, so it can be shown again
// while only its hash is stored), and the name of the per-room session cookie.

/** Crockford's base32: no I, L, O or U, so a code read off a projector is not misread. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 10 characters × 5 bits = 50 bits: far beyond guessing at the rate limit's pace. */
const JOIN_CODE_LENGTH = 10;
/** 32 random bytes for the teacher link, like the workspace token. */
const TOKEN_BYTES = 32;
/** The start of every room cookie's name. */
export const COOKIE_PREFIX = 'parallax_room_';

/** A fresh random token (teacher link) in URL-safe base64. */
export function createToken(): string {
	return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** A fresh salt for a room's join code. */
export function createSalt(): string {
	return randomBytes(16).toString('base64url');
}

/** The room's join code: HMAC(secret, salt) in Crockford base32, JOIN_CODE_LENGTH characters. */
export function deriveJoinCode(secret: Buffer, salt: string): string {
	const mac = createHmac('sha256', secret).update(`join:${salt}`).digest();
	let out = '';
	for (let i = 0; i < JOIN_CODE_LENGTH; i++) out += CROCKFORD[mac[i] % 32];
	return out;
}

/**
 * What a student typed, in canonical form: upper case, spaces and dashes dropped, and the
 * letters people confuse with digits read as those digits (O → 0, I and L → 1). Undefined when
 * it cannot be a code.
 */
export function normalizeJoinCode(raw: unknown): string | undefined {
	if (typeof raw !== 'string' || raw.length > 40) return undefined;
	const code = raw.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
	if (code.length !== JOIN_CODE_LENGTH) return undefined;
	for (const c of code) if (!CROCKFORD.includes(c)) return undefined;
	return code;
}

/** The code as shown on a projector: two groups of five. */
export function formatJoinCode(code: string): string {
	return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** The session cookie of one room (a student may be in several rooms at once). */
export function roomCookieName(roomId: string): string {
	return `${COOKIE_PREFIX}${roomId}`;
}
