CREATE TABLE "analysis" (
	"a_hash" text NOT NULL,
	"b_hash" text NOT NULL,
	"engine_version" text NOT NULL,
	"result" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analysis_a_hash_b_hash_engine_version_pk" PRIMARY KEY("a_hash","b_hash","engine_version")
);
--> statement-breakpoint
CREATE TABLE "article" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"content_hash" text NOT NULL,
	"text" text NOT NULL,
	"raw" text NOT NULL,
	"title" text NOT NULL,
	"outlet" text,
	"author" text,
	"published" text,
	"genre" text NOT NULL,
	"source_url" text,
	"segmentation" jsonb NOT NULL,
	"previous_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "article_genre_check" CHECK ("article"."genre" in ('opinion', 'report', 'analysis'))
);
--> statement-breakpoint
CREATE TABLE "comparison" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text,
	"title" text NOT NULL,
	"article_a_id" uuid NOT NULL,
	"article_b_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "comparison_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "workspace" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workspace_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "article" ADD CONSTRAINT "article_previous_id_article_id_fk" FOREIGN KEY ("previous_id") REFERENCES "public"."article"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comparison" ADD CONSTRAINT "comparison_article_a_id_article_id_fk" FOREIGN KEY ("article_a_id") REFERENCES "public"."article"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comparison" ADD CONSTRAINT "comparison_article_b_id_article_id_fk" FOREIGN KEY ("article_b_id") REFERENCES "public"."article"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "article_content_hash_idx" ON "article" USING btree ("content_hash");