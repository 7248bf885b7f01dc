/**
 * Sentence frame suggestions measured on the issue-framing data (Hartmann et al. 2019): tweets by
 * members of Congress (multi-label, Policy Frames codes 1–15 plus two extra codes) and sentences
 * from online debates (five codes). Per-class precision, recall and F1, macro-F1 and accuracy,
 * beside a majority-class baseline in the same run. Read at run time, never copied.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FRAMES } from '../../src/lib/domain/framing/frame-list';
import { framesOfTokens } from '../../src/lib/domain/framing/frames';
import { normalizeText } from '../../src/lib/domain/text/normalize';
import { tokenize } from '../../src/lib/domain/text/tokens';

export const FRAMING_DIR = '../shared/evaldata/issue-framing';

/** One labelled text and its gold frame codes. */
export interface FramedText {
	text: string;
	gold: Set<number>;
}

/** One data set: its texts and the codes it can be labelled with. */
export interface FramingSet {
	name: string;
	items: FramedText[];
	labels: number[];
}

/**
 * The tweets follow Johnson et al. (2017)'s numbering, not the Media Frames Corpus codes (read off
 * the labelled tweets: their 6 is crime, 7 security, 8 health, 12 political, 13 policy); their
 * 15–17 (factual, self-promotion, sympathy) are "Other" among the Policy Frames.
 */
const TWEET_TO_POLICY: Readonly<Record<number, number>> = {
	1: 1,
	2: 2,
	3: 3,
	4: 4,
	5: 5,
	6: 7,
	7: 8,
	8: 9,
	9: 10,
	10: 11,
	11: 12,
	12: 13,
	13: 6,
	14: 14,
	15: 15,
	16: 15,
	17: 15
};

/** Reads the tweets (train and dev: nothing here is trained) and the forum sentences. */
export function loadFraming(dir = FRAMING_DIR): FramingSet[] {
	type Split = { seq: string[]; label: string[][] };
	const tweets = JSON.parse(readFileSync(join(dir, 'splits_80_20_notest.json'), 'utf8')) as Record<
		string,
		Split
	>;
	const forum = JSON.parse(readFileSync(join(dir, 'dev_test.json'), 'utf8')) as Record<
		string,
		Split
	> & { labelset: string[] };
	const items = (splits: Split[], code: (label: number) => number) =>
		splits.flatMap((s) =>
			s.seq.map((text, i) => ({ text, gold: new Set(s.label[i].map((l) => code(Number(l)))) }))
		);
	return [
		{
			name: 'tweets (Congress, 15 frames)',
			items: items([tweets.train, tweets.dev], (l) => TWEET_TO_POLICY[l] ?? 15),
			labels: FRAMES.map((f) => f.code)
		},
		{
			name: 'forum sentences (5 frames)',
			items: items([forum.dev, forum.test], (l) => l),
			labels: forum.labelset.map(Number).sort((x, y) => x - y)
		}
	];
}

/** A system's frames for a text, strongest first, restricted to the data set's labels. */
export type FrameSystem = (text: string, labels: readonly number[]) => number[];

/**
 * The app's sentence frames: cue words, threshold and ranking as in the reading view; a text
 * with no frame among the labels is "Other" (15) where that is a label, else the system abstains.
 */
export const cueFrames: FrameSystem = (text, labels) => {
	const tokens = tokenize(normalizeText(text).text);
	const codes = framesOfTokens(tokens, { maxPerSentence: 15 })
		.map((f) => f.code)
		.filter((c) => labels.includes(c));
	if (codes.length === 0 && labels.includes(15)) return [15];
	return codes;
};

/** Figures for one class. */
export interface ClassFigures {
	code: number;
	support: number;
	precision: number;
	recall: number;
	f1: number;
}

/** All figures of one system on one data set. */
export interface FrameFigures {
	/** share of texts whose top frame is one of the gold frames */
	accuracy: number;
	/** share of texts whose predicted set equals the gold set */
	exact: number;
	macroF1: number;
	/** share of texts the system gives at least one frame */
	answered: number;
	classes: ClassFigures[];
}

/**
 * Scores a system: top-1 accuracy, exact-set accuracy, and one-vs-rest precision, recall and F1
 * per class (frames kept per text: `perText`), macro-averaged over classes with gold support.
 */
export function scoreFrames(set: FramingSet, system: FrameSystem, perText = 2): FrameFigures {
	const counts = new Map(set.labels.map((c) => [c, { tp: 0, fp: 0, fn: 0, support: 0 }]));
	let top = 0;
	let exact = 0;
	let answered = 0;
	for (const item of set.items) {
		const ranked = system(item.text, set.labels);
		const predicted = new Set(ranked.slice(0, perText));
		if (ranked.length) answered++;
		if (ranked.length && item.gold.has(ranked[0])) top++;
		if (predicted.size === item.gold.size && [...predicted].every((c) => item.gold.has(c))) exact++;
		for (const [code, c] of counts) {
			const g = item.gold.has(code);
			const p = predicted.has(code);
			if (g) c.support++;
			if (g && p) c.tp++;
			else if (p) c.fp++;
			else if (g) c.fn++;
		}
	}
	const classes = [...counts].map(([code, c]) => {
		const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
		const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
		const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
		return { code, support: c.support, precision, recall, f1 };
	});
	const supported = classes.filter((c) => c.support > 0);
	const n = set.items.length;
	return {
		accuracy: top / n,
		exact: exact / n,
		macroF1: supported.reduce((x, c) => x + c.f1, 0) / supported.length,
		answered: answered / n,
		classes
	};
}

/** The naive baseline: every text gets the data set's most frequent gold frame. */
export function majorityBaseline(set: FramingSet): { code: number; system: FrameSystem } {
	const freq = new Map<number, number>();
	for (const item of set.items) for (const c of item.gold) freq.set(c, (freq.get(c) ?? 0) + 1);
	const code = [...freq].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0][0];
	return { code, system: () => [code] };
}

/** Both systems on every data set. */
export function runFrames(sets = loadFraming()) {
	return sets.map((set) => {
		const majority = majorityBaseline(set);
		return {
			set,
			cues: scoreFrames(set, cueFrames),
			majority: scoreFrames(set, majority.system),
			majorityCode: majority.code
		};
	});
}

/** The frames section of EVAL.md: a summary and a per-class table per data set. */
export function framesMarkdown(results: ReturnType<typeof runFrames>): string {
	const f2 = (x: number) => x.toFixed(2);
	const label = (code: number) => FRAMES.find((f) => f.code === code)?.label ?? String(code);
	return results
		.map(({ set, cues, majority, majorityCode }) =>
			[
				`**${set.name}**: ${set.items.length.toLocaleString('en')} texts.`,
				'',
				'| system | top-frame accuracy | exact-set accuracy | macro-F1 | texts given a frame |',
				'|---|---|---|---|---|',
				`| cue-word frames (the app) | ${f2(cues.accuracy)} | ${f2(cues.exact)} | ${f2(cues.macroF1)} | ${f2(cues.answered)} |`,
				`| majority class (${label(majorityCode)}) | ${f2(majority.accuracy)} | ${f2(majority.exact)} | ${f2(majority.macroF1)} | 1.00 |`,
				'',
				'| frame | gold texts | precision | recall | F1 | majority-class F1 |',
				'|---|---|---|---|---|---|',
				...cues.classes.map((c, i) => {
					const m = majority.classes[i];
					return `| ${c.code} ${label(c.code)} | ${c.support} | ${f2(c.precision)} | ${f2(c.recall)} | ${f2(c.f1)} | ${f2(m.f1)} |`;
				})
			].join('\n')
		)
		.join('\n\n');
}

/** EVAL.md's sentence-frames section around its tables (`{tables}`). */
export const FRAMES_MD = `## Sentence frames on issue-framing

{tables}

### How to read

- Hartmann et al. (2019), \`../shared/evaldata/issue-framing\`. **Tweets** by members of Congress
  (train and dev splits together, 2,044: nothing here is trained), multi-label. Their codes follow
  Johnson et al. (2017), not the Media Frames Corpus numbering: read off the labelled tweets, their
  6 is crime, 7 security, 8 health, 9 quality of life, 10 cultural identity, 11 public opinion,
  12 political and 13 policy. They are mapped to the Policy Frames codes here, and their 15–17
  (factual, self-promotion, sympathy) count as 15 Other. **Forum sentences** (gun control, death
  penalty, same-sex marriage; dev and test together, 868) use five codes in the Media Frames
  numbering.
- Each text goes through the app's cue matcher and threshold as one sentence. Frames outside the
  data set's labels are ignored; a tweet with no frame is Other (15). The forum set has no Other,
  so a sentence without a frame counts as unanswered (wrong).
- **top-frame accuracy**: the strongest suggested frame is one of the gold frames; **exact-set**:
  the top two suggested frames equal the gold set. Per class: one-vs-rest precision, recall and F1
  over the top two suggestions of each text; **macro-F1** averages the classes with gold texts.
- **majority class**: every text gets the data set's most frequent gold frame.
- Before this round of cue changes (same script and data): tweets top-frame accuracy 0.41,
  macro-F1 0.33 (policy 0.33, quality of life 0.21, public opinion 0.19, political 0.52);
  forum 0.54 and 0.59 (policy 0.33, political 0.49). The changes: "housing" no longer cues
  quality of life (it lemmatises to "house", so every "the House" did); safety words and "plan"
  need a second cue; regulation vocabulary (background check, restrict, prohibit, loophole) cues
  policy; "the American people", constituents and grassroots cue public opinion; agenda, ideology
  and lobbying cue political, "the government" alone no longer does; courtesy and superlative
  words ("honored to", "the best in the world", "staff", "fair") need a second cue.
- Good for: a sentence's frame when its words name it (economic, legal, crime, security, health,
  political). Weak: capacity and resources, quality of life, cultural identity, external
  relations and, on tweets, crime (34 texts): these are carried by the topic more than by words,
  and tweets are short, with hashtags the matcher does not split ("#StopGunViolence").`;
