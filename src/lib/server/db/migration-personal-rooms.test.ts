import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { createLegacyComparison } from '../test-support/annotation-fixtures';
import { personal, roomAnnotations, listDecisions } from '../rooms';
import {
	describeEachDatabase,
	migrateToCurrent,
	migrationsBefore
} from '../test-support/databases';

// Migration 0003 moves every workspace's annotations, replies, decisions and theme edits into a
// personal room per comparison. The database is built at migration 0002 with workspace-scoped
// rows written as the old code wrote them, then migrated to the current schema.

/** How many migrations existed before personal rooms. */
const BEFORE = 3;

/** A copy of ./drizzle holding only the migrations before personal rooms. */
const OLD = migrationsBefore(BEFORE);

describeEachDatabase(
	'migration 0003: workspaces become personal rooms',
	(current, driver) => {
		const db = () => current().database.db;

		it('moves each reader’s work on each comparison into a room of one', async () => {
			const one = await createLegacyComparison(db(), 'migrate-1');
			const two = await createLegacyComparison(db(), 'migrate-2');
			const dana = randomUUID();
			const eli = randomUUID();
			const gone = randomUUID();
			const ids = {
				fact: randomUUID(),
				imported: randomUUID(),
				elsewhere: randomUUID(),
				eli: randomUUID(),
				stray: randomUUID(),
				mine: randomUUID(),
				theirs: randomUUID()
			};
			const start = one.a.text.indexOf('Mayor Ellen Park');
			const exact = 'Mayor Ellen Park';
			await db().execute(sql`
				insert into workspace (id, token_hash, display_name) values
					(${dana}, ${randomUUID()}, 'Dana'), (${eli}, ${randomUUID()}, 'Eli')`);
			const note = (id: string, comparison: string, scope: string, author: string, name: string) =>
				db().execute(sql`
					insert into annotation (id, comparison_id, scope_kind, scope_id, author_id, author_name, kind, note)
					values (${id}, ${comparison}, 'workspace', ${scope}, ${author}, ${name}, 'note', 'n')`);
			await note(ids.fact, one.id, dana, dana, 'Dana');
			await note(ids.imported, one.id, dana, 'urn:someone', 'Ana');
			await note(ids.elsewhere, two.id, dana, dana, 'Dana');
			await note(ids.eli, one.id, eli, eli, 'Eli');
			await note(ids.stray, one.id, gone, gone, 'Nobody');
			for (const id of [ids.fact, ids.imported, ids.eli])
				await db().execute(sql`
					insert into annotation_target (annotation_id, position, side, article_id, article_version, start, "end", exact, prefix, suffix)
					values (${id}, 0, 'a', ${one.a.id}, ${one.a.version}, ${start}, ${start + exact.length}, ${exact}, '', '')`);
			await db().execute(sql`
				insert into reply (id, annotation_id, author_id, author_name, note) values
					(${ids.mine}, ${ids.fact}, ${dana}, 'Dana', 'mine'),
					(${ids.theirs}, ${ids.fact}, 'urn:someone', 'Ana', 'theirs')`);
			await db().execute(sql`
				insert into suggestion_decision (comparison_id, scope_kind, scope_id, suggestion_id, decision, annotation_id)
				values (${one.id}, 'workspace', ${dana}, 'a1-b1', 'accepted', ${ids.fact})`);
			await db().execute(sql`
				insert into theme_edit (comparison_id, scope_kind, scope_id, seq, edit)
				values (${two.id}, 'workspace', ${dana}, 1, ${JSON.stringify({ op: 'remove', themeId: 't1' })}::jsonb)`);

			await migrateToCurrent(db(), driver);

			const rows = async (query: ReturnType<typeof sql>) =>
				(await db().execute(query)) as unknown as { rows: Record<string, unknown>[] };
			const left = await rows(sql`
				select (select count(*) from annotation where scope_kind <> 'room')::int
					+ (select count(*) from suggestion_decision where scope_kind <> 'room')::int
					+ (select count(*) from theme_edit where scope_kind <> 'room')::int as n`);
			expect(left.rows[0].n).toBe(0);
			const stray = await rows(sql`select id from annotation where id = ${ids.stray}`);
			expect(stray.rows).toEqual([]);
			const rooms = await rows(sql`
				select r.owner_workspace_id as owner, r.comparison_id as comparison, m.role, m.display_name as name
				from room r join room_member m on m.room_id = r.id
				where r.kind = 'personal' order by m.display_name, r.comparison_id`);
			expect(rooms.rows).toHaveLength(3);
			expect(rooms.rows.map((r) => [r.owner, r.comparison, r.role, r.name])).toEqual(
				expect.arrayContaining([
					[dana, one.id, 'teacher', 'Dana'],
					[dana, two.id, 'teacher', 'Dana'],
					[eli, one.id, 'teacher', 'Eli']
				])
			);

			// the room verbs now serve what the workspace had, with the member as its author
			const workspace = { id: dana, displayName: 'Dana', createdAt: '' };
			const room = await personal.find(db(), workspace, one.id);
			if (!room) throw new Error('no personal room for Dana on comparison one');
			const listed = await roomAnnotations.list(db(), room);
			const byId = new Map(listed.annotations.map((a) => [a.id, a]));
			expect([...byId.keys()].sort()).toEqual([ids.fact, ids.imported].sort());
			expect(byId.get(ids.fact)?.author).toEqual({ id: room.member.id, name: 'Dana' });
			expect(byId.get(ids.imported)?.author).toEqual({ id: 'urn:someone', name: 'Ana' });
			// both replies were inserted in one statement: same time, so compare them sorted
			const replies = byId.get(ids.fact)?.replies.map((r) => [r.note, r.author.id]) ?? [];
			expect(replies.sort()).toEqual([
				['mine', room.member.id],
				['theirs', 'urn:someone']
			]);
			expect(await listDecisions(db(), room)).toMatchObject([
				{ suggestionId: 'a1-b1', decision: 'accepted', annotationId: ids.fact }
			]);
			const onTwo = await personal.find(db(), workspace, two.id);
			const edits = await rows(
				sql`select scope_id from theme_edit where comparison_id = ${two.id}`
			);
			expect(edits.rows).toEqual([{ scope_id: onTwo?.room.id }]);
			// Eli's room is Eli's alone
			const eliRoom = await personal.find(db(), { ...workspace, id: eli }, one.id);
			const eliSees = await roomAnnotations.list(db(), eliRoom!);
			expect(eliSees.annotations.map((a) => a.id)).toEqual([ids.eli]);
		});
	},
	{ migrationsFolder: OLD }
);
