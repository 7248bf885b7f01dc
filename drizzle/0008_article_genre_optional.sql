-- a pasted article's genre is unknown until someone chooses it: no more "opinion" by default.
-- Rows stored before keep the genre they were given.
ALTER TABLE "article" ALTER COLUMN "genre" DROP NOT NULL;
