import { createContext } from 'svelte';
import {
	createTarget,
	type Annotation,
	type AnnotationInput,
	type AnnotationKind,
	type EntmanFunction,
	type Evidence,
	type Relation,
	type Target
} from '$lib/domain/annotation/model';
import type { Sentence, Side } from '$lib/domain/types';
import { api, ApiError, type AnnotationApi, type AnnotationListing } from '$lib/reading/api';
import type { TextSelection } from '$lib/reading/selection';

/** One article as annotation needs it: text, version and sentences (to name passages). */
export interface AnnotatedArticle {
	text: string;
	version: string;
	sentences: Sentence[];
}

/** The annotation being written or edited in the dialog. */
export interface AnnotationDraft {
	mode: 'create' | 'edit';
	id: string;
	kind: AnnotationKind;
	targets: Target[];
	relation: Relation;
	evidence: Evidence | '';
	evidenceUrl: string;
	frame: string;
	entman: EntmanFunction | '';
	note: string;
	attachedTo: string;
	suggestionId?: string;
	/** edit mode: the passages were changed (re-attached) and must be sent */
	retarget?: boolean;
}

/** Which annotations the list and the highlights show. */
export interface AnnotationFilters {
	kinds: Record<AnnotationKind, boolean>;
	frame: string;
	author: string;
}

/** The reader's annotations on one comparison: loading, creating, editing, and the live messages. */
export class AnnotationsState {
	items = $state<Annotation[]>([]);
	orphans = $state<Annotation[]>([]);
	decisions = $state<AnnotationListing['decisions']>([]);
	loaded = $state(false);
	/** a problem to show the reader (load or save failed) */
	error = $state<string | null>(null);
	/** read out by a polite live region: what was just linked, saved or removed */
	announcement = $state('');
	/** the first end of a shared fact, held until the reader selects its counterpart */
	pending = $state<Target | null>(null);
	/** the reader's current text selection in a column */
	selection = $state<TextSelection | null>(null);
	/** the annotation in the dialog */
	draft = $state<AnnotationDraft | null>(null);
	/** per-field messages from the server for the draft */
	fieldErrors = $state<{ field: string; message: string }[]>([]);
	filters = $state<AnnotationFilters>({
		kinds: { 'shared-fact': true, framing: true, note: true },
		frame: '',
		author: ''
	});

	/** rooms, teacher only: annotations hidden from the students */
	hiddenIds = $state<string[]>([]);
	/** rooms: the teacher locked the room, so a student cannot write */
	readOnly = $state(false);

	constructor(
		readonly comparisonId: string,
		readonly articles: Record<Side, AnnotatedArticle>,
		/** the workspace's endpoints, or a room's */
		readonly client: AnnotationApi = api
	) {}

	/** Add or replace an annotation (a live event or a save; the same id never shows twice). */
	upsert(annotation: Annotation): void {
		this.items = [...this.items.filter((a) => a.id !== annotation.id), annotation];
	}

	/** Forget an annotation (deleted, or hidden from a student). */
	drop(id: string): void {
		this.items = this.items.filter((a) => a.id !== id);
		this.orphans = this.orphans.filter((a) => a.id !== id);
	}

	/** Annotations that pass the filters, in reading order of their first target. */
	get visible(): Annotation[] {
		const f = this.filters;
		return this.items
			.filter((a) => f.kinds[a.kind])
			.filter((a) => !f.frame || a.frame === f.frame || a.frame?.startsWith(`${f.frame}/`))
			.filter((a) => !f.author || a.author.name === f.author)
			.sort((x, y) => x.targets[0].start - y.targets[0].start);
	}

	/** Fetch the reader's annotations (a reader without any simply gets an empty list). */
	async load(): Promise<void> {
		try {
			const listing = await this.client.list(this.comparisonId);
			this.items = listing.annotations;
			this.hiddenIds = listing.hiddenIds ?? [];
			this.orphans = listing.orphans.map((o) => o.annotation);
			this.decisions = listing.decisions;
			this.error = null;
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
		} finally {
			this.loaded = true;
		}
	}

	/** "passage 12 in article B": how a screen reader hears where a target is. */
	describeTarget(target: Pick<Target, 'side' | 'start'>): string {
		const sentences = this.articles[target.side].sentences;
		const sentence = sentences.find((s) => target.start >= s.start && target.start < s.end);
		const n = sentence ? sentence.index + 1 : '?';
		return `passage ${n} in article ${target.side.toUpperCase()}`;
	}

	/** A W3C-ready target (quote and context) from a selection in a column. */
	targetOf(selection: Pick<TextSelection, 'side' | 'start' | 'end'>): Target {
		const article = this.articles[selection.side];
		return createTarget(article.text, selection.side, article.version, selection);
	}

	/** Open the dialog for a new annotation of one passage. */
	startSingle(kind: 'framing' | 'note', selection: TextSelection): void {
		this.draft = emptyDraft(kind, [this.targetOf(selection)]);
		this.fieldErrors = [];
	}

	/** First step of a shared fact: hold this passage until its counterpart is selected. */
	holdForSharedFact(selection: TextSelection): void {
		this.pending = this.targetOf(selection);
		const other = selection.side === 'a' ? 'B' : 'A';
		this.announcement = `Holding ${this.describeTarget(this.pending)}. Now select the matching passage in article ${other} and choose Shared fact.`;
	}

	/** Second step: the counterpart is selected; open the dialog with both ends (A first). */
	completeSharedFact(selection: TextSelection): void {
		if (!this.pending || this.pending.side === selection.side) return;
		const second = this.targetOf(selection);
		const targets = this.pending.side === 'a' ? [this.pending, second] : [second, this.pending];
		this.pending = null;
		this.draft = emptyDraft('shared-fact', targets);
		this.fieldErrors = [];
		this.announcement = `Linked ${this.describeTarget(targets[0])} to ${this.describeTarget(targets[1])}. Choose the relation and save.`;
	}

	/** What the toolbar's buttons and the S / F / N keys do with the current selection. */
	actOnSelection(kind: AnnotationKind): void {
		const selection = this.selection;
		if (!selection) return;
		if (kind !== 'shared-fact') this.startSingle(kind, selection);
		else if (this.pending && this.pending.side !== selection.side)
			this.completeSharedFact(selection);
		else this.holdForSharedFact(selection);
	}

	/** Forget a held first end. */
	cancelPending(): void {
		if (this.pending) this.announcement = 'Shared fact cancelled.';
		this.pending = null;
	}

	/** Open the dialog to edit one of the reader's annotations. */
	startEdit(annotation: Annotation): void {
		this.draft = {
			mode: 'edit',
			id: annotation.id,
			kind: annotation.kind,
			targets: annotation.targets,
			relation: annotation.relation ?? 'same',
			evidence: annotation.evidence ?? '',
			evidenceUrl: annotation.evidenceUrl ?? '',
			frame: annotation.frame ?? '',
			entman: annotation.entman ?? '',
			note: annotation.note,
			attachedTo: annotation.attachedTo ?? '',
			suggestionId: annotation.suggestionId
		};
		this.fieldErrors = [];
	}

	/** Save the dialog's annotation; true when the server accepted it. */
	async saveDraft(): Promise<boolean> {
		const draft = this.draft;
		if (!draft) return false;
		if (this.readOnly) {
			this.error = 'The teacher has locked this room: it is read-only for now.';
			return false;
		}
		const input = toInput(draft);
		try {
			const annotation =
				draft.mode === 'create'
					? await this.client.create(this.comparisonId, input)
					: await this.client.update(input, !!draft.retarget);
			this.items = [...this.items.filter((a) => a.id !== annotation.id), annotation];
			this.orphans = this.orphans.filter((a) => a.id !== annotation.id);
			this.draft = null;
			this.announcement = this.savedMessage(annotation, draft.mode);
			return true;
		} catch (e) {
			this.fieldErrors = e instanceof ApiError ? e.fields : [];
			this.error = e instanceof Error ? e.message : String(e);
			return false;
		}
	}

	/** Delete one of the reader's annotations. */
	async remove(annotation: Annotation): Promise<void> {
		try {
			await this.client.remove(annotation.id);
			this.items = this.items.filter((a) => a.id !== annotation.id);
			this.orphans = this.orphans.filter((a) => a.id !== annotation.id);
			this.announcement = 'Annotation deleted.';
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
		}
	}

	/** Reply to an annotation; true when the server accepted it. */
	async addReply(annotationId: string, note: string): Promise<boolean> {
		try {
			const reply = await this.client.reply({ id: crypto.randomUUID(), annotationId, note });
			this.items = this.items.map((a) =>
				a.id === annotationId ? { ...a, replies: [...a.replies, reply] } : a
			);
			this.announcement = 'Reply posted.';
			return true;
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
			return false;
		}
	}

	/** Accept (it becomes an annotation) or dismiss an engine suggestion. */
	async decide(suggestionId: string, decision: 'accepted' | 'dismissed'): Promise<void> {
		try {
			const { annotation } = await this.client.decide(this.comparisonId, suggestionId, decision);
			if (annotation)
				this.items = [...this.items.filter((a) => a.id !== annotation.id), annotation];
			this.decisions = [
				...this.decisions.filter((d) => d.suggestionId !== suggestionId),
				{ suggestionId, decision, annotationId: annotation?.id ?? null }
			];
			this.announcement =
				decision === 'accepted' ? 'Suggestion accepted as a shared fact.' : 'Suggestion dismissed.';
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
		}
	}

	/** The decision taken on a suggestion, if any. */
	decisionOf(suggestionId: string): 'accepted' | 'dismissed' | undefined {
		return this.decisions.find((d) => d.suggestionId === suggestionId)?.decision;
	}

	private savedMessage(annotation: Annotation, mode: 'create' | 'edit'): string {
		const verb = mode === 'create' ? 'saved' : 'updated';
		if (annotation.kind === 'shared-fact')
			return `Shared fact ${verb}: ${this.describeTarget(annotation.targets[0])} linked to ${this.describeTarget(annotation.targets[1])}.`;
		const what = annotation.kind === 'framing' ? 'Framing' : 'Note';
		return `${what} ${verb} on ${this.describeTarget(annotation.targets[0])}.`;
	}
}

/** A fresh draft with the form's defaults. */
function emptyDraft(kind: AnnotationKind, targets: Target[]): AnnotationDraft {
	return {
		mode: 'create',
		id: crypto.randomUUID(),
		kind,
		targets,
		relation: 'same',
		evidence: '',
		evidenceUrl: '',
		frame: '',
		entman: '',
		note: '',
		attachedTo: ''
	};
}

/** The API's input from a draft: fields that do not apply to the kind are left out. */
export function toInput(draft: AnnotationDraft): AnnotationInput {
	const input: AnnotationInput = {
		id: draft.id,
		kind: draft.kind,
		targets: draft.targets,
		note: draft.note
	};
	if (draft.kind === 'shared-fact') {
		input.relation = draft.relation;
		if (draft.evidence) input.evidence = draft.evidence;
		if (draft.evidenceUrl.trim()) input.evidenceUrl = draft.evidenceUrl.trim();
		if (draft.suggestionId) input.suggestionId = draft.suggestionId;
	}
	if (draft.kind === 'framing') {
		if (draft.frame) input.frame = draft.frame;
		if (draft.entman) input.entman = draft.entman;
		if (draft.attachedTo) input.attachedTo = draft.attachedTo;
	}
	return input;
}

/** Context pair for the annotation state of a comparison page. */
export const [getAnnotations, setAnnotations] = createContext<AnnotationsState>();
