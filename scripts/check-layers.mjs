// The layering rules of ARCHITECTURE.md, checked on every `npm run lint`:
//   1. src/lib/domain/ is pure TypeScript: it imports only itself and plain libraries, never the
//      server, Svelte, SvelteKit, the DOM-only parsers or a database driver, and names no DOM
//      global (document, window, localStorage...).
//   2. Routes (src/routes/) never touch the database: no drizzle, no driver, no schema. They may
//      take the process's database handle ($lib/server/db) to hand to server modules.
//   3. Test support (any test-support/ folder) never reaches the built app: nothing imported from
//      a route, a hook or their imports lives there.
//   4. Server code (src/lib/server, routes' server files, hooks, the CLI) takes a domain folder
//      through its index.ts, the folder's public surface; browser code never imports an index
//      (framing's reaches word-choice.ts and with it wink-nlp's model, 3.8 MB in the bundle), only
//      the module it needs.
// eslint's no-restricted-imports sees one specifier at a time; these rules need the path an
// import resolves to (a relative `../../server/x` from domain/ is as wrong as `$lib/server/x`)
// and, for rule 3, the whole import graph, so they are a script.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SOURCE = /\.(ts|js|mjs|svelte)$/;
const EXTENSIONS = ['', '.ts', '.js', '.svelte', '.d.ts', '/index.ts', '/index.js'];

/** Packages the pure domain may not import (Svelte, SvelteKit, databases, DOM builders, Node I/O). */
const DOMAIN_FORBIDDEN_PACKAGES = [
	/^svelte(\/|$)/,
	/^@sveltejs\//,
	/^\$app\//,
	/^\$env\//,
	/^drizzle-orm(\/|$)/,
	/^pg(\/|$)/,
	/^@electric-sql\//
];
/** DOM builders: a domain test may parse a fixture page with one, domain code never does. */
const DOM_PACKAGES = [
	/^linkedom(\/|$)/,
	/^jsdom(\/|$)/,
	/^@mozilla\/readability/,
	/^pdfjs-dist(\/|$)/
];
/** Node's I/O modules: allowed in domain tests (they read fixtures), not in domain code. */
const NODE_IO = /^(node:)?(fs|fs\/promises|net|http|https|child_process|worker_threads)$/;
/** Browser globals the domain must not use (local variables of the same name are fine). */
const DOM_GLOBALS = ['document', 'window', 'navigator', 'localStorage', 'sessionStorage'];
/** Files that run only on the server (rule 4). */
const SERVER_SIDE =
	/^src\/(lib\/server\/|cli\/|hooks\.server\.ts$)|^src\/routes\/.*(\+(server|page\.server|layout\.server)\.ts|\.test\.ts)$/;
/** A module in a folder of the domain: [path, folder, file name]. */
const DOMAIN_FOLDER_MODULE = /^src\/lib\/domain\/([^/]+)\/([^/]+)$/;
/** Packages that are the database in a route. */
const DATABASE_PACKAGES = [/^drizzle-orm(\/|$)/, /^pg(\/|$)/, /^@electric-sql\//, /^postgres$/];

/** Every source file under `dir` (relative to root, '/' separated), build output left out. */
function sourceFiles(root, dir) {
	const out = [];
	const walk = (abs) => {
		if (!existsSync(abs)) return;
		for (const name of readdirSync(abs)) {
			if (name === 'node_modules' || name.startsWith('.')) continue;
			const path = join(abs, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (SOURCE.test(name)) out.push(relative(root, path).split(sep).join('/'));
		}
	};
	walk(join(root, dir));
	return out;
}

/** The text of `source` without comments, so a commented-out import is no import. */
function stripComments(source) {
	return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** Every module specifier a file imports, re-exports or loads with import(). */
export function importsOf(source) {
	const text = stripComments(source);
	const out = [];
	const patterns = [
		/\b(?:import|export)\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
		/\bimport\s*['"]([^'"]+)['"]/g,
		/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g
	];
	for (const re of patterns) for (const m of text.matchAll(re)) out.push(m[1]);
	return out;
}

/** The repository file a specifier names from `file`, or null for a package. */
export function resolveImport(root, file, spec) {
	let base;
	if (spec.startsWith('$lib/')) base = join(root, 'src/lib', spec.slice(5));
	else if (spec === '$lib') base = join(root, 'src/lib');
	else if (spec.startsWith('./') || spec.startsWith('../'))
		base = resolve(root, dirname(file), spec);
	else return null;
	for (const ext of EXTENSIONS) {
		const path = base + ext;
		if (existsSync(path) && statSync(path).isFile())
			return relative(root, path).split(sep).join('/');
	}
	return relative(root, base).split(sep).join('/');
}

/** DOM globals used as globals: the name read but never declared in the file. */
function domGlobalsIn(source) {
	const text = stripComments(source);
	return DOM_GLOBALS.filter((name) => {
		const used = new RegExp(`(^|[^.\\w$])${name}\\s*[.[]`).test(text);
		const declared = new RegExp(
			`(const|let|var|function)\\s+${name}\\b|[(,]\\s*${name}\\s*[,):=]|\\b${name}\\s*:\\s*\\w`
		).test(text);
		return used && !declared;
	});
}

/** Problems of the repository at `root`, one line each ('file: message'); empty when clean. */
export function checkLayers(root) {
	const problems = [];
	const read = (file) => readFileSync(join(root, file), 'utf8');

	for (const file of sourceFiles(root, 'src/lib/domain')) {
		const source = read(file);
		const isTest = /\.test\.ts$/.test(file);
		for (const spec of importsOf(source)) {
			const target = resolveImport(root, file, spec);
			if (target !== null) {
				if (!target.startsWith('src/lib/domain/'))
					problems.push(`${file}: domain imports '${spec}' (${target}), outside src/lib/domain`);
				continue;
			}
			if (DOMAIN_FORBIDDEN_PACKAGES.some((re) => re.test(spec)))
				problems.push(`${file}: domain imports '${spec}' (server, Svelte, DOM or database)`);
			else if (!isTest && DOM_PACKAGES.some((re) => re.test(spec)))
				problems.push(`${file}: domain imports '${spec}' (a DOM or document parser)`);
			else if (!isTest && NODE_IO.test(spec))
				problems.push(`${file}: domain imports '${spec}' (I/O belongs to the server)`);
		}
		if (!isTest)
			for (const name of domGlobalsIn(source))
				problems.push(`${file}: domain uses the DOM global '${name}'`);
	}

	for (const file of sourceFiles(root, 'src/routes')) {
		for (const spec of importsOf(read(file))) {
			const target = resolveImport(root, file, spec);
			if (target === null) {
				if (DATABASE_PACKAGES.some((re) => re.test(spec)))
					problems.push(`${file}: route imports the database package '${spec}'`);
			} else if (/^src\/lib\/server\/db\/(?!index\.ts$)/.test(target))
				problems.push(
					`${file}: route imports '${spec}' (${target}): queries belong in src/lib/server`
				);
		}
	}

	// rule 4: one way into a domain folder from the server, none through an index from the browser
	for (const file of sourceFiles(root, 'src')) {
		if (file.startsWith('src/lib/domain/')) continue;
		const serverSide = SERVER_SIDE.test(file);
		for (const spec of importsOf(read(file))) {
			const target = resolveImport(root, file, spec);
			const m = target === null ? null : DOMAIN_FOLDER_MODULE.exec(target);
			if (!m || !existsSync(join(root, 'src/lib/domain', m[1], 'index.ts'))) continue;
			const isIndex = m[2] === 'index.ts';
			if (serverSide && !isIndex)
				problems.push(
					`${file}: imports '${spec}' (${target}); server code takes src/lib/domain/${m[1]} through its index.ts`
				);
			else if (!serverSide && isIndex)
				problems.push(
					`${file}: browser code imports '${spec}' (${target}), a domain folder's index; import the module it needs`
				);
		}
	}

	// rule 3: walk the import graph from the app's entry points
	const entries = [
		...sourceFiles(root, 'src/routes'),
		...['src/hooks.server.ts', 'src/hooks.client.ts', 'src/hooks.ts'].filter((f) =>
			existsSync(join(root, f))
		)
	].filter((f) => !/\.test\.ts$/.test(f));
	const seen = new Set();
	const from = new Map();
	const queue = [...entries];
	while (queue.length > 0) {
		const file = queue.pop();
		if (seen.has(file) || !existsSync(join(root, file))) continue;
		seen.add(file);
		if (/(^|\/)test-support\//.test(file)) {
			let chain = file;
			for (let f = from.get(file); f; f = from.get(f)) chain = `${f} -> ${chain}`;
			problems.push(`${file}: test support reaches the app (${chain})`);
			continue;
		}
		for (const spec of importsOf(read(file))) {
			const target = resolveImport(root, file, spec);
			if (target !== null && SOURCE.test(target) && !seen.has(target)) {
				if (!from.has(target)) from.set(target, file);
				queue.push(target);
			}
		}
	}
	return problems;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const root = process.argv[2] ?? fileURLToPath(new URL('..', import.meta.url));
	const problems = checkLayers(root);
	for (const p of problems) console.error(p);
	if (problems.length > 0) {
		console.error(`check-layers: ${problems.length} problem(s); see ARCHITECTURE.md`);
		process.exit(1);
	}
	console.log(
		'check-layers: domain pure, routes without database, test support outside the app, domain folders entered by their index from the server'
	);
}
