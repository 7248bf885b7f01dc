import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/connect';
import { annotation, reply } from '../db/schema';
import { notFound, isUuid } from '../http';
import { replies } from '../annotations';
import { actorOf, visibleTo, type RoomDeps } from './annotation-verbs';
import type { Membership } from './rooms';
import { refuseWhenLocked } from './suggestion-verbs';

// Changing and deleting replies inside a room: one's own, or anyone's for the teacher
// (moderation). Creating one is an annotation verb (annotation-verbs.ts).

/** A reply of the room under an annotation this member can see now, tombstones included. */
async function visibleReply(db: Db, m: Membership, id: string) {
	if (!isUuid(id)) throw notFound('reply');
	const [found] = await db
		.select({ authorId: reply.authorId, authorName: reply.authorName })
		.from(reply)
		.innerJoin(annotation, eq(reply.annotationId, annotation.id))
		.where(and(eq(reply.id, id.toLowerCase()), visibleTo(m)));
	if (!found) throw notFound('reply');
	return found;
}

/** Change the note of one's own reply in the room. */
export async function updateReply(deps: RoomDeps, m: Membership, id: string, patch: unknown) {
	refuseWhenLocked(m);
	await visibleReply(deps.db, m, id);
	return replies.update(deps.db, actorOf(deps, m), id.toLowerCase(), patch);
}

/**
 * Delete a reply: one's own, or, for the teacher, anyone's (moderation). The teacher's delete
 * runs as the author's, so the tombstone and the `reply.deleted` event are the same.
 */
export async function removeReply(deps: RoomDeps, m: Membership, id: string): Promise<void> {
	refuseWhenLocked(m);
	const found = await visibleReply(deps.db, m, id);
	const actor = actorOf(deps, m);
	if (m.member.role === 'teacher') actor.author = { id: found.authorId, name: found.authorName };
	await replies.remove(deps.db, actor, id.toLowerCase());
}
