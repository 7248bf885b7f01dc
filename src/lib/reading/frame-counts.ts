import type { Annotation } from '$lib/domain/annotation/model';
import { FRAMES } from '$lib/domain/framing/frame-list';
import type { Side } from '$lib/domain/types';

/** One frame's share of an article's framing annotations. */
interface FrameShare {
	code: number;
	share: number;
	count: number;
}

const CODE_BY_ID = new Map(FRAMES.map((f) => [f.id, f.code]));

/**
 * The frame profile of the reader's (or class's) framing annotations: per side, each of the 15
 * frames with its count and its share of that side's framed passages. Sub-frames count for
 * their dimension.
 */
export function annotatedFrameProfile(
	annotations: readonly Annotation[]
): Record<Side, FrameShare[]> {
	const counts: Record<Side, Map<number, number>> = { a: new Map(), b: new Map() };
	for (const annotation of annotations) {
		if (annotation.kind !== 'framing' || !annotation.frame) continue;
		const code = CODE_BY_ID.get(annotation.frame.split('/')[0]);
		const side = annotation.targets[0]?.side;
		if (code === undefined || !side) continue;
		counts[side].set(code, (counts[side].get(code) ?? 0) + 1);
	}
	const profile = (side: Side): FrameShare[] => {
		const total = [...counts[side].values()].reduce((sum, n) => sum + n, 0);
		return FRAMES.map(({ code }) => {
			const count = counts[side].get(code) ?? 0;
			return { code, count, share: total ? count / total : 0 };
		});
	};
	return { a: profile('a'), b: profile('b') };
}
