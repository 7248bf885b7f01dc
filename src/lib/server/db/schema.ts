import { sql } from 'drizzle-orm';
import {
	bigserial,
	boolean,
	check,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	smallint,
	text,
	timestamp,
	uniqueIndex,
	uuid,
	type AnyPgColumn
} from 'drizzle-orm/pg-core';
// relative, not $lib: drizzle-kit and tsx scripts load this file without SvelteKit's aliases
import type { SuggestionMode } from '../../domain/classroom';
import type { ArticleMeta, ArticleOrigin, Paragraph, Sentence } from '../../domain/types';
import type { RoomPhase } from '../../live/events';

/** Paragraphs and sentences of an article version, as segmentArticle produced them at creation. */
interface StoredSegmentation {
	paragraphs: Paragraph[];
	sentences: Sentence[];
}

/** The genres an article can have (mirrors ArticleMeta['genre']). */
export type Genre = NonNullable<ArticleMeta['genre']>;

/**
 * One immutable version of an article. Editing the text makes a new row whose `previous_id`
 * points at the old one, so annotations anchored to a version never see their offsets move.
 */
export const article = pgTable(
	'article',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** sha-256 hex of the normalised text: the article's version */
		contentHash: text('content_hash').notNull(),
		/** normalised text: the one coordinate system of every offset */
		text: text('text').notNull(),
		/** the text as it was given, before normalisation */
		raw: text('raw').notNull(),
		title: text('title').notNull(),
		outlet: text('outlet'),
		author: text('author'),
		/** ISO date, or a partial one (YYYY or YYYY-MM) when that is all the source says */
		published: text('published'),
		/** null: nobody said (a paste is not labelled until its genre is chosen) */
		genre: text('genre').$type<Genre>(),
		sourceUrl: text('source_url'),
		/** where the text came from (link and fetch time, file name, pasted); null: not recorded */
		origin: jsonb('origin').$type<ArticleOrigin>(),
		segmentation: jsonb('segmentation').$type<StoredSegmentation>().notNull(),
		previousId: uuid('previous_id').references((): AnyPgColumn => article.id),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('article_content_hash_idx').on(t.contentHash),
		check('article_genre_check', sql`${t.genre} in ('opinion', 'report', 'analysis')`)
	]
);

/** Two article versions read side by side; the seed comparison has slug 'seed'. */
export const comparison = pgTable('comparison', {
	id: uuid('id').primaryKey().defaultRandom(),
	/** a stable, human-readable handle for well-known comparisons (nullable: most have none) */
	slug: text('slug').unique(),
	title: text('title').notNull(),
	articleAId: uuid('article_a_id')
		.notNull()
		.references(() => article.id),
	articleBId: uuid('article_b_id')
		.notNull()
		.references(() => article.id),
	/**
	 * the browser (workspace) that made it: the only one that may edit it. Null for the seed and
	 * for comparisons made before owners were recorded: nobody edits those.
	 */
	ownerWorkspaceId: uuid('owner_workspace_id').references(() => workspace.id, {
		onDelete: 'set null'
	}),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

/**
 * Cache of the engine's output for an ordered pair of article versions. Keyed by content
 * hashes (not article ids) so metadata-only edits and duplicate uploads share one result.
 */
export const analysis = pgTable(
	'analysis',
	{
		aHash: text('a_hash').notNull(),
		bHash: text('b_hash').notNull(),
		engineVersion: text('engine_version').notNull(),
		result: jsonb('result').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.aHash, t.bHash, t.engineVersion] })]
);

/**
 * A reader's browser, found by the hash of its cookie token (the token itself is never stored).
 * Its work on each comparison lives in a personal room: a room of one it owns.
 */
export const workspace = pgTable('workspace', {
	id: uuid('id').primaryKey().defaultRandom(),
	tokenHash: text('token_hash').notNull().unique(),
	/** the author name shown on this workspace's annotations and replies */
	displayName: text('display_name').notNull().default('You'),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

/**
 * Server-wide settings that every instance must agree on (e.g. the cookie-signing secret when
 * PARALLAX_SECRET is not set), so restarts and several instances sign cookies alike.
 */
export const setting = pgTable('setting', {
	key: text('key').primaryKey(),
	value: text('value').notNull(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

/**
 * Where annotations live: always a room (a class, or a reader's personal room of one). The
 * column stays so the scope is explicit in every row and query.
 */
type ScopeKind = 'room';

const SCOPE_KINDS = sql`('room')`;

/**
 * One annotation (shared fact, framing or note) in a scope. The id is the client's, so a retried
 * create finds the row it already made. Deleting leaves a tombstone (deleted_at set, content
 * cleared) so a late retry of the create is refused instead of bringing it back.
 */
export const annotation = pgTable(
	'annotation',
	{
		id: uuid('id').primaryKey(),
		comparisonId: uuid('comparison_id')
			.notNull()
			.references(() => comparison.id, { onDelete: 'cascade' }),
		scopeKind: text('scope_kind').$type<ScopeKind>().notNull(),
		/** the room (class or personal) the annotation belongs to */
		scopeId: uuid('scope_id').notNull(),
		authorId: text('author_id').notNull(),
		authorName: text('author_name').notNull(),
		kind: text('kind').notNull(),
		relation: text('relation'),
		evidence: text('evidence'),
		evidenceUrl: text('evidence_url'),
		frame: text('frame'),
		entman: text('entman'),
		note: text('note').notNull().default(''),
		attachedTo: uuid('attached_to').references((): AnyPgColumn => annotation.id, {
			onDelete: 'set null'
		}),
		suggestionId: text('suggestion_id'),
		/** moderation (a teacher hides a post in a class room) */
		hidden: boolean('hidden').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		deletedAt: timestamp('deleted_at', { withTimezone: true })
	},
	(t) => [
		index('annotation_scope_idx').on(t.comparisonId, t.scopeKind, t.scopeId),
		check('annotation_scope_kind_check', sql`${t.scopeKind} in ${SCOPE_KINDS}`),
		check('annotation_kind_check', sql`${t.kind} in ('shared-fact', 'framing', 'note')`)
	]
);

/** A passage an annotation points at: one for framings and notes, A then B for shared facts. */
export const annotationTarget = pgTable(
	'annotation_target',
	{
		annotationId: uuid('annotation_id')
			.notNull()
			.references(() => annotation.id, { onDelete: 'cascade' }),
		/** 0, or 0 (article A) and 1 (article B) for a shared fact */
		position: smallint('position').notNull(),
		side: text('side').notNull(),
		/** the article row the passage was selected in */
		articleId: uuid('article_id')
			.notNull()
			.references(() => article.id),
		/** content hash of that article's text: the offsets are only valid for it */
		articleVersion: text('article_version').notNull(),
		/** UTF-16 offsets into the normalised text */
		start: integer('start').notNull(),
		end: integer('end').notNull(),
		exact: text('exact').notNull(),
		prefix: text('prefix').notNull(),
		suffix: text('suffix').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.annotationId, t.position] }),
		check('annotation_target_side_check', sql`${t.side} in ('a', 'b')`),
		check('annotation_target_span_check', sql`0 <= ${t.start} and ${t.start} < ${t.end}`)
	]
);

/** A reply under an annotation; tombstoned on delete like annotations. */
export const reply = pgTable(
	'reply',
	{
		id: uuid('id').primaryKey(),
		annotationId: uuid('annotation_id')
			.notNull()
			.references(() => annotation.id, { onDelete: 'cascade' }),
		authorId: text('author_id').notNull(),
		authorName: text('author_name').notNull(),
		note: text('note').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		deletedAt: timestamp('deleted_at', { withTimezone: true })
	},
	(t) => [index('reply_annotation_idx').on(t.annotationId)]
);

/** What a scope decided about one of the engine's suggested shared facts. */
export const suggestionDecision = pgTable(
	'suggestion_decision',
	{
		comparisonId: uuid('comparison_id')
			.notNull()
			.references(() => comparison.id, { onDelete: 'cascade' }),
		scopeKind: text('scope_kind').$type<ScopeKind>().notNull(),
		scopeId: uuid('scope_id').notNull(),
		/** SharedFact.id of the analysis, e.g. 'a12-b7' */
		suggestionId: text('suggestion_id').notNull(),
		decision: text('decision').$type<'accepted' | 'dismissed'>().notNull(),
		/** the shared fact an acceptance created */
		annotationId: uuid('annotation_id').references(() => annotation.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.comparisonId, t.scopeKind, t.scopeId, t.suggestionId] }),
		check('suggestion_decision_scope_kind_check', sql`${t.scopeKind} in ${SCOPE_KINDS}`),
		check('suggestion_decision_decision_check', sql`${t.decision} in ('accepted', 'dismissed')`)
	]
);

/** The ordered log of a scope's theme edits (ThemeEdit JSON), replayed over automatic themes. */
export const themeEdit = pgTable(
	'theme_edit',
	{
		comparisonId: uuid('comparison_id')
			.notNull()
			.references(() => comparison.id, { onDelete: 'cascade' }),
		scopeKind: text('scope_kind').$type<ScopeKind>().notNull(),
		scopeId: uuid('scope_id').notNull(),
		/** 1, 2, 3… within the scope and comparison */
		seq: integer('seq').notNull(),
		edit: jsonb('edit').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.comparisonId, t.scopeKind, t.scopeId, t.seq] }),
		check('theme_edit_scope_kind_check', sql`${t.scopeKind} in ${SCOPE_KINDS}`)
	]
);

/** A class room (a teacher and students) or a reader's personal room of one. */
export type RoomKind = 'class' | 'personal';

/**
 * A room on one comparison: a class, or the personal room of one reader (their workspace on that
 * comparison). A class's teacher link and join code are capabilities: only their sha-256 is
 * stored (the join code is re-derived from the server secret and `code_salt` when the teacher
 * needs to show it again). A personal room has neither: nobody can join it.
 */
export const room = pgTable(
	'room',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		kind: text('kind').$type<RoomKind>().notNull().default('class'),
		comparisonId: uuid('comparison_id')
			.notNull()
			.references(() => comparison.id, { onDelete: 'cascade' }),
		/** the reader whose personal room this is (null for a class) */
		ownerWorkspaceId: uuid('owner_workspace_id').references(() => workspace.id, {
			onDelete: 'cascade'
		}),
		title: text('title').notNull(),
		teacherTokenHash: text('teacher_token_hash').unique(),
		joinCodeHash: text('join_code_hash').unique(),
		/** random salt the join code is derived from (with the server secret) */
		codeSalt: text('code_salt'),
		phase: text('phase').$type<RoomPhase>().notNull().default('individual'),
		/** read-only for students while true */
		locked: boolean('locked').notNull().default(false),
		/** when students (and the projector) see the machine's suggestions: off, on, after-reveal */
		suggestions: text('suggestions').$type<SuggestionMode>().notNull().default('after-reveal'),
		/** discuss phase: the shared fact the teacher puts on the projector */
		spotlightId: uuid('spotlight_id'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		check('room_phase_check', sql`${t.phase} in ('individual', 'reveal', 'discuss')`),
		check('room_suggestions_check', sql`${t.suggestions} in ('off', 'on', 'after-reveal')`),
		check(
			'room_kind_check',
			sql`(${t.kind} = 'class' and ${t.teacherTokenHash} is not null and ${t.joinCodeHash} is not null and ${t.codeSalt} is not null and ${t.ownerWorkspaceId} is null) or (${t.kind} = 'personal' and ${t.ownerWorkspaceId} is not null and ${t.teacherTokenHash} is null and ${t.joinCodeHash} is null)`
		),
		// one personal room per reader and comparison
		uniqueIndex('room_personal_idx')
			.on(t.ownerWorkspaceId, t.comparisonId)
			.where(sql`${t.kind} = 'personal'`)
	]
);

/**
 * A person in a room: a teacher (from the teacher link), a student (display name only), or the
 * owner of a personal room (role teacher: they run their room of one), known by their workspace.
 */
export const roomMember = pgTable(
	'room_member',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		roomId: uuid('room_id')
			.notNull()
			.references(() => room.id, { onDelete: 'cascade' }),
		role: text('role').$type<'teacher' | 'student'>().notNull(),
		displayName: text('display_name').notNull(),
		/** sha-256 of the room cookie's token (null for a personal room's owner) */
		tokenHash: text('token_hash').unique(),
		/** the owner of a personal room: their workspace cookie identifies them */
		workspaceId: uuid('workspace_id').references(() => workspace.id, { onDelete: 'cascade' }),
		/** set when the teacher removes a student: the cookie stops working */
		removedAt: timestamp('removed_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('room_member_room_idx').on(t.roomId),
		index('room_member_workspace_idx').on(t.workspaceId),
		check('room_member_role_check', sql`${t.role} in ('teacher', 'student')`),
		check('room_member_identity_check', sql`(${t.tokenHash} is null) <> (${t.workspaceId} is null)`)
	]
);

/**
 * The room's live events, in commit order per room: the SSE id is `id`, and a reconnecting
 * page catches up from here (NOTIFY is never replayed).
 */
export const roomEvent = pgTable(
	'room_event',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		roomId: uuid('room_id')
			.notNull()
			.references(() => room.id, { onDelete: 'cascade' }),
		type: text('type').notNull(),
		/** the annotation the event is about (catch-up drops it for students once it is hidden) */
		annotationId: uuid('annotation_id'),
		/** whose work it is: in the individual phase, students only get their own */
		ownerId: text('owner_id'),
		/** moderation and membership news only the teacher gets */
		teacherOnly: boolean('teacher_only').notNull().default(false),
		data: jsonb('data').notNull(),
		/** the event's size as JSON (UTF-8 bytes): catch-up is bounded by it without reading data */
		bytes: integer('bytes').notNull().default(0),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('room_event_room_idx').on(t.roomId, t.id)]
);

/** A stored article row. */
export type ArticleRow = typeof article.$inferSelect;
/** A stored comparison row. */
export type ComparisonRow = typeof comparison.$inferSelect;
/** A stored workspace row. */
export type WorkspaceRow = typeof workspace.$inferSelect;
/** A stored annotation row (targets and replies are separate rows). */
export type AnnotationRow = typeof annotation.$inferSelect;
/** A stored annotation target row. */
export type AnnotationTargetRow = typeof annotationTarget.$inferSelect;
/** A stored reply row. */
export type ReplyRow = typeof reply.$inferSelect;
/** A stored room row. */
export type RoomRow = typeof room.$inferSelect;
/** A stored room member row. */
export type RoomMemberRow = typeof roomMember.$inferSelect;
/** A stored room event row. */
export type RoomEventRow = typeof roomEvent.$inferSelect;
