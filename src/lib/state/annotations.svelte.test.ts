import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Annotation } from '$lib/domain/annotation/model';
import type { RoomStreamEvent } from '$lib/live/events';
import { createApi } from '$lib/reading/api';
import { AnnotationsState } from './annotations.svelte';
import { LiveClassroom } from './live-classroom.svelte';
import {
	Classroom,
	firstWords,
	orphanedNote,
	postNote,
	postReply,
	seedComparison,
	storedReply,
	targetOn,
	type Participant,
	type Scope,
	type StoredComparison
} from '$lib/test-support/api-setup';
import { Browser, BUILT, useServer } from '$lib/test-support/browser-transport';

// AnnotationsState's reply edits and deletes with the real API client against the real server
// (a `node build` with its own database): `fetch` is the reader's browser (test-support/browser-transport.ts),
// and every thread, refusal and live event below is the server's.

vi.setConfig({ testTimeout: 30_000 });
let seed: StoredComparison;
const origin = useServer('the AnnotationsState tests against the server', async (o) => {
	seed = await seedComparison(o);
});

afterEach(() => vi.unstubAllGlobals());

/** A reader's page over one annotation with three replies: the middle one (in a room) not theirs. */
interface Page {
	notes: AnnotationsState;
	reader: Browser;
	scope: Scope;
	/** the annotation's replies, oldest first: the reader's, the middle one, the reader's */
	replies: string[];
	room?: Classroom;
	/** a classmate (rooms) */
	other?: Participant;
	/** the reader's member id (rooms) */
	memberId?: string;
	/** the reader's reply under another annotation (rooms) */
	elsewhere?: string;
}

/**
 * The page in the reader's workspace (the browser makes it with its first write) or in a room in
 * the reveal phase (where a classmate wrote the middle reply), as the reader or the teacher.
 */
async function state(where: 'workspace' | 'room', as: 'student' | 'teacher' = 'student') {
	const quote = targetOn(seed.articles, 'a', firstWords(seed.articles.a));
	let page: Omit<Page, 'notes' | 'replies'>;
	let middle: Browser;
	if (where === 'workspace') {
		const reader = new Browser(origin());
		page = { reader, scope: { comparisonId: 'seed', roomId: null } };
		middle = reader;
	} else {
		const room = await Classroom.open(origin(), seed.comparisonId);
		await room.change({ phase: 'reveal' }); // students see each other's work
		const me = as === 'teacher' ? room.teacher : await room.join('Ada');
		const other = await room.join('Ben');
		page = { reader: me.browser, scope: room.scope, room, other, memberId: me.member.id };
		middle = other.browser;
	}
	const { reader, scope } = page;
	const note = await postNote(reader, scope, quote, 'Who says so?');
	const replies = [
		await postReply(reader, scope, note.id, 'One.'),
		await postReply(middle, scope, note.id, 'Middle.'),
		await postReply(reader, scope, note.id, 'Two.')
	].map((r) => r.id);
	if (where === 'room') {
		const end = targetOn(seed.articles, 'b', firstWords(seed.articles.b));
		const other = await postNote(reader, scope, end, 'And here?');
		page.elsewhere = (await postReply(reader, scope, other.id, 'Elsewhere.')).id;
	}
	vi.stubGlobal('fetch', reader.fetch);
	const notes = new AnnotationsState(
		scope.comparisonId,
		seed.articles,
		scope.roomId ? createApi(scope.roomId) : undefined
	);
	if (page.memberId) notes.authorId = page.memberId;
	await notes.load();
	reader.served.length = 0; // what the page asks from here on
	return { ...page, notes, replies } as Page;
}

/** The notes of an annotation's thread, in the order the page shows them. */
const thread = (notes: AnnotationsState, id = notes.items[0].id): string[] =>
	[...notes.items, ...notes.orphans]
		.find((a: Annotation) => a.id === id)!
		.replies.map((r) => r.note);

describe.skipIf(!BUILT)('AnnotationsState.editReply', () => {
	it.each<[string, 'workspace' | 'room', (roomId: string | null, id: string) => string]>([
		['the workspace', 'workspace', (_room, id) => `/api/replies/${id}`],
		['a room', 'room', (room, id) => `/api/rooms/${room}/replies/${id}`]
	])('in %s: saves, keeps the reply in its place and announces', async (_where, where, path) => {
		const { notes, reader, scope, replies } = await state(where);
		expect(await notes.editReply(replies[0], 'One, edited.')).toBeNull();
		expect(reader.served).toEqual([`PATCH ${path(scope.roomId, replies[0])}`]);
		expect(thread(notes)).toEqual(['One, edited.', 'Middle.', 'Two.']);
		expect(notes.announcement).toBe('Reply updated.');
		expect(await storedReply(reader, scope, replies[0])).toBe('One, edited.');
	});

	it('changes a reply under an orphan too', async () => {
		const reader = new Browser(origin());
		const orphan = await orphanedNote(reader);
		vi.stubGlobal('fetch', reader.fetch);
		const notes = new AnnotationsState(orphan.scope.comparisonId, orphan.articles);
		await notes.load();
		expect(notes.orphans.map((a) => a.id)).toEqual([orphan.annotation.id]);
		expect(await notes.editReply(orphan.reply.id, 'Found.')).toBeNull();
		expect(thread(notes, orphan.annotation.id)).toEqual(['Found.']);
		expect(await storedReply(reader, orphan.scope, orphan.reply.id)).toBe('Found.');
	});

	it.each<[string, (p: Page) => Promise<unknown>, RegExp, string[], boolean]>([
		[
			'an empty note',
			(p) => p.notes.editReply(p.replies[0], ' \n '),
			/The reply is empty/,
			['note'],
			false
		],
		[
			'a note over 2,000 characters',
			(p) => p.notes.editReply(p.replies[0], 'x'.repeat(2001)),
			/Some fields need attention/,
			['note'],
			true
		],
		[
			'someone else’s reply',
			(p) => p.notes.editReply(p.replies[1], 'Mine now.'),
			/Only its author can change a reply/,
			[],
			true
		],
		[
			'a locked room (known to the page)',
			async (p) => {
				await p.room!.change({ locked: true });
				p.notes.readOnly = true; // what the room.locked event does
				return p.notes.editReply(p.replies[0], 'Late.');
			},
			/locked this room/,
			[],
			false
		],
		[
			'a room locked before the page heard of it',
			async (p) => {
				await p.room!.change({ locked: true });
				return p.notes.editReply(p.replies[0], 'Late.');
			},
			/^The teacher has locked this room/,
			[],
			true
		]
	])('refuses %s and changes nothing', async (_name, act, message, fields, asked) => {
		const page = await state('room');
		const problem = (await act(page)) as { message: string; fields: { field: string }[] };
		expect(problem.message).toMatch(message);
		expect(problem.fields.map((f) => f.field)).toEqual(fields);
		expect(page.reader.served.length > 0).toBe(asked);
		expect(thread(page.notes)).toEqual(['One.', 'Middle.', 'Two.']);
		expect(page.notes.announcement).toBe('');
		expect(await storedReply(page.reader, page.scope, page.replies[0])).toBe('One.');
	});
});

describe.skipIf(!BUILT)('AnnotationsState.deleteReply', () => {
	it('deletes, drops the reply from its thread only, and announces', async () => {
		const { notes, reader, scope, replies, elsewhere } = await state('room');
		expect(await notes.deleteReply(replies[2])).toBeNull();
		expect(reader.served).toEqual([`DELETE /api/rooms/${scope.roomId}/replies/${replies[2]}`]);
		expect(thread(notes)).toEqual(['One.', 'Middle.']);
		expect(thread(notes, notes.items[1].id)).toEqual(['Elsewhere.']);
		expect(notes.announcement).toBe('Reply deleted.');
		expect(await storedReply(reader, scope, replies[2])).toBeUndefined();
		expect(await storedReply(reader, scope, elsewhere!)).toBe('Elsewhere.');
	});

	it.each<[string, (p: Page) => Promise<void> | void, RegExp, boolean]>([
		['the network is gone', (p) => p.reader.offline(), /could not be reached/, true],
		['the room is locked', (p) => void (p.notes.readOnly = true), /locked this room/, false]
	])('keeps the reply when %s', async (_name, arrange, message, asked) => {
		const page = await state('room');
		await arrange(page);
		expect((await page.notes.deleteReply(page.replies[0]))?.message).toMatch(message);
		expect(page.reader.served.length > 0).toBe(asked);
		expect(thread(page.notes)).toEqual(['One.', 'Middle.', 'Two.']);
		expect(await storedReply(page.other!.browser, page.scope, page.replies[0])).toBe('One.');
	});
});

const ME = 'member-me';

/** A room page's live state over `notes`, for member `memberId` (events are fed by hand). */
function live(notes: AnnotationsState, role: 'teacher' | 'student', memberId = ME, roomId = 'r') {
	return new LiveClassroom(
		{
			roomId,
			memberId,
			role,
			phase: 'reveal',
			locked: false,
			suggestions: 'on',
			spotlightId: null,
			lastEventId: 0,
			queue: role === 'student'
		},
		notes
	);
}

describe('isMine', () => {
	const blank = () =>
		new AnnotationsState('seed', {
			a: { text: '', version: 'v', sentences: [] },
			b: { text: '', version: 'v', sentences: [] }
		});

	it.each<[string, string | null, string, boolean]>([
		['the workspace: everything listed', null, 'member-other', true],
		['a room: the reader’s own', ME, ME, true],
		['a room: someone else’s', ME, 'member-other', false]
	])('%s', (_name, authorId, author, mine) => {
		const notes = blank();
		notes.authorId = authorId;
		expect(notes.isMine({ id: author, name: 'x' })).toBe(mine);
	});

	it('is the member id a room page’s live state was given', () => {
		const notes = blank();
		live(notes, 'student');
		expect(notes.authorId).toBe(ME);
	});
});

describe.skipIf(!BUILT)('the live stream and the reader’s own reply changes', () => {
	it('an own edit coming back from the stream changes nothing and keeps the order', async () => {
		const { notes, reader, room, memberId, replies } = await state('room');
		const page = live(notes, 'student', memberId, room!.id);
		const after = await room!.lastEventId();
		await notes.editReply(replies[0], 'One, edited.');
		const [event] = await reader.events(room!.id, after, 1);
		expect(event.type).toBe('reply.updated');
		page.receive(event);
		expect(page.queued).toEqual([]);
		expect(thread(notes)).toEqual(['One, edited.', 'Middle.', 'Two.']);
	});

	it('others’ edits and deletes still arrive (edits queued for a student, in place)', async () => {
		const { notes, reader, room, other, memberId, replies } = await state('room');
		const page = live(notes, 'student', memberId, room!.id);
		const after = await room!.lastEventId();
		const theirs = `/api/rooms/${room!.id}/replies/${replies[1]}`;
		await other!.browser.send('PATCH', theirs, { note: 'Middle, edited.' });
		await other!.browser.send('DELETE', theirs);
		const [edited, deleted] = await reader.events(room!.id, after, 2);
		page.receive(edited);
		expect(page.newCount).toBe(1);
		expect(thread(notes)).toEqual(['One.', 'Middle.', 'Two.']);
		// the page moves focus to the annotation the reply belongs to
		const shown = page.showQueued();
		if (edited.type !== 'reply.updated') throw new Error(`unexpected ${edited.type}`);
		expect(shown).toBe(edited.data.reply.annotationId);
		expect(thread(notes)).toEqual(['One.', 'Middle, edited.', 'Two.']);
		expect(deleted.type).toBe('reply.deleted');
		page.receive(deleted);
		expect(thread(notes)).toEqual(['One.', 'Two.']);
	});

	it('an own delete coming back from the stream is harmless', async () => {
		const { notes, reader, room, memberId, replies } = await state('room', 'teacher');
		const page = live(notes, 'teacher', memberId, room!.id);
		const after = await room!.lastEventId();
		await notes.deleteReply(replies[0]);
		const [event] = await reader.events(room!.id, after, 1);
		expect(event.type).toBe('reply.deleted');
		page.receive(event);
		expect(thread(notes)).toEqual(['Middle.', 'Two.']);
	});
});

describe('a deleted shared fact and the suggestion it accepted', () => {
	const SUGGESTION = 'a1-b2';
	const FACT = '0b7c1c51-4a8e-4c3b-9a55-5b0a7b3c2f10';
	const shared: Annotation = {
		id: FACT,
		kind: 'shared-fact',
		targets: (['a', 'b'] as const).map((side) => ({
			side,
			articleVersion: 'v',
			start: 0,
			end: 5,
			exact: 'words',
			prefix: '',
			suffix: ''
		})),
		relation: 'same',
		note: '',
		author: { id: ME, name: 'Ana' },
		scope: { kind: 'workspace', id: 'w' },
		createdAt: '2026-12-06T00:00:00Z',
		updatedAt: '2026-12-06T00:00:00Z',
		replies: [],
		suggestionId: SUGGESTION
	};

	/** A page that accepted SUGGESTION (making FACT) and dismissed another one. */
	const accepted = () => {
		const notes = new AnnotationsState('seed', {
			a: { text: '', version: 'v', sentences: [] },
			b: { text: '', version: 'v', sentences: [] }
		});
		notes.items = [shared];
		notes.decisions = [
			{ suggestionId: SUGGESTION, decision: 'accepted', annotationId: FACT },
			{ suggestionId: 'a3-b4', decision: 'dismissed', annotationId: null }
		];
		return notes;
	};

	const event = (over: Pick<RoomStreamEvent, 'type' | 'data'>) =>
		({ id: 7, scope: shared.scope, comparisonId: 'seed', ...over }) as RoomStreamEvent;

	it('deleting it here makes the suggestion undecided, as the server does', async () => {
		const notes = accepted();
		vi.stubGlobal('fetch', async () => new Response(null, { status: 204 }));
		await notes.remove(shared);
		expect(notes.items).toEqual([]);
		expect(notes.decisionOf(SUGGESTION)).toBeUndefined();
		expect([...notes.decided]).toEqual(['a3-b4']);
	});

	it.each<[string, Pick<RoomStreamEvent, 'type' | 'data'>, string[]]>([
		[
			'deleted in another tab (or by the teacher)',
			{ type: 'annotation.deleted', data: { id: FACT } },
			['a3-b4']
		],
		[
			'hidden from a student: still decided (the server keeps the decision)',
			{ type: 'annotation.moderated', data: { id: FACT, hidden: true } },
			[SUGGESTION, 'a3-b4']
		]
	])('%s', (_name, happened, decided) => {
		const notes = accepted();
		live(notes, 'student').receive(event(happened));
		expect(notes.items).toEqual([]);
		expect([...notes.decided]).toEqual(decided);
	});
});
