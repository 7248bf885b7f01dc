/**
 * The printable comparison worksheet: "fact in the middle, two framings on the wings". One row
 * per shared fact with the framings of each of its ends, then the framings and notes that hang on
 * no shared fact, all in reading order of article A. Every row and framing says who made it and
 * carries its replies; each annotation appears once.
 */
import type { Side, Span } from '../types';
import {
	ENTMAN_LABELS,
	EVIDENCE_LABELS,
	RELATION_LABELS,
	frameLabel,
	positionKnown,
	type Annotation,
	type AnnotationKind,
	type ComparisonTexts,
	type Reply,
	type Target
} from './model';

/** A reply as the worksheet prints it under its annotation. */
export interface WorksheetReply {
	id: string;
	author: string;
	note: string;
}

/** A framing as the worksheet shows it on a wing. */
export interface WorksheetFraming {
	annotationId: string;
	quote: string;
	/** frame label ('' when the framing names only an Entman function) */
	frame: string;
	/** Entman function label, or '' */
	entman: string;
	note: string;
	author: string;
	/** attached to this shared fact by a person (not only overlapping its end) */
	attached: boolean;
	replies: WorksheetReply[];
}

/** One row of the worksheet. */
export interface WorksheetRow {
	kind: AnnotationKind;
	annotationId: string;
	/** shared-fact rows: the two quotes and their relation label */
	fact?: { a: string; b: string; relation: string };
	/** framing and note rows: the passage they mark */
	passage?: { side: Side; quote: string };
	/** framings of A's end of the fact (or, on a framing row in A, the framing itself) */
	aFraming: WorksheetFraming[];
	bFraming: WorksheetFraming[];
	/** frame labels of both wings, each once, A's first */
	frames: string[];
	/** shared-fact rows with a checked source */
	evidence?: { status: string; url: string };
	/** the annotation's own note (a fact's or a note's) */
	note: string;
	/** who made the row's annotation */
	author: string;
	/** the replies to the row's annotation (a framing's own are on the framing) */
	replies: WorksheetReply[];
	/** a quote in the row comes from an earlier version of its article than the one compared */
	earlierVersion: boolean;
}

function overlaps(x: Span, y: Span): boolean {
	return x.start < y.end && y.start < x.end;
}

/**
 * Same article version and overlapping passages; offsets that only stand in (an unplaced
 * passage imported without its version's text) overlap nothing.
 */
function sameText(x: Target, y: Target): boolean {
	return (
		x.side === y.side &&
		x.articleVersion === y.articleVersion &&
		positionKnown(x) &&
		positionKnown(y) &&
		overlaps(x, y)
	);
}

function toReplies(replies: readonly Reply[]): WorksheetReply[] {
	return [...replies]
		.sort((x, y) => x.createdAt.localeCompare(y.createdAt) || x.id.localeCompare(y.id))
		.map((r) => ({ id: r.id, author: r.author.name, note: r.note }));
}

function toFraming(a: Annotation, attached: boolean): WorksheetFraming {
	return {
		annotationId: a.id,
		quote: a.targets[0].exact,
		frame: a.frame ? frameLabel(a.frame) : '',
		entman: a.entman ? ENTMAN_LABELS[a.entman] : '',
		note: a.note,
		author: a.author.name,
		attached,
		replies: toReplies(a.replies)
	};
}

/** Reading order: passage start, then end, then creation, then id (stable for equal passages). */
function byPosition(x: Annotation, y: Annotation, side: Side): number {
	const tx = x.targets.find((t) => t.side === side)!;
	const ty = y.targets.find((t) => t.side === side)!;
	return (
		tx.start - ty.start ||
		tx.end - ty.end ||
		x.createdAt.localeCompare(y.createdAt) ||
		x.id.localeCompare(y.id)
	);
}

function frameLabels(framings: WorksheetFraming[]): string[] {
	return [...new Set(framings.map((f) => f.frame).filter((f) => f !== ''))];
}

/** How the worksheet places framings. */
interface WorksheetOptions {
	/**
	 * A class's worksheet: a framing sits on a shared fact's wing only when the same person made
	 * both, so one student's framing is never printed as another's reading of their fact.
	 */
	sameAuthor?: boolean;
}

/**
 * Builds the worksheet rows. A framing belongs to a shared fact's wing when it is attached to the
 * fact (its side picks the wing) or, unattached, when its passage overlaps that end of the fact
 * on the same article version; an unattached framing overlapping several facts sits on the first
 * of them in A's reading order only, so no framing is printed twice. With `sameAuthor`, only
 * framings by the fact's author go on its wings. Every other framing, and every note, gets a row
 * of its own. Rows follow article A; rows with only a passage in B come last, in B's order.
 * @example buildWorksheet(annotations, articles)[0].fact // { a: 'In March 2023…', b: 'March 18', relation: 'Same fact, different detail' }
 */
export function buildWorksheet(
	annotations: readonly Annotation[],
	articles: ComparisonTexts,
	{ sameAuthor = false }: WorksheetOptions = {}
): WorksheetRow[] {
	// in reading order, so a loose framing lands on the first fact it overlaps
	const facts = annotations
		.filter((a) => a.kind === 'shared-fact')
		.sort((x, y) => byPosition(x, y, 'a'));
	const factIds = new Set(facts.map((f) => f.id));
	const framings = annotations.filter((a) => a.kind === 'framing');
	const placed = new Set<string>();
	const earlier = (a: Annotation) =>
		a.targets.some((t) => t.articleVersion !== articles[t.side].version);

	const wing = (fact: Annotation, side: Side): WorksheetFraming[] => {
		const end = fact.targets.find((t) => t.side === side)!;
		return framings
			.filter((f) => {
				const t = f.targets[0];
				if (t.side !== side || placed.has(f.id)) return false;
				if (sameAuthor && f.author.id !== fact.author.id) return false;
				const attachedHere = f.attachedTo === fact.id;
				const loose = !(f.attachedTo && factIds.has(f.attachedTo));
				return attachedHere || (loose && sameText(t, end));
			})
			.sort((x, y) => byPosition(x, y, side))
			.map((f) => {
				placed.add(f.id);
				return toFraming(f, f.attachedTo === fact.id);
			});
	};

	const rows: { row: WorksheetRow; annotation: Annotation; side: Side }[] = facts.map((fact) => {
		const aFraming = wing(fact, 'a');
		const bFraming = wing(fact, 'b');
		const row: WorksheetRow = {
			kind: 'shared-fact',
			annotationId: fact.id,
			fact: {
				a: fact.targets[0].exact,
				b: fact.targets[1].exact,
				relation: fact.relation ? RELATION_LABELS[fact.relation] : ''
			},
			aFraming,
			bFraming,
			frames: frameLabels([...aFraming, ...bFraming]),
			note: fact.note,
			author: fact.author.name,
			replies: toReplies(fact.replies),
			earlierVersion: earlier(fact)
		};
		if (fact.evidence || fact.evidenceUrl) {
			const status = fact.evidence ? EVIDENCE_LABELS[fact.evidence] : '';
			row.evidence = { status, url: fact.evidenceUrl ?? '' };
		}
		return { row, annotation: fact, side: 'a' };
	});

	for (const a of annotations) {
		if (a.kind === 'shared-fact' || placed.has(a.id)) continue;
		const target = a.targets[0];
		const own = a.kind === 'framing' ? [toFraming(a, false)] : [];
		const row: WorksheetRow = {
			kind: a.kind,
			annotationId: a.id,
			passage: { side: target.side, quote: target.exact },
			aFraming: target.side === 'a' ? own : [],
			bFraming: target.side === 'b' ? own : [],
			frames: frameLabels(own),
			note: a.kind === 'note' ? a.note : '',
			author: a.author.name,
			// a framing's replies are printed with the framing itself
			replies: a.kind === 'note' ? toReplies(a.replies) : [],
			earlierVersion: earlier(a)
		};
		rows.push({ row, annotation: a, side: target.side });
	}

	return rows
		.sort((x, y) =>
			x.side !== y.side
				? x.side.localeCompare(y.side)
				: byPosition(x.annotation, y.annotation, x.side)
		)
		.map((r) => r.row);
}
