import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { CSV_HEADER, fromAnnotationCollection, type JsonObject } from '../../domain/annotation';
import {
	createActor,
	createComparison,
	editedUnderAnnotations,
	targetOf
} from '../test-support/annotation-fixtures';
import { exportCsv, exportJsonLd } from './export';
import { derivedId, importCollection } from './import';
import * as annotations from './verbs';
import type { Placed } from './reanchor';
import type { Db } from '../db/connect';
import { describeEachDatabase } from '../test-support/databases';
import * as replies from './replies';
import { failure } from '../test-support/failure';

const BASE = 'https://parallax.example.org';

/** RFC 4180 rows (quoted fields may hold commas, quotes and line breaks); enough to check ours. */
function parse(csv: string): string[][] {
	const rows: string[][] = [];
	const field = /("(?:[^"]|"")*"|[^,\r\n]*)(,|\r\n|$)/y;
	let row: string[] = [];
	while (field.lastIndex < csv.length) {
		const m = field.exec(csv);
		if (!m) throw new Error(`bad CSV at ${field.lastIndex}`);
		row.push(m[1].startsWith('"') ? m[1].slice(1, -1).replaceAll('""', '"') : m[1]);
		if (m[2] !== ',') {
			rows.push(row);
			row = [];
		}
	}
	return rows;
}

describeEachDatabase('export and import', (current) => {
	const db = () => current().database.db;

	/** A workspace with a shared fact, a framing on it, and a note with a reply. */
	const annotated = async (tag: string) => {
		const comparison = await createComparison(db(), tag);
		const actor = await createActor(db(), comparison.id);
		const fact = await annotations.create(db(), actor, comparison.id, {
			id: randomUUID(),
			kind: 'shared-fact',
			relation: 'same',
			evidence: 'verified',
			evidenceUrl: 'https://example.org/minutes',
			targets: [targetOf(comparison, 'a', '$4 million'), targetOf(comparison, 'b', '$4 million')],
			note: 'Same figure, "quoted", with a comma.'
		});
		await annotations.create(db(), actor, comparison.id, {
			id: randomUUID(),
			kind: 'framing',
			frame: 'economic/repair-costs',
			entman: 'problem-definition',
			attachedTo: fact.value.id,
			targets: [targetOf(comparison, 'a', 'the building needs $4 million in repairs')],
			note: ''
		});
		const note = await annotations.create(db(), actor, comparison.id, {
			id: randomUUID(),
			kind: 'note',
			targets: [targetOf(comparison, 'b', 'road safety')],
			note: '=HYPERLINK("x") which roads?\nTwo lines.'
		});
		await replies.create(db(), actor, note.value.id, { id: randomUUID(), note: 'The ring road.' });
		return { comparison, actor };
	};

	it('exports JSON-LD that reads back into the same annotations', async () => {
		const { comparison, actor } = await annotated('jsonld');
		const listed = await annotations.list(db(), actor, comparison.id);
		const exported = JSON.parse(
			JSON.stringify(await exportJsonLd(db(), actor, comparison.id, BASE))
		);
		expect(exported).toMatchObject({ type: 'AnnotationCollection', total: 4 });
		const back = fromAnnotationCollection(exported, comparison);
		expect(back.errors).toEqual([]);
		expect(back.annotations).toEqual(listed.annotations);
	});

	it('imports a pack into another workspace, again idempotently, and keeps it apart', async () => {
		const { comparison, actor } = await annotated('import');
		const pack = JSON.parse(JSON.stringify(await exportJsonLd(db(), actor, comparison.id, BASE)));
		const source = (await annotations.list(db(), actor, comparison.id)).annotations;
		const other = await createActor(db(), comparison.id);
		const first = await importCollection(db(), other, comparison.id, pack);
		expect(first.errors).toEqual([]);
		expect(first.unchanged).toEqual([]);
		// the ids are taken by the exporting workspace on this server: stable stand-ins are used
		const expectedIds = source.map((a) => `urn:uuid:${derivedId(other, a.id)}`);
		expect([...first.imported].sort()).toEqual([...expectedIds].sort());
		const again = await importCollection(db(), other, comparison.id, pack);
		expect(again).toEqual({ imported: [], unchanged: first.imported, errors: [] });
		const copied = (await annotations.list(db(), other, comparison.id)).annotations;
		expect(copied).toHaveLength(3);
		const framing = copied.find((a) => a.kind === 'framing')!;
		expect(framing.attachedTo).toBe(derivedId(other, source[0].id));
		const strip = (a: (typeof source)[number]) => ({
			kind: a.kind,
			note: a.note,
			targets: a.targets,
			author: a.author.name,
			replies: a.replies.map((r) => [r.note, r.createdAt])
		});
		expect(copied.map(strip)).toEqual(source.map(strip));
		expect(
			copied.every((a) => a.author.id === other.author.id && a.scope.id === other.scope.id)
		).toBe(true);
		// the source workspace is untouched
		expect((await annotations.list(db(), actor, comparison.id)).annotations).toEqual(source);
		// re-importing one's own export changes nothing
		const own = await importCollection(db(), actor, comparison.id, pack);
		expect(own.imported).toEqual([]);
		expect(own.unchanged).toHaveLength(3);
	});

	it('reports bad items and refuses files with nothing readable', async () => {
		const { comparison, actor } = await annotated('bad-import');
		const pack = JSON.parse(JSON.stringify(await exportJsonLd(db(), actor, comparison.id, BASE)));
		const items = (pack.first as JsonObject).items as JsonObject[];
		items[0].id = 'urn:uuid:not-a-uuid';
		const other = await createActor(db(), comparison.id);
		const result = await importCollection(db(), other, comparison.id, pack);
		// the shared fact is refused, so is the framing attached to it; the note and reply pass
		expect(result.imported).toHaveLength(1);
		expect(result.errors.map((e) => e.field)).toEqual(expect.arrayContaining(['id', 'attachedTo']));
		for (const bad of [[], { '@context': 'x' }, 'text', null]) {
			expect((await failure(importCollection(db(), other, comparison.id, bad))).status).toBe(422);
		}
	});

	it('exports CSV with one row per annotation and per reply, safe for spreadsheets', async () => {
		const { comparison, actor } = await annotated('csv');
		const csv = await exportCsv(db(), actor, comparison.id);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		const rows: string[][] = parse(csv.slice(1));
		expect(rows[0]).toEqual([...CSV_HEADER]);
		expect(rows.slice(1).map((r) => r[0])).toEqual(['Shared fact', 'Framing', 'Note', 'Reply']);
		expect(rows[1][2]).toBe('$4 million');
		expect(rows[3][8]).toBe('\'=HYPERLINK("x") which roads?\nTwo lines.');
		expect(rows[3][11]).toBe('1');
		// the reply's row points at the note by id
		const id = CSV_HEADER.indexOf('id');
		expect(rows[4][CSV_HEADER.indexOf('reply to')]).toBe(rows[3][id]);
		expect(rows[4][id]).toMatch(/^[0-9a-f-]{36}$/);
		const empty = await exportCsv(db(), await createActor(db(), comparison.id), comparison.id);
		expect(parse(empty.slice(1))).toEqual([[...CSV_HEADER]]);
	});

	/** What a reader sees of a placing: passages, statuses, kinds, notes and replies. */
	const shown = (p: Placed) => ({
		// a moved annotation is exported at its new place: placed there, no longer flagged as moved
		placed: p.annotations.map((a) => ({ kind: a.kind, note: a.note, targets: a.targets })),
		unplaced: p.orphans.map((o) => ({
			kind: o.annotation.kind,
			note: o.annotation.note,
			replies: o.annotation.replies.map((r) => r.note),
			targets: o.annotation.targets,
			placing: o.targets
		}))
	});

	it('imports what an edit left unplaced as stored on the source; one’s own export again changes nothing', async () => {
		const { view, actor, ids } = await editedUnderAnnotations(db(), 'jsonld-edited');
		const source = await annotations.list(db(), actor, view.id);
		expect(source.orphans).toHaveLength(2);
		const pack = JSON.parse(JSON.stringify(await exportJsonLd(db(), actor, view.id, BASE)));
		// another reader on this server, where the old version's text is known
		const other = await createActor(db(), view.id);
		const first = await importCollection(db(), other, view.id, pack);
		expect(first.errors).toEqual([]);
		expect(first.imported).toHaveLength(3);
		expect(shown(await annotations.list(db(), other, view.id))).toEqual(shown(source));
		const again = await importCollection(db(), other, view.id, pack);
		expect(again).toEqual({ imported: [], unchanged: first.imported, errors: [] });
		// the exporter's own file: all already here, the moved fact at its new place too
		const own = await importCollection(db(), actor, view.id, pack);
		expect(own.errors).toEqual([]);
		expect(own.imported).toEqual([]);
		expect([...own.unchanged].sort()).toEqual(
			[ids.fact, ids.note, ids.framing].map((id) => `urn:uuid:${id}`).sort()
		);
		expect(await annotations.list(db(), actor, view.id)).toEqual(source);
	});

	// items of the export: 0 the fact, 1 the note, 2 its reply, 3 the framing
	it.each<[string, (pack: JsonObject, setup: Edited) => Promise<void> | void, number[], RegExp]>([
		[
			'an annotation changed here since the file was made',
			async (_pack, { db, actor, ids }) =>
				void (await annotations.update(db, actor, ids.note, { note: 'Changed since.' })),
			[1],
			/already here with other content; the one here was kept/
		],
		[
			'an annotation deleted here since (its reply goes with it)',
			async (_pack, { db, actor, ids }) => annotations.remove(db, actor, ids.note),
			[1, 2],
			/deleted here|was not imported/
		],
		[
			'a reply with other text in the file',
			(pack) => {
				const reply = ((pack.first as JsonObject).items as JsonObject[])[2];
				(reply.body as JsonObject).value = 'Ask the parents.';
			},
			[2],
			/reply is already here with other text; the one here was kept/
		]
	])(
		'names the item of a refusal and says what it means: %s',
		async (_name, change, items, message) => {
			const edited = await editedUnderAnnotations(db(), `refusal-${items.join('-')}`);
			const { view, actor } = edited;
			const pack = JSON.parse(JSON.stringify(await exportJsonLd(db(), actor, view.id, BASE)));
			await change(pack, { ...edited, db: db() });
			const result = await importCollection(db(), actor, view.id, pack);
			expect(result.imported).toEqual([]);
			expect(result.errors.map((e) => e.item)).toEqual(items);
			for (const e of result.errors) {
				expect(e.message).toMatch(message);
				expect(e.message).not.toMatch(/Select it again/);
			}
		}
	);
});

/** An edited comparison's setup, and the database it is in. */
type Edited = Awaited<ReturnType<typeof editedUnderAnnotations>> & { db: Db };
