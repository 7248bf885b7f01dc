import { describe, expect, it } from 'vitest';
import { ARTICLES, IDS, createAnnotationSet } from './annotation-fixture';
import { CSV_HEADER, EARLIER_VERSION_MARK, neutralizeCell, toCsv, toCsvRows } from './csv-rows';

const all = createAnnotationSet();

describe('toCsvRows', () => {
	const rows = toCsvRows(all, ARTICLES);
	const idColumn = CSV_HEADER.indexOf('id');
	const row = (id: string) => rows.find((r) => r[idColumn] === id)!;
	const replyCount = all.reduce((n, a) => n + a.replies.length, 0);

	it('has the header, one row per annotation and per reply, every row as wide as the header', () => {
		expect(rows[0]).toEqual(CSV_HEADER);
		expect(replyCount).toBeGreaterThan(0);
		expect(rows).toHaveLength(all.length + replyCount + 1);
		for (const r of rows) expect(r).toHaveLength(CSV_HEADER.length);
	});

	it('writes each reply as its own row right after its annotation, linked by id', () => {
		const at = rows.findIndex((r) => r[idColumn] === IDS.fact);
		expect(rows.slice(at + 1, at + 3)).toEqual([
			[
				'Reply',
				...Array(7).fill(''),
				'Is "quietly" the same as "no official announcement"?',
				'Dana 🦊',
				'2024-03-18T09:45:12.345Z',
				'',
				IDS.reply1,
				IDS.fact
			],
			[
				'Reply',
				...Array(7).fill(''),
				'Good question, line 2:\n"quietly" is A’s word.',
				'Ms. Okafor',
				'2024-03-18T09:45:12.345Z',
				'',
				IDS.reply2,
				IDS.fact
			]
		]);
		// every "reply to" names an annotation row of the same file
		const annotationIds = new Set(rows.filter((r) => r[0] !== 'Reply').map((r) => r[idColumn]));
		for (const r of rows.filter((r) => r[0] === 'Reply'))
			expect(annotationIds.has(r[CSV_HEADER.indexOf('reply to')])).toBe(true);
	});

	it.each([
		[
			IDS.fact,
			[
				'Shared fact',
				'Same fact, different detail',
				'In March 2023, the Guardian revealed',
				'The Guardian reported this on March 18',
				'',
				'',
				'Verified',
				'https://www.theguardian.com/us-news/2023/mar/18/russia-deportations',
				'March 2023 vs "March 18" — same report, different detail.',
				'Ms. Okafor',
				'2024-03-18T09:30:00.000Z',
				'2'
			]
		],
		[
			IDS.framingB,
			[
				'Framing',
				'',
				'',
				'a heinous attack on people refusing to fight',
				'Fairness and equality: class war',
				'',
				'',
				'',
				'',
				'Ms. Okafor',
				'2024-03-18T09:30:00.000Z',
				'0'
			]
		],
		[
			IDS.framingLoose,
			[
				'Framing',
				'',
				'starve Putin’s war machine',
				'',
				'Security and defense',
				'Remedy',
				'',
				'',
				'Remedy framed as security.',
				'Dana 🦊',
				'2024-03-18T09:30:00.000Z',
				'0'
			]
		],
		[IDS.note, ['Note', '', 'Deportations resumed 😃 quietly']]
	])('writes %s in words', (id, expected) => {
		expect(row(id).slice(0, expected.length)).toEqual(expected);
	});

	it('marks a quote from an earlier article version', () => {
		const newer = { ...ARTICLES, a: { ...ARTICLES.a, version: 'sha256-newer' } };
		const cells = toCsvRows([all[0]], newer)[1];
		expect(cells[2]).toBe(`${EARLIER_VERSION_MARK}In March 2023, the Guardian revealed`);
		expect(cells[3]).toBe('The Guardian reported this on March 18');
	});
});

describe('toCsv', () => {
	it.each([
		['plain', 'plain'],
		['a, b', '"a, b"'],
		['say "hi"', '"say ""hi"""'],
		['two\nlines', '"two\nlines"'],
		['crlf\r\ninside', '"crlf\r\ninside"'],
		['=HYPERLINK("http://evil.example","x")', '"\'=HYPERLINK(""http://evil.example"",""x"")"'],
		['+1 agree', "'+1 agree"],
		['-2+3', "'-2+3"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\t=1', "'\t'=1"],
		['\r=1', `"'\r'=1"`],
		// Excel with ";" as list separator splits the cell there (issue 13): quoted and neutralised
		["x;=cmd|' /C calc'!A0;", `"x;'=cmd|' /C calc'!A0;"`],
		['a; -1', `"a; '-1"`],
		['a;"=1"', `"a;""'=1"""`],
		['tab\t@SUM(A1)', "tab\t'@SUM(A1)"],
		['line\n+1', `"line\n'+1"`],
		['a, -1 and b,=2', '"a, -1 and b,=2"'],
		['a;b', '"a;b"'],
		['a=b', 'a=b'],
		[' =1', ' =1'],
		['😃 “curly”', '😃 “curly”'],
		['', '']
	])('writes %j as %j', (cell, written) => {
		expect(toCsv([[cell, 'end']])).toBe(`\uFEFF${written},end\r\n`);
	});

	it('writes the fixture: BOM, CRLF rows, neutralised note cells', () => {
		const csv = toCsv(toCsvRows(all, ARTICLES));
		expect(csv.startsWith('\uFEFFkind,relation,quote A,quote B,frame,Entman function,')).toBe(true);
		expect(csv).toContain(`"'=A moral wing, ""quoted"", with, commas"`);
		expect(csv).toContain(`"'+1 this is the remedy\r\n'@teacher"`);
		expect(csv.endsWith('\r\n')).toBe(true);
	});

	it('neutralizeCell leaves ordinary text alone', () => {
		expect(['Note', '0', 'Dana 🦊', ''].map(neutralizeCell)).toEqual(['Note', '0', 'Dana 🦊', '']);
	});
});
