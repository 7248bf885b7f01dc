/**
 * Which of the machine's suggestions a class sees, by the teacher's choice and the phase. The
 * lesson asks students to find shared facts and framings themselves; a suggestion shown while
 * they work alone hands them the answer. The server applies this to everything it sends a
 * student (page data, API, live stream); presentation mode applies it to the projector.
 */
import type { Analysis } from '../analysis';
import type { ArticleFrames } from '../framing/frames';

/** The teacher's choice: never, always, or once the class's work is revealed. */
export type SuggestionMode = 'off' | 'on' | 'after-reveal';

/** Every choice, in the order the teacher is offered them. */
export const SUGGESTION_MODES: readonly SuggestionMode[] = ['off', 'after-reveal', 'on'];

/** A room's phase (the same names as the live events'). */
type Phase = 'individual' | 'reveal' | 'discuss';

/** True when a student (or the projector) may see the machine's suggestions now. */
export function suggestionsVisible(mode: SuggestionMode, phase: Phase): boolean {
	if (mode === 'on') return true;
	if (mode === 'off') return false;
	return phase !== 'individual';
}

/** Why the suggestions are not shown, in the students' words. */
export function hiddenReason(mode: SuggestionMode): string {
	return mode === 'off'
		? 'The teacher has turned the machine’s suggestions off for this room.'
		: 'The machine’s suggestions are hidden while you work alone: they appear after the teacher reveals the class’s work.';
}

/** A frame profile with nothing suggested (the 15 frames kept, so charts keep their axes). */
function emptyFrames(frames: ArticleFrames): ArticleFrames {
	return {
		sentences: [],
		profile: frames.profile.map((p) => ({ ...p, score: 0, share: 0, sentences: 0 }))
	};
}

/**
 * The analysis with every machine answer taken out: suggested shared facts and same-subject
 * contrasts, one-sided claims, frames per sentence and per fact, word-choice contrasts and loaded
 * wording, and the shared-fact counts inside themes. Distinctive terms and the themes' word
 * groups stay: they count words, they claim nothing about a passage.
 */
export function withholdSuggestions(analysis: Analysis): Analysis {
	return {
		engineVersion: analysis.engineVersion,
		sharedFacts: [],
		contrasts: [],
		oneSided: { a: [], b: [] },
		terms: analysis.terms,
		themes: analysis.themes.map((t) => ({ ...t, overlap: 0, sharedFacts: [] })),
		frames: { a: emptyFrames(analysis.frames.a), b: emptyFrames(analysis.frames.b) },
		factFrames: [],
		wordChoices: [],
		loadedLanguage: { a: [], b: [] }
	};
}
