ALTER TABLE "room_event" ADD COLUMN "bytes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- events recorded before this migration: their size as the stream sends them (close enough:
-- jsonb's text form adds a space after each colon and comma)
UPDATE "room_event" SET "bytes" = octet_length("data"::text);
