import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ArticleMeta } from '../../domain/types';
import {
	createActor,
	createComparison,
	createReader,
	memberActor,
	targetOf
} from '../test-support/annotation-fixtures';
import { personal } from '../rooms';
import { annotations } from '../annotations';
import * as articles from './article-versions';
import * as comparisons from './comparisons';
import { describeEachDatabase } from '../test-support/databases';
import { create as ingestCreate } from './ingest/new-comparison';
import * as library from './library';

describe('containsPattern', () => {
	it.each([
		['plain', '%plain%'],
		['50%', '%50\\%%'],
		['snake_case', '%snake\\_case%'],
		['back\\slash', '%back\\\\slash%']
	])('%j -> %j', (word, pattern) => {
		expect(library.containsPattern(word)).toBe(pattern);
	});
});

const meta = (title: string, outlet: string, author?: string): ArticleMeta => ({
	title,
	outlet,
	genre: 'opinion',
	...(author ? { author } : {})
});

describeEachDatabase('library', (current) => {
	const db = () => current().database.db;
	const make = async (title: string, a: ArticleMeta, b: ArticleMeta, analyse = false) => {
		const input = {
			title,
			a: { raw: `${a.title}\n\nThe harbour wall will cost money. ${title}.`, meta: a },
			b: { raw: `${b.title}\n\nThe harbour wall costs too much. ${title}.`, meta: b }
		};
		if (analyse) return ingestCreate(db(), input);
		const x = await articles.create(db(), input.a);
		const y = await articles.create(db(), input.b);
		return comparisons.create(db(), { title, articleAId: x.id, articleBId: y.id });
	};

	it('lists comparisons newest first with both articles and counts', async () => {
		const first = await make(
			'Sea wall',
			meta('Wall yes', 'Ledger', 'Dana'),
			meta('Wall no', 'Weekly'),
			true
		);
		const second = await make(
			'Ferry fares',
			meta('Fares up', 'Gazette'),
			meta('Fares fair', '50% Times')
		);
		const entries = await library.list(db());
		expect(entries.map((e) => e.id).slice(0, 2)).toEqual([second.id, first.id]);
		const wall = entries.find((e) => e.id === first.id);
		expect(wall).toMatchObject({
			title: 'Sea wall',
			a: { title: 'Wall yes', outlet: 'Ledger', author: 'Dana' },
			b: { title: 'Wall no', outlet: 'Weekly' },
			annotations: null
		});
		expect(wall?.suggestions).toEqual(expect.any(Number));
		expect(entries.find((e) => e.id === second.id)?.suggestions).toBeNull();
		expect(await library.count(db())).toBeGreaterThanOrEqual(2);
	});

	it.each([
		['a comparison title', 'ferry', ['Ferry fares']],
		['an article title, any case', 'WALL NO', ['Sea wall']],
		['an outlet', 'gazette', ['Ferry fares']],
		['an author', 'dana', ['Sea wall']],
		['every word must match', 'ledger fares', []],
		['words match different fields', 'ledger weekly', ['Sea wall']],
		['% is literal', '50%', ['Ferry fares']],
		['_ is literal', 'fa_es', []],
		['empty query: everything', '  ', ['Ferry fares', 'Sea wall']]
	])('searches %s', async (_name, q, titles) => {
		const found = (await library.list(db(), { q })).map((e) => e.title);
		expect(found.filter((t) => ['Ferry fares', 'Sea wall'].includes(t))).toEqual(titles);
	});

	it.each([
		['a plain query finds accented titles', 'alpha', ['Älpha vote']],
		['an accented query finds plain ones', 'ÄLPHA', ['Älpha vote']],
		['an accented outlet, typed plain', 'lodz', ['Älpha vote']],
		['an author typed without accents', 'jose pena', ['Älpha vote']],
		['a decomposed accent in the query', 'Jose\u0301', ['Älpha vote']]
	])('ignores accents: %s', async (_name, q, titles) => {
		if (!(await library.list(db(), { q: 'vote' })).some((e) => e.title === 'Älpha vote'))
			await make('Älpha vote', meta('Oui', 'Dziennik Łódź', 'José Peña'), meta('Non', 'Ouest'));
		const found = (await library.list(db(), { q })).map((e) => e.title);
		expect(found).toEqual(titles);
	});

	it('computes a few missing analyses and then reads them from the cache', async () => {
		const made = await make('Bridge tolls', meta('Tolls', 'Ledger'), meta('No tolls', 'Weekly'));
		const listed = await library.list(db(), { q: 'tolls', analyseMissing: 1 });
		expect(listed[0].suggestions).toEqual(expect.any(Number));
		const again = await library.list(db(), { q: 'tolls' });
		expect(again[0]).toMatchObject({ id: made.id, suggestions: listed[0].suggestions });
	});

	it('adds annotation counts from the given counter (0 when absent)', async () => {
		const made = await make(
			'Park benches',
			meta('Benches', 'Ledger'),
			meta('Fewer benches', 'Weekly')
		);
		const listed = await library.list(db(), {
			q: 'benches',
			countAnnotations: async (ids) => new Map([[ids[0], 4]])
		});
		expect(listed).toHaveLength(1);
		expect(listed[0]).toMatchObject({ id: made.id, annotations: 4 });
		const none = await library.list(db(), {
			q: 'benches',
			countAnnotations: async () => new Map()
		});
		expect(none[0].annotations).toBe(0);
	});
});

describeEachDatabase('personal-rooms.countAnnotations', (current) => {
	const db = () => current().database.db;

	it('counts the reader’s live annotations per comparison, across their personal rooms', async () => {
		const view = await createComparison(db(), 'count');
		const other = await createComparison(db(), 'count-other');
		const third = await createComparison(db(), 'count-third');
		const reader = await createReader(db());
		const actor = memberActor(await personal.ensure(db(), reader, view.id));
		const elsewhere = memberActor(await personal.ensure(db(), reader, third.id));
		const stranger = await createActor(db(), view.id);
		const note = (who: typeof actor, on: typeof view, quote: string) =>
			annotations.create(db(), who, on.id, {
				id: randomUUID(),
				kind: 'note',
				targets: [targetOf(on, 'a', quote)],
				note: 'n'
			});
		await note(actor, view, 'Mayor Ellen Park');
		const gone = await note(actor, view, 'Main Street library');
		await note(actor, view, 'children');
		await note(elsewhere, third, 'children');
		await note(stranger, view, 'children');
		await annotations.remove(db(), actor, gone.value.id);
		const ids = [view.id, other.id, third.id];
		const counts = await personal.countAnnotations(db(), reader.id, ids);
		expect(counts.get(view.id)).toBe(2);
		expect(counts.get(third.id)).toBe(1);
		expect(counts.has(other.id)).toBe(false);
		expect(await personal.countAnnotations(db(), reader.id, [])).toEqual(new Map());
	});
});
