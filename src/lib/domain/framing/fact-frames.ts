/**
 * Frames per aligned pair: "the fact in the middle, two framings on the wings". For every shared
 * fact (or same-subject pair), the frames each article's passage is suggested, with the cue words
 * that triggered them, and the frame profile of the passages the two articles share. Types only
 * from the frame suggester, so the reading view can import this without the cue lexicon.
 */
import type { Span } from '../types';
import type { ArticleFrames, FrameProfileEntry, SentenceFrame } from './frames';

/** One end of an aligned pair: a sentence, optionally narrowed to a passage. */
interface PairEnd {
	sentence: number;
	start?: number;
	end?: number;
}

/** Frames of both ends of one aligned pair, best first (empty when no cue fires). */
export interface PairFrames {
	/** the pair's id (`a12-b7`) */
	id: string;
	/** the two sentences, so a sentence aligned twice counts once in a profile */
	sentences: { a: number; b: number };
	a: SentenceFrame[];
	b: SentenceFrame[];
}

/** The frames of one passage: its sentence's frames with the cues inside the passage. */
function passageFrames(frames: ArticleFrames, end: PairEnd): SentenceFrame[] {
	const entry = frames.sentences.find((s) => s.sentence === end.sentence);
	if (!entry) return [];
	const inside = (span: Span) =>
		span.start >= (end.start ?? -Infinity) && span.end <= (end.end ?? Infinity);
	// a frame whose every cue lies outside the passage says nothing about it
	return entry.frames
		.map((f) => ({ ...f, cues: f.cues.filter((c) => inside(c.span)) }))
		.filter((f) => f.cues.length > 0);
}

/**
 * The frames each side gives each aligned pair, in the pairs' order.
 * @example framesOfPairs({ a: framesA, b: framesB }, facts)[0] // { id: 'a12-b7', a: [{ code: 8, … }], b: [{ code: 1, … }] }
 */
export function framesOfPairs(
	frames: { a: ArticleFrames; b: ArticleFrames },
	pairs: readonly { id: string; a: PairEnd; b: PairEnd }[]
): PairFrames[] {
	return pairs.map((p) => ({
		id: p.id,
		sentences: { a: p.a.sentence, b: p.b.sentence },
		a: passageFrames(frames.a, p.a),
		b: passageFrames(frames.b, p.b)
	}));
}

/**
 * One side's frame profile over the passages it shares with the other article only: per frame,
 * the share of that side's distinct aligned sentences suggesting it (all 15 frames, code order).
 * @example sharedFrameProfile(analysis.factFrames, 'a').find((e) => e.code === 8)?.share // 0.5
 */
export function sharedFrameProfile(
	pairFrames: readonly PairFrames[],
	side: 'a' | 'b'
): FrameProfileEntry[] {
	const profile: FrameProfileEntry[] = Array.from({ length: 15 }, (_, k) => ({
		code: k + 1,
		score: 0,
		share: 0,
		sentences: 0
	}));
	// a passage aligned twice (one sentence of A matching two of B) counts once
	const seen = new Set<number>();
	for (const pair of pairFrames) {
		if (seen.has(pair.sentences[side])) continue;
		seen.add(pair.sentences[side]);
		for (const f of pair[side]) {
			const entry = profile[f.code - 1];
			if (!entry) continue;
			entry.score += f.score;
			entry.sentences++;
		}
	}
	for (const e of profile) e.share = seen.size ? e.sentences / seen.size : 0;
	return profile;
}
