import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';

const ROOT = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'parallax-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a temp file and returns its path. */
function file(name: string, content: string | Uint8Array): string {
	const path = join(dir, name);
	writeFileSync(path, content);
	return path;
}

/** Runs the CLI as `npm run compare` does. */
function compare(args: string[], input?: string) {
	const r = spawnSync('npx', ['tsx', 'src/cli/compare.ts', ...args], {
		cwd: ROOT,
		input,
		encoding: 'utf8'
	});
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The substring of `text` between two code-point offsets. */
function byCodePoints(text: string, start: number, end: number): string {
	return [...text].slice(start, end).join('');
}

// an emoji (two UTF-16 units, one code point) before the shared sentence shifts UTF-16 offsets
const A =
	'😀 Deportations resume 🇺🇸\n\nBut at some point in March 2023, the Guardian revealed that the Biden administration had discreetly resumed deportations to Russia.\n';
const B =
	'Biden deports Russians\n\nThe Guardian reported this on March 18, despite the president not making any official announcements or indicating when the deportations began.\n';

describe('compare A.txt B.txt', () => {
	const pathA = file('a.txt', A);
	const pathB = file('b.txt', B);
	const r = compare([pathA, pathB]);
	const out = JSON.parse(r.stdout);

	it('prints the whole analysis as JSON', () => {
		expect(r.status).toBe(0);
		expect(Object.keys(out)).toEqual(
			expect.arrayContaining(['sharedFacts', 'oneSided', 'terms', 'themes', 'frames'])
		);
		expect(out.sharedFacts).toHaveLength(1);
		expect(out.sharedFacts[0]).toMatchObject({ relation: 'different-detail' });
	});

	it('gives code-point offsets into the given text, with the text they select', () => {
		const f = out.sharedFacts[0];
		expect(f.a.exact).toMatch(/^But at some point in March 2023/);
		expect(byCodePoints(A, f.a.start, f.a.end)).toBe(f.a.exact);
		expect(byCodePoints(B, f.b.start, f.b.end)).toBe(f.b.exact);
		// the UTF-16 offset would be larger than the code-point one
		expect(A.indexOf('But at')).toBe(f.a.start + 3);
	});
});

describe('compare: loaded wording', () => {
	const text = '😀 Budget news\n\nCritics slammed the phony plan on Tuesday.\n';
	const r = compare([file('la.txt', text), file('lb.txt', B)]);
	const out = JSON.parse(r.stdout);

	it('lists each side’s loaded wording with code-point positions, kind and why', () => {
		expect(r.status).toBe(0);
		expect(out.loadedLanguage.b).toEqual([]);
		const spans = out.loadedLanguage.a;
		expect(spans.map((s: { exact: string }) => s.exact)).toEqual(['slammed', 'phony']);
		for (const s of spans) {
			expect(byCodePoints(text, s.start, s.end)).toBe(s.exact);
			expect(s.why).toEqual(expect.any(String));
		}
		expect(spans[0].kind).toBe('saying');
	});
});

describe('compare --batch', () => {
	it('answers one line per pair with code-point positions', () => {
		const lines = [
			JSON.stringify({ id: 'p1', a: A, b: B }),
			JSON.stringify({
				id: 2,
				a: 'Nothing in common here at all.',
				b: 'Completely other words there.'
			})
		].join('\n');
		const r = compare(['--batch'], lines + '\n');
		expect(r.status).toBe(0);
		const out = r.stdout
			.trim()
			.split('\n')
			.map((l) => JSON.parse(l));
		expect(out.map((o) => o.id)).toEqual(['p1', 2]);
		expect(out[1].sharedFacts).toEqual([]);
		const [f] = out[0].sharedFacts;
		expect(Object.keys(f).sort()).toEqual(['a', 'b', 'relation', 'score']);
		expect(Object.keys(f.a).sort()).toEqual(['end', 'exact', 'start']);
		expect(byCodePoints(A, f.a.start, f.a.end)).toBe(f.a.exact);
		expect(byCodePoints(B, f.b.start, f.b.end)).toBe(f.b.exact);
	});

	it('with --full, answers each pair with the whole analysis, the same JSON as compare A B', () => {
		const r = compare(['--batch', '--full'], JSON.stringify({ id: 'p1', a: A, b: B }) + '\n');
		expect(r.status).toBe(0);
		const [line] = r.stdout
			.trim()
			.split('\n')
			.map((l) => JSON.parse(l));
		expect(line.id).toBe('p1');
		const whole = JSON.parse(compare([file('fa.txt', A), file('fb.txt', B)]).stdout);
		expect(line.analysis).toEqual(whole);
		expect(line.analysis.contrasts).toBeDefined();
	});

	it('reports a bad line on stderr, answers the others and exits non-zero', () => {
		const lines = [
			'{not json',
			JSON.stringify({ id: 'e', a: '  ', b: B }),
			JSON.stringify({ id: 'ok', a: A, b: B })
		];
		const r = compare(['--batch'], lines.join('\n'));
		expect(r.status).toBe(1);
		expect(r.stderr).toMatch(/line 1: not a JSON object/);
		expect(r.stderr).toMatch(/line 2 .*empty text/);
		expect(
			r.stdout
				.trim()
				.split('\n')
				.map((l) => JSON.parse(l).id)
		).toEqual(['ok']);
	});
});

describe('compare: bad input', () => {
	it.each([
		[
			'a missing file',
			() => [join(dir, 'missing.txt'), file('b2.txt', B)],
			/missing\.txt: no such file/
		],
		[
			'an empty text',
			() => [file('empty.txt', ' \n\n '), file('b3.txt', B)],
			/empty\.txt: empty text/
		],
		[
			'invalid UTF-8 bytes',
			() => [file('bad.txt', new Uint8Array([0x48, 0x69, 0xff, 0xfe, 0x0a])), file('b4.txt', B)],
			/bad\.txt: not valid UTF-8/
		],
		['a wrong number of arguments', () => [file('only.txt', A)], /usage: compare/]
	])('%s → message on stderr, non-zero exit', (_name, args, message) => {
		const r = compare(args());
		expect(r.status).not.toBe(0);
		expect(r.stderr).toMatch(message);
		expect(r.stdout).toBe('');
	});
});
