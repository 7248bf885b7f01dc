import { untrack } from 'svelte';
import type { Analysis } from '$lib/domain/analysis';
import { hiddenReason, withholdSuggestions } from '$lib/domain/classroom/suggestion-visibility';
import { call } from '$lib/reading/api';
import type { LiveClassroom } from '$lib/state/live-classroom.svelte';

/** What a class page starts with: the analysis the server let it have. */
interface ClassAnalysisInit {
	roomId: string;
	/** whole for the teacher; for a student, without suggestions while they are hidden */
	analysis: Analysis;
	/** whether `analysis` carries the suggestions */
	shown: boolean;
	teacher: boolean;
	/** why another class of this browser holds the suggestions back here for now, or null */
	held: string | null;
}

/** What the reading view is given: the analysis to show, and why suggestions are missing. */
interface AnalysisView {
	analysis: Analysis;
	hiddenReason: string | null;
}

/** One withheld copy per analysis, so the reading view is rebuilt only when it really changes. */
const withheldCopies = new WeakMap<Analysis, Analysis>();
function withheld(analysis: Analysis): Analysis {
	let copy = withheldCopies.get(analysis);
	if (!copy) withheldCopies.set(analysis, (copy = withholdSuggestions(analysis)));
	return copy;
}

/**
 * A class page's analysis as the teacher's choice allows: a student's page fetches the
 * suggestions from the server once they may be seen (the server never sends them before) and
 * lets them go when they are hidden again; the teacher's presentation mode shows the class only
 * what the students see.
 */
export class ClassAnalysis {
	#analysis = $state.raw<Analysis>() as Analysis;
	#shown = $state(false);
	#asked = 0;
	readonly #init: ClassAnalysisInit;

	constructor(
		init: ClassAnalysisInit,
		readonly live: LiveClassroom
	) {
		this.#init = init;
		this.#analysis = init.analysis;
		this.#shown = init.shown;
	}

	/** Keep a student's analysis in step with the phase and the teacher's choice (an effect). */
	follow(): void {
		if (this.#init.teacher || this.#init.held) return;
		const want = this.live.classSeesSuggestions;
		if (want === untrack(() => this.#shown)) return;
		const asked = ++this.#asked;
		if (!want) {
			this.#analysis = withheld(untrack(() => this.#analysis));
			this.#shown = false;
			return;
		}
		// the class's work first (the phase change reloads it), then the machine's suggestions
		this.live.reloading
			.then(() =>
				call<{ suggestions: 'shown' | 'hidden'; analysis: Analysis }>(
					'GET',
					`/api/rooms/${this.#init.roomId}/analysis`
				)
			)
			.then((answer) => {
				if (asked !== this.#asked) return; // a later change decided already
				this.#analysis = answer.analysis;
				this.#shown = answer.suggestions === 'shown';
			})
			.catch(() => {
				// offline: the stream's next phase event or a reload asks again
			});
	}

	/** The analysis for the reading view, or for the projector while presenting. */
	forView(presenting: boolean): AnalysisView {
		if (this.#init.held)
			return { analysis: withheld(this.#analysis), hiddenReason: this.#init.held };
		const reason = hiddenReason(this.live.suggestions);
		if (this.#init.teacher)
			return presenting && !this.live.classSeesSuggestions
				? { analysis: withheld(this.#analysis), hiddenReason: reason }
				: { analysis: this.#analysis, hiddenReason: null };
		return { analysis: this.#analysis, hiddenReason: this.#shown ? null : reason };
	}
}
