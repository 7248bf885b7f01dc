ALTER TABLE "annotation" DROP CONSTRAINT "annotation_scope_kind_check";--> statement-breakpoint
ALTER TABLE "suggestion_decision" DROP CONSTRAINT "suggestion_decision_scope_kind_check";--> statement-breakpoint
ALTER TABLE "theme_edit" DROP CONSTRAINT "theme_edit_scope_kind_check";--> statement-breakpoint
ALTER TABLE "room" ALTER COLUMN "teacher_token_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "room" ALTER COLUMN "join_code_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "room" ALTER COLUMN "code_salt" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "room_member" ALTER COLUMN "token_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "room" ADD COLUMN "kind" text DEFAULT 'class' NOT NULL;--> statement-breakpoint
ALTER TABLE "room" ADD COLUMN "owner_workspace_id" uuid;--> statement-breakpoint
ALTER TABLE "room_member" ADD COLUMN "workspace_id" uuid;--> statement-breakpoint
ALTER TABLE "room" ADD CONSTRAINT "room_owner_workspace_id_workspace_id_fk" FOREIGN KEY ("owner_workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_member" ADD CONSTRAINT "room_member_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "room_personal_idx" ON "room" USING btree ("owner_workspace_id","comparison_id") WHERE "room"."kind" = 'personal';--> statement-breakpoint
CREATE INDEX "room_member_workspace_idx" ON "room_member" USING btree ("workspace_id");--> statement-breakpoint
-- Data: every reader's work on a comparison moves into their personal room there (a room of
-- one they own); its author id becomes their member id, decisions get the member prefix the
-- room verbs use. Rows of a workspace that no longer exists could never be read: dropped.
DELETE FROM "annotation" a WHERE a."scope_kind" = 'workspace' AND NOT EXISTS (SELECT 1 FROM "workspace" w WHERE w."id" = a."scope_id");--> statement-breakpoint
DELETE FROM "suggestion_decision" d WHERE d."scope_kind" = 'workspace' AND NOT EXISTS (SELECT 1 FROM "workspace" w WHERE w."id" = d."scope_id");--> statement-breakpoint
DELETE FROM "theme_edit" t WHERE t."scope_kind" = 'workspace' AND NOT EXISTS (SELECT 1 FROM "workspace" w WHERE w."id" = t."scope_id");--> statement-breakpoint
INSERT INTO "room" ("kind", "comparison_id", "owner_workspace_id", "title", "phase")
SELECT 'personal', s."comparison_id", s."scope_id", 'Personal workspace', 'reveal'
FROM (
	SELECT "comparison_id", "scope_id" FROM "annotation" WHERE "scope_kind" = 'workspace'
	UNION SELECT "comparison_id", "scope_id" FROM "suggestion_decision" WHERE "scope_kind" = 'workspace'
	UNION SELECT "comparison_id", "scope_id" FROM "theme_edit" WHERE "scope_kind" = 'workspace'
) s;--> statement-breakpoint
INSERT INTO "room_member" ("room_id", "role", "display_name", "workspace_id")
SELECT r."id", 'teacher', w."display_name", w."id"
FROM "room" r JOIN "workspace" w ON w."id" = r."owner_workspace_id"
WHERE r."kind" = 'personal';--> statement-breakpoint
UPDATE "reply" rp SET "author_id" = m."id"::text
FROM "annotation" a, "room" r, "room_member" m
WHERE rp."annotation_id" = a."id" AND a."scope_kind" = 'workspace' AND rp."author_id" = a."scope_id"::text
	AND r."kind" = 'personal' AND r."owner_workspace_id" = a."scope_id" AND r."comparison_id" = a."comparison_id"
	AND m."room_id" = r."id";--> statement-breakpoint
UPDATE "annotation" a SET "scope_kind" = 'room', "scope_id" = r."id",
	"author_id" = CASE WHEN a."author_id" = a."scope_id"::text THEN m."id"::text ELSE a."author_id" END
FROM "room" r, "room_member" m
WHERE a."scope_kind" = 'workspace' AND r."kind" = 'personal' AND r."owner_workspace_id" = a."scope_id"
	AND r."comparison_id" = a."comparison_id" AND m."room_id" = r."id";--> statement-breakpoint
UPDATE "suggestion_decision" d SET "scope_kind" = 'room', "scope_id" = r."id",
	"suggestion_id" = m."id"::text || ':' || d."suggestion_id"
FROM "room" r, "room_member" m
WHERE d."scope_kind" = 'workspace' AND r."kind" = 'personal' AND r."owner_workspace_id" = d."scope_id"
	AND r."comparison_id" = d."comparison_id" AND m."room_id" = r."id";--> statement-breakpoint
UPDATE "theme_edit" t SET "scope_kind" = 'room', "scope_id" = r."id"
FROM "room" r
WHERE t."scope_kind" = 'workspace' AND r."kind" = 'personal' AND r."owner_workspace_id" = t."scope_id"
	AND r."comparison_id" = t."comparison_id";--> statement-breakpoint
ALTER TABLE "annotation" ADD CONSTRAINT "annotation_scope_kind_check" CHECK ("annotation"."scope_kind" in ('room'));--> statement-breakpoint
ALTER TABLE "room" ADD CONSTRAINT "room_kind_check" CHECK (("room"."kind" = 'class' and "room"."teacher_token_hash" is not null and "room"."join_code_hash" is not null and "room"."code_salt" is not null and "room"."owner_workspace_id" is null) or ("room"."kind" = 'personal' and "room"."owner_workspace_id" is not null and "room"."teacher_token_hash" is null and "room"."join_code_hash" is null));--> statement-breakpoint
ALTER TABLE "room_member" ADD CONSTRAINT "room_member_identity_check" CHECK (("room_member"."token_hash" is null) <> ("room_member"."workspace_id" is null));--> statement-breakpoint
ALTER TABLE "suggestion_decision" ADD CONSTRAINT "suggestion_decision_scope_kind_check" CHECK ("suggestion_decision"."scope_kind" in ('room'));--> statement-breakpoint
ALTER TABLE "theme_edit" ADD CONSTRAINT "theme_edit_scope_kind_check" CHECK ("theme_edit"."scope_kind" in ('room'));