import { and, eq, inArray, ne, notInArray, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
	analysesToDelete,
	confirmationRequest,
	confirmsDeletion,
	versionsToDelete
} from '../../domain/deletion';
import { clipText, isSlug } from '../../domain/text';
import { forgetArticles, type Tx } from '../annotations';
import type { Db } from '../db/connect';
import { analysis, annotation, annotationTarget, article, comparison } from '../db/schema';
import { isUuid } from '../http';
import { editRefusal, roomsOfOthers, type EditRefusal } from './ownership';

// Deleting a comparison: for someone who pasted the wrong text, or a private one, into the
// public library. Who may is who may edit (the browser that made it; never the seed), and never
// while others work on it (a class room, another reader's annotations): their work would go
// with it. It goes in one transaction with everything that is only its own: its rooms (the
// owner's personal room) with their annotations, replies, decisions, theme edits, members and
// events (the schema's cascades), the article versions nothing else needs, and the cached
// analyses of its texts. A version another comparison shows (the unchanged side of an edit saved
// as a copy) stays.

/** Why a comparison was not deleted. */
export type DeleteRefusal = EditRefusal | 'missing' | 'in-use' | 'unconfirmed';

/** What a deletion did: deleted (with the title, to say so), or refused and why. */
export type DeleteOutcome =
	{ deleted: true; title: string } | { deleted: false; refusal: DeleteRefusal; message: string };

/** "one room", "3 rooms". */
const rooms = (n: number) => (n === 1 ? 'one room' : `${n} rooms`);

/** Why the comparison stays while others work on it (the edit page says it before anyone asks). */
export function inUseMessage(othersRooms: number): string {
	return `Others work on this comparison (${rooms(othersRooms)}: a class, or readers’ annotations), so it cannot be deleted: their work would go with it.`;
}

/** Longest title the confirmation after a deletion repeats whole. */
const MAX_TITLE_SHOWN = 120;

/** What the library says once a comparison is deleted. */
export function deletedMessage(title: string): string {
	return `Deleted “${clipText(title, MAX_TITLE_SHOWN)}”.`;
}

/** What a reader is told for each refusal, worded as the edit page's refusals. */
const MESSAGES: Record<EditRefusal | 'missing', string> = {
	missing:
		'No comparison has this address: it was deleted already, or the address is wrong. Nothing was deleted.',
	seed: 'The seed comparison is kept as shipped, so it cannot be deleted. Nothing was deleted.',
	unowned:
		'This comparison was made before comparisons had owners, so nobody can delete it. Nothing was deleted.',
	'not-owner': 'Only the browser that made this comparison can delete it. Nothing was deleted.'
};

/** The word deletion's confirmation names a comparison by. */
const NOUN = 'comparison';

/** A refusal and its message. */
function refused(refusal: DeleteRefusal, message: string): DeleteOutcome {
	return { deleted: false, refusal, message };
}

/** One version of the family: its id, the version it replaced and its text's hash. */
interface FamilyVersion {
	id: string;
	previousId: string | null;
	contentHash: string;
}

/**
 * The comparison's two versions and every version linked to them by edits, either way (its
 * history, copies made from it, a version a reverted edit left behind), one generation a query.
 */
async function familyOf(tx: Tx, start: string[]): Promise<FamilyVersion[]> {
	const found = new Map<string, FamilyVersion>();
	const seen = new Set(start);
	let frontier = [...seen];
	while (frontier.length) {
		const rows = await tx
			.select({ id: article.id, previousId: article.previousId, contentHash: article.contentHash })
			.from(article)
			.where(or(inArray(article.id, frontier), inArray(article.previousId, frontier)));
		frontier = [];
		for (const row of rows) {
			found.set(row.id, row);
			for (const id of [row.id, row.previousId]) {
				if (id && !seen.has(id)) {
					seen.add(id);
					frontier.push(id);
				}
			}
		}
	}
	return [...found.values()];
}

/** The family's versions that something other than comparison `id` still uses. */
async function neededByOthers(tx: Tx, id: string, family: string[]): Promise<Set<string>> {
	const shown = await tx
		.select({ a: comparison.articleAId, b: comparison.articleBId })
		.from(comparison)
		.where(
			and(
				ne(comparison.id, id),
				or(inArray(comparison.articleAId, family), inArray(comparison.articleBId, family))
			)
		);
	const pointedAt = await tx
		.selectDistinct({ articleId: annotationTarget.articleId })
		.from(annotationTarget)
		.innerJoin(annotation, eq(annotation.id, annotationTarget.annotationId))
		.where(and(ne(annotation.comparisonId, id), inArray(annotationTarget.articleId, family)));
	return new Set([...shown.flatMap((r) => [r.a, r.b]), ...pointedAt.map((r) => r.articleId)]);
}

const articleA = alias(article, 'article_a');
const articleB = alias(article, 'article_b');

/** The cached analyses that go with the deleted versions (see analysesToDelete). */
async function deleteAnalyses(
	tx: Tx,
	id: string,
	family: FamilyVersion[],
	deleted: Set<string>,
	own: { aHash: string; bHash: string }
): Promise<void> {
	const hashes = [...new Set(family.filter((v) => deleted.has(v.id)).map((v) => v.contentHash))];
	// a text another stored version has (the same paste in another comparison) is still read
	const stays = hashes.length
		? await tx
				.selectDistinct({ hash: article.contentHash })
				.from(article)
				.where(and(inArray(article.contentHash, hashes), notInArray(article.id, [...deleted])))
		: [];
	const gone = new Set(hashes);
	for (const { hash } of stays) gone.delete(hash);
	const shown = await tx
		.select({ id: comparison.id })
		.from(comparison)
		.innerJoin(articleA, eq(comparison.articleAId, articleA.id))
		.innerJoin(articleB, eq(comparison.articleBId, articleB.id))
		.where(
			and(
				ne(comparison.id, id),
				eq(articleA.contentHash, own.aHash),
				eq(articleB.contentHash, own.bHash)
			)
		)
		.limit(1);
	const cached = await tx
		.select({
			aHash: analysis.aHash,
			bHash: analysis.bHash,
			engineVersion: analysis.engineVersion
		})
		.from(analysis)
		.where(
			or(
				inArray(analysis.aHash, [...gone, own.aHash]),
				inArray(analysis.bHash, [...gone, own.bHash])
			)
		);
	const shownPairs = new Set(shown.length ? [`${own.aHash} ${own.bHash}`] : []);
	for (const key of analysesToDelete(cached, gone, own, shownPairs)) {
		await tx
			.delete(analysis)
			.where(
				and(
					eq(analysis.aHash, key.aHash),
					eq(analysis.bHash, key.bHash),
					eq(analysis.engineVersion, key.engineVersion)
				)
			);
	}
}

/**
 * Delete the comparison a route names (its id, or a slug: the seed's is refused) for the browser
 * `workspaceId`, once `confirmation` is its title or the word "delete". Refused, with nothing
 * changed, for an unknown id (a replayed request finds it gone), anyone but its owner, the seed,
 * a comparison others work on, or a confirmation that does not match.
 */
export async function deleteComparison(
	db: Db,
	param: string,
	workspaceId: string | null,
	confirmation: string
): Promise<DeleteOutcome> {
	const where = isUuid(param)
		? eq(comparison.id, param.toLowerCase())
		: isSlug(param)
			? eq(comparison.slug, param)
			: undefined;
	if (!where) return refused('missing', MESSAGES.missing);
	const outcome = await db.transaction(async (tx) => {
		// locked: a class room or a first annotation started now waits for this, then finds it
		// gone; one started just before is counted below
		const [row] = await tx.select().from(comparison).where(where).for('update');
		if (!row) return { outcome: refused('missing', MESSAGES.missing), articles: [] };
		const refusal = editRefusal(row, workspaceId);
		if (refusal) return { outcome: refused(refusal, MESSAGES[refusal]), articles: [] };
		const others = await roomsOfOthers(tx, row.id, row.ownerWorkspaceId!);
		if (others > 0) return { outcome: refused('in-use', inUseMessage(others)), articles: [] };
		if (!confirmsDeletion(confirmation, row.title))
			return {
				outcome: refused('unconfirmed', confirmationRequest(NOUN, row.title)),
				articles: []
			};

		const family = await familyOf(tx, [row.articleAId, row.articleBId]);
		const ids = family.map((v) => v.id);
		const deleted = versionsToDelete(family, await neededByOthers(tx, row.id, ids));
		const hashOf = (articleId: string) => family.find((v) => v.id === articleId)!.contentHash;
		const own = { aHash: hashOf(row.articleAId), bHash: hashOf(row.articleBId) };
		await deleteAnalyses(tx, row.id, family, deleted, own);
		// the schema cascades the rest: its rooms (with members and events), annotations (with
		// passages and replies), suggestion decisions and theme edits
		await tx.delete(comparison).where(eq(comparison.id, row.id));
		// one statement: a version and the one it replaced go together (checked at its end)
		if (deleted.size) await tx.delete(article).where(inArray(article.id, [...deleted]));
		return { outcome: { deleted: true, title: row.title } as const, articles: [...deleted] };
	});
	// texts kept in memory for writes: a deleted text is not kept anywhere
	forgetArticles(outcome.articles);
	return outcome.outcome;
}
