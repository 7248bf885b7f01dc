import type { Annotation, AnnotationInput, Reply, ReplyInput } from '$lib/domain/annotation/model';
import type { AnalysisDetails } from '$lib/domain/analysis-parts';
import type { ThemeEdit } from '$lib/domain/framing/theme-edits';

/** An error answer of the JSON API, with a message fit for the reader and per-field messages. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly fields: { field: string; message: string }[] = []
	) {
		super(message);
	}
}

/**
 * Runs a page's writes one after another until one has been answered. A new reader has no
 * workspace cookie: the first write makes the workspace and sets it, so a second write sent
 * before that answer would make a second workspace, and the page would lose what the first
 * stored (a Dismiss then an Accept clicked at once). Once a write has been answered the cookie
 * is there and writes go out as they come.
 */
export function firstWritesInOrder() {
	let answered = false;
	let last: Promise<unknown> = Promise.resolve();
	return async function write<T>(send: () => Promise<T>): Promise<T> {
		if (answered) return send();
		const mine = last.catch(() => undefined).then(send);
		last = mine;
		const result = await mine;
		answered = true;
		return result;
	};
}

const write = firstWritesInOrder();

/** Call the JSON API; throws ApiError with the server's message on any non-2xx answer. */
export async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
	return method === 'GET' ? send<T>(method, url, body) : write(() => send<T>(method, url, body));
}

/** One request of the JSON API (see call). */
async function send<T>(method: string, url: string, body?: unknown): Promise<T> {
	let response: Response;
	try {
		response = await fetch(url, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body)
		});
	} catch {
		throw new ApiError(0, 'The server could not be reached. Check the connection and try again.');
	}
	const data = response.status === 204 ? null : await response.json().catch(() => null);
	if (!response.ok) {
		const error = data?.error;
		throw new ApiError(
			response.status,
			error?.message ?? `The server answered ${response.status}.`,
			Array.isArray(error?.fields) ? error.fields : []
		);
	}
	return data as T;
}

/** One target's fate when an annotation was re-anchored on a newer article version. */
export interface TargetPlacement {
	index: number;
	side: 'a' | 'b';
	status: 'current' | 'anchored' | 'orphan';
	reason?: string;
}

/** A decision on an engine suggestion. */
export interface SuggestionDecision {
	suggestionId: string;
	decision: 'accepted' | 'dismissed';
	annotationId?: string | null;
}

/** What the annotation list endpoint returns for the caller's workspace. */
export interface AnnotationListing {
	annotations: (Annotation & { reanchored?: boolean })[];
	orphans: { annotation: Annotation; targets: TargetPlacement[] }[];
	decisions: SuggestionDecision[];
	/** rooms, for the teacher: annotations hidden from the students */
	hiddenIds?: string[];
	/** the reader's own work: their personal room's stream (null before their first write) */
	stream?: PersonalStream | null;
}

/** What an import of a JSON-LD pack did: ids stored, ids already there, items refused. */
export interface ImportSummary {
	imported: string[];
	unchanged: string[];
	errors: { item: number | null; id?: string; field: string; message: string }[];
}

/** Where a page follows the reader's personal room live (a room of one). */
export interface PersonalStream {
	roomId: string;
	memberId: string;
	/** the stream resumes after this event */
	lastEventId: number;
}

/** The theme edits of a comparison; `canEdit` is false for a student in a room. */
interface ThemeEditListing {
	edits: ThemeEdit[];
	canEdit?: boolean;
}

/** The reader's theme edits of a comparison (an ordered log the server keeps). */
const themeApi = {
	list: (comparisonId: string) =>
		call<ThemeEditListing>('GET', `/api/comparisons/${comparisonId}/theme-edits`),
	add: (comparisonId: string, edit: ThemeEdit) =>
		call<{ edits: ThemeEdit[] }>('POST', `/api/comparisons/${comparisonId}/theme-edits`, edit),
	undo: (comparisonId: string) =>
		call<{ edits: ThemeEdit[] }>('DELETE', `/api/comparisons/${comparisonId}/theme-edits`)
};

/**
 * The JSON API used by the reading view (documented in docs/API.md): the personal workspace's
 * endpoints, or a classroom room's when `roomId` is given (same shapes, room-scoped paths).
 */
export function createApi(roomId?: string) {
	const room = roomId ? `/api/rooms/${roomId}` : undefined;
	const annotations = (comparisonId: string) =>
		room ? `${room}/annotations` : `/api/comparisons/${comparisonId}/annotations`;
	const one = (id: string) => (room ? `${room}/annotations/${id}` : `/api/annotations/${id}`);
	return {
		/** the room these endpoints belong to (null: the personal workspace) */
		roomId: roomId ?? null,
		list: (comparisonId: string) => call<AnnotationListing>('GET', annotations(comparisonId)),
		create: (comparisonId: string, input: AnnotationInput) =>
			call<Annotation>('POST', annotations(comparisonId), input),
		update: (input: AnnotationInput, withTargets: boolean) => {
			// id and kind are fixed; the rest replaces the stored fields (null clears an optional one)
			const { id, kind: _kind, ...fields } = input;
			const body = {
				evidence: null,
				evidenceUrl: null,
				frame: null,
				entman: null,
				attachedTo: null,
				...fields
			};
			// without targets the stored ones stay (an orphan's note can be edited before re-attaching)
			if (!withTargets) delete (body as Record<string, unknown>).targets;
			if (input.kind !== 'shared-fact') {
				delete (body as Record<string, unknown>).evidence;
				delete (body as Record<string, unknown>).evidenceUrl;
			}
			if (input.kind !== 'framing') {
				delete (body as Record<string, unknown>).frame;
				delete (body as Record<string, unknown>).entman;
				delete (body as Record<string, unknown>).attachedTo;
			}
			return call<Annotation>('PATCH', one(id), body);
		},
		remove: (id: string) => call<unknown>('DELETE', one(id)),
		reply: (input: ReplyInput) =>
			call<Reply>('POST', `${one(input.annotationId)}/replies`, {
				id: input.id,
				note: input.note
			}),
		updateReply: (id: string, note: string) =>
			call<Reply>('PATCH', room ? `${room}/replies/${id}` : `/api/replies/${id}`, { note }),
		removeReply: (id: string) =>
			call<unknown>('DELETE', room ? `${room}/replies/${id}` : `/api/replies/${id}`),
		decide: (comparisonId: string, suggestionId: string, decision: 'accepted' | 'dismissed') =>
			call<{ decision: SuggestionDecision; annotation?: Annotation }>(
				'POST',
				`${room ?? `/api/comparisons/${comparisonId}`}/suggestions/${encodeURIComponent(suggestionId)}`,
				decision === 'accepted' ? { decision, annotationId: crypto.randomUUID() } : { decision }
			),
		/** take a dismissal back (Undo): the suggestion is undecided again */
		withdraw: (comparisonId: string, suggestionId: string) =>
			call<unknown>(
				'DELETE',
				`${room ?? `/api/comparisons/${comparisonId}`}/suggestions/${encodeURIComponent(suggestionId)}`
			),
		/** import a W3C JSON-LD pack into the reader's own annotations (not offered in a room) */
		importPack: room
			? null
			: (comparisonId: string, pack: unknown) =>
					call<ImportSummary>('POST', `/api/comparisons/${comparisonId}/import`, pack),
		/** the theme edits: the reader's own, or in a room the teacher's (students only read them) */
		themeEdits: room
			? {
					list: (_comparisonId: string) => call<ThemeEditListing>('GET', `${room}/theme-edits`),
					add: (_comparisonId: string, edit: ThemeEdit) =>
						call<ThemeEditListing>('POST', `${room}/theme-edits`, edit),
					undo: (_comparisonId: string) => call<ThemeEditListing>('DELETE', `${room}/theme-edits`)
				}
			: themeApi
	};
}

/** The client of one endpoint family. */
export type AnnotationApi = ReturnType<typeof createApi>;

/** The personal workspace's API. */
export const api: AnnotationApi = createApi();

/** The parts of a comparison's analysis its page left out of the first load (terms, themes, frames). */
export function fetchAnalysisDetails(comparisonId: string): Promise<AnalysisDetails> {
	return call<AnalysisDetails>(
		'GET',
		`/api/comparisons/${encodeURIComponent(comparisonId)}/analysis`
	);
}
