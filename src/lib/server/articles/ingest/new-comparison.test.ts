import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../../domain/analysis';
import * as analyses from '../analysis-cache';
import * as articles from '../article-versions';
import * as comparisons from '../comparisons';
import { describeEachDatabase } from '../../test-support/databases';
import {
	MAX_CHARACTERS,
	MESSAGES,
	create,
	parseFormData,
	revise,
	readForm,
	readUpload,
	type ComparisonForm,
	type SideForm
} from './new-comparison';

const fixture = (name: string) =>
	new Uint8Array(
		readFileSync(new URL(`../../../../../tests/fixtures/byo/${name}`, import.meta.url))
	);
const utf8 = (s: string) => new TextEncoder().encode(s);

const TEXT_A = 'The council voted on Tuesday. The garage will become homes.';
const TEXT_B = 'On Tuesday the council approved the plan. Shops worry about parking.';

function side(
	text: string,
	meta: Partial<SideForm['meta']> = {},
	file?: SideForm['file']
): SideForm {
	return {
		text,
		file,
		meta: { title: '', outlet: '', author: '', date: '', genre: 'opinion', sourceUrl: '', ...meta }
	};
}

function form(a: SideForm, b: SideForm, title = ''): ComparisonForm {
	return { title, a, b };
}

describe('readUpload', () => {
	it.each([
		['ledger.html', 'Council votes to turn Market Street garage into 240 homes'],
		['weekly.html', "The garage vote trades downtown's future for a ribbon-cutting"],
		['council-notes.md', 'What the garage vote means for renters']
	])('reads %s with its title', (name, title) => {
		const r = readUpload({ name, bytes: fixture(name) });
		expect(r.ok && r.value.meta.title).toBe(title);
		expect(r.ok && r.value.text.startsWith(title)).toBe(true);
	});

	it.each([
		['scripts-only.html', fixture('scripts-only.html'), MESSAGES.noHtmlText],
		['empty.md', utf8('---\ntitle: Only metadata\n---\n'), MESSAGES.emptyFile],
		['long.txt', utf8('a'.repeat(MAX_CHARACTERS + 1)), MESSAGES.tooLong(MAX_CHARACTERS + 1)],
		['image.html', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]), MESSAGES.binary],
		['one-letter.txt', utf8('x\n'), MESSAGES.noContent],
		['one-letter.md', utf8('# x\n'), MESSAGES.noContent],
		['one-letter.html', utf8('<html><body><p>x</p></body></html>'), MESSAGES.noContent]
	])('refuses %s', (name, bytes, message) => {
		expect(readUpload({ name, bytes })).toEqual({ ok: false, message });
	});

	it('counts characters after extraction, not bytes of markup', () => {
		const body = 'a'.repeat(MAX_CHARACTERS - 10);
		const html = `<html><head><style>${'x'.repeat(50_000)}</style></head><body><p>${body}</p></body></html>`;
		expect(readUpload({ name: 'big.html', bytes: utf8(html) }).ok).toBe(true);
	});
});

describe('readForm: create', () => {
	it('accepts two pasted texts, titles from first lines, comparison title from both', () => {
		const out = readForm(
			form(side(`Garage vote\n${TEXT_A}`), side(`Council decides\n${TEXT_B}`)),
			'create'
		);
		expect(out.errors).toEqual({});
		expect(out.input).toEqual({
			title: 'Garage vote / Council decides',
			a: {
				raw: `Garage vote\n${TEXT_A}`,
				meta: { title: 'Garage vote', genre: 'opinion' },
				origin: { kind: 'pasted' }
			},
			b: {
				raw: `Council decides\n${TEXT_B}`,
				meta: { title: 'Council decides', genre: 'opinion' },
				origin: { kind: 'pasted' }
			}
		});
	});

	it('keeps typed metadata and a typed comparison title', () => {
		const a = side(TEXT_A, {
			title: ' Mine ',
			outlet: 'Ledger',
			author: 'D. W.',
			date: '2025-10',
			genre: 'report',
			sourceUrl: 'https://ledger.example/x'
		});
		const out = readForm(form(a, side(TEXT_B), 'Garage'), 'create');
		expect(out.input?.title).toBe('Garage');
		expect(out.input?.a.meta).toEqual({
			title: 'Mine',
			outlet: 'Ledger',
			author: 'D. W.',
			date: '2025-10',
			genre: 'report',
			sourceUrl: 'https://ledger.example/x'
		});
	});

	it('stores no genre when none was chosen: a paste is not labelled opinion by default', () => {
		const out = readForm(form(side(TEXT_A, { genre: '' }), side(TEXT_B)), 'create');
		expect(out.errors).toEqual({});
		expect(out.input?.a.meta).toEqual({
			title: 'The council voted on Tuesday. The garage will become homes.'
		});
		expect(out.input?.a.meta).not.toHaveProperty('genre');
		expect(out.input?.b.meta.genre).toBe('opinion');
	});

	it('reads files in one step: file metadata fills only empty fields', () => {
		const a = side(
			'',
			{ outlet: 'Typed outlet' },
			{ name: 'ledger.html', bytes: fixture('ledger.html') }
		);
		const b = side('', {}, { name: 'weekly.html', bytes: fixture('weekly.html') });
		const out = readForm(form(a, b), 'create');
		expect(out.errors).toEqual({});
		expect(out.input?.a.meta).toMatchObject({ outlet: 'Typed outlet', author: 'Dana Whitfield' });
		expect(out.input?.b.meta).toMatchObject({ outlet: 'Northgate Weekly', date: '2025-10-16' });
		// one-step create keeps the chosen genre: only the read step prefills it from the file
		expect(out.input?.b.meta.genre).toBe('opinion');
		expect(out.values['a.text']).toContain('Tidewater Homes');
		expect(out.notices.a).toMatch(
			/^Read “ledger\.html”: [\d,]+ characters; filled title, author, date, source URL from it\.$/
		);
	});

	it.each([
		[
			'both sides empty',
			side(''),
			side(''),
			{ 'a.text': MESSAGES.empty, 'b.text': MESSAGES.empty }
		],
		['whitespace only', side(' \n '), side(TEXT_B), { 'a.text': MESSAGES.empty }],
		['one character', side(TEXT_A), side('x'), { 'b.text': MESSAGES.noContent }],
		['numbers only', side('1 2 3'), side(TEXT_B), { 'a.text': MESSAGES.noContent }],
		[
			'over the limit',
			side('a'.repeat(MAX_CHARACTERS + 1)),
			side(TEXT_B),
			{ 'a.text': MESSAGES.tooLong(MAX_CHARACTERS + 1) }
		],
		[
			'binary paste',
			side(TEXT_A),
			side('\u0001\u0002\u0003\u0004'),
			{ 'b.text': MESSAGES.binaryText }
		],
		[
			'a file and a paste on one side',
			side(TEXT_A, {}, { name: 'x.txt', bytes: utf8('file text') }),
			side(TEXT_B),
			{ 'a.file': MESSAGES.both }
		],
		[
			'an unsupported file',
			side('', {}, { name: 'r.pdf', bytes: utf8('%PDF-1.4') }),
			side(TEXT_B),
			{ 'a.file': MESSAGES.unsupported('r.pdf') }
		],
		[
			'invalid UTF-8',
			side(TEXT_A),
			side('', {}, { name: 'l.txt', bytes: new Uint8Array([0x63, 0xe9, 0x20]) }),
			{ 'b.file': MESSAGES.invalidUtf8(1) }
		],
		[
			'bad metadata',
			side(TEXT_A, { date: '26/03/2023', sourceUrl: 'javascript:alert(1)', genre: 'satire' }),
			side(TEXT_B, { title: 'x'.repeat(301), author: 'y'.repeat(201) }),
			{
				'a.date': 'Write the date as YYYY-MM-DD (or YYYY-MM, or YYYY).',
				'a.sourceUrl': 'Give a full web address starting with http:// or https://.',
				'a.genre': 'Choose opinion, report or analysis, or leave the genre as not given.',
				'b.title': 'Keep the title under 300 characters.',
				'b.author': 'Keep this under 200 characters.'
			}
		],
		[
			'a control character in a field',
			side(TEXT_A, { outlet: 'Bad\u0007' }),
			side(TEXT_B),
			{ 'a.outlet': 'This field contains control characters; type it again.' }
		],
		[
			'a lone surrogate in a field (only JSON carries one)',
			side(TEXT_A, { author: 'Ann \ud800' }),
			side(TEXT_B),
			{ 'a.author': 'This field contains a broken character; type it again.' }
		]
	])('refuses %s with messages by field', (_name, a, b, errors) => {
		const out = readForm(form(a, b), 'create');
		expect(out.errors).toEqual(errors);
		expect(out.input).toBeUndefined();
	});

	it.each([
		['NUL', 'Garage\u0000vote', /^The title contains a line break or another control/],
		['a lone surrogate', 'Garage \udc00', /^The title contains a broken character/]
	])('refuses a comparison title with %s by its field', (_name, title, message) => {
		const out = readForm(form(side(TEXT_A), side(TEXT_B), title), 'create');
		expect(out.errors.title).toMatch(message);
		expect(out.input).toBeUndefined();
	});

	it('makes a comparison title of several lines one line', () => {
		const out = readForm(form(side(TEXT_A), side(TEXT_B), 'Garage\r\n vote'), 'create');
		expect(out.errors).toEqual({});
		expect(out.input?.title).toBe('Garage\r\n vote'); // the store makes it one line
	});

	it('sends back what was typed so nothing has to be typed again', () => {
		const out = readForm(form(side(TEXT_A, { author: 'Ann' }), side('')), 'create');
		expect(out.values).toMatchObject({ 'a.text': TEXT_A, 'a.author': 'Ann', 'b.text': '' });
	});
});

describe('readForm: where each text came from', () => {
	const ledger = { name: 'ledger.html', bytes: fixture('ledger.html') };

	it('an uploaded file is its origin; pasted text is pasted', () => {
		const out = readForm(form(side('', {}, ledger), side(TEXT_B)), 'create');
		expect(out.input?.a.origin).toEqual({ kind: 'file', name: 'ledger.html' });
		expect(out.input?.b.origin).toEqual({ kind: 'pasted' });
	});

	it('a file read into the form keeps its origin on create, edited when its text changed', () => {
		const read = readForm(form(side('', {}, ledger), side(TEXT_B)), 'read');
		const claim = read.values['a.origin'];
		expect(JSON.parse(claim).origin).toEqual({ kind: 'file', name: 'ledger.html' });
		// the browser sends the text back with CRLF line breaks
		const text = read.values['a.text'].replace(/\n/g, '\r\n');
		const same = readForm(form({ ...side(text), claim }, side(TEXT_B)), 'create');
		expect(same.input?.a.origin).toEqual({ kind: 'file', name: 'ledger.html' });
		expect(same.values['a.origin']).toBe(claim);
		const changed = readForm(form({ ...side(`${text} Added.`), claim }, side(TEXT_B)), 'create');
		expect(changed.input?.a.origin).toEqual({ kind: 'file', name: 'ledger.html', edited: true });
	});

	it.each([
		['not JSON', '{'],
		['no origin', JSON.stringify({ version: 'x' })],
		['a forged link', JSON.stringify({ origin: { kind: 'link', url: 'javascript:x' } })]
	])('a claim that is %s is pasted text', (_, claim) => {
		const out = readForm(form({ ...side(TEXT_A), claim }, side(TEXT_B)), 'create');
		expect(out.input?.a.origin).toEqual({ kind: 'pasted' });
	});
});

describe('readForm: read', () => {
	it('fills text and empty fields from the files, genre included', () => {
		const b = side('', { title: 'Kept' }, { name: 'weekly.html', bytes: fixture('weekly.html') });
		const out = readForm(form(side(TEXT_A), b), 'read');
		expect(out.errors).toEqual({});
		expect(out.values['a.text']).toBe(TEXT_A);
		expect(out.values).toMatchObject({
			'b.title': 'Kept',
			'b.genre': 'opinion',
			'b.author': 'Omar Haddad'
		});
		const md = side('', {}, { name: 'n.md', bytes: fixture('council-notes.md') });
		expect(readForm(form(md, side('')), 'read').values['a.genre']).toBe('analysis');
	});

	it('asks for a file when none was chosen', () => {
		expect(readForm(form(side(TEXT_A), side(TEXT_B)), 'read').errors).toEqual({
			'a.file': 'Choose a file to read.'
		});
	});
});

describe('readForm: pasted HTML source', () => {
	const PAGE =
		'<!doctype html><html><head><title>Garage vote</title>' +
		'<meta name="author" content="Dana Whitfield">' +
		'<script>document.title = "SCRIPT RAN"</script></head>' +
		`<body><nav>Home · News</nav><article><p>${TEXT_A}</p></article>` +
		'<img src="x" onerror="alert(1)"><script>alert(2)</script></body></html>';

	it.each(['create', 'read'] as const)(
		'%s: keeps the readable text, says so, fills empty fields and stores nothing yet',
		(mode) => {
			const out = readForm(form(side(PAGE), side(TEXT_B)), mode);
			expect(out.errors).toEqual({});
			expect(out.input).toBeUndefined();
			expect(out.values['a.text']).toBe(`Garage vote\n\n${TEXT_A}`);
			expect(out.values['a.text']).not.toMatch(/[<>]|SCRIPT RAN|alert|Home · News/);
			expect(out.values['a.title']).toBe('Garage vote');
			expect(out.values['a.author']).toBe('Dana Whitfield');
			expect(out.notices.a).toMatch(
				/^Your pasted text looked like HTML; we kept its readable text\./
			);
			// the other side is left as typed
			expect(out.values['b.text']).toBe(TEXT_B);
			expect(out.notices.b).toBeUndefined();
		}
	);

	it('creates from the cleaned text once it comes back', () => {
		const first = readForm(form(side(PAGE), side(TEXT_B)), 'create');
		const again = readForm(
			form(side(first.values['a.text'], { title: first.values['a.title'] }), side(TEXT_B)),
			'create'
		);
		expect(again.errors).toEqual({});
		expect(again.notices).toEqual({});
		expect(again.input?.a.raw).toBe(`Garage vote\n\n${TEXT_A}`);
		expect(again.input?.a.origin).toEqual({ kind: 'pasted' });
	});

	it.each([
		['a mention of a tag', `${TEXT_A} The <b> tag makes text bold.`],
		['maths', `${TEXT_A} If a < b and b > c, then a < c.`],
		['one bold phrase', `<b>Breaking:</b> ${TEXT_A}`]
	])('leaves plain text with %s as it is', (_what, text) => {
		const out = readForm(form(side(text), side(TEXT_B)), 'create');
		expect(out.errors).toEqual({});
		expect(out.notices).toEqual({});
		expect(out.input?.a.raw).toBe(text);
	});

	it('refuses a pasted page with no readable text, by its text field', () => {
		const page = '<html><body><script>alert(1)</script><style>p{}</style></body></html>';
		const out = readForm(form(side(page), side(TEXT_B)), 'create');
		expect(out.errors).toEqual({ 'a.text': MESSAGES.noHtmlText });
		expect(out.input).toBeUndefined();
	});
});

describe('parseFormData', () => {
	it('reads fields and files; an unnamed empty part is no file', async () => {
		const data = new FormData();
		data.set('title', 'T');
		data.set('a.text', 'pasted');
		data.set('a.genre', 'report');
		data.set('a.file', new File([], ''));
		data.set('b.file', new File(['hello'], 'b.txt'));
		const parsed = await parseFormData(data);
		expect(parsed.title).toBe('T');
		expect(parsed.a).toMatchObject({
			text: 'pasted',
			file: undefined,
			meta: { genre: 'report', title: '' }
		});
		expect(parsed.b.file?.name).toBe('b.txt');
		expect(new TextDecoder().decode(parsed.b.file?.bytes)).toBe('hello');
	});
});

describeEachDatabase('ingest.create', (current) => {
	const db = () => current().database.db;

	it('stores both articles and the comparison, and caches the analysis', async () => {
		const a = side('', {}, { name: 'ledger.html', bytes: fixture('ledger.html') });
		const b = side('', {}, { name: 'weekly.html', bytes: fixture('weekly.html') });
		const { input } = readForm(form(a, b), 'create');
		if (!input) throw new Error('fixture form refused');
		const view = await create(db(), input);
		expect(await comparisons.get(db(), view.id)).toEqual(view);
		expect(view.a.meta.outlet).toBe('The Harbourside Ledger');
		const cached = await analyses.get<{ sharedFacts: unknown[] }>(
			db(),
			view.a.version,
			view.b.version,
			ENGINE_VERSION
		);
		expect(cached?.sharedFacts.length).toBeGreaterThan(0);
	});

	it('stores nothing when an article cannot be stored', async () => {
		const before = (await comparisons.list(db())).length;
		const articlesBefore = (await articles.list(db())).length;
		const input = {
			title: 'T',
			a: { raw: `${TEXT_A} Unique.`, meta: { title: 'A', genre: 'opinion' as const } },
			b: { raw: TEXT_B, meta: { title: '', genre: 'opinion' as const } }
		};
		await expect(create(db(), input)).rejects.toThrow('an article needs a title');
		expect((await comparisons.list(db())).length).toBe(before);
		// article A was inserted before B failed: the transaction took it back
		expect((await articles.list(db())).length).toBe(articlesBefore);
	});

	it('revises: a changed side becomes a new version of the one shown, the other stays', async () => {
		const first = readForm(form(side(`Harbour\n${TEXT_A}`), side(`Council\n${TEXT_B}`)), 'create');
		if (!first.input) throw new Error('refused');
		const view = await create(db(), first.input);
		const edited = readForm(
			form(side(`Harbour\n${TEXT_A} A new sentence.`), side(`Council\n${TEXT_B}`), view.title),
			'create'
		);
		if (!edited.input) throw new Error('refused');
		const { comparison, changed } = await revise(db(), view, edited.input);
		expect(changed).toEqual(['a']);
		expect(comparison.id).toBe(view.id);
		expect(comparison.a.previousId).toBe(view.a.id);
		expect(comparison.a.text).toContain('A new sentence.');
		expect(comparison.b.id).toBe(view.b.id);
		expect((await articles.listVersions(db(), comparison.a.id)).map((v) => v.id)).toEqual([
			comparison.a.id,
			view.a.id
		]);
		const again = await revise(db(), comparison, edited.input);
		expect(again.changed).toEqual([]);
	});

	it('revises: an unchanged text keeps its origin, an edited one is marked edited', async () => {
		const ledger = { name: 'ledger.html', bytes: fixture('ledger.html') };
		const first = readForm(form(side('', {}, ledger), side(`Council\n${TEXT_B}`)), 'create');
		if (!first.input) throw new Error('refused');
		const view = await create(db(), first.input);
		expect(view.a.origin).toEqual({ kind: 'file', name: 'ledger.html' });
		// the edit form sends texts only: no file, no origin
		const retitled = readForm(
			form(side(view.a.text, { title: 'Renamed' }), side(`Council\n${TEXT_B} More.`), view.title),
			'create'
		);
		if (!retitled.input) throw new Error('refused');
		const { comparison } = await revise(db(), view, retitled.input);
		expect(comparison.a.meta.title).toBe('Renamed');
		expect(comparison.a.origin).toEqual({ kind: 'file', name: 'ledger.html' });
		expect(comparison.b.origin).toEqual({ kind: 'pasted' });
		const edited = readForm(
			form(side(`${view.a.text} Added.`), side(comparison.b.text), view.title),
			'create'
		);
		if (!edited.input) throw new Error('refused');
		const after = await revise(db(), comparison, edited.input);
		expect(after.changed).toEqual(['a']);
		expect(after.comparison.a.origin).toEqual({ kind: 'file', name: 'ledger.html', edited: true });
	});
});
