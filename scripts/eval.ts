/**
 * `npm run eval`: scores the shared-fact engine and the TF-IDF baseline on the ECB+ development
 * topics, times the engine, prints Markdown tables and writes EVAL.md at the repository root.
 * Then scores word-choice contrasts on ECB+ cross-document chains against a naive baseline.
 * Options: `--data <dir>` (default ../shared/evaldata/ecbplus-dev), `--no-write`.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { suggestSharedFacts } from '../src/lib/domain/alignment/shared-facts';
import { ENGINE_VERSION } from '../src/lib/domain/analysis';
import { segmentArticle } from '../src/lib/domain/text/segment';
import { createBaseline } from './eval/baseline';
import { ECB_DIR, loadEcbPlus } from './eval/ecbplus';
import { runSystem, type SharedFactSystem } from './eval/run';
import { scorePredictions, type EvalFigures } from './eval/score';
import { runTimings } from './eval/timing';
import { evaluateWordChoices, naiveBaseline, wordChoiceEngine } from './eval/word-choice';

const args = process.argv.slice(2);
const dataDir = args.includes('--data') ? args[args.indexOf('--data') + 1] : ECB_DIR;
const write = !args.includes('--no-write');

const engine: SharedFactSystem = (a, b) =>
	suggestSharedFacts(a, b).map((f) => ({ a: f.a.sentence, b: f.b.sentence }));

const started = Date.now();
const load = loadavg()[0];
const data = loadEcbPlus(dataDir);
const baseline = createBaseline(data.docs.map((d) => segmentArticle(d.text)));
const results: [string, EvalFigures][] = [
	[`engine ${ENGINE_VERSION}`, scorePredictions(data, runSystem(data, engine))],
	['TF-IDF baseline (0.3, ≤ 3)', scorePredictions(data, runSystem(data, baseline))]
];
const timings = runTimings(
	'seeds/000_22ed28cde7db5cf9.txt',
	'seeds/004_cb2015502c2df88f.txt',
	data.docs
);
const seconds = (Date.now() - started) / 1000;

const f2 = (x: number) => x.toFixed(2);
// the targets' own figures get three decimals: the margins to the targets are that small
const f3 = (x: number) => x.toFixed(3);
const figures = [
	'| system | precision | coverage | false alarms / different-event pair | ms / pair | scored suggestions (correct) | covered / same-event pairs with gold | false alarms, all sentences | precision where gold annotates the pair |',
	'|---|---|---|---|---|---|---|---|---|',
	...results.map(
		([name, r]) =>
			`| ${name} | ${f3(r.precision)} | ${f3(r.coverage)} | ${f3(r.falseAlarms)} | ${r.msPerPair.toFixed(1)} | ${r.scored} (${r.correct}) | ${r.covered} / ${r.pairsWithGold} | ${f2(r.alarmsUnfiltered / r.differentEventPairs)} | ${f2(r.precisionAnnotated)} |`
	)
].join('\n');
const timingTable = [
	'| input | words per article | segmentation + shared facts (ms) | segmentation + whole analysis (ms) |',
	'|---|---|---|---|',
	...timings.map(
		(t) =>
			`| ${t.name} | ${t.words.toLocaleString('en')} | ${t.sharedFactsMs.toFixed(1)} | ${t.analysisMs.toFixed(1)} |`
	)
].join('\n');

const r = results[0][1];
const summary =
	`${data.docs.length} documents, ${r.sameEventPairs} same-event pairs (${r.pairsWithGold} with gold pairs), ` +
	`${r.differentEventPairs} different-event pairs; run took ${seconds.toFixed(0)} s.`;
console.log(figures);
console.log();
console.log(timingTable);
console.log();
console.log(summary);

// word choice: contrasts inside the suggested shared facts, scored on cross-document chains
const wcStarted = Date.now();
const wordChoice = evaluateWordChoices(dataDir, data, [
	[`engine ${ENGINE_VERSION}`, wordChoiceEngine],
	['naive baseline (unshared names, then nouns, in order)', naiveBaseline]
]);
const wcSeconds = (Date.now() - wcStarted) / 1000;
const wordChoiceTable = [
	'| system | precision, judged by gold | precision, all scored | recall | recall inside suggested facts | scored contrasts (judged; correct: entity / event) | ms / pair |',
	'|---|---|---|---|---|---|---|',
	...wordChoice.map(
		([name, w]) =>
			`| ${name} | ${f3(w.precisionJudged)} | ${f3(w.precision)} | ${f3(w.recall)} | ${f3(w.recallAligned)} | ${w.scored} (${w.judged}; ${w.correctEntity} / ${w.correctEvent}) | ${w.ms.toFixed(1)} |`
	)
].join('\n');
const w0 = wordChoice[0][1];
const wordChoiceSummary =
	`${w0.goldUnits} differently worded chain pairs in gold shared-event sentence pairs ` +
	`(${w0.alignedUnits} of them in sentence pairs the engine suggests); word-choice part took ${wcSeconds.toFixed(0)} s.`;
console.log();
console.log(wordChoiceTable);
console.log();
console.log(wordChoiceSummary);

/** The EVAL.md section on word-choice contrasts. */
function wordChoiceSection(table: string, summary: string): string {
	return `## Word-choice contrasts on ECB+ cross-document chains

Target: precision ≥ 0.6.

${table}

${summary}

- Every same-event document pair is compared as the analysis does: the shared facts the engine
  suggests, then the word-choice contrasts inside them (noun phrases and verb groups paired by
  slot between phrases both passages share, or by a role noun linked to a name). The rules were
  written while reading errors on these development topics; no threshold or per-topic setting was
  fitted, so there are no per-topic figures.
- A contrast is **correct** when its two expressions overlap mentions of one cross-document
  entity or event chain whose heads differ ("checked into" / "entered", "supermarket" / "store",
  "Brian Nichols" / "man"); "Tara Reid" / "Reid" is not a different wording. Only contrasts in
  ECB+'s reliably annotated sentences are scored.
- **judged by gold**: contrasts whose two expressions both lie on gold cross-document mentions.
  ECB+ marks the mentions of each topic's main events and their participants, not every noun
  phrase, so a contrast elsewhere ("attorney" / "lawyer", "Center" / "Clinic") cannot be judged;
  **all scored** counts all of them as wrong and is a lower bound.
- **recall**: the share of chain pairs named with different heads (pronouns aside) in gold
  shared-event sentence pairs that some contrast finds; "inside suggested facts" counts only the
  sentence pairs the shared-fact engine suggests, i.e. what word choice itself can reach.
- The naive baseline pairs, inside the same suggested sentence pairs, the capitalised names only
  one side has, in order of appearance, then likewise the nouns only one side has.
- Weak: recall is low by design (few and precise); acts (verbs) make most correct contrasts,
  namings of people are found mostly where an article links a role noun to a name; two different
  verbs for different acts between the same actor and object ("prevented" / "captured") are the
  commonest error.`;
}

if (write) {
	const md = `# Shared-fact evaluation on ECB+ (development topics 1–22)

Generated by \`npm run eval\` on ${new Date().toISOString().slice(0, 10)}; machine: ${cpus().length} cores
(${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, load average ${load.toFixed(1)} at the start
(timings are noisier when other work shares the cores). Targets: precision ≥ 0.85,
coverage ≥ 0.60, false alarms ≤ 0.10 per different-event pair.

${figures}

${summary}

## Timings (median of several runs after a warm-up)

${timingTable}

## How to read

- Every pair of documents of one ECB+ topic is compared as a user would compare two articles:
  each document's text (one sentence per line) goes through the app's segmenter, the system
  suggests sentence pairs, and each suggestion is mapped back to the dataset's sentence ids.
- Only suggestions whose two sentences are both in ECB+'s list of reliably annotated sentences
  (\`ECBplus_coreference_sentences.csv\`) are scored. "False alarms, all sentences" counts every suggestion
  on different-event pairs instead; many of those link background facts that both reports do
  share (a coach's playing career, an actress's earlier films).
- **precision**: on document pairs reporting the same event (same sub-topic), the share of
  scored suggestions whose two sentences mention a common event in the gold annotation. The
  gold is sparse: titles and some leads carry no event annotation, so some suggestions a
  reader would accept count as wrong.
- **precision where gold annotates the pair**: the same, over the same-event document pairs that
  have at least one gold pair. About a quarter of same-event pairs (most of them between two
  ECB+ extension documents) have none, often because the annotators left the shared event
  unmarked there ("Ellen DeGeneres will host the Oscars." in two reports); every suggestion on
  such a pair counts as wrong in the first column.
- **coverage**: the share of same-event document pairs having at least one gold sentence pair
  that get at least one correct suggestion.
- **false alarms**: scored suggestions per document pair reporting *different* events of the
  same topic (e.g. two celebrities entering rehab); each one would mislead a class.
- **ms / pair**: wall time per document pair, segmentation of both texts included.
- The baseline is plain TF-IDF cosine between sentences (idf over all sentences of the
  evaluation corpus), threshold 0.3, at most 3 suggestions per pair, computed by the same
  script on the same segmentation.
- The engine's rules were tuned on these topics only; data held out elsewhere may differ. Its
  thresholds sit where all three targets hold at once, with margins under 0.01: a slightly
  lower threshold buys coverage with precision and false alarms, a higher one the reverse.

${wordChoiceSection(wordChoiceTable, wordChoiceSummary)}
`;
	writeFileSync('EVAL.md', md);
	console.log('wrote EVAL.md');
}
