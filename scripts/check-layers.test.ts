import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLayers, importsOf } from './check-layers.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url));

/** A small repository that keeps every rule, plus `extra` files (path -> text). */
function tree(extra: Record<string, string> = {}): string {
	const root = mkdtempSync(join(tmpdir(), 'layers-'));
	const files: Record<string, string> = {
		'src/lib/domain/text/words.ts': "import { x } from '../types';\nexport const w = x;\n",
		'src/lib/domain/types.ts': "import { diffWords } from 'diff';\nexport const x = diffWords;\n",
		'src/lib/domain/text/words.test.ts': "import { readFileSync } from 'node:fs';\n",
		'src/lib/domain/text/index.ts': "export { w } from './words';\n",
		'src/lib/server/seed.ts': "import { w } from '../domain/text';\nexport const s = w;\n",
		'src/lib/reading/view.ts': "import { w } from '$lib/domain/text/words';\nexport const v = w;\n",
		'src/lib/server/db/index.ts': 'export const getDatabase = () => 1;\n',
		'src/lib/server/db/schema.ts': 'export const article = 1;\n',
		'src/lib/server/articles.ts':
			"import { article } from './db/schema';\nexport const a = article;\n",
		'src/lib/server/test-support/fixtures.ts': 'export const f = 1;\n',
		'src/lib/server/articles.test.ts': "import { f } from './test-support/fixtures';\n",
		'src/lib/test-support/chart-fixtures.ts': 'export const c = 1;\n',
		'src/lib/charts/Chart.svelte.test.ts':
			"import { c } from '$lib/test-support/chart-fixtures';\n",
		'src/routes/+page.server.ts':
			"import { getDatabase } from '$lib/server/db';\nimport { a } from '$lib/server/articles';\n",
		'src/hooks.server.ts': "import { getDatabase } from '$lib/server/db';\n",
		...extra
	};
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(join(root, dirname(path)), { recursive: true });
		writeFileSync(join(root, path), text);
	}
	return root;
}

const roots: string[] = [];
afterEach(() => {
	for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** The problems of a repository with these extra files. */
function problemsWith(extra: Record<string, string>): string[] {
	const root = tree(extra);
	roots.push(root);
	return checkLayers(root);
}

describe('checkLayers', () => {
	it('passes this repository', () => {
		expect(checkLayers(REPO)).toEqual([]);
	});

	it('passes a tree that keeps the rules', () => {
		expect(problemsWith({})).toEqual([]);
	});

	it.each([
		[
			'domain -> $lib/server',
			'src/lib/domain/a.ts',
			"import { a } from '$lib/server/articles';",
			'outside src/lib/domain'
		],
		[
			'domain -> relative server',
			'src/lib/domain/text/a.ts',
			"import { a } from '../../server/articles';",
			'outside src/lib/domain'
		],
		[
			'domain -> components',
			'src/lib/domain/a.ts',
			"import type X from '$lib/charts/Chart.svelte';",
			'outside src/lib/domain'
		],
		[
			'domain -> svelte',
			'src/lib/domain/a.ts',
			"import { tick } from 'svelte';",
			'server, Svelte, DOM or database'
		],
		[
			'domain -> $app',
			'src/lib/domain/a.ts',
			"import { page } from '$app/state';",
			'server, Svelte, DOM or database'
		],
		[
			'domain -> drizzle',
			'src/lib/domain/a.ts',
			"import { eq } from 'drizzle-orm';",
			'server, Svelte, DOM or database'
		],
		[
			'domain test -> server',
			'src/lib/domain/a.test.ts',
			"import { a } from '$lib/server/articles';",
			'outside src/lib/domain'
		],
		[
			'domain -> linkedom',
			'src/lib/domain/a.ts',
			"import { parseHTML } from 'linkedom';",
			'DOM or document parser'
		],
		[
			'domain -> fs',
			'src/lib/domain/a.ts',
			"import { readFileSync } from 'node:fs';",
			'I/O belongs to the server'
		],
		[
			'domain reads document',
			'src/lib/domain/a.ts',
			'export const t = () => document.title;',
			"DOM global 'document'"
		],
		[
			'domain reads window',
			'src/lib/domain/a.ts',
			"export const w = () => window['x'];",
			"DOM global 'window'"
		],
		[
			'route -> drizzle',
			'src/routes/x/+server.ts',
			"import { eq } from 'drizzle-orm';",
			"database package 'drizzle-orm'"
		],
		[
			'route -> schema',
			'src/routes/x/+page.server.ts',
			"import { article } from '$lib/server/db/schema';",
			'queries belong in src/lib/server'
		],
		[
			'svelte route -> pglite',
			'src/routes/x/+page.svelte',
			"<script>\nimport { PGlite } from '@electric-sql/pglite';\n</script>",
			"database package '@electric-sql/pglite'"
		],
		[
			'route -> test support',
			'src/routes/x/+page.server.ts',
			"import { f } from '$lib/server/test-support/fixtures';",
			'test support reaches the app'
		],
		[
			'server -> inside a domain folder',
			'src/lib/server/x.ts',
			"import { w } from '../domain/text/words';",
			'through its index.ts'
		],
		[
			'route -> inside a domain folder',
			'src/routes/x/+page.server.ts',
			"import { w } from '$lib/domain/text/words';",
			'through its index.ts'
		],
		[
			'browser -> a domain index',
			'src/lib/reading/x.ts',
			"import type { W } from '$lib/domain/text';",
			"a domain folder's index"
		],
		[
			'component -> a domain index',
			'src/routes/x/+page.svelte',
			"<script>\nimport { w } from '$lib/domain/text/index';\n</script>",
			"a domain folder's index"
		],
		[
			'app module -> test support',
			'src/lib/server/articles.ts',
			"export { f } from './test-support/fixtures';",
			'test support reaches the app'
		]
	])('refuses %s', (_name, path, text, message) => {
		const problems = problemsWith({ [path]: text + '\n' });
		expect(problems).toHaveLength(1);
		expect(problems[0]).toContain(
			path.startsWith('src/lib/server/articles') ? 'test-support' : path
		);
		expect(problems[0]).toContain(message);
	});

	it('refuses browser test support reached through a component the page shows', () => {
		const problems = problemsWith({
			'src/routes/x/+page.svelte':
				"<script>\nimport Chart from '$lib/charts/Chart.svelte';\n</script>\n",
			'src/lib/charts/Chart.svelte':
				'<script lang="ts">\nimport { c } from \'../test-support/chart-fixtures\';\n</script>\n'
		});
		expect(problems).toEqual([
			'src/lib/test-support/chart-fixtures.ts: test support reaches the app (src/routes/x/+page.svelte -> src/lib/charts/Chart.svelte -> src/lib/test-support/chart-fixtures.ts)'
		]);
	});

	it('lets a local variable named like a DOM global be', () => {
		const text = 'export function f(window: string) {\n\treturn window.length;\n}\n';
		expect(problemsWith({ 'src/lib/domain/a.ts': text })).toEqual([]);
	});

	it('ignores imports in comments', () => {
		const text = "// import { a } from '$lib/server/articles';\nexport const b = 1;\n";
		expect(problemsWith({ 'src/lib/domain/a.ts': text })).toEqual([]);
	});
});

describe('importsOf', () => {
	it('finds static, type-only, side-effect, re-export and dynamic imports', () => {
		const text = [
			"import a from 'a';",
			"import type { B } from './b';",
			"import {\n\tc,\n\td\n} from '../c';",
			"import 'side';",
			"export * from './e';",
			"const f = await import('f');"
		].join('\n');
		expect(importsOf(text).sort()).toEqual(['../c', './b', './e', 'a', 'f', 'side']);
	});
});
