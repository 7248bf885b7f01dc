import type { Reply } from '$lib/domain/annotation/model';
import { ApiError } from '$lib/reading/api';

/** Why a reply could not be changed: a message, and per-field messages to show by the field. */
export interface ReplyProblem {
	message: string;
	fields: { field: string; message: string }[];
}

/** The message for a room a student cannot write in. */
export const LOCKED_ROOM = 'The teacher has locked this room: it is read-only for now.';

/** Refused before asking the server: an edited reply must say something. */
export const EMPTY_REPLY: ReplyProblem = {
	message: 'The reply is empty: write something, or delete the reply instead.',
	fields: [
		{ field: 'note', message: 'The reply is empty: write something, or delete the reply instead.' }
	]
};

/** What to show for a failed reply change (the server's message and field messages when given). */
export function problemOf(e: unknown): ReplyProblem {
	if (e instanceof ApiError) return { message: e.message, fields: e.fields };
	return { message: e instanceof Error ? e.message : String(e), fields: [] };
}

/** A thread with a new reply appended, or a changed one replaced where it stands. */
export function withReply(replies: readonly Reply[], reply: Reply): Reply[] {
	return replies.some((r) => r.id === reply.id)
		? replies.map((r) => (r.id === reply.id ? reply : r))
		: [...replies, reply];
}
