import type { Annotation, AnnotationKind, Relation } from '$lib/domain/annotation/model';
import type { Sentence, Side } from '$lib/domain/types';
import { sentenceAt } from '$lib/domain/text/sentence-at';

// The teacher dashboard's figures, computed from the room's annotations in the browser so they
// follow every live event in place: a per-sentence heat map, agreement per passage, activity per
// student, and the shared facts most students linked.

/** One sentence of the heat map. */
export interface HeatCell {
	side: Side;
	index: number;
	/** distinct students who marked it */
	students: number;
	kinds: Record<AnnotationKind, number>;
	/** frame id → how many framings gave it */
	frames: Record<string, number>;
}

const emptyKinds = (): Record<AnnotationKind, number> => ({
	'shared-fact': 0,
	framing: 0,
	note: 0
});

/**
 * Per sentence of each article: how many students marked it, as what, with which frame. Every
 * target counts for its side, so a shared fact marks a sentence in both articles.
 */
export function buildHeatMap(
	annotations: readonly Annotation[],
	sentences: Record<Side, readonly Sentence[]>,
	studentIds: ReadonlySet<string>
): Record<Side, HeatCell[]> {
	const cells = {
		a: sentences.a.map((s) => cell('a', s.index)),
		b: sentences.b.map((s) => cell('b', s.index))
	};
	const who = {
		a: sentences.a.map(() => new Set<string>()),
		b: sentences.b.map(() => new Set<string>())
	};
	for (const a of annotations) {
		if (!studentIds.has(a.author.id)) continue;
		for (const t of a.targets) {
			const i = sentenceAt(sentences[t.side], t.start);
			if (i < 0) continue;
			const c = cells[t.side][i];
			c.kinds[a.kind] += 1;
			if (a.frame) {
				const frame = a.frame.split('/')[0];
				c.frames[frame] = (c.frames[frame] ?? 0) + 1;
			}
			who[t.side][i].add(a.author.id);
			c.students = who[t.side][i].size;
		}
	}
	return cells;
}

function cell(side: Side, index: number): HeatCell {
	return { side, index, students: 0, kinds: emptyKinds(), frames: {} };
}

/** A pair of passages students linked, with how they judged the relation. */
interface LinkedPair {
	a: number;
	b: number;
	/** distinct students who linked this pair */
	students: number;
	relations: Record<Relation, number>;
	/** share of the most common relation (1 = everyone agrees) */
	agreement: number;
	/** one quote of each end, to name the pair */
	quote: { a: string; b: string };
}

/**
 * Shared facts grouped by the sentences they link, most-linked first: how many students linked
 * each pair and whether they agree on the relation (same fact, different detail, contradiction).
 */
export function buildLinkedPairs(
	annotations: readonly Annotation[],
	sentences: Record<Side, readonly Sentence[]>,
	studentIds: ReadonlySet<string>
): LinkedPair[] {
	const pairs = new Map<string, LinkedPair & { who: Set<string> }>();
	for (const x of annotations) {
		if (x.kind !== 'shared-fact' || !studentIds.has(x.author.id)) continue;
		const ta = x.targets.find((t) => t.side === 'a');
		const tb = x.targets.find((t) => t.side === 'b');
		if (!ta || !tb) continue;
		const a = sentenceAt(sentences.a, ta.start);
		const b = sentenceAt(sentences.b, tb.start);
		const key = `${a}:${b}`;
		let pair = pairs.get(key);
		if (!pair) {
			pair = {
				a,
				b,
				students: 0,
				relations: { same: 0, 'different-detail': 0, contradicts: 0 },
				agreement: 1,
				quote: { a: ta.exact, b: tb.exact },
				who: new Set()
			};
			pairs.set(key, pair);
		}
		pair.who.add(x.author.id);
		pair.students = pair.who.size;
		pair.relations[x.relation ?? 'same'] += 1;
	}
	return [...pairs.values()]
		.map(({ who: _who, ...pair }) => {
			const counts = Object.values(pair.relations);
			const total = counts.reduce((s, n) => s + n, 0);
			return { ...pair, agreement: total ? Math.max(...counts) / total : 1 };
		})
		.sort((x, y) => y.students - x.students || x.a - y.a || x.b - y.b);
}

/** What one student has done in the room. */
interface StudentActivity {
	id: string;
	name: string;
	kinds: Record<AnnotationKind, number>;
	replies: number;
	/** ISO time of their latest annotation or reply, or null */
	last: string | null;
}

/** Per student: annotations by kind, replies and the time of their latest work. */
export function buildActivity(
	annotations: readonly Annotation[],
	students: readonly { id: string; displayName: string }[]
): StudentActivity[] {
	const rows = new Map(
		students.map((s) => [
			s.id,
			{
				id: s.id,
				name: s.displayName,
				kinds: emptyKinds(),
				replies: 0,
				last: null as string | null
			}
		])
	);
	const touch = (row: StudentActivity, at: string) => {
		if (!row.last || at > row.last) row.last = at;
	};
	for (const a of annotations) {
		const row = rows.get(a.author.id);
		if (row) {
			row.kinds[a.kind] += 1;
			touch(row, a.createdAt);
		}
		for (const r of a.replies) {
			const replier = rows.get(r.author.id);
			if (!replier) continue;
			replier.replies += 1;
			touch(replier, r.createdAt);
		}
	}
	return [...rows.values()];
}
