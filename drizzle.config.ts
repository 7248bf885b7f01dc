import { defineConfig } from 'drizzle-kit';

// Only `drizzle-kit generate` is part of the workflow: the server applies ./drizzle itself with
// drizzle's runtime migrate() at start (PGlite has no cross-process lock, so never point
// drizzle-kit at a live PGlite data dir).
export default defineConfig({
	schema: './src/lib/server/db/schema.ts',
	out: './drizzle',
	dialect: 'postgresql',
	...(process.env.DATABASE_URL ? { dbCredentials: { url: process.env.DATABASE_URL } } : {})
});
