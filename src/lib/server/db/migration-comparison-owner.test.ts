import { expect, it } from 'vitest';
import { createLegacyComparison, createReader } from '../test-support/annotation-fixtures';
import { editRefusal, ownershipOf } from '../articles';
import {
	describeEachDatabase,
	migrateToCurrent,
	migrationsBefore
} from '../test-support/databases';

// Migration 0005 records who owns a comparison. Nothing recorded who made the comparisons that
// exist before it, so they get no owner: nobody edits them in place (a copy, imported from the
// downloaded file, belongs to its importer).

describeEachDatabase(
	'migration 0005: comparisons have owners',
	(current, driver) => {
		const db = () => current().database.db;

		it('leaves comparisons made before it without an owner, read-only for everybody', async () => {
			const old = await createLegacyComparison(db(), 'before owners');
			await migrateToCurrent(db(), driver);
			const owned = (await ownershipOf(db(), old.id))!;
			expect(owned).toEqual({ slug: null, ownerWorkspaceId: null });
			const reader = await createReader(db());
			expect(editRefusal(owned, reader.id)).toBe('unowned');
			expect(editRefusal(owned, null)).toBe('unowned');
		});
	},
	{ migrationsFolder: migrationsBefore(5) }
);
