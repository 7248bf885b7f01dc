CREATE TABLE "room" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"comparison_id" uuid NOT NULL,
	"title" text NOT NULL,
	"teacher_token_hash" text NOT NULL,
	"join_code_hash" text NOT NULL,
	"code_salt" text NOT NULL,
	"phase" text DEFAULT 'individual' NOT NULL,
	"locked" boolean DEFAULT false NOT NULL,
	"spotlight_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "room_teacher_token_hash_unique" UNIQUE("teacher_token_hash"),
	CONSTRAINT "room_join_code_hash_unique" UNIQUE("join_code_hash"),
	CONSTRAINT "room_phase_check" CHECK ("room"."phase" in ('individual', 'reveal', 'discuss'))
);
--> statement-breakpoint
CREATE TABLE "room_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"room_id" uuid NOT NULL,
	"type" text NOT NULL,
	"annotation_id" uuid,
	"owner_id" text,
	"teacher_only" boolean DEFAULT false NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "room_member" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"room_id" uuid NOT NULL,
	"role" text NOT NULL,
	"display_name" text NOT NULL,
	"token_hash" text NOT NULL,
	"removed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "room_member_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "room_member_role_check" CHECK ("room_member"."role" in ('teacher', 'student'))
);
--> statement-breakpoint
ALTER TABLE "room" ADD CONSTRAINT "room_comparison_id_comparison_id_fk" FOREIGN KEY ("comparison_id") REFERENCES "public"."comparison"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_event" ADD CONSTRAINT "room_event_room_id_room_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."room"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_member" ADD CONSTRAINT "room_member_room_id_room_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."room"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "room_event_room_idx" ON "room_event" USING btree ("room_id","id");--> statement-breakpoint
CREATE INDEX "room_member_room_idx" ON "room_member" USING btree ("room_id");