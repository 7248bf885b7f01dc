import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../text/segment';
import {
	findLoadedLanguage,
	loadedCandidates,
	selectLoaded,
	type LoadedCandidate
} from './loaded-language';

/** The loaded wording of one sentence, as [exact, kind] pairs. */
function found(sentence: string): [string, string][] {
	return loadedCandidates(sentence, [{ start: 0, end: sentence.length }]).map((c) => [
		c.exact,
		c.kind
	]);
}

describe('loadedCandidates', () => {
	it.each<[string, [string, string][]]>([
		// evaluative verbs of saying, inflected; "said" is neutral
		['The senator slammed the bill on Tuesday.', [['slammed', 'saying']]],
		['Critics derided the plan on Monday.', [['derided', 'saying']]],
		['She conceded that the figures were wrong.', [['conceded', 'saying']]],
		['He boasted about the crowd.', [['boasted', 'saying']]],
		['The minister said the talks would resume.', []],
		// a verb whose noun is everyday news counts only as the verb
		['A blast destroyed the depot.', []],
		['The governor blasted the ruling.', [['blasted', 'saying']]],
		// loaded adjectives and nouns, with phrases taking their words
		[
			'It was a phony crisis and a smear campaign.',
			[
				['phony', 'loaded'],
				['smear', 'loaded']
			]
		],
		['They called it a witch hunt.', [['witch hunt', 'loaded']]],
		// a loaded adjective and the noun naming the harm it judges make one span
		['These deportations are a heinous attack on people.', [['heinous attack', 'loaded']]],
		['It was a cruel treatment of refugees.', [['cruel treatment', 'loaded']]],
		// a noun that names no harm stays outside the span
		['It is an egregious example of failure.', [['egregious', 'loaded']]],
		['A heinous, deliberate attack.', [['heinous', 'loaded']]],
		// labels for people and groups; a context adjective alone is description
		['He is a dangerous demagogue.', [['dangerous demagogue', 'label']]],
		['The roads are dangerous in winter.', []],
		['The bill targets illegal aliens.', [['illegal aliens', 'label']]],
		['Far-left activists marched.', [['Far-left', 'label']]],
		// kinship claimed for a group; plain family is not a label
		['They oppress our class siblings.', [['class siblings', 'label']]],
		['Her older brother and my sister came.', []],
		// intensifiers
		['The figure is utterly false.', [['utterly', 'intensifier']]],
		// a verb of doubt counts as the verb, not as the noun of a legal term
		['He claimed the vote was stolen.', [['claimed', 'saying']]],
		['Fear of the draft is a valid claim to asylum.', []],
		// verdict verbs
		['The council squandered the library budget.', [['squandered', 'loaded']]],
		// scare quotes: a lone quoted word as the writer's own noun; not a reported utterance
		[
			'The so-called “reform” cut pensions.',
			[
				['so-called', 'loaded'],
				['“reform”', 'scare-quote']
			]
		],
		['The government’s “reform” cut pensions.', [['“reform”', 'scare-quote']]],
		['“We will win,” he said.', []],
		['He called the plan “reckless” on Monday.', [['reckless', 'loaded']]],
		['They applied under the “credible fear” standard.', []],
		// a capital inside a sentence starts a name, not a judgement
		['She read Radical Candor last year.', []]
	])('%s', (sentence, expected) => {
		expect(found(sentence)).toEqual(expected);
	});

	it('keeps UTF-16 offsets into the given text, with a why a teacher can read', () => {
		const text = 'Intro 😀. Critics slammed the bill.';
		const [span] = loadedCandidates(text, [{ start: 9, end: text.length }]);
		expect(text.slice(span.start, span.end)).toBe('slammed');
		expect(span.why).toMatch(/^“slammed” reports what someone said as an attack/);
	});

	it('weakens loaded words inside a long reported utterance', () => {
		const text = 'He said: “This is a disastrous and phony deal for us.”';
		const spans = loadedCandidates(text, [{ start: 0, end: text.length }]);
		expect(spans.map((s) => [s.exact, s.strength])).toEqual([
			['disastrous', 1],
			['phony', 1]
		]);
	});
});

describe('selectLoaded', () => {
	const candidate = (
		start: number,
		exact: string,
		strength: number,
		rank = 0
	): LoadedCandidate => ({
		start,
		end: start + exact.length,
		exact,
		kind: 'loaded',
		why: '',
		strength,
		rank
	});

	it.each<[string, LoadedCandidate[], number, string[]]>([
		[
			'keeps the strongest within the per-thousand cap, in text order',
			[
				candidate(0, 'claim', 1),
				candidate(10, 'phony', 2),
				candidate(20, 'vile', 2),
				candidate(30, 'sham', 2)
			],
			100,
			['phony', 'vile', 'sham']
		],
		[
			'keeps one wording at most twice',
			[candidate(0, 'regime', 2), candidate(10, 'regime', 2), candidate(20, 'regime', 2)],
			1000,
			['regime', 'regime']
		],
		[
			'spreads equals over sentences before taking a sentence’s second',
			[
				candidate(0, 'phony', 2, 0),
				candidate(10, 'sham', 2, 1),
				candidate(20, 'bogus', 2, 2),
				candidate(90, 'vile', 2, 0),
				candidate(99, 'odious', 2, 0)
			],
			100,
			['phony', 'vile', 'odious']
		],
		[
			'drops what a reported utterance weakened to nothing',
			[candidate(0, 'claim', 0), candidate(10, 'vile', 2)],
			1000,
			['vile']
		]
	])('%s', (_name, candidates, words, expected) => {
		expect(selectLoaded(candidates, words).map((s) => s.exact)).toEqual(expected);
	});

	it('never exceeds a dozen, however long the article', () => {
		const many = Array.from({ length: 40 }, (_, i) => candidate(i * 10, `w${i}`, 2));
		expect(selectLoaded(many, 20_000)).toHaveLength(12);
	});
});

describe('findLoadedLanguage', () => {
	it('reads the body of an article and returns spans without the ranking strength', () => {
		const article = segmentArticle(
			'Plan Unveiled\n\nCritics slammed the phony plan. The mayor said it would pass.'
		);
		const spans = findLoadedLanguage(article);
		expect(spans.map((s) => s.exact)).toEqual(['slammed', 'phony']);
		expect(Object.keys(spans[0]).sort()).toEqual(['end', 'exact', 'kind', 'start', 'why']);
		for (const s of spans) expect(article.text.slice(s.start, s.end)).toBe(s.exact);
	});
});
