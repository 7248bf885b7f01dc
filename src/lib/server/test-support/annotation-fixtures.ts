import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createTarget, type Target } from '../../domain/annotation';
import type { Side } from '../../domain/types';
import { annotations, replies, type Actor } from '../annotations';
import { segmentArticle } from '../../domain/text';
import { articles, comparisons } from '../articles';
import type { ArticleView } from '../articles';
import type { ComparisonView } from '../articles';
import type { Db } from '../db/connect';
import { personal, workspaces } from '../rooms';
import type { Membership } from '../rooms';

// Test setup shared by the annotation, reply, suggestion and export tests: a comparison of two
// short reports of the same council vote (the engine suggests two shared facts between them).

/** Article A: the vote, reported as a loss for residents. */
export const TEXT_A =
	'Library closure angers residents\n\n' +
	'On March 18, 2023, the Springfield city council voted 7 to 2 to close the Main Street library. ' +
	'Mayor Ellen Park said the building needs $4 million in repairs. ' +
	'Residents say the vote ignores children who study there every afternoon.';

/** Article B: the same vote, reported as a saving. */
export const TEXT_B =
	'Council saves taxpayers millions\n\n' +
	'The Springfield city council voted 7-2 on March 18 to close the Main Street library. ' +
	'Mayor Ellen Park said repairs would cost $4 million. ' +
	'The decision frees money for road safety.';

const META = { genre: 'report' as const };

/** A stored comparison of TEXT_A and TEXT_B (tagged so tests never share articles). */
export async function createComparison(db: Db, tag: string) {
	const a = await articles.create(db, { raw: TEXT_A, meta: { ...META, title: `A ${tag}` } });
	const b = await articles.create(db, { raw: TEXT_B, meta: { ...META, title: `B ${tag}` } });
	return comparisons.create(db, { title: `Vote ${tag}`, articleAId: a.id, articleBId: b.id });
}

/** An article row as the first schema (migration 0000) stores it, and its view. */
async function createLegacyArticle(db: Db, raw: string, title: string): Promise<ArticleView> {
	const { text, paragraphs, sentences } = segmentArticle(raw);
	const version = articles.contentHash(text);
	const segmentation = JSON.stringify({ paragraphs, sentences });
	const { rows } = (await db.execute(sql`
		insert into article (content_hash, text, raw, title, genre, segmentation)
		values (${version}, ${text}, ${raw}, ${title}, ${META.genre}, ${segmentation}::jsonb)
		returning id, created_at`)) as unknown as {
		rows: { id: string; created_at: string | Date }[];
	};
	return {
		id: rows[0].id,
		version,
		meta: { ...META, title },
		origin: null,
		previousId: null,
		createdAt: new Date(rows[0].created_at).toISOString(),
		text,
		paragraphs,
		sentences
	};
}

/**
 * The same, written as the first schema stores it (no comparison owners, migration 0005; no
 * article origins, 0006): for migration tests, whose database is older than the code's schema.
 */
export async function createLegacyComparison(db: Db, tag: string): Promise<ComparisonView> {
	const a = await createLegacyArticle(db, TEXT_A, `A ${tag}`);
	const b = await createLegacyArticle(db, TEXT_B, `B ${tag}`);
	const title = `Vote ${tag}`;
	const { rows } = (await db.execute(sql`
		insert into comparison (title, article_a_id, article_b_id)
		values (${title}, ${a.id}, ${b.id}) returning id, created_at`)) as unknown as {
		rows: { id: string; created_at: string | Date }[];
	};
	const createdAt = new Date(rows[0].created_at).toISOString();
	return { id: rows[0].id, slug: null, title, a, b, createdAt };
}

/** A new reader (a workspace with no personal room yet). */
export async function createReader(db: Db): Promise<workspaces.Workspace> {
	const secret = await workspaces.getSecret(db);
	return (await workspaces.create(db, secret)).workspace;
}

/** The actor of a room member, without live events (the verbs' own tests need none). */
export function memberActor(m: Membership): Actor {
	return {
		scope: { kind: 'room', id: m.room.id },
		author: { id: m.member.id, name: m.member.displayName }
	};
}

/** A new reader's actor in their personal room on the comparison. */
export async function createActor(db: Db, comparisonId: string): Promise<Actor> {
	return memberActor(await personal.ensure(db, await createReader(db), comparisonId));
}

/** A target on the first occurrence of `quote` in one article of the comparison. */
export function targetOf(
	view: { a: { text: string; version: string }; b: { text: string; version: string } },
	side: Side,
	quote: string
): Target {
	const { text, version } = view[side];
	const start = text.indexOf(quote);
	if (start === -1) throw new Error(`"${quote}" is not in article ${side}`);
	return createTarget(text, side, version, { start, end: start + quote.length });
}

/**
 * TEXT_A after an edit that deletes its last sentence and rewords the mayor's, leaving the vote
 * (and its context) as it was.
 */
export const EDITED_TEXT_A = TEXT_A.replace(
	' Residents say the vote ignores children who study there every afternoon.',
	''
).replace(
	'Mayor Ellen Park said the building needs $4 million in repairs.',
	'Mayor Ellen Park told reporters that fixing the old building would cost some four million dollars.'
);

/**
 * A reader's comparison whose article A was edited under their annotations: a shared fact that
 * moves with the text, and a note (with a reply) and a framing whose passages the edit deleted
 * or reworded, so they could not be placed in the new text.
 */
export async function editedUnderAnnotations(db: Db, tag: string) {
	const view = await createComparison(db, tag);
	const actor = await createActor(db, view.id);
	// created within one millisecond, the three are listed by id: ids that sort in the order of
	// creation keep the export's items (0 the fact, 1 the note, 2 its reply, 3 the framing) fixed
	const ordered = (digit: string) => `${digit}${randomUUID().slice(1)}`;
	const fact = await annotations.create(db, actor, view.id, {
		id: ordered('1'),
		kind: 'shared-fact',
		relation: 'same',
		targets: [targetOf(view, 'a', 'voted 7 to 2'), targetOf(view, 'b', 'voted 7-2')],
		note: ''
	});
	const note = await annotations.create(db, actor, view.id, {
		id: ordered('2'),
		kind: 'note',
		targets: [targetOf(view, 'a', 'ignores children who study there')],
		note: 'Is this true?'
	});
	await replies.create(db, actor, note.value.id, { id: randomUUID(), note: 'Ask the school.' });
	const framing = await annotations.create(db, actor, view.id, {
		id: ordered('3'),
		kind: 'framing',
		frame: 'economic',
		entman: 'problem-definition',
		targets: [targetOf(view, 'a', 'the building needs $4 million in repairs')],
		note: ''
	});
	const edited = await articles.create(db, {
		raw: EDITED_TEXT_A,
		meta: view.a.meta,
		previousId: view.a.id
	});
	await comparisons.update(db, view.id, { articleAId: edited.id });
	const now = (await comparisons.get(db, view.id))!;
	return {
		before: view,
		view: now,
		actor,
		ids: { fact: fact.value.id, note: note.value.id, framing: framing.value.id }
	};
}
