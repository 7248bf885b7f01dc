/**
 * Live events about annotations, published by the server after a commit and read by clients
 * (a classroom's SSE stream will carry them). One typed map for both ends, so a renamed field
 * breaks the build instead of the live view.
 */
import type { SuggestionMode } from '../domain/classroom/suggestion-visibility';
import type { ThemeEdit } from '../domain/framing/theme-edits';
import type { Annotation, AnnotationScope, Reply } from '../domain/annotation/model';

/** The payload of every event type. */
interface LiveEvents {
	'annotation.created': { annotation: Annotation };
	'annotation.updated': { annotation: Annotation };
	/** byTeacher: the teacher deleted a student's annotation (moderation), not its author */
	'annotation.deleted': { id: string; byTeacher?: boolean };
	'reply.created': { reply: Reply };
	'reply.updated': { reply: Reply };
	'reply.deleted': { id: string; annotationId: string };
	'suggestion.decided': {
		/** whose decision it is: each member decides alone, so only their own pages apply it */
		memberId: string;
		suggestionId: string;
		/** null: the member took a dismissal back (Undo), the suggestion is undecided again */
		decision: 'accepted' | 'dismissed' | null;
		annotationId: string | null;
	};
	'theme-edits.changed': { edits: ThemeEdit[] };
	/** the teacher switched the phase (and, in discuss, the spotlighted shared fact) */
	'room.phase': { phase: RoomPhase; spotlightId: string | null };
	/** the teacher chose when students see the machine's suggestions (pages fetch them then) */
	'room.suggestions': { suggestions: SuggestionMode };
	/** the teacher locked (read-only) or unlocked the room */
	'room.locked': { locked: boolean };
	/** the teacher hid or showed an annotation (students treat hidden as gone) */
	'annotation.moderated': { id: string; hidden: boolean };
	/** a student joined (teacher only) */
	'member.joined': { member: RoomMemberView };
	/** the teacher removed a student; that student's page stops */
	'member.removed': { id: string };
	/** presentation mode: the teacher's reading position, for students who follow */
	'room.follow': { side: 'a' | 'b'; sentence: number };
	/** the teacher deleted the room and all its data */
	'room.deleted': Record<string, never>;
	/**
	 * the page missed too much to replay: the room as it is now (members for the teacher); the
	 * page reloads its list and resumes after this event's id
	 */
	'room.resync': {
		phase: RoomPhase;
		spotlightId: string | null;
		locked: boolean;
		suggestions: SuggestionMode;
		members?: RoomMemberView[];
	};
}

/** The phases a teacher switches a room through. */
export type RoomPhase = 'individual' | 'reveal' | 'discuss';

/** Every phase, in teaching order. */
export const ROOM_PHASES: readonly RoomPhase[] = ['individual', 'reveal', 'discuss'];

/** A member as others see them: no token, no timestamps beyond joining. */
export interface RoomMemberView {
	id: string;
	role: 'teacher' | 'student';
	displayName: string;
	joinedAt: string;
}

/** The name of a live event. */
type LiveEventType = keyof LiveEvents;

/** One event: where it happened (scope and comparison) and what happened. */
export type LiveEvent = {
	[K in LiveEventType]: {
		type: K;
		scope: AnnotationScope;
		comparisonId: string;
		data: LiveEvents[K];
	};
}[LiveEventType];

/** Where a server module sends its events after a commit (a no-op until rooms listen). */
export type Publish = (event: LiveEvent) => void | Promise<void>;

/** An event as a room's SSE stream sends it: the envelope plus its id (the SSE `id:`). */
export type RoomStreamEvent = LiveEvent & { id: number };
