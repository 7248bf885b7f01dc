import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { annotations } from '../annotations';
import {
	createActor,
	createComparison,
	createReader,
	editedUnderAnnotations,
	memberActor,
	targetOf
} from '../test-support/annotation-fixtures';
import type { Actor, Placed } from '../annotations';
import { personal } from '../rooms';
import {
	BUNDLE_KIND,
	BUNDLE_VERSION,
	checkBundle,
	exportBundle,
	importBundle,
	parseBundleBytes,
	type ComparisonBundle
} from './bundle';
import * as articles from './article-versions';
import * as comparisons from './comparisons';
import { describeEachDatabase, openTestDatabase } from '../test-support/databases';

const BASE = 'https://parallax.example';
const utf8 = (s: string) => new TextEncoder().encode(s);

function bundle(overrides: Partial<Record<keyof ComparisonBundle, unknown>> = {}): unknown {
	return {
		parallax: BUNDLE_KIND,
		version: BUNDLE_VERSION,
		comparison: { title: 'Garage vote' },
		articles: {
			a: {
				raw: 'Yes to homes\n\nThe council voted 7–2.',
				meta: { title: 'Yes', genre: 'opinion' }
			},
			b: { raw: 'No to homes\n\nThe council voted 7-2.', meta: { title: 'No', genre: 'report' } }
		},
		...overrides
	};
}

describe('parseBundleBytes', () => {
	it.each([
		['empty', new Uint8Array(), 'This file is empty.'],
		[
			'binary',
			new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1]),
			'This file looks binary; a comparison file is JSON text.'
		],
		[
			'not JSON',
			utf8('title: yaml'),
			'This is not a Parallax comparison file: it is not valid JSON (cut short, edited, or another kind of file). A comparison file is made by “Download as one file” in the library.'
		],
		// the parser's message (position, token) is left out, whatever the parser says
		[
			'JSON cut short',
			utf8('{"parallax": "comparison-bundle", "ver'),
			/^This is not a Parallax comparison file: it is not valid JSON \(cut short/
		],
		['invalid UTF-8', new Uint8Array([0x7b, 0xff, 0x7d]), /not valid UTF-8/]
	])('refuses %s', (_name, bytes, message) => {
		const r = parseBundleBytes(bytes);
		expect(r.ok).toBe(false);
		expect(r.ok ? '' : r.message).toMatch(message);
	});

	it.each(['{ parallax: 1 }', '{"a":1,}', '{"a"', "{'a': 1}", 'undefined'])(
		'never passes on the JSON parser’s words (%s)',
		(text) => {
			const r = parseBundleBytes(utf8(text));
			expect(r.ok ? '' : r.message).toMatch(/^This is not a Parallax comparison file/);
			expect(r.ok ? '' : r.message).not.toMatch(/position|token|Unexpected|Expected|JSON\.parse/);
		}
	);

	it('reads JSON (a BOM is fine)', () => {
		expect(parseBundleBytes(utf8('\uFEFF{"a":1}'))).toEqual({ ok: true, value: { a: 1 } });
	});
});

describe('checkBundle', () => {
	it('accepts a bundle without annotations', () => {
		const r = checkBundle(bundle());
		expect(r.ok && r.value).toMatchObject({
			title: 'Garage vote',
			// a file from before origins were recorded: unknown, not refused
			a: { meta: { title: 'Yes', genre: 'opinion' }, origin: null },
			b: { meta: { title: 'No', genre: 'report' }, origin: null },
			annotations: null,
			annotationCount: 0
		});
	});

	it('reads a file without a genre as "not given", and refuses an unknown one', () => {
		const articles = (genre: unknown) => ({
			a: { raw: 'Yes to homes\n\nThe council voted 7–2.', meta: { title: 'Yes', genre } },
			b: { raw: 'No to homes\n\nThe council voted 7-2.', meta: { title: 'No' } }
		});
		const r = checkBundle(bundle({ articles: articles(undefined) }));
		expect(r.ok && r.value.a.meta).toEqual({ title: 'Yes' });
		expect(r.ok && r.value.b.meta).toEqual({ title: 'No' });
		const bad = checkBundle(bundle({ articles: articles('satire') }));
		expect(bad.ok ? [] : bad.problems).toEqual([
			'Article A, genre: Choose opinion, report or analysis, or leave the genre as not given.'
		]);
	});

	it.each([
		['a JSON array', [], /not a Parallax comparison file/],
		[
			// the room's JSON-LD export, a likely mix-up: the file to use is named as the app names it
			'an annotation collection',
			{ '@context': 'http://www.w3.org/ns/anno.jsonld' },
			/not a Parallax comparison file .*made by “Download as one file” in the library\.$/
		],
		['a newer format', bundle({ version: 2 }), /made by a newer Parallax \(format 2\)/],
		['a broken version', bundle({ version: '1' }), /unknown format version \("1"\)/],
		['no comparison title', bundle({ comparison: {} }), /needs a title/],
		// a NUL went on to the database and was a 500
		['NUL in the title', bundle({ comparison: { title: 'Garage\u0000vote' } }), /title contains/],
		['a broken title', bundle({ comparison: { title: 'Garage \ud800' } }), /broken character/],
		[
			'a broken article author',
			bundle({
				articles: {
					a: { raw: 'x', meta: { title: 'A', author: '\udfff', genre: 'opinion' } },
					b: { raw: 'y', meta: { title: 'B', genre: 'opinion' } }
				}
			}),
			/Article A, author: This field contains a broken character/
		],
		['no articles', bundle({ articles: null }), /Article A: the file needs its text/],
		[
			'an empty article',
			bundle({
				articles: {
					a: { raw: ' ', meta: { title: 'A', genre: 'opinion' } },
					b: { raw: 'x', meta: { title: 'B', genre: 'opinion' } }
				}
			}),
			/Article A: The text is empty/
		],
		[
			'an article of one letter',
			bundle({
				articles: {
					a: { raw: 'x', meta: { title: 'A', genre: 'opinion' } },
					b: { raw: 'Yes to homes', meta: { title: 'B', genre: 'opinion' } }
				}
			}),
			/^Article A: There is nothing to compare in this text/
		],
		[
			'an article over the limit',
			bundle({
				articles: {
					a: { raw: 'a'.repeat(200_001), meta: { title: 'A', genre: 'opinion' } },
					b: { raw: 'x', meta: { title: 'B', genre: 'opinion' } }
				}
			}),
			/Article A: This text has 200,001 characters/
		],
		[
			'bad metadata',
			bundle({
				articles: {
					a: { raw: 'x', meta: { title: '', genre: 'poem', sourceUrl: 'javascript:x' } },
					b: { raw: 'y', meta: { title: 'B', genre: 'opinion' } }
				}
			}),
			/Article A: the title is missing/
		],
		[
			'an origin that is not one',
			bundle({
				articles: {
					a: { raw: 'x', meta: { title: 'A', genre: 'opinion' }, origin: { kind: 'pasted' } },
					b: { raw: 'y', meta: { title: 'B', genre: 'opinion' }, origin: { kind: 'link' } }
				}
			}),
			/^Article B, origin: not understood/
		],
		[
			'annotations that are not a collection',
			bundle({ annotations: { type: 'Nothing' } }),
			/^Annotations: This is not a W3C Web Annotation file/
		]
	])('refuses %s', (_name, json, problem) => {
		const r = checkBundle(json);
		expect(r.ok).toBe(false);
		expect(r.ok ? [] : r.problems).toContainEqual(expect.stringMatching(problem));
	});
});

describeEachDatabase('bundle export and import', (current) => {
	const db = () => current().database.db;

	it('exports both texts, metadata and the reader’s annotations, and imports them on another server', async () => {
		const view = await createComparison(db(), 'bundle');
		const actor = await createActor(db(), view.id);
		const note = {
			id: randomUUID(),
			kind: 'note',
			targets: [targetOf(view, 'a', 'Mayor Ellen Park')],
			note: 'Who pays?'
		};
		await annotations.create(db(), actor, view.id, note);
		const exported = await exportBundle(db(), actor, view.id, BASE);
		if (!exported) throw new Error('no bundle');
		expect(exported).toMatchObject({
			parallax: 'comparison-bundle',
			version: 1,
			comparison: { title: view.title },
			articles: { a: { meta: view.a.meta }, b: { meta: view.b.meta } },
			annotations: { type: 'AnnotationCollection', total: 1 }
		});
		expect(exported.articles.a.raw).toContain('Library closure angers residents');

		// through bytes, as a download and an upload would carry it
		const parsed = parseBundleBytes(utf8(JSON.stringify(exported)));
		const checked = checkBundle(parsed.ok ? parsed.value : null);
		if (!checked.ok) throw new Error(checked.problems.join('\n'));
		expect(checked.value.annotationCount).toBe(1);

		const other = await openTestDatabase('pglite');
		try {
			const reader = await createReader(other.database.db);
			let importer: Actor | undefined;
			const made = await importBundle(
				other.database.db,
				async (comparisonId) =>
					(importer = memberActor(await personal.ensure(other.database.db, reader, comparisonId))),
				checked.value
			);
			if (!importer) throw new Error('no personal room was made for the annotations');
			expect(made.imported).toBe(1);
			expect(made.comparison.a.text).toBe(view.a.text);
			expect(made.comparison.a.version).toBe(view.a.version);
			const placed = await annotations.list(other.database.db, importer, made.comparison.id);
			expect(placed.annotations).toHaveLength(1);
			expect(placed.annotations[0]).toMatchObject({ id: note.id, note: 'Who pays?' });
			expect(placed.orphans).toEqual([]);
		} finally {
			await other.dispose();
		}
	});

	it('imports an edited comparison on another server: what could not be placed stays so, as on the source', async () => {
		const { view, actor, ids } = await editedUnderAnnotations(db(), 'bundle-edited');
		const source = await annotations.list(db(), actor, view.id);
		// how the source shows them: the fact moved with the text, the note and framing did not
		expect(source.annotations.map((a) => a.id)).toEqual([ids.fact]);
		expect(source.orphans.map((o) => o.annotation.id)).toEqual([ids.note, ids.framing]);
		const exported = await exportBundle(db(), actor, view.id, BASE);
		const checked = checkBundle(JSON.parse(JSON.stringify(exported)));
		if (!checked.ok) throw new Error(checked.problems.join('\n'));
		expect(checked.value.annotationCount).toBe(4);

		const other = await openTestDatabase('pglite');
		try {
			const there = other.database.db;
			const reader = await createReader(there);
			let importer: Actor | undefined;
			const made = await importBundle(
				there,
				async (comparisonId) =>
					(importer = memberActor(await personal.ensure(there, reader, comparisonId))),
				checked.value
			);
			if (!importer) throw new Error('no personal room was made for the annotations');
			expect(made).toMatchObject({ imported: 3, skipped: [] });
			const placed = await annotations.list(there, importer, made.comparison.id);
			/** What a reader sees of a placing: passages (quotes and versions), statuses, the rest. */
			const shown = (p: Placed) => ({
				placed: p.annotations.map((a) => ({ id: a.id, note: a.note, targets: a.targets })),
				unplaced: p.orphans.map((o) => ({
					id: o.annotation.id,
					kind: o.annotation.kind,
					note: o.annotation.note,
					replies: o.annotation.replies.map((r) => r.note),
					passages: o.annotation.targets.map(({ side, articleVersion, exact, prefix, suffix }) => ({
						side,
						articleVersion,
						exact,
						prefix,
						suffix
					})),
					statuses: o.targets.map((t) => [t.side, t.status, t.reason])
				}))
			});
			expect(shown(placed)).toEqual(shown(source));
			// an unplaced annotation is still its author's to change, then to re-attach
			const [note] = placed.orphans;
			const renoted = await annotations.update(there, importer, note.annotation.id, {
				note: 'Still true?'
			});
			expect(renoted.targets).toEqual(note.annotation.targets);
			await annotations.update(there, importer, note.annotation.id, {
				targets: [targetOf(made.comparison, 'a', 'Mayor Ellen Park')]
			});
			const after = await annotations.list(there, importer, made.comparison.id);
			expect(after.orphans.map((o) => o.annotation.id)).toEqual([ids.framing]);
		} finally {
			await other.dispose();
		}
	});

	it('keeps where each text came from through export and import', async () => {
		const link = {
			kind: 'link' as const,
			url: 'https://ledger.example/garage',
			fetchedAt: '2026-12-06T21:14:09.000Z'
		};
		const file = { kind: 'file' as const, name: 'course-pack.pdf', edited: true as const };
		const meta = { title: 'Origins', genre: 'report' as const };
		const a = await articles.create(db(), { raw: 'Fetched. It says so.', meta, origin: link });
		const b = await articles.create(db(), { raw: 'From a PDF. Edited.', meta, origin: file });
		const view = await comparisons.create(db(), {
			title: 'Origins',
			articleAId: a.id,
			articleBId: b.id
		});
		const exported = await exportBundle(db(), await createActor(db(), view.id), view.id, BASE);
		expect(exported?.articles.a.origin).toEqual(link);
		expect(exported?.articles.b.origin).toEqual(file);
		const checked = checkBundle(JSON.parse(JSON.stringify(exported)));
		if (!checked.ok) throw new Error(checked.problems.join('\n'));
		// on the same server: an origin lost on the way would make new rows with none
		const made = await importBundle(
			db(),
			() => Promise.reject(new Error('no annotations to import')),
			checked.value
		);
		expect(made.comparison.id).not.toBe(view.id);
		expect(made.comparison.a.origin).toEqual(link);
		expect(made.comparison.b.origin).toEqual(file);
	});

	it('imports on the same server too (ids taken there are replaced)', async () => {
		const view = await createComparison(db(), 'same-server');
		const actor = await createActor(db(), view.id);
		const id = randomUUID();
		await annotations.create(db(), actor, view.id, {
			id,
			kind: 'note',
			targets: [targetOf(view, 'b', 'road safety')],
			note: 'Which roads?'
		});
		const exported = await exportBundle(db(), actor, view.id, BASE);
		const checked = checkBundle(JSON.parse(JSON.stringify(exported)));
		if (!checked.ok) throw new Error(checked.problems.join('\n'));
		const reader = await createReader(db());
		let importer: Actor | undefined;
		const made = await importBundle(
			db(),
			async (comparisonId) =>
				(importer = memberActor(await personal.ensure(db(), reader, comparisonId))),
			checked.value
		);
		if (!importer) throw new Error('no personal room was made for the annotations');
		expect(made.comparison.id).not.toBe(view.id);
		const placed = await annotations.list(db(), importer, made.comparison.id);
		expect(placed.annotations.map((a) => a.note)).toEqual(['Which roads?']);
		expect(placed.annotations[0].id).not.toBe(id);
	});

	it('exports no annotations for a reader without any', async () => {
		const view = await createComparison(db(), 'empty');
		const nobody = {
			scope: { kind: 'room' as const, id: '00000000-0000-0000-0000-000000000000' },
			author: { id: '', name: '' }
		};
		const exported = await exportBundle(db(), nobody, view.id, BASE);
		expect(exported?.annotations).toMatchObject({ total: 0 });
		expect(await exportBundle(db(), nobody, randomUUID(), BASE)).toBeUndefined();
	});

	it('refuses annotations made for other texts before storing anything', async () => {
		const view = await createComparison(db(), 'edited');
		const actor = await createActor(db(), view.id);
		await annotations.create(db(), actor, view.id, {
			id: randomUUID(),
			kind: 'note',
			targets: [targetOf(view, 'a', 'Mayor Ellen Park')],
			note: 'n'
		});
		const exported = (await exportBundle(db(), actor, view.id, BASE)) as ComparisonBundle;
		exported.articles.a.raw += '\n\nA paragraph added by hand.';
		const before = (await comparisons.list(db())).length;
		const checked = checkBundle(JSON.parse(JSON.stringify(exported)));
		expect(checked.ok).toBe(false);
		expect(checked.ok ? [] : checked.problems).toContainEqual(
			expect.stringMatching(/another version of article A/)
		);
		expect((await comparisons.list(db())).length).toBe(before);
	});
});
