import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { createComparison, targetOf } from '../test-support/annotation-fixtures';
import { getAnalysis } from '../articles';
import { describeEachDatabase } from '../test-support/databases';
import { createBus } from '../live';
import * as roomAnnotations from './annotation-verbs';
import * as events from './events';
import * as roomSuggestions from './suggestion-verbs';
import * as roomThemes from './theme-verbs';
import * as roomReplies from './reply-verbs';
import * as teacher from './teacher-verbs';
import * as rooms from './rooms';
import { getSecret } from './workspaces';
import { failure } from '../test-support/failure';

describeEachDatabase('room suggestions, theme edits and replies', (current) => {
	const db = () => current().database.db;
	const deps = () => ({ db: db(), bus: createBus(current().database) });

	/**
	 * A room with a teacher and two students, its suggestions (shown to the students unless
	 * `suggestions` says otherwise), and a note factory.
	 */
	const setup = async (tag: string, suggestions: rooms.RoomChanges['suggestions'] = 'on') => {
		const secret = await getSecret(db());
		const comparison = await createComparison(db(), tag);
		const made = await rooms.create(db(), secret, comparison.id, `Room ${tag}`);
		await rooms.update(db(), made.room.id, { suggestions });
		const join = async (name: string) => {
			const { cookie } = await rooms.addMember(db(), secret, made.room.id, 'student', name);
			return (await rooms.membershipOf(db(), secret, made.room.id, cookie))!;
		};
		const t = (await rooms.membershipOf(db(), secret, made.room.id, made.cookie))!;
		const note = (text = 'Why close it?') => ({
			id: randomUUID(),
			kind: 'note',
			targets: [targetOf(comparison, 'a', 'close the Main Street library')],
			note: text
		});
		const { sharedFacts } = await getAnalysis(db(), comparison);
		return { t, note, sharedFacts, ana: await join('Ana'), ben: await join('Ben') };
	};
	/** Lock the room; returns each member's membership as it is now. */
	const lock = async (t: rooms.Membership, ...others: rooms.Membership[]) => {
		const room = await teacher.change(deps(), t, { locked: true });
		return [t, ...others].map((m) => ({ ...m, room }));
	};
	const eventsFor = async (m: rooms.Membership, after = 0) =>
		(
			await events.since(
				db(),
				m.room.id,
				after,
				{ memberId: m.member.id, role: m.member.role },
				m.room.phase
			)
		).messages.map((x) => x.event);

	it('keeps each member’s decisions apart and makes the fact a room annotation of its author', async () => {
		const { ana, ben, t, sharedFacts } = await setup('decide');
		const [s] = sharedFacts;
		const id = randomUUID();
		const accepted = await roomSuggestions.decide(deps(), ana, s.id, {
			decision: 'accepted',
			annotationId: id
		});
		expect(accepted.changed).toBe(true);
		expect(accepted.decision).toMatchObject({ suggestionId: s.id, annotationId: id });
		expect(accepted.annotation).toMatchObject({
			id,
			kind: 'shared-fact',
			suggestionId: s.id,
			scope: { kind: 'room', id: ana.room.id },
			author: { id: ana.member.id, name: 'Ana' }
		});
		// a retry answers the stored decision; Ben still decides for himself
		const again = await roomSuggestions.decide(deps(), ana, s.id, { decision: 'accepted' });
		expect(again).toMatchObject({ changed: false, annotation: { id } });
		expect(await roomSuggestions.listDecisions(db(), ben)).toEqual([]);
		const dismissed = await roomSuggestions.decide(deps(), ben, s.id, { decision: 'dismissed' });
		expect(dismissed).toMatchObject({ changed: true, decision: { decision: 'dismissed' } });
		expect(dismissed.annotation).toBeUndefined();
		expect(
			(await roomSuggestions.listDecisions(db(), ana)).map((d) => [d.suggestionId, d.decision])
		).toEqual([[s.id, 'accepted']]);
		// the individual phase: Ben does not see Ana's fact nor her decision event
		const benIds = (await roomAnnotations.list(db(), ben)).annotations.map((a) => a.id);
		expect(benIds).toEqual([]);
		expect((await eventsFor(ben)).map((e) => e.type)).toEqual(['suggestion.decided']);
		expect((await eventsFor(t)).map((e) => e.type)).toEqual([
			'annotation.created',
			'suggestion.decided',
			'suggestion.decided'
		]);
		// dismissing an accepted one is refused; deleting its fact makes it undecided again
		expect(
			await failure(roomSuggestions.decide(deps(), ana, s.id, { decision: 'dismissed' }))
		).toMatchObject({ status: 409 });
		await roomAnnotations.remove(deps(), t, id);
		expect(await roomSuggestions.listDecisions(db(), ana)).toEqual([]);
	});

	it.each([
		['a bad decision', 'a1-b1', { decision: 'maybe' }, 422],
		['an unknown field', 'a1-b1', { decision: 'accepted', extra: 1 }, 422],
		['a non-uuid annotation id', 'a1-b1', { decision: 'accepted', annotationId: 'x' }, 422],
		['an unknown suggestion', 'a999-b999', { decision: 'accepted' }, 404],
		['an overlong suggestion id', 'a'.repeat(101), { decision: 'dismissed' }, 404]
	])('refuses %s', async (_name, suggestionId, body, status) => {
		const { ana } = await setup(`refuse-${status}-${suggestionId.length}`);
		expect(await failure(roomSuggestions.decide(deps(), ana, suggestionId, body))).toMatchObject({
			status
		});
	});

	it('refuses a student’s decision in a locked room, not the teacher’s', async () => {
		const { ana, t, sharedFacts } = await setup('locked-decide');
		const [tl, anaL] = await lock(t, ana);
		const body = { decision: 'dismissed' };
		expect(
			await failure(roomSuggestions.decide(deps(), anaL, sharedFacts[0].id, body))
		).toMatchObject({
			status: 403
		});
		const done = await roomSuggestions.decide(deps(), tl, sharedFacts[0].id, body);
		expect(done.changed).toBe(true);
	});

	it('keeps the suggestions from students until the reveal by default, as the teacher chose', async () => {
		const { ana, t, sharedFacts } = await setup('hidden-suggestions', 'after-reveal');
		expect(t.room.suggestions).toBe('after-reveal');
		expect([rooms.suggestionsShownTo(t), rooms.suggestionsShownTo(ana)]).toEqual([true, false]);
		// a guessed suggestion id shows nothing either: accepting it is refused, nothing is stored
		const body = { decision: 'accepted' };
		expect(
			await failure(roomSuggestions.decide(deps(), ana, sharedFacts[0].id, body))
		).toMatchObject({
			status: 403,
			message: expect.stringMatching(/hidden the machine’s suggestions/)
		});
		expect(await roomSuggestions.listDecisions(db(), ana)).toEqual([]);
		// nor does an undo: a 404 for a wrong guess and a 204 for a right one would tell them apart
		for (const id of [sharedFacts[0].id, 'a1-b1000'])
			expect(await failure(roomSuggestions.withdraw(deps(), ana, id))).toMatchObject({
				status: 403
			});
		// the reveal shows them; 'off' hides them in every phase; each change is a live event
		const revealed = await teacher.change(deps(), t, { phase: 'reveal' });
		expect(rooms.suggestionsShownTo({ ...ana, room: revealed })).toBe(true);
		const off = await teacher.change(deps(), { ...t, room: revealed }, { suggestions: 'off' });
		expect(off.suggestions).toBe('off');
		expect(rooms.suggestionsShownTo({ ...ana, room: off })).toBe(false);
		const on = await teacher.change(deps(), { ...t, room: off }, { suggestions: 'on' });
		const anaOn = { ...ana, room: on };
		expect((await roomSuggestions.decide(deps(), anaOn, sharedFacts[0].id, body)).changed).toBe(
			true
		);
		const seen = (await eventsFor(anaOn)).filter((e) => e.type.startsWith('room.'));
		expect(seen.map((e) => e.data)).toEqual([
			{ phase: 'reveal', spotlightId: null },
			{ suggestions: 'off' },
			{ suggestions: 'on' }
		]);
	});

	it.each([['sometimes'], [true], [null]])('refuses suggestions: %j with a 422', async (value) => {
		expect(() => rooms.checkChanges({ suggestions: value })).toThrow(
			expect.objectContaining({ status: 422 })
		);
	});

	it('lets the teacher edit the room’s themes, which students read but cannot change', async () => {
		const { ana, t } = await setup('themes');
		const rename = { op: 'rename', id: 'theme-0', label: 'Money' };
		expect(await failure(roomThemes.addThemeEdit(deps(), ana, rename))).toMatchObject({
			status: 403
		});
		expect(await failure(roomThemes.undoThemeEdit(deps(), ana))).toMatchObject({ status: 403 });
		expect(await failure(roomThemes.undoThemeEdit(deps(), t))).toMatchObject({ status: 404 });
		expect(await roomThemes.addThemeEdit(deps(), t, rename)).toEqual([rename]);
		expect(await roomThemes.listThemeEdits(deps(), ana)).toEqual([rename]);
		expect(await failure(roomThemes.addThemeEdit(deps(), t, { op: 'paint' }))).toMatchObject({
			status: 422
		});
		expect(await roomThemes.undoThemeEdit(deps(), t)).toEqual([]);
		const changes = (await eventsFor(ana)).filter((e) => e.type === 'theme-edits.changed');
		expect(changes.map((e) => e.data)).toEqual([{ edits: [rename] }, { edits: [] }]);
	});

	it('lets authors edit and delete their replies, and the teacher delete anyone’s', async () => {
		const { ana, ben, t, note } = await setup('replies');
		const a = await roomAnnotations.create(deps(), ana, note());
		const own = await roomAnnotations.reply(deps(), ana, a.value.id, {
			id: randomUUID(),
			note: 'Mine'
		});
		const byTeacher = await roomAnnotations.reply(deps(), t, a.value.id, {
			id: randomUUID(),
			note: 'Look again'
		});
		const edited = await roomReplies.updateReply(deps(), ana, own.value.id, {
			note: 'Mine, edited'
		});
		expect(edited.note).toBe('Mine, edited');
		// Ben cannot see Ana's annotation in the individual phase, so her reply is not there for him
		expect(
			await failure(roomReplies.updateReply(deps(), ben, own.value.id, { note: 'x' }))
		).toMatchObject({ status: 404 });
		expect(await failure(roomReplies.removeReply(deps(), ana, byTeacher.value.id))).toMatchObject({
			status: 403
		});
		expect(
			await failure(roomReplies.updateReply(deps(), ana, own.value.id, { note: '' }))
		).toMatchObject({ status: 422 });
		expect(
			await failure(roomReplies.updateReply(deps(), t, own.value.id, { note: 'no' }))
		).toMatchObject({ status: 403 });
		await roomReplies.removeReply(deps(), t, own.value.id);
		await roomReplies.removeReply(deps(), t, own.value.id); // again: fine
		const left = (await roomAnnotations.list(db(), ana)).annotations[0].replies.map((r) => r.id);
		expect(left).toEqual([byTeacher.value.id]);
		expect(await failure(roomReplies.removeReply(deps(), ana, randomUUID()))).toMatchObject({
			status: 404
		});
		const [tl] = await lock(t);
		await roomReplies.removeReply(deps(), tl, byTeacher.value.id);
		const types = (await eventsFor(ana)).map((e) => e.type);
		expect(types).toEqual([
			'annotation.created',
			'reply.created',
			'reply.created',
			'reply.updated',
			'reply.deleted',
			'room.locked',
			'reply.deleted'
		]);
	});

	it('refuses reply changes of a student in a locked room', async () => {
		const { ana, t, note } = await setup('replies-locked');
		const a = await roomAnnotations.create(deps(), ana, note());
		const r = await roomAnnotations.reply(deps(), ana, a.value.id, {
			id: randomUUID(),
			note: 'Hi'
		});
		const [, locked] = await lock(t, ana);
		expect(
			await failure(roomReplies.updateReply(deps(), locked, r.value.id, { note: 'x' }))
		).toMatchObject({ status: 403 });
		expect(await failure(roomReplies.removeReply(deps(), locked, r.value.id))).toMatchObject({
			status: 403
		});
	});
});
