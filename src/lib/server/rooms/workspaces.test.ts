import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createComparison, memberActor, targetOf } from '../test-support/annotation-fixtures';
import { annotations } from '../annotations';
import { connect } from '../db/connect';
import { setting } from '../db/schema';
import { describeEachDatabase, MIGRATIONS_FOLDER } from '../test-support/databases';
import { RequestError } from '../http';
import * as personal from './personal-rooms';
import * as workspaces from './workspaces';

const SECRET = Buffer.from('a test secret of enough length');

describe('workspace cookies', () => {
	it('verifies its own values and nothing else', () => {
		const { value, tokenHash } = workspaces.createCookieValue(SECRET);
		expect(value).toMatch(/^[\w-]{43}\.[\w-]{43}$/);
		expect(workspaces.verifyCookieValue(SECRET, value)).toBe(tokenHash);
		const [token, signature] = value.split('.');
		const flipped = signature.slice(0, -1) + (signature.endsWith('A') ? 'B' : 'A');
		for (const forged of [
			undefined,
			'',
			token,
			`${token}.`,
			`.${signature}`,
			`${token}.${flipped}`,
			`${token}x.${signature}`,
			`${token}.${signature}.x`,
			'x'.repeat(500)
		]) {
			expect(workspaces.verifyCookieValue(SECRET, forged)).toBeUndefined();
		}
		expect(
			workspaces.verifyCookieValue(Buffer.from('another secret, also long'), value)
		).toBeUndefined();
		// a value verified before (kept) verifies the same, and only under its own secret
		expect(workspaces.verifyCookieValue(SECRET, value)).toBe(tokenHash);
		expect(
			workspaces.verifyCookieValue(Buffer.from('another secret, also long'), value)
		).toBeUndefined();
	});

	it.each([
		['http://localhost:3000/x', false],
		['https://parallax.example.org/', true]
	])('sets httpOnly, SameSite=Lax, a year, and Secure on https (%s)', (url, secure) => {
		expect(workspaces.cookieOptions(new URL(url))).toEqual({
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure,
			maxAge: 31_536_000
		});
	});

	it.each<[unknown, string | RegExp]>([
		['  Ms Rivera  ', 'Ms Rivera'],
		['', /empty/],
		[42, /text/],
		['x'.repeat(61), /longer/],
		['a\u0000b', /control/],
		['\ud800', /broken/]
	])('checks a display name: %j', (raw, expected) => {
		if (typeof expected === 'string')
			return expect(workspaces.checkDisplayName(raw)).toBe(expected);
		const e = (() => {
			try {
				workspaces.checkDisplayName(raw);
			} catch (x) {
				return x as RequestError;
			}
		})();
		expect(e?.status).toBe(422);
		expect(e?.fields?.[0]).toEqual({
			field: 'displayName',
			message: expect.stringMatching(expected)
		});
	});

	it('refuses a short PARALLAX_SECRET', () => {
		expect(() => workspaces.getSecret({} as never, 'short')).toThrow(/at least/);
	});
});

describeEachDatabase('workspaces', (current) => {
	const db = () => current().database.db;

	it('keeps one generated secret in the database (restarts and instances agree)', async () => {
		const first = await workspaces.getSecret(db());
		expect(first.length).toBe(32);
		const { value } = workspaces.createCookieValue(first);
		const [row] = await db().select().from(setting);
		expect(Buffer.from(row.value, 'base64url')).toEqual(first);
		const url = current().url;
		if (url) {
			// another instance (a second connection) reads the same secret
			const other = await connect({ url, migrationsFolder: MIGRATIONS_FOLDER });
			try {
				const again = await workspaces.getSecret(other.db);
				expect(workspaces.verifyCookieValue(again, value)).toBeDefined();
			} finally {
				await other.close();
			}
		}
	});

	it('stores only the token hash and finds the workspace by it', async () => {
		const secret = await workspaces.getSecret(db());
		const { workspace, cookie } = await workspaces.create(db(), secret);
		expect(workspace.displayName).toBe('You');
		const hash = workspaces.verifyCookieValue(secret, cookie)!;
		expect(await workspaces.getByTokenHash(db(), hash)).toEqual(workspace);
		const token = cookie.split('.')[0];
		expect(await workspaces.getByTokenHash(db(), token)).toBeUndefined();
	});

	it('finds a renamed workspace under its new name at once (PGlite keeps found ones in memory)', async () => {
		const secret = await workspaces.getSecret(db());
		const { workspace, cookie } = await workspaces.create(db(), secret);
		const hash = workspaces.verifyCookieValue(secret, cookie)!;
		expect((await workspaces.getByTokenHash(db(), hash))?.displayName).toBe('You');
		// a lookup running while the rename commits must not keep the old name either
		const [during] = await Promise.all([
			workspaces.getByTokenHash(db(), hash),
			workspaces.rename(db(), workspace.id, 'Noor')
		]);
		expect(['You', 'Noor']).toContain(during?.displayName);
		expect(await workspaces.getByTokenHash(db(), hash)).toEqual({
			...workspace,
			displayName: 'Noor'
		});
		await workspaces.rename(db(), workspace.id, 'Noor Haddad');
		expect((await workspaces.getByTokenHash(db(), hash))?.displayName).toBe('Noor Haddad');
	});

	it('renames a workspace, its personal rooms and its own annotations, not imported authors', async () => {
		const secret = await workspaces.getSecret(db());
		const { workspace } = await workspaces.create(db(), secret);
		const comparison = await createComparison(db(), 'rename');
		const room = await personal.ensure(db(), workspace, comparison.id);
		const actor = memberActor(room);
		const note = (author?: { id: string; name: string }) =>
			annotations.create(db(), author ? { ...actor, author } : actor, comparison.id, {
				id: randomUUID(),
				kind: 'note',
				targets: [targetOf(comparison, 'a', 'Springfield')],
				note: 'Which one?'
			});
		const made = await note();
		const imported = await note({ id: 'someone-else', name: 'Ana' });
		const renamed = await workspaces.rename(db(), workspace.id, 'Dana');
		expect(renamed.displayName).toBe('Dana');
		const again = await personal.find(db(), renamed, comparison.id);
		expect(again?.member).toMatchObject({ id: room.member.id, displayName: 'Dana' });
		const after = await annotations.get(db(), memberActor(again!), made.value.id);
		expect(after?.author).toEqual({ id: room.member.id, name: 'Dana' });
		const kept = await annotations.get(db(), actor, imported.value.id);
		expect(kept?.author).toEqual({ id: 'someone-else', name: 'Ana' });
		await expect(workspaces.rename(db(), workspace.id, '')).rejects.toBeInstanceOf(RequestError);
	});
});
