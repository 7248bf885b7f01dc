import { describe, expect, it } from 'vitest';
import { linkActors } from './actor-links';
import { createArticle } from './article-fixture';

const links = (sentences: string[], roles: string[]) =>
	Object.fromEntries(
		[...linkActors(createArticle([sentences]), roles)].map(([role, keys]) => [role, [...keys]])
	);

describe('linkActors', () => {
	it.each([
		{
			name: 'a title before a name',
			sentences: ['Reporters followed President Donald Trump all day.'],
			want: { president: ['donald', 'trump'] }
		},
		{
			name: 'a role noun before a name',
			sentences: ['The films made actress Tara Reid famous.'],
			want: { actress: ['tara', 'reid'] }
		},
		{
			name: 'an apposition after a name',
			sentences: ['Larry Kroon, the pastor of the church, was not there.'],
			want: { pastor: ['larry', 'kroon'] }
		},
		{
			name: 'an apposition before a name',
			sentences: ['The pastor, Larry Kroon, declined to comment.'],
			want: { pastor: ['larry', 'kroon'] }
		},
		{
			name: 'a role held by two people (ambiguous)',
			sentences: ['President Joe Biden met President Vladimir Putin.'],
			want: {}
		},
		{
			name: 'a role nobody asked about',
			sentences: ['Reporters followed President Donald Trump all day.'],
			roles: ['actress'],
			want: {}
		}
	])('$name', ({ sentences, roles, want }) => {
		expect(links(sentences, roles ?? ['president', 'actress', 'pastor'])).toEqual(want);
	});
});
