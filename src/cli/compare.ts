/**
 * `npm run --silent compare -- A.txt B.txt` prints the whole comparison of two articles as JSON.
 * `npm run --silent compare -- --batch < pairs.jsonl` reads lines {"id","a","b"} (the two texts)
 * and writes one line per pair: {"id", "sharedFacts": [{"a","b","score","relation"}]};
 * with `--full`, {"id", "analysis": {...}}: the whole analysis, the same JSON as `compare A B`.
 * Positions are Unicode code points into the given texts. Bad input (missing file, empty text,
 * invalid UTF-8, malformed line) gets a message on stderr and a non-zero exit status.
 */
import { readFileSync } from 'node:fs';
import { suggestSharedFacts } from '../lib/domain/alignment';
import { analyzeComparison } from '../lib/domain/analysis';
import { segmentArticle } from '../lib/domain/text';
import { toBatchFacts, toCliAnalysis } from './cli-output';
import { createPositionMapper } from './positions';

const USAGE = `usage: compare A.txt B.txt        print the analysis of two articles as JSON
       compare --batch < pairs.jsonl   one {"id","a","b"} per line in, one result per line out
       compare --batch --full < pairs.jsonl   the same, each line {"id","analysis"} (the whole analysis)`;

/** An input problem the user can fix: reported on stderr, exit status 1. */
class InputError extends Error {}

/** Decodes bytes as strict UTF-8 (a byte-order mark is dropped), naming the source on failure. */
function decodeUtf8(bytes: Uint8Array, source: string): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new InputError(`${source}: not valid UTF-8 text`);
	}
}

/** Rejects a text with nothing but whitespace in it. */
function requireText(text: string, source: string): string {
	if (text.trim() === '') throw new InputError(`${source}: empty text`);
	return text;
}

/** Reads one article file as UTF-8 text. */
function readArticle(path: string): string {
	let bytes: Uint8Array;
	try {
		bytes = readFileSync(path);
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') throw new InputError(`${path}: no such file`);
		if (code === 'EISDIR') throw new InputError(`${path}: is a directory, not a text file`);
		throw new InputError(`${path}: cannot read (${code ?? (e as Error).message})`);
	}
	return requireText(decodeUtf8(bytes, path), path);
}

/** Full analysis of two files, printed as one JSON document. */
function comparePair(pathA: string, pathB: string): void {
	const rawA = readArticle(pathA);
	const rawB = readArticle(pathB);
	const analysis = analyzeComparison(segmentArticle(rawA), segmentArticle(rawB));
	const out = toCliAnalysis(analysis, createPositionMapper(rawA), createPositionMapper(rawB));
	process.stdout.write(JSON.stringify(out, null, 2) + '\n');
}

/** One batch line → its output line; throws InputError for a malformed line. */
function batchLine(line: string, lineNo: number, full: boolean): string {
	let input: unknown;
	try {
		input = JSON.parse(line);
	} catch {
		throw new InputError(`line ${lineNo}: not a JSON object`);
	}
	const { id, a, b } = (input ?? {}) as { id?: unknown; a?: unknown; b?: unknown };
	if (typeof input !== 'object' || input === null || Array.isArray(input)) {
		throw new InputError(`line ${lineNo}: not a JSON object`);
	}
	if (typeof a !== 'string' || typeof b !== 'string') {
		throw new InputError(`line ${lineNo}: "a" and "b" must be strings (the two texts)`);
	}
	requireText(a, `line ${lineNo} (id ${JSON.stringify(id)}), text a`);
	requireText(b, `line ${lineNo} (id ${JSON.stringify(id)}), text b`);
	if (full) {
		const analysis = analyzeComparison(segmentArticle(a), segmentArticle(b));
		const mapped = toCliAnalysis(analysis, createPositionMapper(a), createPositionMapper(b));
		return JSON.stringify({ id, analysis: mapped });
	}
	const facts = suggestSharedFacts(segmentArticle(a), segmentArticle(b));
	const sharedFacts = toBatchFacts(facts, createPositionMapper(a), createPositionMapper(b));
	return JSON.stringify({ id, sharedFacts });
}

/** Batch mode: every well-formed line is answered; bad lines are reported and make the exit 1. */
function compareBatch(full: boolean): number {
	const input = decodeUtf8(readFileSync(0), 'stdin');
	let status = 0;
	const lines = input.split('\n');
	for (let i = 0; i < lines.length; i++) {
		if (lines[i].trim() === '') continue;
		try {
			process.stdout.write(batchLine(lines[i], i + 1, full) + '\n');
		} catch (e) {
			if (!(e instanceof InputError)) throw e;
			process.stderr.write(`compare: ${e.message}\n`);
			status = 1;
		}
	}
	return status;
}

/** Entry point: returns the exit status. */
function main(args: string[]): number {
	try {
		if (args.length === 1 && args[0] === '--batch') return compareBatch(false);
		if (args.length === 2 && args.includes('--batch') && args.includes('--full')) {
			return compareBatch(true);
		}
		if (args.length === 2 && !args.some((x) => x.startsWith('--'))) {
			comparePair(args[0], args[1]);
			return 0;
		}
		process.stderr.write(USAGE + '\n');
		return 2;
	} catch (e) {
		if (!(e instanceof InputError)) throw e;
		process.stderr.write(`compare: ${e.message}\n`);
		return 1;
	}
}

process.exitCode = main(process.argv.slice(2));
