/**
 * A small annotated comparison for the model, export and worksheet tests: two short articles with
 * astral characters (emoji, a flag) before the passages, so code points and UTF-16 offsets
 * differ, and annotations of every kind, with replies, attachments and a teacher's sub-frame.
 */
import type { Side } from '../types';
import {
	createTarget,
	type Annotation,
	type Author,
	type ComparisonTexts,
	type Target
} from './model';

/** Article A: the flag and emoji put every later UTF-16 offset ahead of its code point. */
export const TEXT_A =
	'🇺🇸 Deportations resumed 😃 quietly.\n\n' +
	'In March 2023, the Guardian revealed that the Biden administration had resumed deportations to Russia. ' +
	'Many fled to avoid the draft, and sending them back is cruel. ' +
	'The US should welcome Russians and starve Putin’s war machine.';

/** Article B: the same event, framed as class war. */
export const TEXT_B =
	'Joe Biden is deporting Russians 🚫 who came to escape Putin’s draft. ' +
	'The Guardian reported this on March 18, despite no official announcement. ' +
	'These deportations are a heinous attack on people refusing to fight in a brutal capitalist war. ' +
	'Let them all in!';

/** Both articles at their fixture versions. */
export const ARTICLES: ComparisonTexts = {
	a: { text: TEXT_A, version: 'sha256-aaaa' },
	b: { text: TEXT_B, version: 'sha256-bbbb' }
};

/** A target on the first occurrence of `quote` in one article. */
export function quoteTarget(
	side: Side,
	quote: string,
	articles: ComparisonTexts = ARTICLES
): Target {
	const { text, version } = articles[side];
	const start = text.indexOf(quote);
	if (start === -1) throw new Error(`"${quote}" is not in article ${side}`);
	return createTarget(text, side, version, { start, end: start + quote.length });
}

/** Fixed ids so failures name the annotation. */
export const IDS = {
	fact: '11111111-1111-4111-8111-111111111111',
	fact2: '22222222-2222-4222-8222-222222222222',
	framingA: '33333333-3333-4333-8333-333333333333',
	framingB: '44444444-4444-4444-8444-444444444444',
	framingLoose: '55555555-5555-4555-8555-555555555555',
	framingOverlap: '66666666-6666-4666-8666-666666666666',
	note: '77777777-7777-4777-8777-777777777777',
	noteB: '88888888-8888-4888-8888-888888888888',
	reply1: '99999999-9999-4999-8999-999999999999',
	reply2: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'
} as const;

const teacher: Author = { id: 'user-teacher', name: 'Ms. Okafor' };
const student: Author = { id: 'member-7', name: 'Dana 🦊' };
const room = { kind: 'room', id: 'room-42' } as const;
const t0 = '2024-03-18T09:30:00.000Z';
const t1 = '2024-03-18T09:45:12.345Z';

/** Annotations of every kind, in creation order. */
export function createAnnotationSet(): Annotation[] {
	const base = { scope: room, replies: [], createdAt: t0, updatedAt: t1 };
	return [
		{
			...base,
			id: IDS.fact,
			kind: 'shared-fact',
			targets: [
				quoteTarget('a', 'In March 2023, the Guardian revealed'),
				quoteTarget('b', 'The Guardian reported this on March 18')
			],
			relation: 'different-detail',
			evidence: 'verified',
			evidenceUrl: 'https://www.theguardian.com/us-news/2023/mar/18/russia-deportations',
			note: 'March 2023 vs "March 18" — same report, different detail.',
			suggestionId: 'sf-a3-b1',
			author: teacher,
			replies: [
				{
					id: IDS.reply1,
					annotationId: IDS.fact,
					author: student,
					note: 'Is "quietly" the same as "no official announcement"?',
					createdAt: t1,
					updatedAt: t1
				},
				{
					id: IDS.reply2,
					annotationId: IDS.fact,
					author: teacher,
					note: 'Good question, line 2:\n"quietly" is A’s word.',
					createdAt: t1,
					updatedAt: '2024-03-18T10:00:00Z'
				}
			]
		},
		{
			...base,
			id: IDS.fact2,
			kind: 'shared-fact',
			targets: [
				quoteTarget('a', 'Many fled to avoid the draft'),
				quoteTarget('b', 'came to escape Putin’s draft')
			],
			relation: 'same',
			note: '',
			author: student
		},
		{
			...base,
			id: IDS.framingA,
			kind: 'framing',
			targets: [quoteTarget('a', 'sending them back is cruel')],
			frame: 'morality',
			entman: 'moral-evaluation',
			attachedTo: IDS.fact2,
			note: '=A moral wing, "quoted", with, commas',
			author: student
		},
		{
			...base,
			id: IDS.framingB,
			kind: 'framing',
			targets: [quoteTarget('b', 'a heinous attack on people refusing to fight')],
			frame: 'fairness-and-equality/class-war',
			attachedTo: IDS.fact2,
			note: '',
			author: teacher
		},
		{
			...base,
			id: IDS.framingLoose,
			kind: 'framing',
			targets: [quoteTarget('a', 'starve Putin’s war machine')],
			frame: 'security-and-defense',
			entman: 'remedy',
			note: 'Remedy framed as security.',
			author: student
		},
		{
			...base,
			id: IDS.framingOverlap,
			kind: 'framing',
			targets: [quoteTarget('b', 'Guardian reported this')],
			entman: 'problem-definition',
			note: '',
			author: student
		},
		{
			...base,
			id: IDS.note,
			kind: 'note',
			targets: [quoteTarget('a', 'Deportations resumed 😃 quietly')],
			note: 'Why does the headline say "quietly"?',
			author: student
		},
		{
			...base,
			scope: { kind: 'workspace', id: 'reader-1' },
			id: IDS.noteB,
			kind: 'note',
			targets: [quoteTarget('b', 'Let them all in!')],
			note: '+1 this is the remedy\r\n@teacher',
			author: { id: 'reader-1', name: '' }
		}
	];
}
