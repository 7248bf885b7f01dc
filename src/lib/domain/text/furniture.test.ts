import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyParagraphs } from './furniture';
import { bylineNames, intrinsicFurniture, isPersonName, isTagList } from './furniture-rules';
import { segmentArticle } from './segment';

/** One label per paragraph: 'title', 'body' or the furniture kind. */
function labels(lines: string[]): string[] {
	return classifyParagraphs(lines).map((c) => c.furniture ?? c.kind);
}

/** Lines of a synthetic article paired with the label each should get. */
type Article = [string, string][];

const NEWS_TEMPLATE: Article = [
	['Menu', 'navigation'],
	['Search', 'navigation'],
	['Home › World › Europe', 'navigation'],
	['Share this article', 'share'],
	['Ukraine Talks Stall as Winter Nears', 'title'],
	['Diplomats see little progress before the cold months set in', 'body'],
	['By Ann Lee and Bo Chan', 'byline'],
	['Updated Tuesday, 3 January 2023, 10:45 GMT', 'dateline'],
	['Image: Jane Roe/Getty Images', 'credit'],
	[
		'Talks in Geneva broke up on Monday without a date for the next round. Officials blamed each other.',
		'body'
	],
	['Nobody came.', 'body'],
	['Maria Santos', 'body'],
	['Energy, food, security', 'body'],
	['Prices rose again, and the talks will resume when the weather allows it.', 'body'],
	['Facebook Twitter Email', 'share'],
	['Tags: Ukraine, Diplomacy', 'tags'],
	['Ann Lee is a correspondent who covers Eastern Europe. Follow her on Twitter.', 'bio'],
	['Support our journalism. Become a member today.', 'appeal']
];

const BLOG_TEMPLATE: Article = [
	['Skip to main content', 'navigation'],
	['economy, inflation, central banks, Europe', 'tags'],
	['Why the Central Bank Keeps Getting It Wrong', 'title'],
	['Rates went up too late, and now they stay up too long.', 'body'],
	['Photo by Ann Example via Unsplash', 'credit'],
	['The bank raised rates again on Thursday. Markets had expected it.', 'body'],
	[
		'Critics say the bank misread inflation for a year. The bank says it acted on the data it had.',
		'body'
	],
	['It did not.', 'body'],
	['Peter van der Berg', 'byline'],
	['Peter van der Berg is an economist and the author of two books on money.', 'bio'],
	['Before you go…', 'appeal'],
	['We are reader-supported. If you value this work, please donate today.', 'appeal']
];

const SECTION_LABEL: Article = [
	['Opinion', 'navigation'],
	['The Case for Letting Them In', 'title'],
	['Deserters deserve asylum, not deportation.', 'body'],
	['Ann Lee', 'byline'],
	['Sat 18 Mar 2023 12.00 GMT', 'dateline'],
	['The first deportation flight left on Tuesday. It carried 40 men.', 'body'],
	['Officials declined to comment on the flight or on the men aboard it.', 'body'],
	['Lawyers said more flights were planned for the spring.', 'body'],
	['Nobody knows how many men are waiting for a decision.', 'body'],
	['(Reporting by Ann Lee; Editing by Bo Chan)', 'credit'],
	['© 2023 Example Media', 'other']
];

const NEGATIVES: Article = [
	['Is It Over? Not Yet', 'title'],
	['The war goes on, the report says.', 'body'],
	['He left.', 'body'],
	['It rained, it poured, it stopped', 'body'],
	['Talks resumed on Monday.', 'body'],
	['Nobody expected them to.', 'body'],
	['Both sides said little.', 'body'],
	['The mediators were tired.', 'body'],
	['Joe Biden', 'body'],
	['One of them said so.', 'body'],
	['Another one did not.', 'body'],
	['The hall emptied quickly.', 'body'],
	['The lights went out at nine.', 'body'],
	['Nobody came back the next day.', 'body'],
	['Donations to Ukraine rose in March, and we saw lines outside the office.', 'body'],
	['Joe Biden is the president who resumed the flights, and he has not explained why.', 'body'],
	['People were urged to donate blood to help the wounded.', 'body']
];

const PULL_QUOTE: Article = [
	['A Short Title Here', 'title'],
	['The first paragraph says something of substance about the matter at hand.', 'body'],
	['The second paragraph repeats a line that editors liked a lot for the page.', 'other'],
	[
		'The second paragraph repeats a line that editors liked a lot for the page. It then goes on.',
		'body'
	],
	['The last paragraph ends it.', 'body']
];

const ONE_SENTENCE_PER_LINE: Article = [
	['Lindsay Lohan checked into rehab on Thursday, her spokesman said.', 'body'],
	['The actress had been ordered by a judge to complete the program.', 'body'],
	['She is expected to stay for 90 days.', 'body']
];

describe('classifyParagraphs on synthetic articles', () => {
	it.each([
		['news template', NEWS_TEMPLATE],
		['blog template', BLOG_TEMPLATE],
		['section label above the title, wire credit at the end', SECTION_LABEL],
		['negatives stay body', NEGATIVES],
		['pull quote', PULL_QUOTE],
		['one sentence per line, no title', ONE_SENTENCE_PER_LINE]
	])('%s', (_name, article) => {
		const lines = (article as Article).map(([line]) => line);
		expect(lines.map((l, i) => `${l} -> ${labels(lines)[i]}`)).toEqual(
			(article as Article).map(([l, label]) => `${l} -> ${label}`)
		);
	});

	it('handles no paragraphs and a single line', () => {
		expect(classifyParagraphs([])).toEqual([]);
		expect(labels(['Only a sentence.'])).toEqual(['body']);
	});

	it('keeps a text with nothing else as its argument: where a line sits says nothing then', () => {
		expect(labels(['Only a Headline'])).toEqual(['body']);
		expect(labels(['Deportations'])).toEqual(['body']);
		expect(labels(['Russia', 'Opinion'])).toEqual(['body', 'body']);
		// a line that is furniture by its own words stays apart
		expect(labels(['Menu'])).toEqual(['navigation']);
		expect(labels(['Only a Headline', 'Menu'])).toEqual(['body', 'navigation']);
	});
});

describe('line rules', () => {
	it.each([
		['Skip to content', 'navigation'],
		['Toggle navigation', 'navigation'],
		['Share', 'share'],
		['Share on Facebook | Share on Twitter', 'share'],
		['Pictures: ev', 'credit'],
		['Photo: Étienne Laurent/EPA', 'credit'],
		['(Photo: AP)', 'credit'],
		['Photos show the police beating protesters.', null],
		['March 26, 2023', 'dateline'],
		['26 March 2023', 'dateline'],
		['Published 2023-03-26', 'dateline'],
		['March 2023 was the wettest month on record.', null],
		['By Sam Carliner', 'byline'],
		['By the end of the year, prices fell', null],
		['Advertisement', 'other'],
		['Read more: How the draft works', 'other'],
		['Read more about the draft in our explainer.', null],
		['3 min read', 'other'],
		['Comments', 'other'],
		['Comments by the minister were widely shared.', null],
		['© 2023 Example Media', 'other'],
		['(Reporting by Ann Lee in Moscow; Editing by Bo Chan)', 'credit'],
		['Additional reporting by Bo Chan', 'credit'],
		['Reporting by the Guardian showed the flights resumed.', null],
		['Sat 18 Mar 2023 12.00 GMT', 'dateline'],
		['Tags: asylum, Russia', 'tags'],
		['The vast majority of Russian migrants left.', null]
	])('intrinsicFurniture(%s) is %s', (line, kind) => {
		expect(intrinsicFurniture(line)).toBe(kind);
	});

	it.each([
		['Raimy Khalife-Hamdan', true],
		['Sam Carliner', true],
		['J. R. R. Tolkien', true],
		['Ursula von der Leyen', true],
		["Conan O'Brien", true],
		['Joe', false],
		['The Big Picture', false],
		['Let Them All In', false],
		['sam carliner', false],
		['Sam Carliner said so.', false]
	])('isPersonName(%s) is %s', (line, expected) => {
		expect(isPersonName(line)).toBe(expected);
	});

	it.each([
		['protest, Putin, Ukraine, Russians', true],
		['Politics | Europe | Asylum', true],
		['Russia, Ukraine, and Belarus', false],
		['Russia, Ukraine, Belarus.', false],
		['He came, he saw, he conquered the whole region in a single long summer', false]
	])('isTagList(%s) is %s', (line, expected) => {
		expect(isTagList(line)).toBe(expected);
	});

	it('reads names from bylines', () => {
		expect(bylineNames('By Ann Lee and Bo Chan')).toEqual(['Ann Lee', 'Bo Chan']);
		expect(bylineNames('Ann Lee | March 3, 2023')).toEqual(['Ann Lee']);
		expect(bylineNames('By the way, this is not a byline')).toBeNull();
	});
});

describe('classifyParagraphs on the seeds', () => {
	const seed = (file: string) => {
		const a = segmentArticle(
			readFileSync(new URL(`../../../../seeds/${file}`, import.meta.url), 'utf8')
		);
		return a.paragraphs.map((p) => `${p.index}:${p.furniture ?? p.kind}`);
	};

	it('000: navigation, tags, title, dek, credit … byline, bio, appeal', () => {
		const got = seed('000_22ed28cde7db5cf9.txt');
		expect(got.slice(0, 6)).toEqual([
			'0:navigation',
			'1:tags',
			'2:title',
			'3:body',
			'4:credit',
			'5:body'
		]);
		expect(got[8]).toBe('8:other'); // pull quote repeated at the start of paragraph 12
		expect(got.slice(9, 19).every((l) => l.endsWith(':body'))).toBe(true);
		expect(got.slice(18)).toEqual(['18:body', '19:byline', '20:bio', '21:appeal', '22:appeal']);
	});

	it('004: title, dek, byline, dateline, credit … byline, bio', () => {
		const got = seed('004_cb2015502c2df88f.txt');
		expect(got.slice(0, 6)).toEqual([
			'0:title',
			'1:body',
			'2:byline',
			'3:dateline',
			'4:credit',
			'5:body'
		]);
		expect(got.slice(5, 12).every((l) => l.endsWith(':body'))).toBe(true);
		expect(got.slice(12)).toEqual(['12:byline', '13:bio']);
	});
});
