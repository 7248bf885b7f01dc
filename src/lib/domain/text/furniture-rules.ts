/**
 * Line-level tests for article furniture: each looks at one paragraph's text only. Where a
 * paragraph sits (head, tail, next to the title) is weighed in furniture.ts. The patterns
 * describe how web pages are built (menus, credits, bylines, appeals), not any one article.
 */
import type { FurnitureKind } from '../types';
import { isStopword } from './stopwords';
import { letteredWordCount, wordCount } from './word-count';

const MONTH =
	'(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tue|wed|thu|fri|sat|sun)\\.?),?';
const DATE_CORE = `(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{4}|${MONTH}\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4})`;
const TIME = '(?:,?\\s+(?:at\\s+)?\\d{1,2}[:.]\\d{2}\\s*(?:[ap]\\.?m\\.?)?(?:\\s+[a-z]{2,5})?)?';
const READ_TIME = '(?:\\s*[·|•–-]\\s*\\d+\\s+min(?:ute)?s?\\s+read)?';
/** A line that is only a date, optionally with "Updated", weekday, time and reading time. */
const DATELINE = new RegExp(
	`^(?:(?:first\\s+)?(?:published|updated|posted|last updated)(?:\\s+on)?:?\\s+)?(?:${DAY}\\s+)?${DATE_CORE}${TIME}${READ_TIME}$`,
	'i'
);

/** Whole-line navigation phrases found on most news and blog templates. */
const NAVIGATION =
	/^(?:skip to (?:main )?(?:content|navigation)|jump to (?:main )?content|(?:main |open |close )?menu|toggle navigation|navigation|search(?: for:?)?|home|sections|log ?in|sign (?:in|up)|register|my account|subscribe(?: now)?|donate(?: now)?|back to top|scroll to top|close|next(?: article| story)?|previous(?: article| story)?|read next|load more|accept(?: all)? cookies)\W*$/i;
/** Breadcrumb trails: short items joined by ›, », > or a "Home |" start. */
const BREADCRUMB = /^(?:home\s*[|›»>/]|[^.!?]{1,40}(?:\s[›»>]\s[^.!?]{1,40}){1,5}$)/i;
/** The most words a share line can have: ten items of up to three words ("share on facebook"). */
const SHARE_LINE_MAX_WORDS = 30;
const SHARE_WORD =
	/^(?:share(?: this)?(?: article| story| post| page)?:?|share on \w+|tweet|email|e-mail|print|copy(?: link)?|link copied|facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|telegram|flipboard|messenger|bluesky|threads|mastodon)$/i;
/** "Photo: …", "Pictures: …", "Image via …", "(Credit: …)" and agency credits. */
const CREDIT =
	/^\(?(?:(?:header|featured|top|lead|cover|main|hero)\s+)?(?:photos?|photographs?|photography|pictures?|images?|illustrations?|graphics?|videos?|artwork|credits?|image credit|photo credit|source|caption)(?:\s+(?:by|via|courtesy of)\s+|\s*[:：|]\s*|\s+[–—]\s+)\S/i;
const AGENCY =
	/(?:getty images|shutterstock|\bap photo\b|associated press|\breuters\b|\bafp\b|\bepa\b|wikimedia commons|\bunsplash\b|\bflickr\b|creative commons|\bcc[- ]by\b)/i;
const TAGS_PREFIX = /^(?:tags?|tagged|topics?|filed under|categories|category|keywords)\s*:/i;
/** Page elements that are whole lines: ad labels, comment counters, reading times. */
const OTHER_LINE =
	/^(?:advertisement|sponsored(?: content)?|related(?: articles?| stories| content)?|recommended(?: for you)?|most (?:read|popular|viewed)|trending(?: now)?|listen to this article|comments?|\d+\s+comments?|\d+\s+min(?:ute)?s?\s+read|(?:this article is )?more than \d+ (?:years?|months?) old)\W*$/i;
/** Page elements recognised by how they begin: teasers, notes, copyright, republication lines. */
const OTHER_PREFIX =
	/^(?:(?:read more|related|see also|more from|more on|watch|listen|editor['’]s note|note)\s*[:»|]|©|copyright\b|all rights reserved|this (?:article|piece|story|post|essay) (?:was|first|originally|is republished)|a version of this (?:article|story|piece)|follow (?:us|me|him|her|them) on\b)/i;
/** Newswire reporting credits: "Reporting by …; Editing by …", "Additional reporting by …". */
const REPORTING_CREDIT =
	/^(?:\(|\[)?(?:additional )?(?:reporting|writing|editing|edited|translation|translated|compiled)\s+by\b/i;
/** Requests for money or sign-ups addressed to the reader. */
const APPEAL =
	/\b(?:tax[- ]deductible|(?:make|making) a (?:\w+ )?(?:donation|gift|contribution)|(?:donate|subscribe|contribute|chip in|give)(?: now| today| here| to (?:us|our))\b|please (?:donate|subscribe|support|consider|give|help)|support (?:us|our|independent|this|reader)\b|become a (?:member|patron|subscriber|supporter|sustaining)|(?:made|make) it to the bottom|reader[- ](?:supported|funded)|sign up (?:for|to) (?:our|the) newsletter|subscribe to (?:our|the)|patreon|can we ask for your help|without (?:your|reader) support)/i;
const BIO_WORDS =
	/\b(?:writer|journalist|author|editor|fellow|professor|lecturer|correspondent|reporter|contributor|columnist|director|analyst|researcher|scholar|student|founder|activist|organizer|organiser|host|producer|novelist|historian|economist|member of|writes|covers|reports on|her work|his work|their work|tweets|follow (?:her|him|them))\b/i;

const PARTICLES = new Set(
	'de van von der den da di du la le bin al el ibn dos das del st'.split(' ').concat(['st.'])
);
const NAME_WORD =
	/^(?:\p{Lu}\.|\p{Lu}[\p{Ll}'’]*\p{Lu}?[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)*|Jr\.?|Sr\.?|II|III|IV)$/u;

/** Splits a paragraph into whitespace-separated words. */
export function wordsOf(text: string): string[] {
	return text.split(/\s+/).filter(Boolean);
}

/** True when a paragraph ends like a sentence (final period, possibly inside quotes or brackets). */
export function endsWithPeriod(text: string): boolean {
	return /[.…]["'”’)\]]*$/.test(text);
}

/**
 * Whether text is just a person's name: 2–4 capitalised words (particles such as "van" and
 * initials allowed), none of them a function word.
 * @example isPersonName('Raimy Khalife-Hamdan') // true
 */
export function isPersonName(text: string): boolean {
	const ws = wordsOf(text.trim());
	if (ws.length < 2 || ws.length > 5) return false;
	let capitals = 0;
	for (const w of ws) {
		if (PARTICLES.has(w)) continue;
		if (!NAME_WORD.test(w) || isStopword(w.toLowerCase())) return false;
		capitals++;
	}
	return capitals >= 2 && capitals <= 4 && NAME_WORD.test(ws[0]);
}

/** Names listed in a byline such as "By Ann Lee and Bo Chan" or "Ann Lee | March 3, 2023". */
export function bylineNames(text: string): string[] | null {
	const hasBy = /^by\s/i.test(text.trim());
	const names: string[] = [];
	for (const part of text
		.trim()
		.replace(/^by\s+/i, '')
		.split(/\s*[|·•]\s*/)) {
		if (DATELINE.test(part)) continue;
		for (const piece of part.split(/\s*(?:,|\band\b|&)\s*/).filter(Boolean)) {
			if (isPersonName(piece)) names.push(piece);
			// after "By", a short role or outlet may follow the names ("By Ann Lee, Reuters")
			else if (!hasBy || names.length === 0 || wordsOf(piece).length > 4) return null;
		}
	}
	return names.length > 0 ? names : null;
}

/** Whether a line is a comma-, pipe- or bullet-separated list of short topic tags. */
export function isTagList(text: string): boolean {
	if (TAGS_PREFIX.test(text)) return true;
	if (/[.!?:;]["'”’)]*$/.test(text)) return false;
	const items = text.split(/\s*[,|•·]\s*/).filter(Boolean);
	if (items.length < 3) return false;
	if (/^(?:and|or)\s/i.test(items[items.length - 1])) return false; // a list inside prose
	// tags are names and nouns; "it rained, it poured" is prose
	if (items.some((item) => /^\p{Ll}/u.test(item) && isStopword(item.split(' ')[0]))) return false;
	return items.every((item) => wordsOf(item).length <= 4 && item.length <= 32);
}

/** Whether a line consists only of share buttons ("Share", "Facebook Twitter Email"). */
function isShareLine(text: string): boolean {
	// an item of a share line has at most three words, and a share line at most ten items: a
	// longer line (every body paragraph) is not one, and is not split to find out
	if (letteredWordCount(text, SHARE_LINE_MAX_WORDS) > SHARE_LINE_MAX_WORDS) return false;
	const items = text.split(/\s*[|,·•/]\s*|\s{2,}/).filter(Boolean);
	if (items.length === 0 || items.length > 10) return false;
	if (items.every((item) => SHARE_WORD.test(item))) return true;
	const ws = wordsOf(text);
	return ws.length <= 10 && ws.every((w) => SHARE_WORD.test(w.replace(/[:|]$/, '')));
}

/** Whether a paragraph asks the reader for money, a subscription or a sign-up. */
export function isAppeal(text: string): boolean {
	return APPEAL.test(text);
}

/** Whether a paragraph reads like an author's bio ("Ann Lee is a reporter who covers …"). */
export function bioSubject(text: string): string | null {
	const m =
		/^((?:[\p{Lu}][\p{L}.'’-]*\s+|(?:van|von|der|de|den|da|di|du|la|le|bin|al|el|ibn)\s+){1,4}[\p{Lu}][\p{L}'’-]*)(?:\s*\([^)]{1,40}\))?,?\s+(?:is|was|has|writes|covers|reports|teaches|serves|works|lives|holds|leads|directs)\b/u.exec(
			text
		);
	if (!m || !isPersonName(m[1])) return null;
	return m[1];
}

/** Whether a bio-like paragraph talks about a career (used when no byline name confirms it). */
export function hasBioWords(text: string): boolean {
	return BIO_WORDS.test(text);
}

/**
 * Furniture that a line's text alone reveals, wherever it stands; null when it needs context.
 * @example intrinsicFurniture('Photo: Jane Doe/AP') // 'credit'
 */
export function intrinsicFurniture(text: string): FurnitureKind | null {
	const t = text.trim();
	const words = wordCount(t);
	if (words <= 6 && NAVIGATION.test(t)) return 'navigation';
	if (words <= 12 && BREADCRUMB.test(t) && !endsWithPeriod(t)) return 'navigation';
	if (isShareLine(t)) return 'share';
	if (words <= 40 && CREDIT.test(t)) return 'credit';
	if (words <= 12 && AGENCY.test(t) && !endsWithPeriod(t)) return 'credit';
	if (words <= 16 && DATELINE.test(t)) return 'dateline';
	if (TAGS_PREFIX.test(t)) return 'tags';
	if (words <= 12 && /^by\s+\p{Lu}/iu.test(t) && !endsWithPeriod(t) && bylineNames(t))
		return 'byline';
	if (words <= 40 && REPORTING_CREDIT.test(t) && (/^[([]/.test(t) || !endsWithPeriod(t))) {
		return 'credit';
	}
	if (words <= 12 && OTHER_LINE.test(t)) return 'other';
	if (words <= 40 && OTHER_PREFIX.test(t)) return 'other';
	return null;
}
