-- comparisons made before this migration get no owner: nothing recorded which browser made them,
-- and letting the first to ask claim one is the hole this closes. Nobody edits them in place; a
-- copy (download it, import the file) belongs to whoever imports it.
ALTER TABLE "comparison" ADD COLUMN "owner_workspace_id" uuid;--> statement-breakpoint
ALTER TABLE "comparison" ADD CONSTRAINT "comparison_owner_workspace_id_workspace_id_fk" FOREIGN KEY ("owner_workspace_id") REFERENCES "public"."workspace"("id") ON DELETE set null ON UPDATE no action;
