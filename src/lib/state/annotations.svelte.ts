import { createContext } from 'svelte';
import {
	createTarget,
	type Annotation,
	type AnnotationKind,
	type Author,
	type Reply,
	type Target
} from '$lib/domain/annotation/model';
import { goneNotice } from '$lib/domain/classroom/moderation';
import { dialogLabel, replyLabel, type Unsent } from '$lib/domain/classroom/unsent';
import type { Sentence, Side } from '$lib/domain/types';
import {
	api,
	ApiError,
	type AnnotationApi,
	type AnnotationListing,
	type PersonalStream
} from '$lib/reading/api';
import { idSet } from '$lib/reading/links';
import type { TextSelection } from '$lib/reading/selection';
import { emptyDraft, toInput, type AnnotationDraft } from './annotation-draft';
import { EMPTY_REPLY, LOCKED_ROOM, problemOf, withReply, type ReplyProblem } from './reply-threads';
import { ThemeEditsState } from './theme-edits.svelte';

export { toInput, type AnnotationDraft } from './annotation-draft';
export type { ReplyProblem } from './reply-threads';

/** One article as annotation needs it: text, version and sentences (to name passages). */
interface AnnotatedArticle {
	text: string;
	version: string;
	sentences: Sentence[];
}

/** Which annotations the list and the highlights show. */
interface AnnotationFilters {
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
	/**
	 * presentation mode: which annotations the class may see now (the phase's rule, nothing
	 * hidden); the text shows only those. null: everything this page holds.
	 */
	shownOnly = $state<((annotation: Annotation) => boolean) | null>(null);
	/** the personal workspace's live stream, once the server has a room for the reader here */
	stream = $state<PersonalStream | null>(null);
	/** rooms: the teacher locked the room, so a student cannot write */
	readOnly = $state(false);
	/**
	 * rooms: the reader's member id (their replies are the ones they may change); null in the
	 * personal workspace, where everything listed is the reader's own
	 */
	authorId = $state<string | null>(null);
	/**
	 * replies being written, by the annotation they answer: kept here rather than in the thread,
	 * so a thread that goes (its annotation deleted or hidden) does not take the text with it
	 */
	replyDrafts = $state<Record<string, string>>({});
	/** writing whose place went (the annotation it answered was deleted or hidden), to copy */
	unsent = $state<Unsent[]>([]);
	/** the theme edits applied on this page (kept here because a room's live stream writes them) */
	readonly themeEdits: ThemeEditsState;

	constructor(
		readonly comparisonId: string,
		readonly articles: Record<Side, AnnotatedArticle>,
		/** the workspace's endpoints, or a room's */
		readonly client: AnnotationApi = api
	) {
		this.themeEdits = new ThemeEditsState(comparisonId, client.themeEdits, client.roomId === null);
	}

	/** Whether the reader wrote this (only their own replies offer Edit and Delete). */
	isMine(author: Author): boolean {
		return this.authorId === null || author.id === this.authorId;
	}

	/** Add or replace an annotation (a live event or a save; the same id never shows twice). */
	upsert(annotation: Annotation): void {
		this.items = [...this.items.filter((a) => a.id !== annotation.id), annotation];
	}

	/**
	 * Forget an annotation the page may no longer show (hidden from a student; deleted:
	 * dropDeleted). A reply being written to it is kept in `unsent`: true when one was.
	 */
	drop(id: string): boolean {
		const gone = [...this.items, ...this.orphans].find((a) => a.id === id);
		const kept = gone ? this.#keepReplyDraft(gone) : false;
		this.items = this.items.filter((a) => a.id !== id);
		this.orphans = this.orphans.filter((a) => a.id !== id);
		return kept;
	}

	/**
	 * Forget a deleted annotation and the acceptance it stood for: the server makes the suggestion
	 * it came from undecided in the same transaction, so this page offers Accept and Dismiss again.
	 * True when a reply being written to it was kept in `unsent`.
	 */
	dropDeleted(id: string): boolean {
		const kept = this.drop(id);
		this.decisions = this.decisions.filter((d) => d.annotationId !== id);
		return kept;
	}

	/** The reply being written to an annotation ('' when none). */
	replyDraft(annotationId: string): string {
		return this.replyDrafts[annotationId] ?? '';
	}

	/** Keep what is typed in an annotation's reply field (sent or emptied: forgotten). */
	setReplyDraft(annotationId: string, text: string): void {
		const { [annotationId]: _old, ...others } = this.replyDrafts;
		this.replyDrafts = text ? { ...others, [annotationId]: text } : others;
	}

	/**
	 * The page can no longer send anything (its room closed): the note in the dialog and every
	 * reply being written move to `unsent`, where the closed page shows them to copy.
	 */
	keepUnsent(): void {
		const draft = this.draft;
		if (draft?.note.trim() && draft.targets[0]) {
			const place = this.describeTarget(draft.targets[0]);
			const label = dialogLabel(draft.kind, draft.mode, place);
			this.unsent = [...this.unsent, { id: `dialog-${draft.id}`, label, text: draft.note }];
		}
		this.draft = null;
		this.pending = null;
		for (const a of [...this.items, ...this.orphans]) this.#keepReplyDraft(a);
	}

	/** Let a kept piece of writing go (copied, or no longer wanted). */
	dismissUnsent(id: string): void {
		this.unsent = this.unsent.filter((u) => u.id !== id);
	}

	/** Move the reply being written to a departing annotation into `unsent`; true when there was one. */
	#keepReplyDraft(a: Annotation): boolean {
		const text = this.replyDraft(a.id);
		this.setReplyDraft(a.id, '');
		if (!text.trim()) return false;
		const label = replyLabel({ kind: a.kind, authorName: a.author.name }, this.isMine(a.author));
		const id = `reply-${a.id}`;
		this.unsent = [...this.unsent.filter((u) => u.id !== id), { id, label, text }];
		return true;
	}

	/** Annotations that pass the filters (and, projected, the class's rule), in reading order. */
	get visible(): Annotation[] {
		const f = this.filters;
		const shown = this.shownOnly;
		return this.items
			.filter((a) => !shown || shown(a))
			.filter((a) => f.kinds[a.kind])
			.filter((a) => !f.frame || a.frame === f.frame || a.frame?.startsWith(`${f.frame}/`))
			.filter((a) => !f.author || a.author.name === f.author)
			.sort((x, y) => x.targets[0].start - y.targets[0].start);
	}

	/** For each side, the shared facts (annotations shown) with an end in each sentence, by sentence index. */
	readonly #factEnds = $derived.by(() => {
		// built whole on each change and never mutated afterwards: plain maps are enough
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const ends: Record<Side, Map<number, Annotation[]>> = { a: new Map(), b: new Map() };
		for (const annotation of this.visible) {
			if (annotation.kind !== 'shared-fact' || annotation.targets.length < 2) continue;
			for (const target of annotation.targets) {
				const index = this.sentenceAt(target);
				if (index === null) continue;
				ends[target.side].set(index, [...(ends[target.side].get(index) ?? []), annotation]);
			}
		}
		return ends;
	});

	/** The shown shared facts with an end in this sentence (their markers jump to the other end). */
	factsAt(side: Side, index: number): Annotation[] {
		return this.#factEnds[side].get(index) ?? [];
	}

	/** The index of the sentence where a target starts, or null. */
	sentenceAt(target: Pick<Target, 'side' | 'start'>): number | null {
		const sentence = this.articles[target.side].sentences.find(
			(s) => target.start >= s.start && target.start < s.end
		);
		return sentence ? sentence.index : null;
	}

	/** Fetch the reader's annotations (a reader without any simply gets an empty list). */
	async load(): Promise<void> {
		try {
			const listing = await this.client.list(this.comparisonId);
			const before = [...this.items, ...this.orphans];
			this.items = listing.annotations;
			this.hiddenIds = listing.hiddenIds ?? [];
			this.orphans = listing.orphans.map((o) => o.annotation);
			this.decisions = listing.decisions;
			this.stream = listing.stream ?? null;
			this.error = null;
			this.#keepDraftsOfUnlisted(before);
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
		} finally {
			this.loaded = true;
		}
	}

	/**
	 * After a reload (a phase change, a resync): a reply being written to an annotation no longer
	 * listed is kept in `unsent`, and the reader told, rather than lost with its thread.
	 */
	#keepDraftsOfUnlisted(before: readonly Annotation[]): void {
		const listed = idSet([...this.items, ...this.orphans].map((a) => a.id));
		const lost = before.filter((a) => !listed.has(a.id) && this.#keepReplyDraft(a));
		if (lost.length === 0) return;
		const told = goneNotice({
			reason: 'not-shown',
			kind: lost[0].kind,
			authorName: lost[0].author.name,
			own: this.isMine(lost[0].author),
			place: this.describeTarget(lost[0].targets[0]),
			keptReply: true
		});
		if (told) this.announcement = told;
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

	/**
	 * The selection narrowed to the argument's sentences (furniture — navigation, tags, credits —
	 * is never an end of a shared fact); null when nothing but furniture is selected.
	 */
	withoutFurniture(selection: TextSelection): TextSelection | null {
		const overlapping = this.articles[selection.side].sentences.filter(
			(s) => s.start < selection.end && s.end > selection.start
		);
		if (!overlapping.some((s) => s.furniture)) return selection;
		const kept = overlapping.filter((s) => !s.furniture);
		if (kept.length === 0) return null;
		return {
			...selection,
			start: Math.max(selection.start, kept[0].start),
			end: Math.min(selection.end, kept[kept.length - 1].end)
		};
	}

	/** What the toolbar's buttons and the S / F / N keys do with the current selection. */
	actOnSelection(kind: AnnotationKind): void {
		const selected = this.selection;
		if (!selected) return;
		if (this.readOnly) {
			this.announcement = LOCKED_ROOM;
			return;
		}
		const selection = kind === 'shared-fact' ? this.withoutFurniture(selected) : selected;
		if (!selection) {
			this.announcement =
				'Page furniture (navigation, tags, credits) cannot be part of a shared fact. Select a passage of the article.';
			return;
		}
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

	/** The dialog was closed without saving: forget the draft and say so. */
	cancelDraft(): void {
		const draft = this.draft;
		if (!draft) return;
		this.draft = null;
		this.fieldErrors = [];
		const what = { 'shared-fact': 'Shared fact', framing: 'Framing', note: 'Note' }[draft.kind];
		this.announcement =
			draft.mode === 'create' ? `${what} cancelled: nothing saved.` : `${what} not changed.`;
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
			this.error = LOCKED_ROOM;
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
			this.dropDeleted(annotation.id);
			this.announcement = 'Annotation deleted.';
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
		}
	}

	/** Reply to an annotation; true when the server accepted it. */
	async addReply(annotationId: string, note: string): Promise<boolean> {
		try {
			this.putReply(await this.client.reply({ id: crypto.randomUUID(), annotationId, note }));
			this.setReplyDraft(annotationId, '');
			this.announcement = 'Reply posted.';
			return true;
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
			return false;
		}
	}

	/** Change the note of one of the reader's replies: null when saved, else what to show. */
	async editReply(id: string, note: string): Promise<ReplyProblem | null> {
		if (!note.trim()) return EMPTY_REPLY;
		if (this.readOnly) return { message: LOCKED_ROOM, fields: [] };
		try {
			this.putReply(await this.client.updateReply(id, note));
			this.announcement = 'Reply updated.';
			return null;
		} catch (e) {
			return problemOf(e);
		}
	}

	/** Delete one of the reader's replies: null when it is gone, else what to show. */
	async deleteReply(id: string): Promise<ReplyProblem | null> {
		if (this.readOnly) return { message: LOCKED_ROOM, fields: [] };
		try {
			await this.client.removeReply(id);
			const thread = [...this.items, ...this.orphans].find((a) =>
				a.replies.some((r) => r.id === id)
			);
			if (thread) this.dropReply(thread.id, id);
			this.announcement = 'Reply deleted.';
			return null;
		} catch (e) {
			return problemOf(e);
		}
	}

	/** Put a new or changed reply in its annotation's thread (a changed one keeps its place). */
	putReply(reply: Reply): void {
		this.#changeThread(reply.annotationId, (replies) => withReply(replies, reply));
	}

	/** Take a reply out of its annotation's thread (deleted here or by the live stream). */
	dropReply(annotationId: string, id: string): void {
		this.#changeThread(annotationId, (replies) => replies.filter((r) => r.id !== id));
	}

	#changeThread(annotationId: string, change: (replies: Reply[]) => Reply[]): void {
		const apply = (a: Annotation) =>
			a.id === annotationId ? { ...a, replies: change(a.replies) } : a;
		this.items = this.items.map(apply);
		if (this.orphans.some((a) => a.id === annotationId)) this.orphans = this.orphans.map(apply);
	}

	/** the last Accept or Dismiss, while it can still be undone (the toast offers Undo) */
	lastDecision = $state<{
		suggestionId: string;
		decision: 'accepted' | 'dismissed';
		annotationId: string | null;
		/** how the suggestion is named to the reader ("suggestion 2") */
		label: string;
	} | null>(null);

	/** Accept (it becomes an annotation) or dismiss an engine suggestion; true when it was taken. */
	async decide(
		suggestionId: string,
		decision: 'accepted' | 'dismissed',
		label = 'Suggestion'
	): Promise<boolean> {
		try {
			const { annotation } = await this.client.decide(this.comparisonId, suggestionId, decision);
			if (annotation)
				this.items = [...this.items.filter((a) => a.id !== annotation.id), annotation];
			const annotationId = annotation?.id ?? null;
			this.decisions = [
				...this.decisions.filter((d) => d.suggestionId !== suggestionId),
				{ suggestionId, decision, annotationId }
			];
			this.lastDecision = { suggestionId, decision, annotationId, label };
			this.announcement =
				decision === 'accepted'
					? `${label} accepted as a shared fact. Undo is available.`
					: `${label} dismissed. Undo is available.`;
			return true;
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
			return false;
		}
	}

	/**
	 * Undo the last Accept (its shared fact is deleted) or Dismiss (the dismissal is taken back):
	 * the suggestion is open again. True when the server agreed.
	 */
	async undoDecision(): Promise<boolean> {
		const last = this.lastDecision;
		if (!last) return false;
		try {
			if (last.decision === 'accepted' && last.annotationId) {
				await this.client.remove(last.annotationId);
				this.dropDeleted(last.annotationId);
			} else await this.client.withdraw(this.comparisonId, last.suggestionId);
			this.decisions = this.decisions.filter((d) => d.suggestionId !== last.suggestionId);
			this.lastDecision = null;
			this.announcement = `${last.decision === 'accepted' ? 'Acceptance' : 'Dismissal'} undone: ${last.label.toLowerCase()} is open again.`;
			return true;
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
			return false;
		}
	}

	/** The suggestions decided on (accepted or dismissed): the text no longer marks them as suggestions. */
	readonly #decided = $derived(idSet(this.decisions.map((d) => d.suggestionId)));

	/** Ids of the suggestions accepted or dismissed here (an accepted one is the reader's own now). */
	get decided(): ReadonlySet<string> {
		return this.#decided;
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

/** Context pair for the annotation state of a comparison page. */
export const [getAnnotations, setAnnotations] = createContext<AnnotationsState>();
