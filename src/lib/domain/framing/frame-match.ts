/**
 * Finds frame cues in a sentence's tokens: phrases first (they take their words, so "credible
 * fear" is a legal cue and not also an emotional one), then single lemmas, then the parts of
 * hyphenated words ("proxy-war" -> "war").
 */
import { lemmatize, tokenize } from '../text/tokens';
import type { Span, Token } from '../types';
import { CUE_WEIGHTS, FRAME_CUES, NEUTRAL_PHRASES } from './frame-cues';

/** One compiled cue: a lemma sequence that suggests a frame (code 0: neutral) with a weight. */
interface Cue {
	code: number;
	lemmas: string[];
	weight: number;
	/** the cue as written in the lexicon, lower-cased ("working class", not "work class") */
	label: string;
}

/** A cue found in a sentence: its frame, its lemma (phrases joined by spaces) and where it is. */
interface CueHit {
	code: number;
	lemma: string;
	weight: number;
	span: Span;
}

/** Lexicon compiled for lookup: single lemmas and phrases keyed by their first lemma. */
export interface CompiledCues {
	single: ReadonlyMap<string, Cue[]>;
	phrases: ReadonlyMap<string, Cue[]>;
}

/** Adds a value to a map of lists. */
function push<T>(map: Map<string, T[]>, key: string, value: T): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

/**
 * Lemmatises every cue of a lexicon with the same lemmatiser the articles go through.
 * @example compileCues({ 8: { strong: 'war', typical: '', weak: '' } }).single.get('war') // [{ code: 8, … }]
 */
export function compileCues(
	lexicon: typeof FRAME_CUES = FRAME_CUES,
	neutral: string = NEUTRAL_PHRASES
): CompiledCues {
	const single = new Map<string, Cue[]>();
	const phrases = new Map<string, Cue[]>();
	const add = (code: number, entry: string, weight: number) => {
		const label = entry.trim().toLowerCase().replace(/\s+/g, ' ');
		const lemmas = tokenize(label)
			.filter((t) => t.kind === 'word')
			.map((t) => t.lemma);
		if (lemmas.length === 0) return;
		// a cue listed twice for one frame keeps its first (strongest) tier
		const target = lemmas.length === 1 ? single : phrases;
		const key = lemmas.join(' ');
		const listed = target.get(lemmas[0]) ?? [];
		if (!listed.some((c) => c.code === code && c.lemmas.join(' ') === key)) {
			push(target, lemmas[0], { code, lemmas, weight, label });
		}
	};
	for (const [code, tiers] of Object.entries(lexicon)) {
		for (const tier of ['strong', 'typical', 'weak'] as const) {
			for (const entry of tiers[tier].split(',')) add(Number(code), entry, CUE_WEIGHTS[tier]);
		}
	}
	for (const entry of neutral.split(',')) add(0, entry, 0);
	// longest phrases first, so "biden administration" wins over a shorter phrase at the same word
	for (const list of phrases.values()) list.sort((x, y) => y.lemmas.length - x.lemmas.length);
	return { single, phrases };
}

/** A hyphen inside a word (a module constant: it is tested for every word). */
const HYPHEN = /[-\u2010]/;

/** Hits for every cue of `cues` at one span, under one lemma. */
function hitsOf(cues: readonly Cue[], lemma: string, span: Span): CueHit[] {
	return cues.map((c) => ({ code: c.code, lemma, weight: c.weight, span }));
}

/**
 * Every cue occurrence among a sentence's tokens (punctuation breaks a phrase).
 * @example matchCues(tokenize('Troops crossed the front line.'), compileCues()).map((h) => h.lemma) // ['troop', 'front line']
 */
export function matchCues(tokens: readonly Token[], compiled: CompiledCues): CueHit[] {
	const hits: CueHit[] = [];
	const taken = new Set<number>();
	// phrases: consecutive word tokens, no punctuation between them
	for (let i = 0; i < tokens.length; i++) {
		const candidates = compiled.phrases.get(tokens[i].lemma);
		if (!candidates || tokens[i].kind !== 'word') continue;
		for (const cue of candidates) {
			const n = cue.lemmas.length;
			if (i + n > tokens.length) continue;
			let ok = true;
			for (let k = 0; k < n && ok; k++) {
				const t = tokens[i + k];
				ok = t.kind === 'word' && t.lemma === cue.lemmas[k] && !taken.has(i + k);
			}
			if (!ok) continue;
			const key = cue.lemmas.join(' ');
			const span = { start: tokens[i].start, end: tokens[i + n - 1].end };
			// the same phrase may cue several frames; a neutral phrase (code 0) cues none
			const same = candidates.filter((c) => c.code !== 0 && c.lemmas.join(' ') === key);
			hits.push(...hitsOf(same, cue.label, span));
			for (let k = 0; k < n; k++) taken.add(i + k);
			break;
		}
	}
	// single words, then the parts of hyphenated compounds
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i];
		if (t.kind !== 'word' || taken.has(i)) continue;
		const whole = compiled.single.get(t.lemma);
		if (whole) {
			hits.push(...hitsOf(whole, t.lemma, { start: t.start, end: t.end }));
			continue;
		}
		if (!HYPHEN.test(t.text)) continue;
		let offset = 0;
		for (const part of t.text.split(/[-\u2010]/)) {
			const lemma = lemmatize(part);
			const cues = compiled.single.get(lemma);
			const start = t.start + offset;
			if (cues && part) hits.push(...hitsOf(cues, lemma, { start, end: start + part.length }));
			offset += part.length + 1;
		}
	}
	return hits;
}
