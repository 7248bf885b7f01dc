/**
 * Frame suggestions: the Policy Frames Codebook's 15 dimensions (Boydstun et al. 2014; codes as
 * in the Media Frames Corpus `codes.json`), suggested per sentence from cue words. Every
 * suggestion carries the cues that triggered it: an explanation a class can argue with, never a
 * black-box label.
 */
import type { SegmentedArticle, Span, Token } from '../types';
import { bodySentenceTokens } from './content-tokens';
import { compileCues, matchCues, type CompiledCues } from './frame-match';

// The frame list lives apart from the cue matching so the browser can import it alone.
import { FRAMES } from './frame-list';
export { FRAMES, type Frame } from './frame-list';

/** A frame suggested for one sentence, with its evidence. */
export interface SentenceFrame {
	code: number;
	/** sum of the weights of the distinct cues found (strong 2, typical 1, weak 0.5) */
	score: number;
	/** every cue occurrence that contributed, with its span in the normalised text */
	cues: { lemma: string; span: Span }[];
}

/** One frame's weight in a whole article. */
export interface FrameProfileEntry {
	code: number;
	/** sum of this frame's sentence scores */
	score: number;
	/** share of the article's counted body sentences suggesting this frame (0–1) */
	share: number;
	/** number of counted body sentences suggesting this frame */
	sentences: number;
}

/** Per-sentence suggestions (only sentences with at least one frame) and the article's profile. */
export interface ArticleFrames {
	sentences: { sentence: number; frames: SentenceFrame[] }[];
	/** all 15 frames in code order */
	profile: FrameProfileEntry[];
}

/** Tuning of `suggestFrames`. */
interface FrameOptions {
	/** a frame is suggested from this score on: one typical cue, or two weak ones */
	threshold?: number;
	/** frames kept per sentence: beyond three a sentence's label stops explaining it */
	maxPerSentence?: number;
	/** cue lexicon, compiled; default: `FRAME_CUES` */
	cues?: CompiledCues;
}

let defaultCues: CompiledCues | undefined;

/**
 * The frames one sentence's tokens suggest, strongest first: each frame's distinct cues summed,
 * kept from the threshold on, at most `maxPerSentence`.
 * @example framesOfTokens(tokenize('Troops crossed the front line.'))[0].code // 8
 */
export function framesOfTokens(tokens: readonly Token[], opts: FrameOptions = {}): SentenceFrame[] {
	const threshold = opts.threshold ?? 1;
	const maxPerSentence = opts.maxPerSentence ?? 3;
	const cues = opts.cues ?? (defaultCues ??= compileCues());
	const byFrame = new Map<number, { weights: Map<string, number>; cues: SentenceFrame['cues'] }>();
	for (const hit of matchCues(tokens, cues)) {
		let entry = byFrame.get(hit.code);
		if (!entry) {
			entry = { weights: new Map(), cues: [] };
			byFrame.set(hit.code, entry);
		}
		// a cue repeated in one sentence is one piece of evidence, not two
		entry.weights.set(hit.lemma, Math.max(entry.weights.get(hit.lemma) ?? 0, hit.weight));
		entry.cues.push({ lemma: hit.lemma, span: hit.span });
	}
	const frames: SentenceFrame[] = [];
	for (const [code, entry] of byFrame) {
		const score = [...entry.weights.values()].reduce((x, y) => x + y, 0);
		if (score >= threshold) {
			entry.cues.sort((x, y) => x.span.start - y.span.start || x.span.end - y.span.end);
			frames.push({ code, score, cues: entry.cues });
		}
	}
	frames.sort((x, y) => y.score - x.score || x.code - y.code);
	frames.length = Math.min(frames.length, maxPerSentence);
	return frames;
}

/**
 * Suggests 0–3 frames per body sentence from its cue words, and the article's frame profile.
 * Furniture is skipped; a verbatim repeated sentence is listed but not counted in the profile.
 * @example suggestFrames(article).sentences[0] // { sentence: 4, frames: [{ code: 8, score: 3, cues: [{ lemma: 'draft', span }, …] }] }
 */
export function suggestFrames(article: SegmentedArticle, opts: FrameOptions = {}): ArticleFrames {
	const threshold = opts.threshold ?? 1;
	const maxPerSentence = opts.maxPerSentence ?? 3;
	const cues = opts.cues ?? (defaultCues ??= compileCues());
	const profile = FRAMES.map((f) => ({ code: f.code, score: 0, share: 0, sentences: 0 }));
	const sentences: ArticleFrames['sentences'] = [];
	let counted = 0;
	for (const s of bodySentenceTokens(article)) {
		if (!s.repeat) counted++;
		const frames = framesOfTokens(s.tokens, { threshold, maxPerSentence, cues });
		if (frames.length === 0) continue;
		sentences.push({ sentence: s.sentence, frames });
		if (s.repeat) continue;
		for (const f of frames) {
			profile[f.code - 1].score += f.score;
			profile[f.code - 1].sentences++;
		}
	}
	for (const p of profile) p.share = counted ? p.sentences / counted : 0;
	return { sentences, profile };
}
