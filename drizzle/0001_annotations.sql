CREATE TABLE "annotation" (
	"id" uuid PRIMARY KEY NOT NULL,
	"comparison_id" uuid NOT NULL,
	"scope_kind" text NOT NULL,
	"scope_id" uuid NOT NULL,
	"author_id" text NOT NULL,
	"author_name" text NOT NULL,
	"kind" text NOT NULL,
	"relation" text,
	"evidence" text,
	"evidence_url" text,
	"frame" text,
	"entman" text,
	"note" text DEFAULT '' NOT NULL,
	"attached_to" uuid,
	"suggestion_id" text,
	"hidden" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "annotation_scope_kind_check" CHECK ("annotation"."scope_kind" in ('workspace', 'room')),
	CONSTRAINT "annotation_kind_check" CHECK ("annotation"."kind" in ('shared-fact', 'framing', 'note'))
);
--> statement-breakpoint
CREATE TABLE "annotation_target" (
	"annotation_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"side" text NOT NULL,
	"article_id" uuid NOT NULL,
	"article_version" text NOT NULL,
	"start" integer NOT NULL,
	"end" integer NOT NULL,
	"exact" text NOT NULL,
	"prefix" text NOT NULL,
	"suffix" text NOT NULL,
	CONSTRAINT "annotation_target_annotation_id_position_pk" PRIMARY KEY("annotation_id","position"),
	CONSTRAINT "annotation_target_side_check" CHECK ("annotation_target"."side" in ('a', 'b')),
	CONSTRAINT "annotation_target_span_check" CHECK (0 <= "annotation_target"."start" and "annotation_target"."start" < "annotation_target"."end")
);
--> statement-breakpoint
CREATE TABLE "reply" (
	"id" uuid PRIMARY KEY NOT NULL,
	"annotation_id" uuid NOT NULL,
	"author_id" text NOT NULL,
	"author_name" text NOT NULL,
	"note" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "setting" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suggestion_decision" (
	"comparison_id" uuid NOT NULL,
	"scope_kind" text NOT NULL,
	"scope_id" uuid NOT NULL,
	"suggestion_id" text NOT NULL,
	"decision" text NOT NULL,
	"annotation_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suggestion_decision_comparison_id_scope_kind_scope_id_suggestion_id_pk" PRIMARY KEY("comparison_id","scope_kind","scope_id","suggestion_id"),
	CONSTRAINT "suggestion_decision_scope_kind_check" CHECK ("suggestion_decision"."scope_kind" in ('workspace', 'room')),
	CONSTRAINT "suggestion_decision_decision_check" CHECK ("suggestion_decision"."decision" in ('accepted', 'dismissed'))
);
--> statement-breakpoint
CREATE TABLE "theme_edit" (
	"comparison_id" uuid NOT NULL,
	"scope_kind" text NOT NULL,
	"scope_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"edit" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "theme_edit_comparison_id_scope_kind_scope_id_seq_pk" PRIMARY KEY("comparison_id","scope_kind","scope_id","seq"),
	CONSTRAINT "theme_edit_scope_kind_check" CHECK ("theme_edit"."scope_kind" in ('workspace', 'room'))
);
--> statement-breakpoint
ALTER TABLE "workspace" ADD COLUMN "display_name" text DEFAULT 'You' NOT NULL;--> statement-breakpoint
ALTER TABLE "annotation" ADD CONSTRAINT "annotation_comparison_id_comparison_id_fk" FOREIGN KEY ("comparison_id") REFERENCES "public"."comparison"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annotation" ADD CONSTRAINT "annotation_attached_to_annotation_id_fk" FOREIGN KEY ("attached_to") REFERENCES "public"."annotation"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annotation_target" ADD CONSTRAINT "annotation_target_annotation_id_annotation_id_fk" FOREIGN KEY ("annotation_id") REFERENCES "public"."annotation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annotation_target" ADD CONSTRAINT "annotation_target_article_id_article_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."article"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply" ADD CONSTRAINT "reply_annotation_id_annotation_id_fk" FOREIGN KEY ("annotation_id") REFERENCES "public"."annotation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_decision" ADD CONSTRAINT "suggestion_decision_comparison_id_comparison_id_fk" FOREIGN KEY ("comparison_id") REFERENCES "public"."comparison"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_decision" ADD CONSTRAINT "suggestion_decision_annotation_id_annotation_id_fk" FOREIGN KEY ("annotation_id") REFERENCES "public"."annotation"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_edit" ADD CONSTRAINT "theme_edit_comparison_id_comparison_id_fk" FOREIGN KEY ("comparison_id") REFERENCES "public"."comparison"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "annotation_scope_idx" ON "annotation" USING btree ("comparison_id","scope_kind","scope_id");--> statement-breakpoint
CREATE INDEX "reply_annotation_idx" ON "reply" USING btree ("annotation_id");