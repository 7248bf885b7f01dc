import { createContext } from 'svelte';
import { goneNotice, type GoneReason } from '$lib/domain/classroom/moderation';
import {
	suggestionsVisible,
	type SuggestionMode
} from '$lib/domain/classroom/suggestion-visibility';
import type { RoomMemberView, RoomPhase, RoomStreamEvent } from '$lib/live/events';
import type { AnnotationsState } from './annotations.svelte';

/** Where the page's live connection stands. */
type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'closed';

/** What the page knew when it loaded (the stream resumes after `lastEventId`). */
interface LiveClassroomInit {
	roomId: string;
	memberId: string;
	role: 'teacher' | 'student';
	phase: RoomPhase;
	locked: boolean;
	/** when the class sees the machine's suggestions (the teacher's choice) */
	suggestions: SuggestionMode;
	spotlightId: string | null;
	lastEventId: number;
	members?: RoomMemberView[];
	/** hold others' new work behind "N new — show" (the reading view) instead of applying it */
	queue: boolean;
}

/** Event types that bring someone else's new or changed work: what the reading view queues. */
const QUEUED = new Set([
	'annotation.created',
	'annotation.updated',
	'reply.created',
	'reply.updated'
]);

/**
 * Event types that change the list itself. One applied while the list is fetched again (after a
 * phase change or a resync) is applied again over the answer, which the server may have read
 * before it: a note hidden meanwhile would otherwise come back (and be projected) until the
 * next reload. Each of them can be applied twice to the same effect.
 */
const LIST_EVENTS = new Set([
	'annotation.created',
	'annotation.updated',
	'annotation.deleted',
	'annotation.moderated',
	'reply.created',
	'reply.updated',
	'reply.deleted'
]);

/**
 * A classroom page's live state: an EventSource on the room's stream (the browser reconnects
 * by itself and sends Last-Event-ID, so the server replays what was missed), applying events to
 * the annotations and the theme edits; others' new work waits in `queued` until the reader asks
 * to see it.
 */
export class LiveClassroom {
	status = $state<LiveStatus>('connecting');
	phase = $state<RoomPhase>('individual');
	locked = $state(false);
	suggestions = $state<SuggestionMode>('after-reveal');
	spotlightId = $state<string | null>(null);
	members = $state<RoomMemberView[]>([]);
	/** others' new work not shown yet */
	queued = $state<RoomStreamEvent[]>([]);
	/** presentation mode: where the teacher is reading */
	follow = $state<{ side: 'a' | 'b'; sentence: number } | null>(null);
	/** why the stream ended for good (removed from the room, room deleted) */
	ended = $state<string | null>(null);
	/** the newest event id applied (also what the browser resumes after) */
	lastEventId = 0;
	/** the list's reload after a phase change: the class's work is fetched before anything else */
	reloading: Promise<void> = Promise.resolve();
	/** per reload under way, the list events applied since it was asked for */
	#duringReloads: RoomStreamEvent[][] = [];
	readonly #init: LiveClassroomInit;

	constructor(
		init: LiveClassroomInit,
		readonly notes: AnnotationsState
	) {
		this.#init = init;
		this.phase = init.phase;
		this.locked = init.locked;
		this.suggestions = init.suggestions;
		this.spotlightId = init.spotlightId;
		this.members = init.members ?? [];
		this.lastEventId = init.lastEventId;
		notes.readOnly = init.locked && init.role === 'student';
		notes.authorId = init.memberId;
	}

	/** Whether the class (students, the projector) may see the machine's suggestions now. */
	get classSeesSuggestions(): boolean {
		return suggestionsVisible(this.suggestions, this.phase);
	}

	/** How many new items wait behind the "N new — show" control. */
	get newCount(): number {
		const ids = this.queued.map(idOf);
		return ids.filter((id, i) => ids.indexOf(id) === i).length;
	}

	/**
	 * Open the stream; returns the close function (use it as an effect's cleanup). Going offline
	 * closes it at once (a dead socket can look open for minutes) and coming back reopens it
	 * after the last event applied, so the server replays what was missed. EventSource gives up
	 * when an answer is not a stream (429 while the server limits reconnects, 503 while the
	 * database is down): then it is opened again after a growing, jittered wait.
	 */
	connect(): () => void {
		let source: EventSource | undefined;
		let retry: ReturnType<typeof setTimeout> | undefined;
		let failures = 0;
		let stopped = false;
		const open = () => {
			clearTimeout(retry);
			source?.close();
			const url = `/api/rooms/${this.#init.roomId}/events?after=${this.lastEventId}`;
			const current = new EventSource(url);
			source = current;
			current.onopen = () => {
				failures = 0;
				this.status = 'live';
			};
			current.onerror = () => {
				if (this.ended || stopped) return;
				this.status = 'reconnecting';
				if (current.readyState !== EventSource.CLOSED) return; // it reconnects by itself
				failures += 1;
				// refused: a 404 means the room is gone for this member (deleted or removed while
				// this page was offline and missed the event); else try again later
				void this.#stillMember().then((member) => {
					if (stopped || this.ended) return;
					if (member) retry = setTimeout(open, reconnectDelay(failures));
					else this.end(GONE);
				});
			};
			current.onmessage = (message) => {
				this.receive(JSON.parse(message.data) as RoomStreamEvent);
				if (this.ended) current.close();
			};
		};
		const offline = () => {
			clearTimeout(retry);
			source?.close();
			source = undefined;
			if (!this.ended) this.status = 'reconnecting';
		};
		const online = () => {
			if (!this.ended) open();
		};
		open();
		window.addEventListener('offline', offline);
		window.addEventListener('online', online);
		return () => {
			stopped = true;
			clearTimeout(retry);
			window.removeEventListener('offline', offline);
			window.removeEventListener('online', online);
			source?.close();
			this.status = 'closed';
		};
	}

	/**
	 * The page's room is over for this member: say why, stop claiming to be live, and keep what
	 * they were writing (the reading view and its dialog go) for the closed page to show.
	 */
	end(reason: string): void {
		this.notes.keepUnsent();
		this.ended = reason;
		this.status = 'closed';
		this.queued = [];
		this.notes.readOnly = true;
	}

	/** False only when the server says the room is not there for this member (a 404). */
	async #stillMember(): Promise<boolean> {
		try {
			const answer = await fetch(`/api/rooms/${this.#init.roomId}`);
			return answer.status !== 404;
		} catch {
			return true; // offline or the server is down: not an answer about the room
		}
	}

	/** Apply one event (or queue it): exposed for the stream and for tests. */
	receive(event: RoomStreamEvent): void {
		if (event.id > 0) this.lastEventId = Math.max(this.lastEventId, event.id);
		const mine = authorOf(event) === this.#init.memberId;
		if (this.#init.queue && QUEUED.has(event.type) && !mine) {
			this.queued = [...this.queued, event];
			return;
		}
		this.apply(event);
	}

	/**
	 * Show the queued items (the reader pressed "N new — show"); returns the id of the annotation
	 * the first of them is or replies to, for the page to move focus there.
	 */
	showQueued(): string | null {
		const waiting = this.queued;
		this.queued = [];
		for (const event of waiting) this.apply(event);
		this.notes.announcement = `${waiting.length} new item${waiting.length === 1 ? '' : 's'} shown.`;
		return waiting.length ? annotationIdOf(waiting[0]) : null;
	}

	/** Fetch the list again, then apply over it the list events that came meanwhile. */
	async #reload(): Promise<void> {
		const meanwhile: RoomStreamEvent[] = [];
		this.#duringReloads = [...this.#duringReloads, meanwhile];
		try {
			await this.notes.load();
		} finally {
			this.#duringReloads = this.#duringReloads.filter((list) => list !== meanwhile);
		}
		for (const event of meanwhile) this.apply(event);
	}

	private apply(event: RoomStreamEvent): void {
		const notes = this.notes;
		if (LIST_EVENTS.has(event.type)) for (const list of this.#duringReloads) list.push(event);
		switch (event.type) {
			case 'annotation.created':
			case 'annotation.updated':
				notes.upsert(event.data.annotation);
				break;
			case 'annotation.deleted':
				this.forget(
					event.data.id,
					event.data.byTeacher ? 'deleted-by-teacher' : 'deleted-by-author'
				);
				break;
			case 'annotation.moderated':
				if (this.#init.role === 'teacher') {
					const others = notes.hiddenIds.filter((id) => id !== event.data.id);
					notes.hiddenIds = event.data.hidden ? [...others, event.data.id] : others;
				} else if (event.data.hidden) this.forget(event.data.id, 'hidden');
				break;
			case 'reply.created':
			case 'reply.updated':
				// an edited reply keeps its place in the thread (the reader's own edit comes back too)
				notes.putReply(event.data.reply);
				break;
			case 'reply.deleted':
				notes.dropReply(event.data.annotationId, event.data.id);
				break;
			case 'suggestion.decided': {
				// each member decides alone: only this member's pages (their other tabs) take it
				if (event.data.memberId !== this.#init.memberId) break;
				const { suggestionId, decision, annotationId } = event.data;
				notes.decisions = [
					...notes.decisions.filter((d) => d.suggestionId !== suggestionId),
					...(decision ? [{ suggestionId, decision, annotationId }] : [])
				];
				break;
			}
			case 'theme-edits.changed':
				// the room's whole list: the teacher's own edit coming back changes nothing
				notes.themeEdits.receive(event.data.edits);
				break;
			case 'room.phase':
				this.phase = event.data.phase;
				this.spotlightId = event.data.spotlightId;
				// what a student may see changed as a whole: fetch it again
				this.queued = [];
				this.reloading = this.#reload();
				break;
			case 'room.resync':
				// too much was missed to replay: take the room as it is now and reload the list
				this.phase = event.data.phase;
				this.spotlightId = event.data.spotlightId;
				this.locked = event.data.locked;
				this.suggestions = event.data.suggestions;
				notes.readOnly = event.data.locked && this.#init.role === 'student';
				if (event.data.members) this.members = event.data.members;
				this.queued = [];
				this.reloading = this.#reload();
				break;
			case 'room.locked':
				this.locked = event.data.locked;
				notes.readOnly = event.data.locked && this.#init.role === 'student';
				// a first end held for a shared fact can no longer be linked: let it go
				if (notes.readOnly) notes.pending = null;
				break;
			case 'room.suggestions':
				this.suggestions = event.data.suggestions;
				break;
			case 'member.joined':
				this.members = [
					...this.members.filter((m) => m.id !== event.data.member.id),
					event.data.member
				];
				break;
			case 'member.removed':
				this.members = this.members.filter((m) => m.id !== event.data.id);
				if (event.data.id === this.#init.memberId) this.end(REMOVED);
				break;
			case 'room.follow':
				this.follow = event.data;
				break;
			case 'room.deleted':
				this.end(DELETED);
				break;
		}
	}

	/**
	 * An annotation left this page (deleted, or hidden from a student): drop it, keep a reply
	 * being written to it, and tell the reader when it was theirs or they were answering it.
	 */
	private forget(id: string, reason: GoneReason): void {
		const notes = this.notes;
		const gone = [...notes.items, ...notes.orphans].find((a) => a.id === id);
		// deleted (not hidden): a suggestion it accepted is undecided again, as on the server
		const keptReply = reason === 'hidden' ? notes.drop(id) : notes.dropDeleted(id);
		this.queued = this.queued.filter((e) => idOf(e) !== id);
		if (!gone) return; // never shown here (or already dropped by this page's own delete)
		const told = goneNotice({
			reason,
			kind: gone.kind,
			authorName: gone.author.name,
			own: gone.author.id === this.#init.memberId,
			place: notes.describeTarget(gone.targets[0]),
			keptReply
		});
		if (told) notes.announcement = told;
	}
}

/** Why a student's page ended (shown with a way to download their own work). */
const REMOVED = 'The teacher removed you from this room.';
const DELETED = 'The teacher deleted this room.';
const GONE = 'This room is no longer open to you: the teacher deleted it or removed you.';

/** How long to wait before opening a refused stream again: 1, 2, 4 … 30 s, ±25 %. */
export function reconnectDelay(failures: number, random: number = Math.random()): number {
	const base = Math.min(30_000, 1000 * 2 ** Math.max(0, failures - 1));
	return Math.round(base * (0.75 + random * 0.5));
}

/** The annotation a queued event is about (for counting distinct new items). */
function idOf(event: RoomStreamEvent): string {
	if (event.type === 'annotation.created' || event.type === 'annotation.updated')
		return event.data.annotation.id;
	if (event.type === 'reply.created' || event.type === 'reply.updated') return event.data.reply.id;
	return String(event.id);
}

/** The annotation a queued event is about: the annotation itself, or the one a reply answers. */
function annotationIdOf(event: RoomStreamEvent): string | null {
	if (event.type === 'annotation.created' || event.type === 'annotation.updated')
		return event.data.annotation.id;
	if (event.type === 'reply.created' || event.type === 'reply.updated')
		return event.data.reply.annotationId;
	return null;
}

/** Who wrote what an event carries, if it carries someone's work. */
function authorOf(event: RoomStreamEvent): string | undefined {
	if (event.type === 'annotation.created' || event.type === 'annotation.updated')
		return event.data.annotation.author.id;
	if (event.type === 'reply.created' || event.type === 'reply.updated')
		return event.data.reply.author.id;
	return undefined;
}

/** Context pair for a classroom page's live state. */
export const [getLiveClassroom, setLiveClassroom] = createContext<LiveClassroom>();
