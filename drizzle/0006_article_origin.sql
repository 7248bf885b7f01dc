-- where each article's text came from (a link and when it was fetched, an uploaded file's name, or
-- pasted text). Articles stored before this migration keep null: nothing recorded it, and the
-- reading view says nothing rather than guess.
ALTER TABLE "article" ADD COLUMN "origin" jsonb;
