/**
 * Frame suggestions: the Policy Frames Codebook's 15 dimensions (Boydstun et al. 2014; codes as
 * in the Media Frames Corpus `codes.json`), suggested per sentence from cue words. Every
 * suggestion carries the cues that triggered it: an explanation a class can argue with, never a
 * black-box label.
 */
import type { SegmentedArticle, Span } from '../types';
import { bodySentenceTokens } from './content-tokens';
import { compileCues, matchCues, type CompiledCues } from './frame-match';

/** One dimension of the Policy Frames Codebook. */
export interface Frame {
	/** Media Frames Corpus code: 1 Economic … 15 Other */
	code: number;
	/** stable kebab-case slug for URLs and filters */
	id: string;
	label: string;
	/** one-line gloss of the codebook's description, for tooltips */
	description: string;
}

/** The 15 dimensions in code order (labels exactly as in the codebook). */
export const FRAMES: readonly Frame[] = [
	{
		code: 1,
		id: 'economic',
		label: 'Economic',
		description: 'Costs, benefits, money and the economy.'
	},
	{
		code: 2,
		id: 'capacity-and-resources',
		label: 'Capacity and resources',
		description: 'Whether there is enough time, staff, money or room to carry a policy out.'
	},
	{
		code: 3,
		id: 'morality',
		label: 'Morality',
		description: 'Ethics, religion, duty, right and wrong.'
	},
	{
		code: 4,
		id: 'fairness-and-equality',
		label: 'Fairness and equality',
		description:
			'Whether laws and resources treat people and groups equally; rights of one group against another.'
	},
	{
		code: 5,
		id: 'legality-constitutionality-and-jurisprudence',
		label: 'Legality, constitutionality and jurisprudence',
		description: 'Laws, courts, legal status and rights, and what they permit or forbid.'
	},
	{
		code: 6,
		id: 'policy-prescription-and-evaluation',
		label: 'Policy prescription and evaluation',
		description: 'Policies proposed to solve a problem, and whether policies work.'
	},
	{
		code: 7,
		id: 'crime-and-punishment',
		label: 'Crime and punishment',
		description: 'Breaking rules, enforcement, detention and punishment.'
	},
	{
		code: 8,
		id: 'security-and-defense',
		label: 'Security and defense',
		description:
			'Threats to a person, group or nation, war and the military, and protection from them.'
	},
	{
		code: 9,
		id: 'health-and-safety',
		label: 'Health and safety',
		description: 'Health, illness, injury, death and physical safety.'
	},
	{
		code: 10,
		id: 'quality-of-life',
		label: 'Quality of life',
		description: 'Effects on people’s daily lives, families, homes, opportunities and wellbeing.'
	},
	{
		code: 11,
		id: 'cultural-identity',
		label: 'Cultural identity',
		description: 'Culture, traditions, values and the identity of a group.'
	},
	{
		code: 12,
		id: 'public-opinion',
		label: 'Public opinion',
		description: 'What the public thinks: polls, protests, attention and attitudes.'
	},
	{
		code: 13,
		id: 'political',
		label: 'Political',
		description: 'Parties, politicians, elections, and political manoeuvring around the issue.'
	},
	{
		code: 14,
		id: 'external-regulation-and-reputation',
		label: 'External regulation and reputation',
		description:
			'Relations between nations or groups, international bodies, and a nation’s reputation.'
	},
	{
		code: 15,
		id: 'other',
		label: 'Other',
		description: 'Any other frame (never suggested automatically: it has no cues).'
	}
];

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
export interface FrameOptions {
	/** a frame is suggested from this score on: one typical cue, or two weak ones */
	threshold?: number;
	/** frames kept per sentence: beyond three a sentence's label stops explaining it */
	maxPerSentence?: number;
	/** cue lexicon, compiled; default: `FRAME_CUES` */
	cues?: CompiledCues;
}

let defaultCues: CompiledCues | undefined;

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
		const byFrame = new Map<
			number,
			{ weights: Map<string, number>; cues: SentenceFrame['cues'] }
		>();
		for (const hit of matchCues(s.tokens, cues)) {
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
