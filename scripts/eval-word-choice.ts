/**
 * `npm run eval:word-choice`: only the word-choice part of `npm run eval` (about half a minute),
 * with the scored contrasts and missed chain pairs written to a file to read the errors.
 * Options: `--data <dir>` (default ../shared/evaldata/ecbplus-dev), `--dump <file>`.
 */
import { writeFileSync } from 'node:fs';
import { ECB_DIR, loadEcbPlus } from './eval/ecbplus';
import { evaluateWordChoices, naiveBaseline, wordChoiceEngine } from './eval/word-choice';

const args = process.argv.slice(2);
const dataDir = args.includes('--data') ? args[args.indexOf('--data') + 1] : ECB_DIR;
const dump = args.includes('--dump') ? args[args.indexOf('--dump') + 1] : undefined;
const lines: string[] = [];
const started = Date.now();
const results = evaluateWordChoices(
	dataDir,
	loadEcbPlus(dataDir),
	[
		['engine', wordChoiceEngine],
		['naive', naiveBaseline]
	],
	(name, texts, correct, gold) => {
		if (name === 'engine')
			lines.push(
				`${correct ? 'OK ' : gold.length ? 'BAD' : 'UNJ'} ${texts[0]} / ${texts[1]}   [${gold.join('; ')}]`
			);
	},
	(name, a, b, sentences) => {
		if (name === 'engine') {
			lines.push(
				`MISS ${a.join(' | ')} / ${b.join(' | ')}\n  A: ${sentences[0]}\n  B: ${sentences[1]}`
			);
		}
	}
);
for (const [name, w] of results) {
	console.log(
		`${name}: precision judged ${w.precisionJudged.toFixed(3)}, one side judged ${w.precisionJudgedOne.toFixed(3)} (${w.judgedOne}), all ${w.precision.toFixed(3)}, recall ${w.recall.toFixed(3)}, inside facts ${w.recallAligned.toFixed(3)}; scored ${w.scored} (judged ${w.judged}; correct ${w.correct}: ${w.correctEntity} entity / ${w.correctEvent} event)`
	);
}
console.log(`${((Date.now() - started) / 1000).toFixed(0)} s`);
if (dump) writeFileSync(dump, lines.join('\n') + '\n');
