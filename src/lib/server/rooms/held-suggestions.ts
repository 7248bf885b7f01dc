import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { suggestionsVisible, type SuggestionMode } from '../../domain/classroom';
import type { Db } from '../db/connect';
import { article, comparison, room, roomMember } from '../db/schema';
import { forbidden } from '../http';
import { roomSecret, roomDeps } from './route-context';
import { COOKIE_PREFIX } from './tokens';
import { verifyCookieValue } from './workspaces';

// A class's rule on the machine's suggestions holds for the whole browser of its student, not
// only for the room's page. Room cookies go with every request (path /), so wherever the app
// would serve suggestions on a pair of texts (the public /compare page and its __data.json, the
// home page, the library's counts, a personal room's API, any other room this browser is in,
// even one it made itself as teacher), it first asks whether this browser is a student in a
// class on the same two article versions whose teacher hides them now. Matched on the versions
// (content hashes), not the comparison id: a copy of the comparison (a bundle import, the same
// texts pasted again, A and B swapped) is held back too.

/** A class that holds the machine's suggestions back from this browser now. */
export interface HoldingClass {
	roomId: string;
	title: string;
	mode: SuggestionMode;
	/** the content hashes of the class's two texts */
	versions: readonly [string, string];
}

/** What a page says when a class holds the suggestions back. */
export interface HeldSuggestions {
	roomId: string;
	title: string;
	/** why, in the student's words */
	reason: string;
}

/** The class's two texts, joined twice. */
const textA = alias(article, 'held_a');
const textB = alias(article, 'held_b');

/** Room cookies read per request: far more classes than a student is in at once. */
const MAX_ROOM_COOKIES = 40;

/** The stored token hashes of the room cookies this browser carries that verify. */
export function roomTokenHashes(
	secret: Buffer,
	cookies: readonly { name: string; value: string }[]
): string[] {
	const hashes: string[] = [];
	for (const { name, value } of cookies) {
		if (!name.startsWith(COOKIE_PREFIX)) continue;
		const hash = verifyCookieValue(secret, value);
		if (hash) hashes.push(hash);
		if (hashes.length >= MAX_ROOM_COOKIES) break;
	}
	return hashes;
}

/**
 * The classes in which the holder of these room cookies is a current student and whose teacher
 * hides the machine's suggestions in the current phase.
 */
export async function listHoldingClasses(
	db: Db,
	secret: Buffer,
	cookies: readonly { name: string; value: string }[]
): Promise<HoldingClass[]> {
	const hashes = roomTokenHashes(secret, cookies);
	if (hashes.length === 0) return [];
	const rows = await db
		.select({
			id: room.id,
			title: room.title,
			mode: room.suggestions,
			phase: room.phase,
			a: textA.contentHash,
			b: textB.contentHash
		})
		.from(roomMember)
		.innerJoin(room, eq(roomMember.roomId, room.id))
		.innerJoin(comparison, eq(room.comparisonId, comparison.id))
		.innerJoin(textA, eq(comparison.articleAId, textA.id))
		.innerJoin(textB, eq(comparison.articleBId, textB.id))
		.where(
			and(
				inArray(roomMember.tokenHash, hashes),
				isNull(roomMember.removedAt),
				eq(roomMember.role, 'student'),
				eq(room.kind, 'class')
			)
		);
	return rows
		.filter((r) => !suggestionsVisible(r.mode, r.phase))
		.map((r) => ({ roomId: r.id, title: r.title, mode: r.mode, versions: [r.a, r.b] as const }));
}

/** The first class that holds back the suggestions on these two texts (in either order). */
export function holdingOn(
	classes: readonly HoldingClass[],
	texts: { a: { version: string }; b: { version: string } }
): HoldingClass | undefined {
	const mine = [texts.a.version, texts.b.version].sort().join(' ');
	return classes.find((c) => [...c.versions].sort().join(' ') === mine);
}

/** Why the suggestions are missing, naming the class (a student may be in several). */
export function heldReason(c: Pick<HoldingClass, 'title' | 'mode'>): string {
	return c.mode === 'off'
		? `Your class “${c.title}” works without the machine’s suggestions on these texts, so they are not shown here either.`
		: `Your class “${c.title}” is working alone on these texts: the machine’s suggestions are hidden here too until your teacher reveals the class’s work.`;
}

/**
 * For a route: the class, if any, that holds back the suggestions on these texts from the
 * caller's browser now, with the reason to show; null when nothing is held.
 */
export async function heldFrom(
	event: { cookies: Pick<Cookies, 'getAll'> },
	texts: { a: { version: string }; b: { version: string } }
): Promise<HeldSuggestions | null> {
	const { db } = await roomDeps();
	const found = holdingOn(
		await listHoldingClasses(db, await roomSecret(), event.cookies.getAll()),
		texts
	);
	return found ? { roomId: found.roomId, title: found.title, reason: heldReason(found) } : null;
}

/** For a route listing many comparisons: whether the caller's class holds back each one's suggestions. */
export async function heldMatcher(event: {
	cookies: Pick<Cookies, 'getAll'>;
}): Promise<(texts: { a: { version: string }; b: { version: string } }) => boolean> {
	const { db } = await roomDeps();
	const classes = await listHoldingClasses(db, await roomSecret(), event.cookies.getAll());
	return (texts) => holdingOn(classes, texts) !== undefined;
}

/** The two article versions of a comparison (without reading its texts), or undefined. */
async function versionsOf(db: Db, comparisonId: string) {
	const [row] = await db
		.select({ a: textA.contentHash, b: textB.contentHash })
		.from(comparison)
		.innerJoin(textA, eq(comparison.articleAId, textA.id))
		.innerJoin(textB, eq(comparison.articleBId, textB.id))
		.where(eq(comparison.id, comparisonId));
	return row && { a: { version: row.a }, b: { version: row.b } };
}

/**
 * Refuse a decision on a suggestion of this comparison that the caller's class holds back,
 * before anything else answers: suggestion ids ('a12-b7') can be guessed, and a 404 for a wrong
 * guess would tell which passages the machine links.
 */
export async function refuseHeld(
	event: Pick<RequestEvent, 'cookies'>,
	comparisonId: string
): Promise<void> {
	const texts = await versionsOf((await roomDeps()).db, comparisonId);
	const held = texts && (await heldFrom(event, texts));
	if (held) throw forbidden(held.reason);
}
