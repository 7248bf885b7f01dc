import { describe, expect, it } from 'vitest';
import { ARTICLES, IDS, TEXT_A, createAnnotationSet, quoteTarget } from './annotation-fixture';
import type { Annotation, AnnotationInput } from './model';
import {
	validateAnnotation,
	validateAnnotationInput,
	validateReply,
	validateReplyInput,
	type PassageRules
} from './validate';

/** The client-editable part of a fixture annotation, as JSON would carry it. */
function inputOf(a: Annotation): Record<string, unknown> {
	const { author: _author, scope: _scope, createdAt: _c, updatedAt: _u, replies: _r, ...input } = a;
	return JSON.parse(JSON.stringify(input));
}

const fixtures = createAnnotationSet();
const fact = fixtures[0];
const framing = fixtures[2];
const note = fixtures[6];
const factInput = () => inputOf(fact);
const framingInput = () => inputOf(framing);
const noteInput = () => inputOf(note);

/** The errors of an invalid input (fails the test if it was valid). */
function errorsOf(input: unknown) {
	const result = validateAnnotationInput(input, ARTICLES);
	if (result.ok) throw new Error('expected the input to be refused');
	return result.errors;
}

describe('validateAnnotationInput accepts', () => {
	it.each(fixtures.map((a) => [a.kind, a.id, a] as const))('the %s fixture %s', (_k, _id, a) => {
		const result = validateAnnotationInput(inputOf(a), ARTICLES);
		expect(result).toStrictEqual({ ok: true, value: inputOf(a) });
	});

	it('computes missing context, puts A first, lower-cases ids, normalises the link', () => {
		const input = factInput();
		const [a, b] = input.targets as Record<string, unknown>[];
		delete a.prefix;
		delete b.suffix;
		input.targets = [b, a];
		input.id = IDS.fact.toUpperCase();
		input.evidenceUrl = 'HTTPS://Example.org';
		const result = validateAnnotationInput(input, ARTICLES);
		expect(result.ok && result.value).toStrictEqual({
			...inputOf(fact),
			evidenceUrl: 'https://example.org/'
		});
	});

	it.each([
		['null optionals', { evidence: null, evidenceUrl: null, suggestionId: null }],
		['an empty evidence link', { evidenceUrl: '' }]
	])('%s as absent', (_name, patch) => {
		const result = validateAnnotationInput({ ...factInput(), ...patch }, ARTICLES);
		expect(result.ok).toBe(true);
		if (result.ok) for (const key of Object.keys(patch)) expect(key in result.value).toBe(false);
	});

	it('a 2,000-character note of emoji (4,000 UTF-16 units)', () => {
		expect(validateAnnotationInput({ ...noteInput(), note: '😃'.repeat(2000) }, ARTICLES).ok).toBe(
			true
		);
	});

	it('a teacher sub-frame', () => {
		const result = validateAnnotationInput(
			{ ...framingInput(), frame: 'economic/school-costs' },
			ARTICLES
		);
		expect(result.ok).toBe(true);
	});
});

const start = (v: unknown) => {
	const input = noteInput();
	(input.targets as Record<string, unknown>[])[0].start = v;
	return input;
};
const target = (patch: Record<string, unknown>) => {
	const input = noteInput();
	Object.assign((input.targets as Record<string, unknown>[])[0], patch);
	return input;
};
const emojiAt = TEXT_A.indexOf('😃');

describe('validateAnnotationInput refuses', () => {
	it.each<[string, unknown, string, RegExp]>([
		['null', null, '', /Expected an annotation/],
		['an array', [], '', /Expected an annotation/],
		['a string', 'note', '', /Expected an annotation/],
		['a bad id', { ...noteInput(), id: 'annotation-1' }, 'id', /must be a uuid/],
		['an unknown kind', { ...noteInput(), kind: 'quote' }, 'kind', /"quote" is not one of/],
		['a server field', { ...noteInput(), author: { id: 'x' } }, 'author', /Unknown field "author"/],
		['a typo', { ...noteInput(), notes: 'x' }, 'notes', /Unknown field "notes"/],
		['__proto__', JSON.parse(`{"__proto__": {"kind": "note"}}`), '__proto__', /Unknown field/],
		['a passage field', target({ color: 'red' }), 'targets[0].color', /Unknown field "color"/],
		['targets as object', { ...noteInput(), targets: {} }, 'targets', /must be a list/],
		[
			'two targets on a note',
			{ ...noteInput(), targets: [1, 2] },
			'targets',
			/exactly one passage \(got 2\)/
		],
		['a million targets', { ...factInput(), targets: new Array(1e6) }, 'targets', /got 1000000/],
		[
			'one target on a fact',
			{ ...factInput(), targets: [quoteTarget('a', 'In March')] },
			'targets',
			/one in each article \(got 1\)/
		],
		[
			'two targets in A',
			{ ...factInput(), targets: [quoteTarget('a', 'In'), quoteTarget('a', 'March')] },
			'targets',
			/one passage in article A and one in article B/
		],
		['a side "c"', target({ side: 'c' }), 'targets[0].side', /which article/],
		[
			'another version',
			target({ articleVersion: 'old' }),
			'targets[0].articleVersion',
			/article A has changed/
		],
		[
			'Infinity (JSON 1e309)',
			JSON.parse(JSON.stringify(start(0)).replace('"start":0', '"start":1e309')),
			'targets[0].start',
			/finite/
		],
		['NaN', start(NaN), 'targets[0].start', /finite/],
		['1.5', start(1.5), 'targets[0].start', /whole number/],
		['"3"', start('3'), 'targets[0].start', /must be a number/],
		['-1', start(-1), 'targets[0].start', /\(-1\) is outside article A/],
		['past the end', target({ end: TEXT_A.length + 1 }), 'targets[0].end', /is outside article A/],
		['an empty passage', target({ end: note.targets[0].start }), 'targets[0]', /empty/],
		['half an emoji', target({ start: emojiAt + 1 }), 'targets[0]', /inside an emoji/],
		[
			'a changed quote',
			target({ exact: 'Deportations resumed 😃 loudly' }),
			'targets[0].exact',
			/no longer matches article A/
		],
		[
			'a changed prefix',
			target({ prefix: 'X' }),
			'targets[0].prefix',
			/before the passage no longer matches/
		],
		[
			'a changed suffix',
			target({ suffix: 'X' }),
			'targets[0].suffix',
			/after the passage no longer matches/
		],
		[
			'a missing relation',
			{ ...factInput(), relation: undefined },
			'relation',
			/Choose how the two passages relate/
		],
		[
			'an unknown relation',
			{ ...factInput(), relation: 'similar' },
			'relation',
			/"similar" is not one of: same, different-detail, contradicts/
		],
		[
			'a relation on a framing',
			{ ...framingInput(), relation: 'same' },
			'relation',
			/only applies to a shared fact/
		],
		[
			'evidence on a note',
			{ ...noteInput(), evidence: 'verified' },
			'evidence',
			/only applies to a shared fact/
		],
		['unknown evidence', { ...factInput(), evidence: 'true' }, 'evidence', /is not one of/],
		[
			'a javascript: link',
			{ ...factInput(), evidenceUrl: 'javascript:alert(1)' },
			'evidenceUrl',
			/must start with https/
		],
		[
			'not a link',
			{ ...factInput(), evidenceUrl: 'guardian article' },
			'evidenceUrl',
			/not a web address/
		],
		[
			'a link with a password',
			{ ...factInput(), evidenceUrl: 'https://u:p@x.org' },
			'evidenceUrl',
			/user name or password/
		],
		[
			'a 2,001-character link',
			{ ...factInput(), evidenceUrl: `https://x.org/${'a'.repeat(1987)}` },
			'evidenceUrl',
			/longer than 2,000 characters \(2,001\)/
		],
		[
			'an unknown frame',
			{ ...framingInput(), frame: 'astrology' },
			'frame',
			/Unknown frame "astrology"/
		],
		[
			'a malformed sub-frame',
			{ ...framingInput(), frame: 'economic/Big Money' },
			'frame',
			/Unknown frame/
		],
		[
			'a frame on a note',
			{ ...noteInput(), frame: 'economic' },
			'frame',
			/only applies to a framing/
		],
		[
			'a bare framing',
			{ ...framingInput(), frame: undefined, entman: undefined },
			'frame',
			/Choose a frame or an Entman function/
		],
		[
			'an unknown Entman function',
			{ ...framingInput(), entman: 'diagnosis' },
			'entman',
			/is not one of/
		],
		['attached to itself', { ...framingInput(), attachedTo: IDS.framingA }, 'attachedTo', /itself/],
		[
			'attached note',
			{ ...noteInput(), attachedTo: IDS.fact },
			'attachedTo',
			/only applies to a framing/
		],
		[
			'a long note',
			{ ...noteInput(), note: 'x'.repeat(2431) },
			'note',
			/^The note is longer than 2,000 characters \(2,431\)\.$/
		],
		['a blank note', { ...noteInput(), note: ' \n ' }, 'note', /Write the note/],
		['a NUL', { ...noteInput(), note: 'a\u0000b' }, 'note', /NUL/],
		['a lone surrogate', { ...noteInput(), note: 'a\uD83Db' }, 'note', /lone surrogate/],
		[
			'a lone surrogate in a suggestion id',
			{ ...noteInput(), suggestionId: '\uDE00' },
			'suggestionId',
			/lone surrogate/
		],
		['a note as number', { ...noteInput(), note: 5 }, 'note', /must be text/]
	])('%s', (_name, input, field, message) => {
		const errors = errorsOf(input);
		expect(errors.map((e) => e.field)).toContain(field);
		expect(errors.find((e) => e.field === field)?.message).toMatch(message);
	});

	it('names ten unknown fields and sums up the rest', () => {
		const extra = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`x${i}`, i]));
		const errors = errorsOf({ ...noteInput(), ...extra });
		expect(errors.filter((e) => /Unknown field/.test(e.message))).toHaveLength(10);
		expect(errors.at(-1)?.message).toBe('15 more unknown fields.');
	});

	it('does not take inherited properties for fields', () => {
		const errors = errorsOf(Object.create({ id: IDS.note, kind: 'note' }));
		expect(errors.map((e) => e.field)).toEqual(['id', 'kind']);
	});

	it('caps the number of messages', () => {
		const extra = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`x${i}`, i]));
		const many = { ...factInput(), ...extra, targets: [{ a: 1 }, { b: 2 }], note: 5, frame: 1 };
		expect(errorsOf(many).length).toBeLessThanOrEqual(50);
	});
});

describe('validateReplyInput', () => {
	const reply = { id: IDS.reply1, annotationId: IDS.fact, note: 'Agreed.' };
	it('accepts a reply', () => {
		expect(validateReplyInput(reply)).toStrictEqual({ ok: true, value: reply });
	});
	it.each<[string, unknown, string, RegExp]>([
		['a number', 5, '', /Expected a reply/],
		['an unknown field', { ...reply, author: 'me' }, 'author', /Unknown field "author"/],
		['a blank note', { ...reply, note: '  ' }, 'note', /The reply is empty/],
		[
			'a long note',
			{ ...reply, note: 'y'.repeat(2001) },
			'note',
			/longer than 2,000 characters \(2,001\)/
		],
		['a bad annotation id', { ...reply, annotationId: 'x' }, 'annotationId', /uuid/],
		['a NUL', { ...reply, note: '\u0000' }, 'note', /NUL/]
	])('refuses %s', (_name, input, field, message) => {
		const result = validateReplyInput(input);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.errors.find((e) => e.field === field)?.message).toMatch(message);
	});
});

describe('validateAnnotation and validateReply (stored, as imported)', () => {
	it.each(fixtures.map((a) => [a.id, a] as const))('accepts %s through JSON', (_id, a) => {
		expect(validateAnnotation(JSON.parse(JSON.stringify(a)), ARTICLES)).toStrictEqual({
			ok: true,
			value: a
		});
	});

	it.each<[string, Record<string, unknown>, string, RegExp]>([
		['no scope', { scope: undefined }, 'scope', /scope/],
		[
			'a class scope',
			{ scope: { kind: 'class', id: 'x' } },
			'scope.kind',
			/is not one of: workspace, room/
		],
		['30 February', { createdAt: '2024-02-30T10:00:00Z' }, 'createdAt', /UTC time/],
		['a local time', { updatedAt: '2024-03-18T10:00:00' }, 'updatedAt', /UTC time/],
		// year 0 parses in JavaScript, but PostgreSQL has no year 0 (it was a 500 on import)
		['year 0000', { createdAt: '0000-01-01T00:00:00.000Z' }, 'createdAt', /UTC time/],
		['year 10000', { updatedAt: '+010000-01-01T00:00:00.000Z' }, 'updatedAt', /UTC time/],
		['year -1', { createdAt: '-000001-01-01T00:00:00.000Z' }, 'createdAt', /UTC time/],
		['no author', { author: null }, 'author', /author is missing/],
		['replies as object', { replies: {} }, 'replies', /must be a list/],
		[
			'a foreign reply',
			{ replies: [{ ...fact.replies[0], annotationId: IDS.note }] },
			'replies[0].annotationId',
			/another annotation/
		]
	])('refuses %s', (_name, patch, field, message) => {
		const result = validateAnnotation({ ...JSON.parse(JSON.stringify(fact)), ...patch }, ARTICLES);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.errors.find((e) => e.field === field)?.message).toMatch(message);
	});

	it('checks a stored reply', () => {
		expect(validateReply(fact.replies[0])).toStrictEqual({ ok: true, value: fact.replies[0] });
		const result = validateReply({ ...fact.replies[0], createdAt: 'yesterday' });
		expect(result.ok || result.errors[0].field).toBe('createdAt');
	});
});

it('AnnotationInput keeps the client fields only', () => {
	const keys: (keyof AnnotationInput)[] = ['id', 'kind', 'targets', 'note'];
	expect(keys.every((k) => k in inputOf(fact))).toBe(true);
});

describe('a passage on another version of its article, by where it comes from', () => {
	// the note's passage as made on an earlier version of article A (TEXT_A then)
	const EARLIER = 'sha256-earlier';
	const made = { ...note.targets[0], articleVersion: EARLIER };
	const { start, end, ...quoteOnly } = made;
	const known = new Map([[EARLIER, TEXT_A]]);
	const withTarget = (target: Record<string, unknown>) => ({ ...noteInput(), targets: [target] });
	const stood = { ...quoteOnly, start: 0, end: made.exact.length };

	it.each<[string, PassageRules | undefined, Record<string, unknown>, object | RegExp]>([
		// a reader's selection must be on the current text
		['selected', undefined, made, /has changed since this passage was selected\. Select it again/],
		// a change that keeps it: as stored
		['kept', { from: 'kept' }, made, made],
		['kept with stand-ins', { from: 'kept' }, stood, stood],
		// from a file: offsets looked up in that version's text, or standing in without it
		['read from a file', { from: 'file' }, quoteOnly, stood],
		['read from a file, that text known', { from: 'file', earlier: known }, quoteOnly, made],
		['…with its offsets', { from: 'file', earlier: known }, made, made],
		[
			'…with offsets elsewhere',
			{ from: 'file', earlier: known },
			{ ...made, start: start + 1, end: end + 1 },
			/not at this place in the version of article A it names \(was the file changed by hand\?\)/
		],
		[
			'…a quote not in it',
			{ from: 'file', earlier: known },
			{ ...quoteOnly, exact: 'Deportations paused' },
			/not in the version of article A it names/
		],
		['read from a file, no quote', { from: 'file' }, { ...quoteOnly, exact: '' }, /quote is empty/],
		[
			'read from a file, no version',
			{ from: 'file' },
			{ ...quoteOnly, articleVersion: '' },
			/version of article A is empty/
		],
		[
			'read from a file, a version of 300 characters',
			{ from: 'file' },
			{ ...quoteOnly, articleVersion: 'x'.repeat(300) },
			/longer than 200/
		],
		[
			'read from a file, offsets backwards',
			{ from: 'file' },
			{ ...made, start: end, end: start },
			/empty/
		]
	])('%s', (_name, rules, target, expected) => {
		const result = validateAnnotationInput(withTarget(target), ARTICLES, rules);
		if (expected instanceof RegExp) {
			expect(result.ok).toBe(false);
			expect(result.ok ? '' : result.errors.map((e) => e.message).join('\n')).toMatch(expected);
		} else expect(result.ok && result.value.targets).toStrictEqual([expected]);
	});

	it('a file’s passage on the current text that does not fit is the file’s fault, not the reader’s', () => {
		const moved = { ...note.targets[0], start: note.targets[0].start + 1 };
		const stored = { ...JSON.parse(JSON.stringify(note)), targets: [moved] };
		const result = validateAnnotation(stored, ARTICLES);
		const messages = result.ok ? '' : result.errors.map((e) => e.message).join('\n');
		expect(messages).toMatch(/the file changed by hand/);
		expect(messages).not.toMatch(/Select it again/);
	});
});
