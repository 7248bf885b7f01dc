import {
	ENTMAN_LABELS,
	KIND_LABELS,
	RELATION_LABELS,
	frameLabel,
	type Annotation
} from '$lib/domain/annotation/model';

/**
 * A member's own work in a room as plain text, readable anywhere: what a student saves from a
 * page whose room was deleted or who was removed (the server no longer gives it out).
 * @example ownWorkText([note], 'Period 4', { a: 'Inkstick', b: 'Left Voice' }) // 'Period 4 — my work…'
 */
export function ownWorkText(
	annotations: readonly Annotation[],
	title: string,
	names: Record<'a' | 'b', string>
): string {
	const lines = [`${title} — my work (${annotations.length})`, ''];
	annotations.forEach((a, i) => {
		const details = [
			a.relation && RELATION_LABELS[a.relation],
			a.frame && frameLabel(a.frame),
			a.entman && ENTMAN_LABELS[a.entman]
		].filter(Boolean);
		lines.push(
			`${i + 1}. ${KIND_LABELS[a.kind]}${details.length ? ` (${details.join(', ')})` : ''}`
		);
		for (const t of a.targets) lines.push(`   ${names[t.side]}: “${t.exact}”`);
		if (a.note) lines.push(`   Note: ${a.note}`);
		for (const r of a.replies) lines.push(`   Reply from ${r.author.name}: ${r.note}`);
		lines.push('');
	});
	return lines.join('\n');
}
