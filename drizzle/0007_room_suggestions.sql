-- students do not see the machine's suggestions while they work alone unless the teacher says so:
-- rooms made before this migration get that default too (the spec's default for a lesson).
ALTER TABLE "room" ADD COLUMN "suggestions" text DEFAULT 'after-reveal' NOT NULL;--> statement-breakpoint
ALTER TABLE "room" ADD CONSTRAINT "room_suggestions_check" CHECK ("room"."suggestions" in ('off', 'on', 'after-reveal'));