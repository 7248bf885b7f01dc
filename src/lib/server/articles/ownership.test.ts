import { expect, it } from 'vitest';
import {
	createComparison,
	createReader,
	TEXT_A,
	TEXT_B
} from '../test-support/annotation-fixtures';
import { editRefusal, ownershipOf, roomsOfOthers } from './ownership';
import * as comparisons from './comparisons';
import { describeEachDatabase } from '../test-support/databases';
import * as ingest from './ingest/new-comparison';
import * as library from './library';
import { personal, rooms, getSecret } from '../rooms';

it.each([
	['the seed, even for a workspace', { slug: 'seed', ownerWorkspaceId: null }, 'w1', 'seed'],
	['the seed with an owner somehow', { slug: 'seed', ownerWorkspaceId: 'w1' }, 'w1', 'seed'],
	['no owner (made before owners)', { slug: null, ownerWorkspaceId: null }, 'w1', 'unowned'],
	['no owner, no cookie', { slug: null, ownerWorkspaceId: null }, null, 'unowned'],
	['someone else’s', { slug: null, ownerWorkspaceId: 'w1' }, 'w2', 'not-owner'],
	['a visitor without a cookie', { slug: null, ownerWorkspaceId: 'w1' }, null, 'not-owner'],
	['its owner', { slug: null, ownerWorkspaceId: 'w1' }, 'w1', null]
] as const)('editRefusal: %s', (_name, owned, workspace, expected) => {
	expect(editRefusal(owned, workspace)).toBe(expected);
});

describeEachDatabase('comparison ownership', (current) => {
	const db = () => current().database.db;

	/** A comparison made by a new reader's browser (through the same path as the /new form). */
	async function owned(tag: string) {
		const owner = await createReader(db());
		const input = {
			title: `Owned ${tag}`,
			a: { raw: `${TEXT_A} ${tag}`, meta: { title: `A ${tag}`, genre: 'report' as const } },
			b: { raw: TEXT_B, meta: { title: `B ${tag}`, genre: 'report' as const } }
		};
		const view = await ingest.create(db(), input, owner.id);
		return { owner, view, input };
	}

	it('records who made a comparison; only they may edit it', async () => {
		const { owner, view } = await owned('record');
		const stranger = await createReader(db());
		const found = (await ownershipOf(db(), view.id))!;
		expect(found.ownerWorkspaceId).toBe(owner.id);
		expect(editRefusal(found, owner.id)).toBeNull();
		expect(editRefusal(found, stranger.id)).toBe('not-owner');
		// the owner id is not part of what pages get
		expect(JSON.stringify(await comparisons.get(db(), view.id))).not.toContain(owner.id);
		expect(await ownershipOf(db(), 'not-a-uuid')).toBeUndefined();
	});

	it('counts the rooms of others: classes and other readers, not the owner’s own', async () => {
		const { owner, view } = await owned('rooms');
		expect(await roomsOfOthers(db(), view.id, owner.id)).toBe(0);
		await personal.ensure(db(), owner, view.id);
		expect(await roomsOfOthers(db(), view.id, owner.id)).toBe(0);
		await personal.ensure(db(), await createReader(db()), view.id);
		expect(await roomsOfOthers(db(), view.id, owner.id)).toBe(1);
		await rooms.create(db(), await getSecret(db()), view.id, 'Class');
		expect(await roomsOfOthers(db(), view.id, owner.id)).toBe(2);
	});

	it('edits in place when nobody else works on it, and as a new comparison when a class does', async () => {
		const { owner, view, input } = await owned('copy');
		const edited = { ...input, a: { ...input.a, raw: `${input.a.raw} Edited once.` } };
		const inPlace = await ingest.revise(db(), view, edited);
		expect(inPlace).toMatchObject({ copied: false, changed: ['a'] });
		expect(inPlace.comparison.id).toBe(view.id);
		// a class starts on it: the next edit leaves it (and the room's texts) alone
		const made = await rooms.create(db(), await getSecret(db()), view.id, 'Class');
		const before = (await comparisons.get(db(), view.id))!;
		const again = { ...input, a: { ...input.a, raw: `${input.a.raw} Edited twice.` } };
		const copy = await ingest.revise(db(), before, again, { copyFor: owner.id });
		expect(copy.copied).toBe(true);
		expect(copy.comparison.id).not.toBe(view.id);
		expect(copy.comparison.a.text).toContain('Edited twice.');
		expect((await ownershipOf(db(), copy.comparison.id))?.ownerWorkspaceId).toBe(owner.id);
		const kept = (await comparisons.get(db(), made.room.comparisonId))!;
		expect(kept.id).toBe(view.id);
		expect(kept.a.text).toBe(before.a.text);
		expect(kept.a.text).not.toContain('Edited twice.');
		// saving the same texts again makes no copy
		const same = await ingest.revise(db(), before, edited, { copyFor: owner.id });
		expect(same.copied).toBe(false);
	});

	it('the library marks what this reader may edit and says why the rest is read-only', async () => {
		const { owner, view } = await owned('library');
		const old = await createComparison(db(), 'library-unowned');
		const listed = async (workspaceId: string | null) => {
			const entries = await library.list(db(), { q: 'library', workspaceId });
			return Object.fromEntries(entries.map((e) => [e.id, e.readOnly]));
		};
		expect((await listed(owner.id))[view.id]).toBeNull();
		expect((await listed(null))[view.id]).toBe('Read only: made in another browser');
		expect((await listed(owner.id))[old.id]).toBe('Read only: made before comparisons had owners');
	});
});
