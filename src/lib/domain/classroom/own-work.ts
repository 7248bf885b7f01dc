/**
 * A member's own work in a room, as a removed student or one whose room was deleted takes it
 * away (the server no longer gives it out): their annotations with their threads, and their
 * replies under others' annotations. A student who only replied did work too; it is counted and
 * saved like the rest.
 */
import {
	ENTMAN_LABELS,
	KIND_LABELS,
	RELATION_LABELS,
	frameLabel,
	type Annotation,
	type Reply
} from '../annotation/model';
import { whose } from './moderation';
import { unsentLines, type Unsent } from './unsent';

/** A member's annotations, and their replies under others' (each with the annotation it answers). */
export interface MemberWork {
	annotations: Annotation[];
	replies: { reply: Reply; on: Annotation }[];
}

/** The member's work among the annotations a page holds, oldest first. */
export function memberWork(all: readonly Annotation[], memberId: string): MemberWork {
	const byAge = <T extends { createdAt: string }>(x: T, y: T) =>
		x.createdAt.localeCompare(y.createdAt);
	const annotations = all.filter((a) => a.author.id === memberId).sort(byAge);
	const replies = all
		.filter((a) => a.author.id !== memberId)
		.flatMap((on) =>
			on.replies.filter((r) => r.author.id === memberId).map((reply) => ({ reply, on }))
		)
		.sort((x, y) => byAge(x.reply, y.reply));
	return { annotations, replies };
}

/**
 * How much work that is, in words ('' for none).
 * @example workCount({ annotations: [a], replies: [r1, r2] }) // '1 annotation, 2 replies'
 */
export function workCount(work: MemberWork): string {
	const n = (count: number, one: string, many: string) =>
		count === 0 ? [] : [`${count} ${count === 1 ? one : many}`];
	return [
		...n(work.annotations.length, 'annotation', 'annotations'),
		...n(work.replies.length, 'reply', 'replies')
	].join(', ');
}

/**
 * The annotations to export as the member's: their own with whole threads, then each annotation
 * they answered with only their replies (the reply's target, kept for its context).
 */
export function exportedWork(work: MemberWork): Annotation[] {
	const answered = new Map<string, Annotation>();
	for (const { reply, on } of work.replies) {
		const kept = answered.get(on.id) ?? { ...on, replies: [] };
		answered.set(on.id, { ...kept, replies: [...kept.replies, reply] });
	}
	return [...work.annotations, ...answered.values()];
}

/**
 * A member's work in a room as plain text, readable anywhere, with what they were writing and
 * had not sent when the room closed.
 * @example ownWorkText(work, 'Period 4', { a: 'Inkstick', b: 'Left Voice' }) // 'Period 4 — my work (1 annotation)…'
 */
export function ownWorkText(
	work: MemberWork,
	title: string,
	names: Record<'a' | 'b', string>,
	unsent: readonly Unsent[] = []
): string {
	const lines = [`${title} — my work (${workCount(work) || 'nothing saved'})`, ''];
	const quotes = (a: Annotation) => a.targets.map((t) => `   ${names[t.side]}: “${t.exact}”`);
	work.annotations.forEach((a, i) => {
		const details = [
			a.relation && RELATION_LABELS[a.relation],
			a.frame && frameLabel(a.frame),
			a.entman && ENTMAN_LABELS[a.entman]
		].filter(Boolean);
		lines.push(
			`${i + 1}. ${KIND_LABELS[a.kind]}${details.length ? ` (${details.join(', ')})` : ''}`
		);
		lines.push(...quotes(a));
		if (a.note) lines.push(`   Note: ${a.note}`);
		for (const r of a.replies) lines.push(`   Reply from ${r.author.name}: ${r.note}`);
		lines.push('');
	});
	if (work.replies.length) {
		lines.push(`My replies (${work.replies.length})`, '');
		work.replies.forEach(({ reply, on }, i) => {
			lines.push(`${i + 1}. To ${whose({ kind: on.kind, authorName: on.author.name })}`);
			lines.push(...quotes(on));
			if (on.note) lines.push(`   Their note: ${on.note}`);
			lines.push(`   My reply: ${reply.note}`, '');
		});
	}
	lines.push(...unsentLines(unsent));
	return lines.join('\n');
}
