import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyzeComparison } from '$lib/domain/analysis';
import type { ThemeEdit } from '$lib/domain/framing/theme-edits';
import type { RoomStreamEvent } from '$lib/live/events';
import { segmentArticle } from '$lib/domain/text/segment';
import { createApi, type AnnotationListing } from '$lib/reading/api';
import textA from '../../../seeds/000_22ed28cde7db5cf9.txt?raw';
import textB from '../../../seeds/004_cb2015502c2df88f.txt?raw';
import { AnnotationsState } from './annotations.svelte';
import { ComparisonState } from './comparison.svelte';
import { LiveClassroom, reconnectDelay } from './live-classroom.svelte';
import {
	Classroom,
	firstWords,
	postNote,
	seedComparison,
	targetOn,
	type StoredComparison
} from '$lib/test-support/api-setup';
import { BUILT, useServer, type Browser } from '$lib/test-support/browser-transport';

// `theme-edits.changed` from a room's stream changes the themes the page shows (the comparison
// state replays the page's one list of theme edits), with no component mounted at all. The room,
// the teacher's edits and the events are the real server's (a `node build`, test-support/browser-transport.ts);
// the page's `fetch` is its reader's browser.

vi.setConfig({ testTimeout: 30_000 });
let stored: StoredComparison;
const origin = useServer('the live classroom tests against the server', async (o) => {
	stored = await seedComparison(o);
});

// the seed pair, read through Vite (jsdom has no file URLs for node:fs); the analysis is the
// engine's, as the page gets it
const a = segmentArticle(textA);
const b = segmentArticle(textB);
const seed = { a, b, analysis: analyzeComparison(a, b) };
const ids = () => seed.analysis.themes.map((t) => t.id);
const [FIRST, SECOND] = ids();

afterEach(() => vi.unstubAllGlobals());

/** A room page as `role` (a room of its own): its states, nothing mounted, nothing fetched yet. */
async function roomPage(role: 'teacher' | 'student') {
	const room = await Classroom.open(origin(), stored.comparisonId);
	const me = role === 'teacher' ? room.teacher : await room.join('Ada');
	vi.stubGlobal('fetch', me.browser.fetch);
	const notes = new AnnotationsState(room.scope.comparisonId, stored.articles, createApi(room.id));
	const reading = new ComparisonState(seed.analysis);
	// what every chart tab does when it mounts; nothing else is mounted here
	reading.useThemeEdits(notes.themeEdits, { a: seed.a, b: seed.b });
	const live = new LiveClassroom(
		{
			roomId: room.id,
			memberId: me.member.id,
			role,
			phase: 'individual',
			locked: false,
			suggestions: 'on',
			spotlightId: null,
			lastEventId: await room.lastEventId(),
			queue: role === 'student'
		},
		notes
	);
	return { notes, reading, live, room, reader: me.browser };
}

/**
 * The teacher changes the room's themes (each an edit, or an undo) through the API; returns the
 * `theme-edits.changed` events the page's reader gets from the room's stream, one per change.
 */
async function teacherChanges(
	page: { room: Classroom; reader: Browser },
	...changes: (ThemeEdit | 'undo')[]
): Promise<RoomStreamEvent[]> {
	const { room, reader } = page;
	const after = await room.lastEventId();
	for (const change of changes) {
		const path = `/api/rooms/${room.id}/theme-edits`;
		if (change === 'undo') await room.teacher.browser.send('DELETE', path);
		else await room.teacher.browser.send('POST', path, change);
	}
	const events = await reader.events(room.id, after, changes.length);
	expect(events.map((e) => e.type)).toEqual(changes.map(() => 'theme-edits.changed'));
	return events;
}

describe.skipIf(!BUILT)('LiveClassroom: theme-edits.changed', () => {
	it.each<[string, ThemeEdit[], (labels: string[], themeIds: string[]) => void]>([
		[
			'a rename',
			[{ op: 'rename', id: FIRST, label: 'Refusing the war' }],
			(labels) => expect(labels[0]).toBe('Refusing the war')
		],
		[
			'a removal',
			[{ op: 'remove', id: SECOND }],
			(_labels, themeIds) => expect(themeIds).toEqual(ids().filter((id) => id !== SECOND))
		],
		[
			'an added theme',
			[{ op: 'add', label: 'Army and draft', terms: ['army', 'draft'] }],
			(labels) => expect(labels.at(-1)).toBe('Army and draft')
		],
		[
			'a merge',
			[{ op: 'merge', ids: [FIRST, SECOND], label: 'Both' }],
			(labels, themeIds) => {
				expect(labels[0]).toBe('Both');
				expect(themeIds).not.toContain(SECOND);
			}
		]
	])('applies %s to the themes a student sees, with no tab mounted', async (_, edits, check) => {
		const page = await roomPage('student');
		const { reading, live } = page;
		expect(reading.themes).toBe(seed.analysis.themes);
		for (const event of await teacherChanges(page, ...edits)) live.receive(event);
		check(
			reading.themes.map((t) => t.label),
			reading.themes.map((t) => t.id)
		);
		// not held behind "N new — show": the teacher's themes are not a classmate's work
		expect(live.queued).toEqual([]);
	});

	it('measures an added theme on the articles (the chart has something to draw)', async () => {
		const page = await roomPage('student');
		const [event] = await teacherChanges(page, {
			op: 'add',
			label: 'Army and draft',
			terms: ['army', 'draft']
		});
		page.live.receive(event);
		const added = page.reading.themes.find((t) => t.label === 'Army and draft')!;
		expect(added.sentencesA.length + added.sentencesB.length).toBeGreaterThan(0);
	});

	it('follows the list as it changes, undo included', async () => {
		const page = await roomPage('student');
		const { notes, reading, live } = page;
		const rename: ThemeEdit = { op: 'rename', id: FIRST, label: 'Refusal' };
		const remove: ThemeEdit = { op: 'remove', id: SECOND };
		const [renamed, removed, undone, empty] = await teacherChanges(
			page,
			rename,
			remove,
			'undo',
			'undo'
		);
		live.receive(renamed);
		live.receive(removed);
		expect(reading.themes.map((t) => t.id)).not.toContain(SECOND);
		live.receive(undone); // the teacher pressed undo
		expect(reading.themes.map((t) => t.id)).toEqual(ids());
		expect(notes.themeEdits.edits).toEqual([rename]);
		live.receive(empty);
		expect(reading.themes).toBe(seed.analysis.themes);
	});

	it('the teacher’s own edit, back from the stream, is not applied twice', async () => {
		const { notes, reading, live, room, reader } = await roomPage('teacher');
		const before = await room.lastEventId();
		await notes.themeEdits.add({ op: 'add', label: 'Army and draft', terms: ['army', 'draft'] });
		expect(reader.served).toEqual([`POST /api/rooms/${room.id}/theme-edits`]);
		const after = reading.themes;
		expect(after.filter((t) => t.label === 'Army and draft')).toHaveLength(1);
		const [back] = await reader.events(room.id, before, 1);
		live.receive(back);
		expect(reading.themes).toBe(after);
		expect(reading.themes.map((t) => t.id)).not.toContain('army-and-draft-2');
	});

	it('a stream event during the first fetch wins over what the fetch answers', async () => {
		const page = await roomPage('student');
		const { notes, reading, live, room, reader } = page;
		// the teacher renamed, then undid it: the server's list is empty, the stream says renamed
		const [renamed] = await teacherChanges(
			page,
			{ op: 'rename', id: FIRST, label: 'Refusal' },
			'undo'
		);
		const loading = notes.themeEdits.load();
		live.receive(renamed);
		await loading;
		expect(reader.served).toEqual([`GET /api/rooms/${room.id}/theme-edits`]);
		expect(reading.themes[0].label).toBe('Refusal');
		expect(notes.themeEdits.canEdit).toBe(false); // the fetch did answer (as to a student)
	});

	it('is remembered by a page whose themes are shown later', async () => {
		const page = await roomPage('student');
		const [event] = await teacherChanges(page, { op: 'rename', id: FIRST, label: 'Refusal' });
		page.live.receive(event);
		// a reading state made after the event (a tab mounted later) shows the same themes
		const later = new ComparisonState(seed.analysis);
		later.useThemeEdits(page.notes.themeEdits, { a: seed.a, b: seed.b });
		expect(later.themes[0].label).toBe('Refusal');
	});
});

describe.skipIf(!BUILT)('LiveClassroom: room.resync', () => {
	it('takes the room as it is now and reloads the list when too much was missed', async () => {
		const page = await roomPage('student');
		const { live, notes, room, reader } = page;
		const target = targetOn(stored.articles, 'a', firstWords(stored.articles.a));
		const mine = await postNote(reader, room.scope, target, 'written while the page was away');
		live.queued = [
			{
				id: 1,
				type: 'reply.deleted',
				scope: room.scope as never,
				comparisonId: '',
				data: { id: 'x', annotationId: 'y' }
			}
		];
		await room.change({ phase: 'reveal', locked: true });
		const head = await room.lastEventId();
		live.receive({
			id: head,
			type: 'room.resync',
			scope: { kind: 'room', id: room.id },
			comparisonId: room.scope.comparisonId,
			data: { phase: 'reveal', spotlightId: null, locked: true, suggestions: 'on' }
		});
		expect(live.phase).toBe('reveal');
		expect(live.locked).toBe(true);
		expect(notes.readOnly).toBe(true);
		expect(live.queued).toEqual([]);
		expect(live.lastEventId).toBe(head);
		await vi.waitFor(() => expect(notes.items.map((a) => a.id)).toContain(mine.id));
	});
});

describe('reconnectDelay', () => {
	it.each([
		[1, 0.5, 1000],
		[2, 0.5, 2000],
		[3, 0.5, 4000],
		[6, 0.5, 30_000],
		[50, 0.5, 30_000],
		[1, 0, 750],
		[1, 1, 1250]
	])('after %i failures (random %f): %i ms', (failures, random, ms) => {
		expect(reconnectDelay(failures, random)).toBe(ms);
	});
});

describe('LiveClassroom: an annotation that leaves a student’s page', () => {
	const room = { kind: 'room', id: 'room-1' } as const;
	const target = (start: number, end: number) => ({
		side: 'a' as const,
		articleVersion: 'v1',
		start,
		end,
		exact: seed.a.text.slice(start, end),
		prefix: '',
		suffix: ''
	});
	const sentence = seed.a.sentences.find((s) => !s.furniture)!;
	const note = (id: string, author: { id: string; name: string }) => ({
		id,
		kind: 'note' as const,
		targets: [target(sentence.start, sentence.end)],
		note: 'Who decided this?',
		author,
		scope: room,
		createdAt: '2026-12-08T10:00:00Z',
		updatedAt: '2026-12-08T10:00:00Z',
		replies: []
	});
	/** Ben's page (a student, reveal phase) holding Ana's note and his own; nothing fetched. */
	function bensPage() {
		const notes = new AnnotationsState(
			'c1',
			{
				a: { text: seed.a.text, version: 'v1', sentences: seed.a.sentences },
				b: { text: seed.b.text, version: 'v1', sentences: seed.b.sentences }
			},
			createApi(room.id)
		);
		const live = new LiveClassroom(
			{
				roomId: room.id,
				memberId: 'ben',
				role: 'student',
				phase: 'reveal',
				locked: false,
				suggestions: 'on',
				spotlightId: null,
				lastEventId: 0,
				queue: true
			},
			notes
		);
		notes.items = [
			note('anas', { id: 'ana', name: 'Ana' }),
			note('bens', { id: 'ben', name: 'Ben' })
		];
		return { notes, live };
	}
	const event = <T extends RoomStreamEvent['type']>(
		type: T,
		data: Extract<RoomStreamEvent, { type: T }>['data']
	) => ({ id: 7, type, scope: room, comparisonId: 'c1', data }) as RoomStreamEvent;
	const where = `passage ${sentence.index + 1} in article A`;

	it('keeps the reply Ben was writing to a note the teacher deleted, and says so', () => {
		const { notes, live } = bensPage();
		notes.setReplyDraft('anas', 'Half-written reply');
		live.receive(event('annotation.deleted', { id: 'anas', byTeacher: true }));
		expect(notes.items.map((a) => a.id)).toEqual(['bens']);
		expect(notes.unsent).toEqual([
			{ id: 'reply-anas', label: 'Your reply to Ana’s note', text: 'Half-written reply' }
		]);
		expect(notes.replyDraft('anas')).toBe('');
		expect(notes.announcement).toMatch(/^The teacher deleted Ana’s note\. Your reply was not sent/);
	});

	it('says nothing of a classmate’s own delete when nothing of Ben’s was lost', () => {
		const { notes, live } = bensPage();
		live.receive(event('annotation.deleted', { id: 'anas' }));
		expect(notes.unsent).toEqual([]);
		expect(notes.announcement).toBe('');
	});

	it('tells Ben the teacher hid his note, and where it was', () => {
		const { notes, live } = bensPage();
		live.receive(event('annotation.moderated', { id: 'bens', hidden: true }));
		expect(notes.items.map((a) => a.id)).toEqual(['anas']);
		expect(notes.announcement).toBe(
			`The teacher hid your note on ${where}: the class no longer sees it, and neither does this page until the teacher shows it again.`
		);
	});

	it('keeps the note in the dialog and the replies being written when the room closes', () => {
		const { notes, live } = bensPage();
		notes.setReplyDraft('anas', 'A reply');
		notes.setReplyDraft('bens', '   '); // nothing written: nothing to keep
		notes.startSingle('note', { side: 'a', start: sentence.start, end: sentence.end } as never);
		notes.draft!.note = 'A paragraph';
		live.receive(event('member.removed', { id: 'ben' }));
		expect(live.ended).toBe('The teacher removed you from this room.');
		expect(notes.draft).toBeNull();
		expect(notes.unsent.map((u) => [u.label, u.text])).toEqual([
			[`Your new note on ${where}`, 'A paragraph'],
			['Your reply to Ana’s note', 'A reply']
		]);
		expect(notes.replyDrafts).toEqual({});
	});

	it('tells Ben the teacher deleted his note', () => {
		const { notes, live } = bensPage();
		live.receive(event('annotation.deleted', { id: 'bens', byTeacher: true }));
		expect(notes.announcement).toBe(`The teacher deleted your note on ${where}.`);
	});
});

describe('LiveClassroom: the list fetched again after a phase change', () => {
	const room = { kind: 'room', id: 'room-2' } as const;
	const sentence = seed.a.sentences.find((s) => !s.furniture)!;
	const note = {
		id: 'anas',
		kind: 'note' as const,
		targets: [
			{
				side: 'a' as const,
				articleVersion: 'v1',
				start: sentence.start,
				end: sentence.end,
				exact: seed.a.text.slice(sentence.start, sentence.end),
				prefix: '',
				suffix: ''
			}
		],
		note: 'Who decided this?',
		author: { id: 'ana', name: 'Ana' },
		scope: room,
		createdAt: '2026-12-08T10:00:00Z',
		updatedAt: '2026-12-08T10:00:00Z',
		replies: []
	};
	const event = <T extends RoomStreamEvent['type']>(
		id: number,
		type: T,
		data: Extract<RoomStreamEvent, { type: T }>['data']
	) => ({ id, type, scope: room, comparisonId: 'c1', data }) as RoomStreamEvent;

	it('does not undo a change that arrived while it was on its way (a note hidden meanwhile)', async () => {
		// the server read the list before the teacher hid Ana's note; its answer comes after
		let answer!: (listing: AnnotationListing) => void;
		const client = {
			...createApi(room.id),
			list: () => new Promise<AnnotationListing>((resolve) => (answer = resolve))
		};
		const articles = {
			a: { text: seed.a.text, version: 'v1', sentences: seed.a.sentences },
			b: { text: seed.b.text, version: 'v1', sentences: seed.b.sentences }
		};
		const notes = new AnnotationsState('c1', articles, client);
		notes.items = [note];
		const live = new LiveClassroom(
			{
				roomId: room.id,
				memberId: 'teacher',
				role: 'teacher',
				phase: 'individual',
				locked: false,
				suggestions: 'on',
				spotlightId: null,
				lastEventId: 0,
				queue: false
			},
			notes
		);
		live.receive(event(1, 'room.phase', { phase: 'reveal', spotlightId: null }));
		live.receive(event(2, 'annotation.moderated', { id: 'anas', hidden: true }));
		expect(notes.hiddenIds).toEqual(['anas']);
		answer({ annotations: [note], orphans: [], decisions: [], hiddenIds: [] });
		await live.reloading;
		expect(notes.hiddenIds).toEqual(['anas']);
		expect(notes.items.map((a) => a.id)).toEqual(['anas']);
	});
});
