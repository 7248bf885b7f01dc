import { describe, expect, it } from 'vitest';
import {
	MAX_CHARACTERS,
	MESSAGES,
	checkText,
	countCharacters,
	extensionOf,
	kindOfFileName
} from './text-checks';

describe('file names', () => {
	it.each([
		['story.txt', 'txt', 'text'],
		['Story.MD', 'md', 'markdown'],
		['notes.markdown', 'markdown', 'markdown'],
		['page.html', 'html', 'html'],
		['page.HTM', 'htm', 'html'],
		['C:\\Users\\me\\page.html', 'html', 'html'],
		['report.pdf', 'pdf', undefined],
		['photo.png', 'png', undefined],
		['README', '', undefined],
		['.bashrc', '', undefined],
		['archive.tar.gz', 'gz', undefined]
	])('%s has extension %j and kind %j', (name, ext, kind) => {
		expect(extensionOf(name)).toBe(ext);
		expect(kindOfFileName(name)).toBe(kind);
	});
});

describe('countCharacters', () => {
	it.each([
		['', 0],
		['abc', 3],
		['😃', 1],
		['a😃b', 3],
		['\ud83d', 1] // a lone surrogate is still one character
	])('%j has %i', (text, n) => {
		expect(countCharacters(text)).toBe(n);
	});
});

describe('checkText', () => {
	it.each([
		['plain text', 'One. Two.', 'One. Two.'],
		['CRLF line ends', 'a\r\nb\rc', 'a\nb\nc'],
		['a stray control character is dropped', `${'x'.repeat(50)}\u0007y`, `${'x'.repeat(50)}y`],
		['exactly the limit', 'a'.repeat(MAX_CHARACTERS), 'a'.repeat(MAX_CHARACTERS)],
		[
			'emoji count as one character each',
			`a${'😃'.repeat(MAX_CHARACTERS - 1)}`,
			`a${'😃'.repeat(MAX_CHARACTERS - 1)}`
		],
		['one word', 'Menu', 'Menu']
	])('accepts %s', (_name, input, value) => {
		expect(checkText(input)).toEqual({ ok: true, value });
	});

	it.each([
		['empty', '', MESSAGES.emptyText],
		['whitespace only', ' \n\t ', MESSAGES.emptyText],
		['one over the limit', 'a'.repeat(MAX_CHARACTERS + 1), MESSAGES.tooLong(MAX_CHARACTERS + 1)],
		['a NUL character', 'text\0text', MESSAGES.binaryText],
		['binary pasted as text', '\u0001\u0002\u0003abc\u0004', MESSAGES.binaryText],
		// a form's broken characters arrive replaced: nothing to segment or compare
		['only replacement characters', '\ufffd', MESSAGES.noWords],
		['only symbols and punctuation', '— … !! 😃', MESSAGES.noWords]
	])('refuses %s', (_name, input, message) => {
		expect(checkText(input)).toEqual({ ok: false, message });
	});

	it('says how many characters there are', () => {
		expect(MESSAGES.tooLong(200_001)).toContain('200,001 characters');
	});
});
