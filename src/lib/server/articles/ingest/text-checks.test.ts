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
		['CRLF line ends', 'One\r\nTwo\rSix', 'One\nTwo\nSix'],
		['a stray control character is dropped', `${'x'.repeat(50)}\u0007y`, `${'x'.repeat(50)}y`],
		['exactly the limit', 'a'.repeat(MAX_CHARACTERS), 'a'.repeat(MAX_CHARACTERS)],
		[
			'emoji count as one character each',
			`ab${'😃'.repeat(MAX_CHARACTERS - 2)}`,
			`ab${'😃'.repeat(MAX_CHARACTERS - 2)}`
		],
		['one word', 'Menu', 'Menu'],
		// short but real: stored, and the reading view says it is very short
		['a one-word text', 'Deportations', 'Deportations']
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
		['only symbols and punctuation', '— … !! 😃', MESSAGES.noWords],
		// a QA pass found these stored, with only a "These texts look wrong" notice
		['one character', 'x', MESSAGES.noContent],
		['one letter and a stop', ' x.\n', MESSAGES.noContent],
		['single letters', 'a b c', MESSAGES.noContent],
		['numbers only', '1 2 3 2023', MESSAGES.noContent]
	])('refuses %s', (_name, input, message) => {
		expect(checkText(input)).toEqual({ ok: false, message });
	});

	it('says how many characters there are', () => {
		expect(MESSAGES.tooLong(200_001)).toContain('200,001 characters');
	});
});
