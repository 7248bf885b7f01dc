import { createContext, untrack } from 'svelte';
import type { Analysis } from '$lib/domain/analysis';
import type { SharedFact } from '$lib/domain/alignment/types';
import type { LoadedSpan } from '$lib/domain/framing/loaded-language';
import { applyThemeEdits } from '$lib/domain/framing/theme-edits';
import type { Theme } from '$lib/domain/framing/theme-measure';
import type { SegmentedArticle, Side, Span } from '$lib/domain/types';
import {
	buildOneSidedSets,
	buildSentenceLinks,
	frameSentences,
	idSet,
	indexById,
	otherSide
} from '$lib/reading/links';
import { markerDomId, sentenceDomId } from '$lib/reading/view';
import type { ThemeEditsState } from './theme-edits.svelte';

/** A sentence of one article: the unit the reading view points at. */
interface SentenceRef {
	side: Side;
	index: number;
}

/** A word choice picked in the list: its key, every use per side, and what to announce. */
export interface PickedWording {
	key: string;
	spans: Record<Side, Span[]>;
	/** the sentence of the first use per side (-1: not in the text), scrolled to */
	sentences: Record<Side, number>;
	/** said to screen readers when it is highlighted */
	label: string;
}

/** Per-page reading state: the column shown on narrow screens, hover, selection and filters. */
export class ComparisonState {
	/** the column shown when only one fits (narrow screens) */
	activeSide = $state<Side>('a');
	/** the sentence under the pointer or keyboard focus */
	hovered = $state<SentenceRef | null>(null);
	/** the shared fact picked in the list or the text: both ends are lit and scrolled to */
	selectedFact = $state<string | null>(null);
	/** the distinctive term whose occurrences are highlighted in both columns */
	selectedTerm = $state<string | null>(null);
	/** the word choice picked in its list: its uses are highlighted in both columns */
	pickedWording = $state.raw<PickedWording | null>(null);
	/** where the theme edits come from, and the articles edited themes are measured on */
	#themeSource = $state.raw<{
		edits: ThemeEditsState;
		articles: Record<Side, SegmentedArticle>;
	} | null>(null);
	/** the themes shown: the engine's, with the edits (rename, merge, split, add) replayed */
	readonly #themes = $derived.by((): Theme[] => {
		const source = this.#themeSource;
		const edits = source?.edits.edits ?? [];
		if (!source || edits.length === 0) return this.analysis.themes;
		const { a, b } = source.articles;
		return applyThemeEdits(this.analysis.themes, edits, a, b, this.analysis.sharedFacts);
	});
	/** the theme whose passages are highlighted in both columns (others dimmed) */
	selectedTheme = $state<string | null>(null);
	/** the frame (code) whose suggested passages are highlighted in both columns */
	selectedFrame = $state<number | null>(null);
	/** one-sided claims are marked in the text only while the reader looks at them (else: noise) */
	markOneSided = $state(false);
	/** whether the engine's suggestions (links, one-sided marks) are shown */
	showSuggestions = $state(true);
	/** whether loaded wording (evaluative words, labels, scare quotes) is marked in the text */
	showLoaded = $state(true);
	/** whether the engine's word choices (contrasts, shared wording) are marked in the text */
	showWording = $state(true);
	/** aligned reading: scrolling one column moves the other to the linked counterpart */
	aligned = $state(false);
	/** the analysis drawer (narrower screens): open over the text, or closed */
	panelOpen = $state(false);
	/**
	 * the engine's output for this comparison (a class page swaps it when the teacher's choice
	 * reveals or hides the suggestions; everything built from it follows)
	 */
	analysis = $state.raw<Analysis>() as Analysis;
	/** whether the analysis carries the panel's parts (terms, themes, frames) or they are still to come */
	detailsReady = $state(true);
	/** whether fetching the panel's parts failed (they are asked for again when the panel reopens) */
	detailsFailed = $state(false);
	/** a class: why the machine's suggestions are withheld from this view (null when shown) */
	hiddenReason = $state<string | null>(null);
	/** the scrolling column elements, registered by the panes (ribbons measure them) */
	panes = $state<Record<Side, HTMLElement | null>>({ a: null, b: null });

	/** Links and one-sided marks, indexed once per analysis. */
	readonly #links = $derived(buildSentenceLinks(this.analysis.sharedFacts));
	readonly #oneSided = $derived(buildOneSidedSets(this.analysis.oneSided));
	// contrasts are shown and jumped to like facts, but never linked as facts in the text
	readonly #factsById = $derived(
		indexById([...this.analysis.sharedFacts, ...this.analysis.contrasts])
	);

	constructor(analysis: Analysis) {
		this.analysis = analysis;
	}

	/** The shared facts each sentence is an end of, per side. */
	get links() {
		return this.#links;
	}

	/** The sentences of each side with no counterpart in the other. */
	get oneSided() {
		return this.#oneSided;
	}

	/** Suggested shared facts and same-subject contrasts by id. */
	get factsById(): ReadonlyMap<string, SharedFact> {
		return this.#factsById;
	}

	/** The themes shown: the engine's, with the page's theme edits replayed over them. */
	get themes(): Theme[] {
		return this.#themes;
	}

	/**
	 * Replay a list of theme edits (the reader's, or a room's, kept up to date by the live stream)
	 * over the engine's themes from now on. Calling it again with the same list does nothing.
	 */
	useThemeEdits(edits: ThemeEditsState, articles: Record<Side, SegmentedArticle>): void {
		if (this.#themeSource?.edits === edits) return;
		this.#themeSource = { edits, articles };
	}

	/** Show the other article on a narrow screen. */
	show(side: Side): void {
		this.activeSide = side;
	}

	/** Shared facts lit right now: the selected one, or those of the hovered sentence. */
	get litFacts(): ReadonlySet<string> {
		const h = this.hovered;
		const hovered = h ? (this.links[h.side].get(h.index) ?? []) : [];
		return idSet(this.selectedFact ? [this.selectedFact, ...hovered] : hovered);
	}

	/** Whether a sentence is an end of a lit shared fact. */
	isLit(side: Side, index: number): boolean {
		const ids = this.links[side].get(index);
		if (!ids || !this.showSuggestions) return false;
		const lit = this.litFacts;
		return ids.some((id) => lit.has(id));
	}

	/** Select a shared fact and bring its end in `to` into view (the other end stays where it is). */
	jumpTo(factId: string, to: Side, focus = true): void {
		const fact = this.factsById.get(factId);
		if (!fact) return;
		this.selectedFact = factId;
		this.scrollToSentence(to, fact[to].sentence, focus);
	}

	/** Select a shared fact and scroll both columns to it. */
	showFact(factId: string): void {
		const fact = this.factsById.get(factId);
		if (!fact) return;
		this.selectedFact = factId;
		this.showPassages([
			{ side: 'a', index: fact.a.sentence },
			{ side: 'b', index: fact.b.sentence }
		]);
	}

	/**
	 * Scroll each column to its passage; a drawer over the text closes so the passages can be
	 * seen, and keyboard focus goes to the first passage's column instead of staying in it.
	 */
	showPassages(refs: SentenceRef[]): void {
		const closing = this.panelOpen;
		this.panelOpen = false;
		for (const ref of refs) this.scrollToSentence(ref.side, ref.index, false);
		if (closing && refs.length)
			requestAnimationFrame(() => this.panes[this.activeSide]?.focus({ preventScroll: true }));
	}

	/**
	 * Scroll a column so the sentence sits in its upper third. On narrow screens, where one column
	 * shows at a time, switch to it unless `stay` is set (then a hidden column is left alone).
	 */
	scrollToSentence(side: Side, index: number, focus: boolean, stay = false): void {
		const el = document.getElementById(sentenceDomId(side, index));
		const pane = this.panes[side];
		if (!el || !pane) return;
		// one column at a time (the ArticlePane's narrow layout): the other is not displayed
		const narrow = matchMedia('(max-width: 799.98px)').matches;
		if (narrow && stay && untrack(() => this.activeSide) !== side) return;
		if (narrow) this.activeSide = side;
		const behavior: ScrollBehavior = matchMedia('(prefers-reduced-motion: reduce)').matches
			? 'auto'
			: 'smooth';
		// wait a frame: on narrow screens the column has just become visible
		requestAnimationFrame(() => {
			if (narrow) el.scrollIntoView({ block: 'center', behavior });
			else {
				const top = el.getBoundingClientRect().top - pane.getBoundingClientRect().top;
				pane.scrollTo({ top: pane.scrollTop + top - pane.clientHeight / 3, behavior });
			}
			// keyboard users land on the counterpart's marker, from where they can jump back
			if (focus) document.getElementById(markerDomId(side, index))?.focus({ preventScroll: true });
		});
	}

	/** Sentences in focus per side (a picked theme or frame), or null when nothing narrows the view. */
	get focusSentences(): Record<Side, ReadonlySet<number>> | null {
		if (this.selectedTheme) {
			const theme = this.themes.find((t) => t.id === this.selectedTheme);
			if (theme) return { a: idSet(theme.sentencesA), b: idSet(theme.sentencesB) };
		}
		if (this.selectedFrame !== null)
			return frameSentences(this.analysis.frames, this.selectedFrame);
		return null;
	}

	/** Pick a theme (or clear it) and bring its first passage in each column into view. */
	toggleTheme(id: string): void {
		this.selectedFrame = null;
		this.selectedTheme = this.selectedTheme === id ? null : id;
		this.revealFocus();
	}

	/** Pick a frame (or clear it) and bring its first passage in each column into view. */
	toggleFrame(code: number): void {
		this.selectedTheme = null;
		this.selectedFrame = this.selectedFrame === code ? null : code;
		this.revealFocus();
	}

	/** Scroll each column to its first sentence in focus. */
	private revealFocus(): void {
		const focus = this.focusSentences;
		if (!focus) return;
		for (const side of ['a', 'b'] as const) {
			const first = Math.min(...focus[side]);
			if (Number.isFinite(first)) this.scrollToSentence(side, first, false, true);
		}
	}

	/** Highlight a term's occurrences, or clear them when it is already highlighted. */
	toggleTerm(lemma: string): void {
		this.selectedTerm = this.selectedTerm === lemma ? null : lemma;
	}

	/**
	 * Pick a word choice (or clear it when it is already picked): both wordings are highlighted
	 * and each column scrolls to its first use.
	 */
	pickWording(picked: PickedWording): void {
		if (this.pickedWording?.key === picked.key) {
			this.pickedWording = null;
			return;
		}
		this.pickedWording = picked;
		// A last: where one column shows at a time, A's wording is the one seen first
		const refs = (['b', 'a'] as const)
			.filter((side) => picked.sentences[side] >= 0)
			.map((side) => ({ side, index: picked.sentences[side] }));
		this.showPassages(refs);
	}

	/** Occurrences of the highlighted term in each article (empty when none is picked). */
	get termOccurrences(): Record<Side, { start: number; end: number }[]> {
		const lemma = this.selectedTerm;
		const term = lemma
			? (this.analysis.terms.a.find((t) => t.lemma === lemma) ??
				this.analysis.terms.b.find((t) => t.lemma === lemma))
			: undefined;
		return term ? term.occurrences : { a: [], b: [] };
	}

	/** Loaded wording of each article (none from an analysis cached before the layer existed). */
	get loaded(): Record<Side, LoadedSpan[]> {
		return this.analysis.loadedLanguage ?? { a: [], b: [] };
	}

	/** Loaded wording inside one sentence, for its tooltip. */
	loadedIn(side: Side, start: number, end: number): LoadedSpan[] {
		if (!this.showLoaded) return [];
		return this.loaded[side].filter((s) => s.start >= start && s.start < end);
	}

	/** The side a marker in `side` jumps to. */
	counterpart(side: Side): Side {
		return otherSide(side);
	}
}

/** Context pair for the reading state: set once per comparison page, read by its components. */
export const [getComparisonState, setComparisonState] = createContext<ComparisonState>();
