/**
 * What a shared-fact card shows on each wing: the frame a side gives the fact (its strongest
 * suggestion) with the cue words that triggered it, so the suggestion explains itself.
 */
import { FRAMES } from '$lib/domain/framing/frame-list';
import type { SentenceFrame } from '$lib/domain/framing/frames';

/** One side's frame of a shared fact, ready to print. */
interface FrameWing {
	label: string;
	/** distinct cue lemmas in text order, at most `maxCues` */
	cues: string[];
}

const LABELS = new Map(FRAMES.map((f) => [f.code, f.label]));

/**
 * The strongest frame of one side of a shared fact, or null when no cue fired there.
 * @example frameWing([{ code: 1, score: 2, cues: [{ lemma: 'cost', span }] }]) // { label: 'Economic', cues: ['cost'] }
 */
export function frameWing(frames: readonly SentenceFrame[], maxCues = 4): FrameWing | null {
	const [top] = frames;
	if (!top) return null;
	const cues = [...new Set(top.cues.map((c) => c.lemma))].slice(0, maxCues);
	return { label: LABELS.get(top.code) ?? `Frame ${top.code}`, cues };
}
