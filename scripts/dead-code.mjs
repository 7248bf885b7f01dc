// Dead weight in the tree, reported on demand (`node scripts/dead-code.mjs`), not a lint gate:
//   export-unused     an export of src/ that no other file names (drop the `export`, or the code)
//   export-test-only  an export only tests name (fine for a module's table test; worth a look else)
//   file-tests-only   a module of src/ that only tests reach (a test helper outside test-support/?)
//   file-unreached    a module of src/ that nothing reaches
//   package-unused    a package.json entry that no file names (tools, types and peers show up here
//                     too: svelte-check, @types/*, ajv for ajv-formats; judge each)
// "Names" is a whole-word match in any other file, so a namespace use (`rooms.create`) counts and a
// name that only happens to recur elsewhere hides a dead export: the report errs towards silence.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { importsOf, resolveImport } from './check-layers.mjs';

const root = process.argv[2] ?? fileURLToPath(new URL('..', import.meta.url));

/** Source files below `dir` (relative, '/' separated), dependencies and dot folders left out. */
function walk(dir, out = []) {
	if (!existsSync(dir)) return out;
	for (const name of readdirSync(dir)) {
		if (name === 'node_modules' || name.startsWith('.')) continue;
		const path = join(dir, name);
		if (statSync(path).isDirectory()) walk(path, out);
		else if (/\.(ts|mjs|js|cjs|svelte)$/.test(name))
			out.push(relative(root, path).split(sep).join('/'));
	}
	return out;
}

const files = [
	...walk(join(root, 'src')),
	...walk(join(root, 'scripts')),
	...walk(join(root, 'tests')),
	...readdirSync(root).filter((f) => /\.(ts|js|mjs|cjs)$/.test(f))
];
const text = new Map(files.map((f) => [f, readFileSync(join(root, f), 'utf8')]));
const isTest = (f) => /\.test\.ts$/.test(f) || f.startsWith('tests/');

/** Names a module exports by declaration (`export function f`, `export const a, b`...). */
function exportedNames(file) {
	const source = ts.createSourceFile(file, text.get(file), ts.ScriptTarget.Latest, true);
	const names = [];
	for (const st of source.statements) {
		if (!st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
		if (ts.isVariableStatement(st)) {
			for (const d of st.declarationList.declarations)
				if (ts.isIdentifier(d.name)) names.push(d.name.text);
		} else if (st.name) names.push(st.name.text);
	}
	return names;
}

/** Every file reached from `entries` through imports. */
function reached(entries) {
	const seen = new Set();
	const queue = [...entries];
	while (queue.length > 0) {
		const file = queue.pop();
		if (seen.has(file) || !text.has(file)) continue;
		seen.add(file);
		for (const spec of importsOf(text.get(file))) {
			const target = resolveImport(root, file, spec);
			if (target !== null && !seen.has(target)) queue.push(target);
		}
	}
	return seen;
}

const report = [];
for (const file of files) {
	if (!/^src\/.*\.ts$/.test(file) || isTest(file) || file.endsWith('.d.ts')) continue;
	for (const name of exportedNames(file)) {
		const word = new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\b`);
		const users = files.filter((g) => g !== file && word.test(text.get(g)));
		if (users.length === 0) report.push(`export-unused ${file} ${name}`);
		else if (users.every(isTest)) report.push(`export-test-only ${file} ${name}`);
	}
}

const app = (f) =>
	!isTest(f) &&
	(/^src\/routes\//.test(f) ||
		/^src\/hooks/.test(f) ||
		f.startsWith('src/cli/') ||
		f.startsWith('scripts/'));
const byApp = reached(files.filter(app));
const byAny = reached(files.filter((f) => app(f) || isTest(f) || !f.includes('/')));
for (const file of files) {
	if (!file.startsWith('src/') || isTest(file) || file.endsWith('.d.ts')) continue;
	if (!byAny.has(file)) report.push(`file-unreached ${file}`);
	else if (!byApp.has(file) && !/(^|\/)test-support\//.test(file))
		report.push(`file-tests-only ${file}`);
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const configs = readdirSync(root)
	.filter((f) => /^\.\w+rc/.test(f) && statSync(join(root, f)).isFile())
	.map((f) => readFileSync(join(root, f), 'utf8'));
const everything = [...text.values(), ...configs, readFileSync(join(root, 'package.json'), 'utf8')];
for (const name of Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })) {
	const quoted = [`'${name}'`, `'${name}/`, `"${name}"`, `"${name}/`];
	const named = everything.some((s, i) =>
		i === everything.length - 1
			? new RegExp(`(^|[\\s"'])${name}(\\s|$)`, 'm').test(
					JSON.stringify(pkg.scripts).replace(/\\"/g, ' ').replace(/"/g, ' ')
				)
			: quoted.some((q) => s.includes(q))
	);
	if (!named) report.push(`package-unused ${name}`);
}

console.log(report.sort().join('\n') || 'dead-code: nothing found');
