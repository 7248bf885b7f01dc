import { expect, it } from 'vitest';
import { createLegacyComparison } from '../test-support/annotation-fixtures';
import { articles, comparisons } from '../articles';
import {
	describeEachDatabase,
	migrateToCurrent,
	migrationsBefore
} from '../test-support/databases';

// Migration 0006 records where each article's text came from. Nothing recorded it for the
// articles stored before, so theirs is unknown (null): the reading view says nothing about it,
// and an edit of such a text keeps it unknown rather than guess.

describeEachDatabase(
	'migration 0006: articles remember where their text came from',
	(current, driver) => {
		const db = () => current().database.db;

		it('leaves articles stored before it with an unknown origin', async () => {
			const old = await createLegacyComparison(db(), 'before origins');
			await migrateToCurrent(db(), driver);
			const view = (await comparisons.get(db(), old.id))!;
			expect(view.a.origin).toBeNull();
			expect(view.b.origin).toBeNull();
			expect((await articles.listVersions(db(), old.a.id))[0].origin).toBeNull();
			// the same text stored now with an origin is another row: the old one is not rewritten
			const now = await articles.create(db(), {
				raw: view.a.text,
				meta: view.a.meta,
				origin: { kind: 'file', name: 'a.txt' }
			});
			expect(now.id).not.toBe(old.a.id);
			expect(now.origin).toEqual({ kind: 'file', name: 'a.txt' });
			expect((await articles.get(db(), old.a.id))!.origin).toBeNull();
		});
	},
	{ migrationsFolder: migrationsBefore(6) }
);
