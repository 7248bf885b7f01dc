import type { Cookies } from '@sveltejs/kit';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/connect';
import { comparison, room, roomMember } from '../db/schema';
import { isUuid } from '../http';
import { cookieOptions, hashToken } from './workspaces';

// "My rooms" on this browser: the teacher links of the rooms this browser made (or opened with a
// teacher link), kept in the teacher's own httpOnly cookie so /rooms can list them and show the
// link again. Only the link's hash is in the database; a link that was replaced, or a room that
// was deleted, drops out of the list. Nothing is stored server side per browser.

/** The cookie's name. */
export const TEACHER_LINKS_COOKIE = 'parallax_teacher_links';
/** Most rooms remembered (newest first): ~80 bytes each keeps the cookie under 4 KB. */
export const MAX_TEACHER_LINKS = 40;

/** A room this browser can teach, by its id and the token of its teacher link. */
interface TeacherLink {
	roomId: string;
	token: string;
}

/** A room in "My rooms": what the teacher needs to find it again and get back in. */
interface MyRoom {
	id: string;
	title: string;
	comparisonTitle: string;
	createdAt: string;
	/** the token of the secret teacher link (the route makes it a URL) */
	token: string;
	students: number;
}

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/** The links in the cookie, newest first; malformed entries are dropped. */
export function readTeacherLinks(cookies: Pick<Cookies, 'get'>): TeacherLink[] {
	const raw = cookies.get(TEACHER_LINKS_COOKIE) ?? '';
	const seen = new Set<string>();
	const out: TeacherLink[] = [];
	for (const entry of raw.split(',')) {
		const [roomId, token] = entry.split('.');
		if (!roomId || !token || !isUuid(roomId) || !TOKEN.test(token)) continue;
		const id = roomId.toLowerCase();
		if (seen.has(id)) continue;
		seen.add(id);
		out.push({ roomId: id, token });
	}
	return out.slice(0, MAX_TEACHER_LINKS);
}

/** Write the list back (an empty list deletes the cookie). */
function writeTeacherLinks(cookies: Cookies, url: URL, links: TeacherLink[]): void {
	if (links.length === 0) {
		cookies.delete(TEACHER_LINKS_COOKIE, { path: '/' });
		return;
	}
	const value = links
		.slice(0, MAX_TEACHER_LINKS)
		.map((l) => `${l.roomId}.${l.token}`)
		.join(',');
	cookies.set(TEACHER_LINKS_COOKIE, value, cookieOptions(url));
}

/** Remember a room's teacher link on this browser (first in the list; replaces an older link). */
export function rememberTeacherLink(
	cookies: Cookies,
	url: URL,
	roomId: string,
	token: string
): void {
	const id = roomId.toLowerCase();
	const rest = readTeacherLinks(cookies).filter((l) => l.roomId !== id);
	writeTeacherLinks(cookies, url, [{ roomId: id, token }, ...rest]);
}

/**
 * The rooms this browser remembers whose link still opens them, newest first. Entries whose
 * room is gone or whose link was replaced elsewhere are dropped from the cookie too.
 */
export async function listMyRooms(db: Db, cookies: Cookies, url: URL): Promise<MyRoom[]> {
	const links = readTeacherLinks(cookies);
	if (links.length === 0) return [];
	const rows = await db
		.select({
			id: room.id,
			title: room.title,
			hash: room.teacherTokenHash,
			createdAt: room.createdAt,
			comparisonTitle: comparison.title
		})
		.from(room)
		.innerJoin(comparison, eq(room.comparisonId, comparison.id))
		.where(
			and(
				inArray(
					room.id,
					links.map((l) => l.roomId)
				),
				eq(room.kind, 'class')
			)
		);
	if (rows.length === 0) {
		writeTeacherLinks(cookies, url, []);
		return [];
	}
	const counts = await db
		.select({ roomId: roomMember.roomId })
		.from(roomMember)
		.where(
			and(
				inArray(
					roomMember.roomId,
					rows.map((r) => r.id)
				),
				eq(roomMember.role, 'student'),
				isNull(roomMember.removedAt)
			)
		);
	const byId = new Map(rows.map((r) => [r.id, r]));
	const kept = links.filter((l) => byId.get(l.roomId)?.hash === hashToken(l.token));
	if (kept.length !== links.length) writeTeacherLinks(cookies, url, kept);
	return kept.map((l) => {
		const r = byId.get(l.roomId)!;
		return {
			id: r.id,
			title: r.title,
			comparisonTitle: r.comparisonTitle,
			createdAt: r.createdAt.toISOString(),
			token: l.token,
			students: counts.filter((c) => c.roomId === r.id).length
		};
	});
}
