import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../domain/analysis';
import {
	createComparison,
	createReader,
	memberActor,
	targetOf,
	TEXT_A,
	TEXT_B
} from '../test-support/annotation-fixtures';
import { describeEachDatabase } from '../test-support/databases';
import { annotations, replies } from '../annotations';
import type { Db } from '../db/connect';
import {
	analysis,
	annotation,
	annotationTarget,
	article,
	comparison,
	reply,
	room,
	roomEvent,
	roomMember,
	setting,
	suggestionDecision,
	themeEdit,
	workspace
} from '../db/schema';
import { getSecret, personal, rooms } from '../rooms';
import * as articles from './article-versions';
import * as comparisons from './comparisons';
import { deleteComparison } from './deletion';
import * as ingest from './ingest/new-comparison';
import * as library from './library';

// Deleting a comparison (issue: a wrong or private text pasted into the public library could not
// be taken out): only its owner, never the seed or a comparison others work on; everything that
// is only its own goes in one transaction, and nothing else changes.

/** Every row of every table, as text: what a refusal must leave exactly as it was. */
async function snapshot(db: Db): Promise<Record<string, Set<string>>> {
	const tables = {
		article,
		comparison,
		analysis,
		workspace,
		setting,
		annotation,
		annotationTarget,
		reply,
		suggestionDecision,
		themeEdit,
		room,
		roomMember,
		roomEvent
	};
	const out: Record<string, Set<string>> = {};
	for (const [name, table] of Object.entries(tables)) {
		const rows = await db.select().from(table as typeof article);
		out[name] = new Set(rows.map((r) => JSON.stringify(r)));
	}
	return out;
}

/** The rows of `before` missing from `after`, per table (and none may have appeared). */
function removed(before: Record<string, Set<string>>, after: Record<string, Set<string>>) {
	const out: Record<string, unknown[]> = {};
	for (const name of Object.keys(before)) {
		const added = [...after[name]].filter((r) => !before[name].has(r));
		expect(added, `rows added to ${name}`).toEqual([]);
		const gone = [...before[name]].filter((r) => !after[name].has(r));
		if (gone.length) out[name] = gone.map((r) => JSON.parse(r));
	}
	return out;
}

describeEachDatabase('deleting a comparison', (current) => {
	const db = () => current().database.db;

	/** A comparison made by a new reader's browser, as the /new form makes it (analysis cached). */
	async function owned(tag: string, texts = { a: `${TEXT_A} ${tag}`, b: TEXT_B }) {
		const owner = await createReader(db());
		const input = {
			title: `Owned ${tag}`,
			a: { raw: texts.a, meta: { title: `A ${tag}`, genre: 'report' as const } },
			b: { raw: texts.b, meta: { title: `B ${tag}`, genre: 'report' as const } }
		};
		const view = await ingest.create(db(), input, owner.id);
		return { owner, view, input };
	}

	/** The owner's work in their personal room: a fact, a framing on it, a note, a reply, a decision, a theme edit, an event. */
	async function work(owner: Awaited<ReturnType<typeof createReader>>, id: string) {
		const view = (await comparisons.get(db(), id))!;
		const membership = await personal.ensure(db(), owner, id);
		const actor = memberActor(membership);
		const quote = 'Mayor Ellen Park said';
		const fact = await annotations.create(db(), actor, id, {
			id: randomUUID(),
			kind: 'shared-fact',
			relation: 'same',
			targets: [targetOf(view, 'a', quote), targetOf(view, 'b', quote)],
			note: 'Both quote the mayor.'
		});
		await annotations.create(db(), actor, id, {
			id: randomUUID(),
			kind: 'framing',
			targets: [targetOf(view, 'b', 'frees money for road safety')],
			frame: 'economic',
			entman: 'remedy',
			attachedTo: fact.value.id,
			note: ''
		});
		await annotations.create(db(), actor, id, {
			id: randomUUID(),
			kind: 'note',
			targets: [targetOf(view, 'a', 'close the Main Street library')],
			note: 'Private thoughts.'
		});
		await replies.create(db(), actor, fact.value.id, { id: randomUUID(), note: 'A reply.' });
		const scope = { comparisonId: id, scopeKind: 'room' as const, scopeId: membership.room.id };
		await db()
			.insert(suggestionDecision)
			.values({ ...scope, suggestionId: 'a1-b1', decision: 'dismissed' });
		await db()
			.insert(themeEdit)
			.values({ ...scope, seq: 1, edit: { kind: 'rename', theme: 't', label: 'x' } });
		await db()
			.insert(roomEvent)
			.values({ roomId: membership.room.id, type: 'annotation.created', data: {} });
		return membership;
	}

	it('deletes the comparison with its versions, analyses and the owner’s work; nothing else', async () => {
		const other = await owned('bystander');
		const otherRoom = await work(other.owner, other.view.id);
		const { owner, view, input } = await owned('goes');
		// an edit: article A gets a second version, so there is a history to delete too
		const edited = { ...input, a: { ...input.a, raw: `${input.a.raw} An edit.` } };
		const revised = (await ingest.revise(db(), view, edited)).comparison;
		expect(revised.a.previousId).toBe(view.a.id);
		const membership = await work(owner, view.id);

		const before = await snapshot(db());
		const outcome = await deleteComparison(db(), view.id, owner.id, 'owned GOES ');
		expect(outcome).toEqual({ deleted: true, title: 'Owned goes' });
		const gone = removed(before, await snapshot(db()));

		expect(await comparisons.get(db(), view.id)).toBeUndefined();
		const ids = (rows: unknown[] | undefined, key: string) =>
			(rows ?? []).map((r) => (r as Record<string, string>)[key]).sort();
		expect(ids(gone.comparison, 'id')).toEqual([view.id]);
		expect(ids(gone.article, 'id')).toEqual([view.a.id, revised.a.id, view.b.id].sort());
		expect(ids(gone.room, 'id')).toEqual([membership.room.id]);
		expect(ids(gone.roomMember, 'id')).toEqual([membership.member.id]);
		expect(gone.roomEvent).toHaveLength(1);
		expect(ids(gone.annotation, 'comparisonId')).toEqual(Array(3).fill(view.id));
		expect(gone.annotationTarget).toHaveLength(4);
		expect(gone.reply).toHaveLength(1);
		expect(gone.suggestionDecision).toHaveLength(1);
		expect(gone.themeEdit).toHaveLength(1);
		// both pairs it was analysed as: before and after the edit
		expect(
			(gone.analysis as { aHash: string; bHash: string }[]).map((k) => [k.aHash, k.bHash]).sort()
		).toEqual(
			[
				[view.a.version, view.b.version],
				[revised.a.version, revised.b.version]
			].sort()
		);
		// nothing else: no workspace, setting or other comparison's row
		expect(Object.keys(gone).sort()).toEqual(
			[
				'analysis',
				'annotation',
				'annotationTarget',
				'article',
				'comparison',
				'reply',
				'room',
				'roomEvent',
				'roomMember',
				'suggestionDecision',
				'themeEdit'
			].sort()
		);
		expect(await comparisons.get(db(), other.view.id)).toBeDefined();
		expect(await personal.find(db(), other.owner, other.view.id)).toEqual(otherRoom);
		const [entry] = await library.list(db(), { q: 'bystander' });
		expect(entry.suggestions).toBeGreaterThan(0);
	});

	it('refuses, changing nothing: unknown ids, strangers, the seed, old comparisons, a wrong title, a replay', async () => {
		const { owner, view } = await owned('refusals');
		const stranger = await createReader(db());
		const seed = await comparisons.create(db(), {
			title: 'Seed',
			slug: 'seed',
			articleAId: view.a.id,
			articleBId: view.b.id,
			ownerWorkspaceId: owner.id
		});
		const unowned = await createComparison(db(), 'refusals-unowned');
		const before = await snapshot(db());
		const cases: [string, string | null, string, string][] = [
			['not-an-id', owner.id, 'delete', 'missing'],
			[randomUUID(), owner.id, 'delete', 'missing'],
			['seed', owner.id, 'delete', 'seed'],
			[seed.id, owner.id, 'Seed', 'seed'],
			[unowned.id, owner.id, 'delete', 'unowned'],
			[view.id, stranger.id, 'delete', 'not-owner'],
			[view.id, null, 'delete', 'not-owner'],
			[view.id, owner.id, '', 'unconfirmed'],
			[view.id, owner.id, 'Owned', 'unconfirmed']
		];
		for (const [param, who, typed, refusal] of cases) {
			const outcome = await deleteComparison(db(), param, who, typed);
			expect(outcome, `${param} by ${who}`).toMatchObject({ deleted: false, refusal });
		}
		expect(removed(before, await snapshot(db()))).toEqual({});
		expect(await deleteComparison(db(), view.id, stranger.id, 'delete')).toEqual({
			deleted: false,
			refusal: 'not-owner',
			message: 'Only the browser that made this comparison can delete it. Nothing was deleted.'
		});
		expect(await deleteComparison(db(), view.id, owner.id, 'nope')).toMatchObject({
			message: 'Type the comparison’s title (Owned refusals) or the word delete to confirm.'
		});

		// the same request twice: the second finds nothing to delete
		expect(await deleteComparison(db(), view.id.toUpperCase(), owner.id, 'delete')).toMatchObject({
			deleted: true
		});
		const after = await snapshot(db());
		expect(await deleteComparison(db(), view.id, owner.id, 'delete')).toEqual({
			deleted: false,
			refusal: 'missing',
			message:
				'No comparison has this address: it was deleted already, or the address is wrong. Nothing was deleted.'
		});
		expect(removed(after, await snapshot(db()))).toEqual({});
		// the seed shares its versions: they stay with it
		expect(await comparisons.get(db(), seed.id)).toMatchObject({ a: { id: view.a.id } });
	});

	it('refuses while others work on it: a class room, another reader’s annotations', async () => {
		for (const others of ['class', 'reader'] as const) {
			const { owner, view } = await owned(`in use ${others}`);
			await personal.ensure(db(), owner, view.id);
			if (others === 'class') await rooms.create(db(), await getSecret(db()), view.id, 'Period 5');
			else await personal.ensure(db(), await createReader(db()), view.id);
			const before = await snapshot(db());
			expect(await deleteComparison(db(), view.id, owner.id, 'delete')).toEqual({
				deleted: false,
				refusal: 'in-use',
				message:
					'Others work on this comparison (one room: a class, or readers’ annotations), so it cannot be deleted: their work would go with it.'
			});
			expect(removed(before, await snapshot(db()))).toEqual({});
		}
	});

	it('keeps the versions and analyses other comparisons still use', async () => {
		// a class works on the original, so the owner's edit became a copy sharing side B
		const { owner, view, input } = await owned('shared');
		await rooms.create(db(), await getSecret(db()), view.id, 'Class');
		const edited = { ...input, a: { ...input.a, raw: `${input.a.raw} Copied.` } };
		const copy = await ingest.revise(db(), view, edited, { copyFor: owner.id });
		expect(copy.copied).toBe(true);
		expect(copy.comparison.b.id).toBe(view.b.id);
		// the same texts again under other titles: other rows, the same analysis
		const twin = await owned('shared twin', { a: input.a.raw, b: input.b.raw });
		expect(twin.view.a.id).not.toBe(view.a.id);
		expect(twin.view.a.version).toBe(view.a.version);

		const before = await snapshot(db());
		const outcome = await deleteComparison(db(), copy.comparison.id, owner.id, 'delete');
		expect(outcome).toMatchObject({ deleted: true });
		const gone = removed(before, await snapshot(db()));
		// only the copy's own version of A: B is the original's, A's first version its history
		expect((gone.article as { id: string }[]).map((r) => r.id)).toEqual([copy.comparison.a.id]);
		expect(gone.comparison).toHaveLength(1);
		expect((gone.analysis as { aHash: string }[]).map((k) => k.aHash)).toEqual([
			copy.comparison.a.version
		]);
		expect(await articles.get(db(), view.a.id)).toBeDefined();
		expect(await comparisons.get(db(), view.id)).toMatchObject({ b: { id: view.b.id } });

		// the twin shows the original's pair of texts: deleting it leaves the original's analysis
		const cached = async () =>
			(
				await db()
					.select({ a: analysis.aHash })
					.from(analysis)
					.where(
						and(
							eq(analysis.aHash, view.a.version),
							eq(analysis.bHash, view.b.version),
							eq(analysis.engineVersion, ENGINE_VERSION)
						)
					)
			).length;
		expect(await cached()).toBe(1);
		expect(await deleteComparison(db(), twin.view.id, twin.owner.id, 'delete')).toMatchObject({
			deleted: true
		});
		expect(await cached()).toBe(1);
		expect(await articles.get(db(), twin.view.a.id)).toBeUndefined();
	});

	it('keeps a version another comparison’s annotation points at, with its history', async () => {
		const { owner, view } = await owned('pointed');
		// a reader of another comparison quoted this one's article A (a hand-made row: no route
		// makes one, but the foreign key allows it, so deletion must not break it)
		const elsewhere = await createComparison(db(), 'pointed-elsewhere');
		const reader = await createReader(db());
		const m = await personal.ensure(db(), reader, elsewhere.id);
		const note = await annotations.create(db(), memberActor(m), elsewhere.id, {
			id: randomUUID(),
			kind: 'note',
			targets: [targetOf(elsewhere, 'a', 'close the Main Street library')],
			note: 'Elsewhere.'
		});
		await db()
			.update(annotationTarget)
			.set({ articleId: view.a.id })
			.where(eq(annotationTarget.annotationId, note.value.id));
		const outcome = await deleteComparison(db(), view.id, owner.id, 'delete');
		expect(outcome).toMatchObject({ deleted: true });
		expect(await articles.get(db(), view.a.id)).toBeDefined();
		expect(await articles.get(db(), view.b.id)).toBeUndefined();
		expect(await comparisons.get(db(), view.id)).toBeUndefined();
	});

	it('deletes every version of an edited and reverted text', async () => {
		const { owner, view, input } = await owned('reverted');
		const once = { ...input, a: { ...input.a, raw: `${input.a.raw} Once.` } };
		const second = (await ingest.revise(db(), view, once)).comparison;
		const back = (await ingest.revise(db(), second, input)).comparison;
		const versions = [view.a.id, second.a.id, back.a.id, view.b.id];
		const outcome = await deleteComparison(db(), view.id, owner.id, 'delete');
		expect(outcome).toMatchObject({ deleted: true });
		for (const id of versions) expect(await articles.get(db(), id)).toBeUndefined();
	});
});
