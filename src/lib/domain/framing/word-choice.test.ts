import { describe, expect, it } from 'vitest';
import { createArticle } from './article-fixture';
import { buildWordChoices } from './word-choice';

const A = createArticle([
	['Officials deported Russian migrants to Moscow on Friday.'],
	['The agency detained Russian migrants at the border crossing.'],
	['Officials praised the policy loudly.'],
	{ sentences: ['Subscribe to our newsletter today.'], furniture: true }
]);
const B = createArticle([
	['Officials deported war resisters to Moscow on Friday.'],
	['The agency detained war resisters at the border crossing.'],
	['Loudly, officials praised the policy.'],
	['Nothing in common here.']
]);
const fact = (a: number, b: number) => ({ a: { sentence: a }, b: { sentence: b } });

/** The contrasts of one aligned sentence pair, as [A's words, B's words]. */
function contrasts(a: string, b: string, contextA: string[] = [], contextB: string[] = []) {
	const x = createArticle([[a], ...contextA.map((s) => [s])]);
	const y = createArticle([[b], ...contextB.map((s) => [s])]);
	return buildWordChoices(x, y, [fact(0, 0)]).map((c) => [c.a, c.b]);
}

describe('buildWordChoices', () => {
	it('pairs the words each article puts in the same slot, aggregated over aligned pairs', () => {
		const choices = buildWordChoices(A, B, [
			{ id: 'a0-b0', ...fact(0, 0) },
			{ id: 'a1-b1', ...fact(1, 1) }
		]);
		expect(choices.map((c) => [c.a, c.b, c.count, c.kind, c.role])).toEqual([
			['Russian migrants', 'war resisters', 2, 'naming', 'object']
		]);
		const [choice] = choices;
		expect(choice.lemmasA).toEqual(['russian', 'migrant']);
		expect(choice.lemmasB).toEqual(['war', 'resister']);
		for (const o of choice.occurrences) {
			expect(A.text.slice(o.a.start, o.a.end)).toBe('Russian migrants');
			expect(B.text.slice(o.b.start, o.b.end)).toBe('war resisters');
		}
		expect(choice.occurrences.map((o) => [o.fact, o.id])).toEqual([
			[0, 'a0-b0'],
			[1, 'a1-b1']
		]);
	});

	it.each([
		{ name: 'words that only moved', facts: [fact(2, 2)] },
		{ name: 'no shared anchor', facts: [fact(2, 3)] },
		{ name: 'a furniture end', facts: [fact(3, 0)] },
		{
			name: 'a passage outside the differing words',
			facts: [{ a: { sentence: 0, start: 0, end: 18 }, b: { sentence: 0, start: 0, end: 18 } }]
		}
	])('finds no contrast in $name', ({ facts }) => {
		expect(buildWordChoices(A, B, facts)).toEqual([]);
	});

	it.each([
		{
			name: 'an actor named two ways',
			a: 'The dictator ordered the troops to withdraw from the city.',
			b: 'The leader ordered the troops to withdraw from the city.',
			want: [['dictator', 'leader']]
		},
		{
			name: 'a thing named two ways, trimmed to the differing words',
			a: 'Both sides signed the agreement in Geneva on Monday.',
			b: 'Both sides signed the deal in Geneva on Monday.',
			want: [['agreement', 'deal']]
		},
		{
			name: 'an act named two ways',
			a: 'The ministry postponed the vote on the new budget.',
			b: 'The ministry delayed the vote on the new budget.',
			want: [['postponed', 'delayed']]
		},
		{
			name: 'an act between the same actor and the same thing, inside longer rewrites',
			a: 'Word is that the actress, who starred in two films, has entered the Promises clinic.',
			b: 'The well known actress, a party fixture, has checked into the Promises clinic.',
			want: [['entered', 'checked']]
		},
		{
			name: 'a role noun and the name it stands for in its own article',
			a: 'The president visited the flooded town on Sunday.',
			b: 'Trump visited the flooded town on Sunday.',
			contextA: ['Reporters followed President Donald Trump all day.'],
			want: [['president', 'Trump']]
		}
	])('finds $name', ({ a, b, contextA, want }) => {
		expect(contrasts(a, b, contextA)).toEqual(want);
	});

	it.each([
		{
			name: 'inflections and derivations of one word',
			a: 'The ministers held discussions about the budget.',
			b: 'The ministers discussed the budget.'
		},
		{
			name: 'a person against a thing in one slot',
			a: 'The police questioned the driver near the bridge on Monday.',
			b: 'The police questioned the accident near the bridge on Monday.'
		},
		{
			name: 'a noun against a verb',
			a: 'The president said the deal was good for the country.',
			b: 'The president wants the deal to be good for the country.'
		},
		{
			name: 'plain verbs of saying',
			a: 'The minister said the deal reached on Friday would hold.',
			b: 'The minister noted the deal reached on Friday would hold.'
		},
		{
			name: 'two different names',
			a: 'Police arrested Smith at the airport on Friday.',
			b: 'Police arrested Jones at the airport on Friday.'
		},
		{
			name: 'different numbers and days',
			a: 'The storm killed 12 people in the capital on Monday.',
			b: 'The storm killed 15 people in the capital on Tuesday.'
		},
		{
			name: 'an abbreviation or a spelling variant',
			a: 'The governor met the protestors outside the hall.',
			b: 'The Gov. met the protesters outside the hall.'
		},
		{
			name: 'a fuller name of the same person',
			a: 'Wladimir Klitschko stopped the challenger in Berlin.',
			b: 'Klitschko stopped the challenger in Berlin.'
		},
		{
			name: 'two names in the same slot',
			a: 'Two men robbed a Somerset supermarket on Friday.',
			b: 'Two men robbed a Waitrose supermarket on Friday.'
		},
		{
			name: 'a naming against a description',
			a: 'The magnitude earthquake shook the island.',
			b: 'The powerful earthquake shook the island.'
		},
		{
			name: 'a verb that only frames the act',
			a: 'The council will begin the works on Monday.',
			b: 'The council will start the works on Monday.'
		}
	])('finds nothing for $name', ({ a, b }) => {
		expect(contrasts(a, b)).toEqual([]);
	});

	it.each([
		{
			name: 'a shared fact',
			relation: 'same',
			want: [['resumed', 'restarted']]
		},
		{
			// two claims about one subject do different things to it: no act contrast
			name: 'a same-subject pair making different claims',
			relation: 'different-claims',
			want: []
		}
	])('pairs acts inside longer rewrites only in $name', ({ relation, want }) => {
		const x = createArticle([
			['The administration, quietly and without notice, resumed deportations to Russia.']
		]);
		const y = createArticle([['The administration has restarted deportations to Russia.']]);
		const pair = { ...fact(0, 0), relation };
		expect(buildWordChoices(x, y, [pair]).map((c) => [c.a, c.b])).toEqual(want);
	});

	it('pairs how each article names one group across its aligned passages', () => {
		const x = createArticle([
			['Russian migrants crossed the border in October.'],
			['Officials interviewed them at the border.']
		]);
		const y = createArticle([
			['We stand with Russian war resisters facing deportation.'],
			['Officials interviewed them at the border.']
		]);
		const choices = buildWordChoices(x, y, [fact(0, 0), fact(1, 1)]);
		expect(choices.map((c) => [c.a, c.b, c.kind])).toEqual([
			['migrants', 'war resisters', 'naming']
		]);
		expect(choices[0].occurrences.map((o) => o.fact)).toEqual([0]);
	});

	it('takes a plain "individuals" or "men" for no naming of the group', () => {
		const x = createArticle([
			['Officials began to deport Russian individuals in March.'],
			['Russian migrants crossed the border in October.']
		]);
		const y = createArticle([
			['Officials are deporting Russian war resisters.'],
			['We stand with Russian war resisters facing deportation.']
		]);
		const choices = buildWordChoices(x, y, [fact(0, 0), fact(1, 1)]);
		expect(choices.filter((c) => c.kind === 'naming').map((c) => [c.a, c.b])).toEqual([
			['migrants', 'war resisters']
		]);
	});

	it.each([
		{
			name: 'an image both articles use in passing',
			a: ['They will go right back into the meat grinder.', 'Officials denied the claims.'],
			b: ['Every person deserves to escape the meat grinder.', 'Officials denied the claims.'],
			want: [['meat grinder', 'meat grinder', 'shared']]
		},
		{
			// topic wording recurs in other phrases: it belongs to the facts, not to word choice
			name: 'topic wording',
			a: ['Deportation flights resumed.', 'The deportation was quick.'],
			b: ['Deportation flights resumed in March.', 'The deportation was quiet.'],
			want: []
		},
		{
			// the tagger reads "men" as "man": an irregular form is found before tagging too
			name: 'an image in two forms',
			a: ['He is a family man at heart.', 'Officials denied the claims.'],
			b: ['They are all family men at heart.', 'Officials denied the claims.'],
			want: [['family man', 'family men', 'shared']]
		},
		{
			// "man" recurs in another form elsewhere in A: not an image used in passing
			name: 'wording whose word recurs in an irregular form',
			a: ['He was the sexiest man alive.', 'Officials denied the claims.', 'Other men disagreed.'],
			b: ['She called him the sexiest man alive.', 'Officials denied the claims.'],
			want: []
		},
		{
			// "meat" recurs in another phrase both articles use
			name: 'wording whose word recurs in another shared phrase',
			a: ['They face the meat grinder.', 'Officials denied the claims.', 'Fresh meat prices rose.'],
			b: ['Escape the meat grinder.', 'Officials denied the claims.', 'Fresh meat prices fell.'],
			want: []
		},
		{
			name: 'wording whose word recurs in a capitalised form',
			a: [
				'They will go back into the meat grinder.',
				'Officials denied the claims.',
				'Meat prices rose.'
			],
			b: ['Every person deserves to escape the meat grinder.', 'Officials denied the claims.'],
			want: []
		}
	])('lists $name as shared wording', ({ a, b, want }) => {
		const x = createArticle([a]);
		const y = createArticle([b]);
		const choices = buildWordChoices(x, y, [fact(1, 1)]);
		expect(choices.map((c) => [c.a, c.b, c.kind])).toEqual(want);
		for (const c of choices) {
			const [o] = c.occurrences;
			expect([o.fact, x.text.slice(o.a.start, o.a.end), y.text.slice(o.b.start, o.b.end)]).toEqual([
				-1,
				c.a,
				c.b
			]);
		}
	});

	it('ranks a contrast seen in more pairs first and honours the limit', () => {
		const choices = buildWordChoices(A, B, [fact(0, 0), fact(1, 1)], { limit: 0 });
		expect(choices).toEqual([]);
	});
});
