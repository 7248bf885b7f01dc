import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnnotationsState } from '$lib/state/annotations.svelte';
import { LiveClassroom } from '$lib/state/live-classroom.svelte';
import {
	Classroom,
	firstWords,
	postNote,
	postReply,
	seedComparison,
	storedReply,
	targetOn,
	type StoredComparison
} from '$lib/test-support/api-setup';
import { Browser, BUILT, useServer } from '$lib/test-support/browser-transport';
import { createApi } from './api';
import ReadingTestHost from '$lib/test-support/ReadingTestHost.svelte';

// The reply thread with the real state and the real API client against the real server (a
// `node build` with its own database, src/lib/test-support/browser-transport.ts): `fetch` is the reader's
// browser; the room, the replies, the refusals and the live events are the server's.

vi.setConfig({ testTimeout: 30_000 });
let seed: StoredComparison;
const origin = useServer('the reply thread tests against the server', async (o) => {
	seed = await seedComparison(o);
});

afterEach(() => vi.unstubAllGlobals());

/**
 * A room page as a student, Ada, in the reveal phase: her reply and her classmate Ben's under
 * Ben's annotation, listed by the server. `locked`: the teacher locked the room before.
 */
async function roomPage(locked = false) {
	const room = await Classroom.open(origin(), seed.comparisonId);
	await room.change({ phase: 'reveal' }); // students see each other's work
	const ben = await room.join('Ben');
	const ada = await room.join('Ada');
	const quote = targetOn(seed.articles, 'a', firstWords(seed.articles.a));
	const note = await postNote(ben.browser, room.scope, quote, 'Who says so?');
	const mine = await postReply(ada.browser, room.scope, note.id, 'Page 2 says so.');
	const theirs = await postReply(ben.browser, room.scope, note.id, 'I doubt it.');
	if (locked) await room.change({ locked: true });
	vi.stubGlobal('fetch', ada.browser.fetch);
	const notes = new AnnotationsState(seed.comparisonId, seed.articles, createApi(room.id));
	const live = new LiveClassroom(
		{
			roomId: room.id,
			memberId: ada.member.id,
			role: 'student',
			phase: 'reveal',
			locked,
			suggestions: 'on',
			spotlightId: null,
			lastEventId: await room.lastEventId(),
			queue: true
		},
		notes
	);
	await notes.load();
	const reader = ada.browser;
	reader.served.length = 0; // what the page asks from here on
	render(ReadingTestHost, { notes, threadOf: note.id });
	return { notes, live, room, reader, mine: mine.id, theirs: theirs.id };
}

/** The note of Ada's reply as the server keeps it now. */
const stored = (page: Awaited<ReturnType<typeof roomPage>>) =>
	storedReply(page.reader, page.room.scope, page.mine);

const button = (name: string | RegExp) => screen.getByRole('button', { name });
const liveRegion = () => document.querySelector('[aria-live="polite"]')!;

describe.skipIf(!BUILT)('ReplyThread: the reader edits and deletes their own replies', () => {
	it('offers Edit and Delete only on the reader’s own reply, named after it', async () => {
		await roomPage();
		expect(button('Edit your reply: Page 2 says so.')).toHaveTextContent('Edit');
		expect(button('Delete your reply: Page 2 says so.')).toHaveTextContent('Delete');
		expect(screen.getAllByRole('button', { name: /^(Edit|Delete) your reply/ })).toHaveLength(2);
		expect(screen.getByText('I doubt it.')).toBeInTheDocument();
	});

	it('hides them when the room is locked', async () => {
		await roomPage(true);
		expect(screen.getByText('Page 2 says so.')).toBeInTheDocument();
		expect(screen.queryAllByRole('button', { name: /your reply/ })).toEqual([]);
	});

	it('closes an open editor when the teacher locks the room', async () => {
		const { live, room, reader } = await roomPage();
		await fireEvent.click(button(/^Edit your reply/));
		const after = await room.lastEventId();
		await room.change({ locked: true });
		await room.change({ locked: false });
		const [locked, unlocked] = await reader.events(room.id, after, 2);
		expect([locked.type, unlocked.type]).toEqual(['room.locked', 'room.locked']);
		live.receive(locked);
		await tick();
		expect(screen.queryByRole('textbox', { name: 'Edit your reply' })).toBeNull();
		expect(screen.getByText('Page 2 says so.')).toBeInTheDocument();
		live.receive(unlocked);
		await tick();
		expect(screen.queryByRole('textbox', { name: 'Edit your reply' })).toBeNull();
		expect(button(/^Edit your reply/)).toBeInTheDocument();
	});

	it('edits in a labelled field, saves through the room API, announces, and returns focus', async () => {
		const page = await roomPage();
		await fireEvent.click(button(/^Edit your reply/));
		const field = screen.getByRole('textbox', { name: 'Edit your reply' });
		expect(field).toHaveFocus();
		expect(field).toHaveValue('Page 2 says so.');
		await fireEvent.input(field, { target: { value: 'Page 3, in fact.' } });
		await fireEvent.click(button('Save'));
		await vi.waitFor(() => expect(screen.getByText('Page 3, in fact.')).toBeInTheDocument());
		expect(page.reader.served).toEqual([`PATCH /api/rooms/${page.room.id}/replies/${page.mine}`]);
		expect(await stored(page)).toBe('Page 3, in fact.');
		// the edited reply keeps its place in the thread
		expect(page.notes.items[0].replies.map((r) => r.id)).toEqual([page.mine, page.theirs]);
		expect(liveRegion()).toHaveTextContent('Reply updated.');
		await tick();
		expect(button('Edit your reply: Page 3, in fact.')).toHaveFocus();
	});

	it.each<[string, string, RegExp, boolean]>([
		['an empty note, refused before asking the server', '   ', /The reply is empty/, false],
		[
			'a note the server finds too long',
			'x'.repeat(2001),
			/The reply is longer than 2,000 characters/,
			true
		]
	])('shows %s next to the field', async (_name, value, message, asked) => {
		const page = await roomPage();
		await fireEvent.click(button(/^Edit your reply/));
		const field = screen.getByRole('textbox', { name: 'Edit your reply' });
		await fireEvent.input(field, { target: { value } });
		await fireEvent.click(button('Save'));
		await vi.waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
		expect(field).toHaveAccessibleDescription(message);
		expect(screen.getByRole('alert')).toHaveTextContent(message);
		expect(page.reader.served.some((s) => s.startsWith('PATCH'))).toBe(asked);
		expect(await stored(page)).toBe('Page 2 says so.');
		expect(field).toHaveFocus();
	});

	it.each<[string, (page: Awaited<ReturnType<typeof roomPage>>) => Promise<void>, string]>([
		[
			'the teacher locked the room before the page heard of it',
			(page) => page.room.change({ locked: true }),
			'The teacher has locked this room: it is read-only.'
		],
		[
			'the server cannot be reached',
			(page) => page.reader.offline(),
			'The server could not be reached. Check the connection and try again.'
		]
	])('shows why the edit failed when %s', async (_name, arrange, message) => {
		const page = await roomPage();
		await arrange(page);
		await fireEvent.click(button(/^Edit your reply/));
		const field = screen.getByRole('textbox', { name: 'Edit your reply' });
		await fireEvent.input(field, { target: { value: 'Page 3.' } });
		await fireEvent.click(button('Save'));
		await vi.waitFor(() => expect(field).toHaveAccessibleDescription(message));
		expect(page.reader.served).toEqual([`PATCH /api/rooms/${page.room.id}/replies/${page.mine}`]);
		// not the note's fault: the field is not marked invalid
		expect(field).toHaveAttribute('aria-invalid', 'false');
		expect(field).toHaveValue('Page 3.');
	});

	it.each([
		['Escape', (field: HTMLElement) => fireEvent.keyDown(field, { key: 'Escape' })],
		['Cancel', () => fireEvent.click(button('Cancel'))]
	])('%s leaves the reply unchanged and returns focus to Edit', async (_how, leave) => {
		const { reader } = await roomPage();
		await fireEvent.click(button(/^Edit your reply/));
		const field = screen.getByRole('textbox', { name: 'Edit your reply' });
		await fireEvent.input(field, { target: { value: 'Changed my mind' } });
		await leave(field);
		await tick();
		expect(screen.queryByRole('textbox', { name: 'Edit your reply' })).toBeNull();
		expect(screen.getByText('Page 2 says so.')).toBeInTheDocument();
		expect(button(/^Edit your reply/)).toHaveFocus();
		expect(reader.served).toEqual([]);
	});

	it('Escape in the field stays there: it does not also close the analysis drawer', async () => {
		await roomPage();
		const drawer = vi.fn(); // ComparisonReader closes the drawer on a window-level Escape
		window.addEventListener('keydown', drawer);
		await fireEvent.click(button(/^Edit your reply/));
		await fireEvent.keyDown(screen.getByRole('textbox', { name: 'Edit your reply' }), {
			key: 'Escape'
		});
		window.removeEventListener('keydown', drawer);
		expect(drawer).not.toHaveBeenCalled();
	});

	it('deletes after an inline confirmation, announces it and moves focus to the reply field', async () => {
		const page = await roomPage();
		await fireEvent.click(button(/^Delete your reply/));
		const confirm = screen.getByRole('group', { name: 'Delete this reply?' });
		expect(within(confirm).getByRole('button', { name: /^No/ })).toHaveFocus();
		await fireEvent.click(within(confirm).getByRole('button', { name: /^Yes/ }));
		await vi.waitFor(() => expect(screen.queryByText('Page 2 says so.')).toBeNull());
		expect(page.reader.served).toEqual([`DELETE /api/rooms/${page.room.id}/replies/${page.mine}`]);
		expect(page.notes.items[0].replies.map((r) => r.id)).toEqual([page.theirs]);
		expect(await stored(page)).toBeUndefined();
		expect(liveRegion()).toHaveTextContent('Reply deleted.');
		await tick();
		expect(screen.getByRole('textbox', { name: 'Reply' })).toHaveFocus();
	});

	it.each([
		['No', () => fireEvent.click(button(/^No/))],
		['Escape', () => fireEvent.keyDown(button(/^No/), { key: 'Escape' })]
	])('%s keeps the reply and returns focus to Delete', async (_how, keep) => {
		const { reader } = await roomPage();
		await fireEvent.click(button(/^Delete your reply/));
		await keep();
		await tick();
		expect(screen.queryByRole('group', { name: 'Delete this reply?' })).toBeNull();
		expect(button(/^Delete your reply/)).toHaveFocus();
		expect(reader.served).toEqual([]);
	});

	it('keeps the reply and says why when the delete fails', async () => {
		const page = await roomPage();
		await page.reader.offline(); // the network is gone
		await fireEvent.click(button(/^Delete your reply/));
		await fireEvent.click(button(/^Yes/));
		await vi.waitFor(() =>
			expect(screen.getByRole('alert')).toHaveTextContent(/could not be reached/)
		);
		expect(screen.getByText('Page 2 says so.')).toBeInTheDocument();
		expect(page.reader.served).toEqual([`DELETE /api/rooms/${page.room.id}/replies/${page.mine}`]);
	});

	it('in the personal workspace every reply listed is the reader’s own', async () => {
		// the reader's first write makes their workspace (its cookie) on the seed comparison
		const reader = new Browser(origin());
		const scope = { comparisonId: 'seed', roomId: null };
		const quote = targetOn(seed.articles, 'b', firstWords(seed.articles.b));
		const note = await postNote(reader, scope, quote, 'Who says so?');
		await postReply(reader, scope, note.id, 'Mine.');
		vi.stubGlobal('fetch', reader.fetch);
		const notes = new AnnotationsState('seed', seed.articles); // the workspace's API
		await notes.load();
		expect(reader.served).toEqual(['GET /api/comparisons/seed/annotations']);
		render(ReadingTestHost, { notes, threadOf: note.id });
		expect(button('Edit your reply: Mine.')).toBeInTheDocument();
		expect(button('Delete your reply: Mine.')).toBeInTheDocument();
	});
});
