import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { installJsdomShims } from '$lib/test-support/jsdom-shims';
import { analyzeComparison } from '$lib/domain/analysis';
import type { ThemeEdit } from '$lib/domain/framing/theme-edits';
import { segmentArticle } from '$lib/domain/text/segment';
import type { SegmentedArticle } from '$lib/domain/types';
import { AnnotationsState } from '$lib/state/annotations.svelte';
import { ComparisonState } from '$lib/state/comparison.svelte';
import { LiveClassroom } from '$lib/state/live-classroom.svelte';
import { Classroom, seedComparison } from '$lib/test-support/api-setup';
import { BUILT, useServer, type Browser } from '$lib/test-support/browser-transport';
import textA from '../../../seeds/000_22ed28cde7db5cf9.txt?raw';
import textB from '../../../seeds/004_cb2015502c2df88f.txt?raw';
import { createApi } from './api';
import ReadingTestHost from '$lib/test-support/ReadingTestHost.svelte';
import type { ArticleView } from './view';

// The Themes tab (chart and editor) of a room page, fed by the room's stream; the real states and
// API client against the real server (a `node build`, src/lib/test-support/browser-transport.ts): the room,
// its theme edits, the student's and the teacher's rights and the stream's events are the
// server's.

vi.setConfig({ testTimeout: 30_000 });
let comparisonId: string;
const origin = useServer('the Themes tab tests against the server', async (o) => {
	comparisonId = (await seedComparison(o)).comparisonId;
});

beforeAll(installJsdomShims);

const view = (s: SegmentedArticle, side: string): ArticleView => ({
	...s,
	id: `article-${side}`,
	version: `v-${side}`,
	meta: { title: side, genre: 'report' }
});
const a = segmentArticle(textA);
const b = segmentArticle(textB);
const analysis = analyzeComparison(a, b);
const articles = { a: view(a, 'a'), b: view(b, 'b') };
const FIRST = analysis.themes[0];

afterEach(() => vi.unstubAllGlobals());

/** A room page (of a room of its own) as `role`, with the Themes tab shown (or not). */
async function roomPage(role: 'teacher' | 'student', showThemes = true) {
	const room = await Classroom.open(origin(), comparisonId);
	const me = role === 'teacher' ? room.teacher : await room.join('Ada');
	vi.stubGlobal('fetch', me.browser.fetch);
	const notes = new AnnotationsState(
		comparisonId,
		{ a: articles.a, b: articles.b },
		createApi(room.id)
	);
	const reading = new ComparisonState(analysis);
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
	const shown = render(ReadingTestHost, {
		notes,
		reading,
		articles: showThemes ? articles : undefined
	});
	return { notes, reading, live, shown, room, reader: me.browser };
}

/** The teacher renames the first theme through the API; the event the page's reader then gets. */
async function teacherRenames(page: { room: Classroom; reader: Browser }, label: string) {
	const after = await page.room.lastEventId();
	const edit: ThemeEdit = { op: 'rename', id: FIRST.id, label };
	await page.room.teacher.browser.send('POST', `/api/rooms/${page.room.id}/theme-edits`, edit);
	const [event] = await page.reader.events(page.room.id, after, 1);
	expect(event.type).toBe('theme-edits.changed');
	return event;
}

const themeMarks = () =>
	within(screen.getByRole('group', { name: 'Themes' }))
		.getAllByRole('button')
		.map((el) => el.getAttribute('aria-label')?.split(':')[0]);

describe.skipIf(!BUILT)('the Themes tab in a room', () => {
	it('shows a student the teacher’s edits as they arrive', async () => {
		const page = await roomPage('student');
		await vi.waitFor(() =>
			expect(screen.getByText('The teacher edits this room’s themes.')).toBeInTheDocument()
		);
		expect(themeMarks()).toContain(`Theme ${FIRST.label}`);
		page.live.receive(await teacherRenames(page, 'Refusing the war'));
		await tick();
		expect(themeMarks()[0]).toBe('Theme Refusing the war');
		expect(themeMarks()).not.toContain(`Theme ${FIRST.label}`);
	});

	it('shows edits that arrived while the tab was not mounted', async () => {
		const page = await roomPage('student', false);
		const { notes, reading, live, shown, reader } = page;
		live.receive(await teacherRenames(page, 'Refusing the war'));
		shown.unmount();
		render(ReadingTestHost, { notes, reading, articles });
		await tick();
		expect(themeMarks()[0]).toBe('Theme Refusing the war');
		await notes.themeEdits.load(); // the tab's own fetch agrees with the stream
		expect(reader.served).toEqual([`GET /api/rooms/${page.room.id}/theme-edits`]);
		await tick();
		expect(themeMarks()[0]).toBe('Theme Refusing the war');
	});

	it('the teacher’s edit shows once, also after it comes back from the stream', async () => {
		const { live, room, reader } = await roomPage('teacher');
		const before = await room.lastEventId();
		await vi.waitFor(() => expect(screen.getByText('Edit themes')).toBeInTheDocument());
		await fireEvent.click(screen.getByText('Edit themes'));
		await fireEvent.change(screen.getByRole('combobox', { name: 'Theme to edit' }), {
			target: { value: FIRST.id }
		});
		const name = screen.getAllByRole('textbox', {
			name: 'New name, or the name of the split-off theme'
		})[0];
		await fireEvent.input(name, { target: { value: 'Refusing the war' } });
		await fireEvent.click(screen.getByRole('button', { name: 'Rename' }));
		await vi.waitFor(() => expect(themeMarks()[0]).toBe('Theme Refusing the war'));
		expect(reader.served).toContain(`POST /api/rooms/${room.id}/theme-edits`);
		const [back] = await reader.events(room.id, before, 1);
		expect(back.type).toBe('theme-edits.changed');
		live.receive(back);
		await tick();
		expect(themeMarks().filter((m) => m === 'Theme Refusing the war')).toHaveLength(1);
		expect(themeMarks()).toHaveLength(analysis.themes.length);
	});
});
