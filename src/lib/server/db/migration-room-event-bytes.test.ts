import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { createLegacyComparison } from '../test-support/annotation-fixtures';
import {
	describeEachDatabase,
	migrateToCurrent,
	migrationsBefore
} from '../test-support/databases';

// Migration 0004 gives every room event its size, so a catch-up is bounded without reading the
// events: events recorded before it get the size of their JSON.

describeEachDatabase(
	'migration 0004: room events know their size',
	(current, driver) => {
		const db = () => current().database.db;

		it('fills in the size of events recorded before it', async () => {
			const comparison = await createLegacyComparison(db(), 'bytes');
			// a room as the schema before 0004 has it (today's rooms.create writes later columns)
			const { rows: made } = (await db().execute(sql`
				insert into room (comparison_id, title, teacher_token_hash, join_code_hash, code_salt)
				values (${comparison.id}, 'Old', 'teacher-hash', 'code-hash', 'salt')
				returning id`)) as unknown as { rows: { id: string }[] };
			const roomId = made[0].id;
			const note = 'ü'.repeat(1000);
			await db().execute(sql`
				insert into room_event (room_id, type, data)
				values (${roomId}, 'annotation.deleted', ${JSON.stringify({ type: 'annotation.deleted', data: { id: note } })}::jsonb)`);
			await migrateToCurrent(db(), driver);
			const { rows } = (await db().execute(
				sql`select bytes from room_event where room_id = ${roomId}`
			)) as unknown as { rows: { bytes: number }[] };
			// 1000 × 2 bytes of ü, plus the JSON around it
			expect(rows.map((r) => r.bytes)).toEqual([expect.any(Number)]);
			expect(rows[0].bytes).toBeGreaterThan(2000);
			expect(rows[0].bytes).toBeLessThan(2100);
		});
	},
	{ migrationsFolder: migrationsBefore(4) }
);
