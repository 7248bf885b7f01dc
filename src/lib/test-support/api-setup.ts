/**
 * Test-only: what jsdom tests need on the real server before a page opens (the seed articles, a
 * classroom room with its members, annotations and replies, an orphan), all made through the
 * JSON API (docs/API.md) by `Browser`s of browser-transport.ts. Never import it from the app.
 */
import type { Annotation, Reply } from '$lib/domain/annotation/model';
import type { Side } from '$lib/domain/types';
import type { RoomMemberView, RoomPhase } from '$lib/live/events';
import type { AnnotationListing } from '$lib/reading/api';
import type { ArticleView } from '$lib/reading/view';
import { Browser } from './browser-transport';

/** A comparison as stored on the server: its id and its two current article versions. */
export interface StoredComparison {
	comparisonId: string;
	articles: Record<Side, ArticleView>;
}

/** The comparison of the JSON-LD export at `path`, with its articles as the server serves them. */
export async function comparisonAt(browser: Browser, path: string): Promise<StoredComparison> {
	const collection = await browser.send<Record<string, unknown>>('GET', path);
	const [a, b] = await Promise.all(
		(collection['parallax:articles'] as { id: string }[]).map((x) => {
			const url = new URL(x.id);
			return browser.send<ArticleView>('GET', `${url.pathname}${url.search}`);
		})
	);
	return { comparisonId: collection['parallax:comparison'] as string, articles: { a, b } };
}

/** The seed comparison, which a fresh server has (as api-http.test.ts reads it). */
export function seedComparison(origin: string): Promise<StoredComparison> {
	return comparisonAt(new Browser(origin), '/api/comparisons/seed/export.jsonld');
}

/** A target on the first place `quote` occurs in the article (the server adds its context). */
export function targetOn(articles: Record<Side, ArticleView>, side: Side, quote: string) {
	const { text, version } = articles[side];
	const start = text.indexOf(quote);
	if (start < 0) throw new Error(`"${quote}" is not in article ${side}`);
	return { side, articleVersion: version, start, end: start + quote.length, exact: quote };
}

/** The first `n` words of an article: a passage every test can quote. */
export const firstWords = (article: ArticleView, n = 2) =>
	article.text.split(/\s+/).slice(0, n).join(' ');

/** Where a browser's work goes: a room's endpoints, or (null) its personal workspace's. */
export interface Scope {
	comparisonId: string;
	roomId: string | null;
}

const annotationsOf = ({ comparisonId, roomId }: Scope) =>
	roomId ? `/api/rooms/${roomId}/annotations` : `/api/comparisons/${comparisonId}/annotations`;

/** Write a note annotation on `quote` of article `side`. */
export function postNote(
	browser: Browser,
	scope: Scope,
	target: ReturnType<typeof targetOn>,
	note: string
): Promise<Annotation> {
	const body = { id: crypto.randomUUID(), kind: 'note', targets: [target], note };
	return browser.send<Annotation>('POST', annotationsOf(scope), body);
}

/** Reply to an annotation. */
export function postReply(
	browser: Browser,
	scope: Scope,
	annotationId: string,
	note: string
): Promise<Reply> {
	const path = scope.roomId
		? `/api/rooms/${scope.roomId}/annotations/${annotationId}/replies`
		: `/api/annotations/${annotationId}/replies`;
	return browser.send<Reply>('POST', path, { id: crypto.randomUUID(), note });
}

/** What the browser's annotation list holds now (annotations and orphans). */
export function listing(browser: Browser, scope: Scope): Promise<AnnotationListing> {
	return browser.send<AnnotationListing>('GET', annotationsOf(scope));
}

/** The stored note of a reply, as the browser's list shows it (undefined: gone). */
export async function storedReply(
	browser: Browser,
	scope: Scope,
	id: string
): Promise<string | undefined> {
	const listed = await listing(browser, scope);
	const all = [...listed.annotations, ...listed.orphans.map((o) => o.annotation)];
	return all.flatMap((a) => a.replies).find((r) => r.id === id)?.note;
}

/** A member of a room in their own browser. */
export interface Participant {
	browser: Browser;
	member: RoomMemberView;
}

/** A classroom room made by its teacher through the API, and joined by students. */
export class Classroom {
	private constructor(
		readonly scope: Scope & { roomId: string },
		readonly teacher: Participant,
		readonly joinCode: string
	) {}

	/** The room's id. */
	get id(): string {
		return this.scope.roomId;
	}

	/** A teacher (in a browser of their own) makes a room on the comparison. */
	static async open(origin: string, comparisonId: string): Promise<Classroom> {
		const browser = new Browser(origin);
		const made = await browser.send<{
			room: { id: string };
			member: RoomMemberView;
			joinCode: string;
		}>('POST', '/api/rooms', { comparisonId });
		const scope = { comparisonId, roomId: made.room.id };
		return new Classroom(scope, { browser, member: made.member }, made.joinCode);
	}

	/** A student joins with the code, in a browser of their own. */
	async join(displayName: string): Promise<Participant> {
		const browser = new Browser(this.teacher.browser.origin);
		const joined = await browser.send<{ member: RoomMemberView }>('POST', '/api/rooms/join', {
			code: this.joinCode,
			displayName
		});
		return { browser, member: joined.member };
	}

	/** The teacher switches the phase or locks the room. */
	async change(changes: { phase?: RoomPhase; locked?: boolean }): Promise<void> {
		await this.teacher.browser.send('PATCH', `/api/rooms/${this.id}`, changes);
	}

	/** The id of the room's newest event (a page's stream resumes after it). */
	async lastEventId(): Promise<number> {
		const room = await this.teacher.browser.send<{ lastEventId: number }>(
			'GET',
			`/api/rooms/${this.id}`
		);
		return room.lastEventId;
	}
}

/** Two short articles for a comparison of one's own (the seed comparison cannot be edited). */
const PASTED: Record<Side, string> = {
	a: [
		'Ferry fares rise to pay for cleaner boats',
		'The harbour authority voted on Monday to raise the island ferry fare from $4 to $5.',
		'The vote was unanimous.'
	].join('\n\n'),
	b: [
		'Islanders pay the price for green promises',
		'On Monday the harbour authority raised the island ferry fare from $4 to $5.',
		'For a nurse who commutes every day, the monthly pass now costs $90.'
	].join('\n\n')
};

/** The form fields of a comparison with these texts (report, no other metadata). */
export function formOf(texts: Record<Side, string>): Record<string, string> {
	const fields: Record<string, string> = { title: 'Ferry fares' };
	for (const side of ['a', 'b'] as const) {
		fields[`${side}.text`] = texts[side];
		fields[`${side}.genre`] = 'report';
	}
	return fields;
}

/**
 * A note with one reply in the browser's workspace that became an orphan: the browser makes a
 * comparison (the /new form), annotates "The vote was unanimous." and replies, then edits
 * article A so the passage is gone (the edit form): the list now names it among the orphans.
 */
export async function orphanedNote(browser: Browser) {
	const location = await browser.submit('/new?/create', formOf(PASTED));
	const id = location.split('/').pop()!;
	const before = await comparisonAt(browser, `/api/comparisons/${id}/export.jsonld`);
	const scope = { comparisonId: id, roomId: null };
	const target = targetOn(before.articles, 'a', 'The vote was unanimous.');
	const annotation = await postNote(browser, scope, target, 'Who says so?');
	const reply = await postReply(browser, scope, annotation.id, 'Lost.');
	const edited = PASTED.a.replace('\n\nThe vote was unanimous.', '');
	await browser.submit(`/compare/${id}/edit?/save`, {
		...formOf({ a: edited, b: PASTED.b }),
		'a.base': before.articles.a.id,
		'b.base': before.articles.b.id
	});
	const after = await comparisonAt(browser, `/api/comparisons/${id}/export.jsonld`);
	return { scope, articles: after.articles, annotation, reply };
}
