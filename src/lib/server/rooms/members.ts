import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/connect';
import { room, roomMember } from '../db/schema';
import { RequestError, invalid, notFound, isUuid } from '../http';
import { isTeacherName, nameKey } from './display-names';
import { toMember, type Member } from './room-rows';
import { MAX_DISPLAY_NAME_LENGTH, checkDisplayName, createCookieValue } from './workspaces';

// A room's members: joining with a display name no one else there goes by, listing and removing.

/** The first of "Ana 2", "Ana 3", … that no one in `taken` (name keys) goes by. */
export function suggestName(name: string, taken: ReadonlySet<string>): string {
	for (let n = 2; ; n++) {
		const suffix = ` ${n}`;
		// keep the suggestion within the length limit by shortening the name, never the number
		const base = [...name].slice(0, MAX_DISPLAY_NAME_LENGTH - suffix.length).join('');
		const candidate = `${base}${suffix}`;
		if (!taken.has(nameKey(candidate))) return candidate;
	}
}

/** 409 for a display name someone in the room already goes by, with a free one to offer. */
export class NameTaken extends RequestError {
	constructor(
		/** the name as typed (trimmed) */
		readonly taken: string,
		readonly suggestion: string
	) {
		super(
			409,
			'conflict',
			`Someone in this room is already called “${taken}”. Choose another name, for example “${suggestion}”.`,
			[{ field: 'displayName', message: `“${taken}” is taken in this room; try “${suggestion}”.` }]
		);
	}
}

/**
 * A new member and the cookie value that identifies them in this room. A student's name must
 * differ from every current member's as a reader sees it (nameKey), and may not read as a
 * teacher's, so no one passes for another and the teacher never sees two identical rows: the room row is locked while the names are compared, so two joins at once (on
 * PostgreSQL, from two app instances) cannot both take "Ana". Teachers all go by "Teacher".
 */
export async function addMember(
	db: Db,
	secret: Buffer,
	roomId: string,
	role: Member['role'],
	displayName: unknown
): Promise<{ member: Member; cookie: string }> {
	const name = checkDisplayName(displayName);
	if (role === 'student' && isTeacherName(name))
		throw invalid([
			{
				field: 'displayName',
				message: `Names like “${name}” are kept for the room’s teachers. Choose another name.`
			}
		]);
	const { value, tokenHash } = createCookieValue(secret);
	const row = await db.transaction(async (tx) => {
		if (role === 'student') {
			await tx.select({ id: room.id }).from(room).where(eq(room.id, roomId)).for('update');
			const others = await tx
				.select({ name: roomMember.displayName })
				.from(roomMember)
				.where(and(eq(roomMember.roomId, roomId), isNull(roomMember.removedAt)));
			const taken = new Set(others.map((o) => nameKey(o.name)));
			if (taken.has(nameKey(name))) throw new NameTaken(name, suggestName(name, taken));
		}
		const [inserted] = await tx
			.insert(roomMember)
			.values({ roomId, role, displayName: name, tokenHash })
			.returning();
		return inserted;
	});
	return { member: toMember(row), cookie: value };
}

/** The room's current members, teachers first, then by joining. */
export async function listMembers(db: Db, roomId: string): Promise<Member[]> {
	const rows = await db
		.select()
		.from(roomMember)
		.where(and(eq(roomMember.roomId, roomId), isNull(roomMember.removedAt)))
		.orderBy(roomMember.createdAt);
	return rows
		.map(toMember)
		.sort((x, y) => Number(x.role === 'student') - Number(y.role === 'student'));
}

/** Remove a student: their cookie stops working at once. Teachers cannot be removed. */
export async function removeMember(db: Db, roomId: string, memberId: string): Promise<void> {
	if (!isUuid(memberId)) throw notFound('member');
	const done = await db
		.update(roomMember)
		.set({ removedAt: new Date() })
		.where(
			and(
				eq(roomMember.id, memberId),
				eq(roomMember.roomId, roomId),
				eq(roomMember.role, 'student'),
				isNull(roomMember.removedAt)
			)
		)
		.returning({ id: roomMember.id });
	if (done.length === 0) throw notFound('member');
}
