/**
 * The Policy Frames Codebook's 15 dimensions (Boydstun et al. 2014; codes as in the Media Frames
 * Corpus `codes.json`). Data only: the reading view imports it without the cue lexicon.
 */

/** One dimension of the Policy Frames Codebook. */
export interface Frame {
	/** Media Frames Corpus code: 1 Economic … 15 Other */
	code: number;
	/** stable kebab-case slug for URLs and filters */
	id: string;
	label: string;
	/** one-line gloss of the codebook's description, for tooltips */
	description: string;
}

/** The 15 dimensions in code order (labels exactly as in the codebook). */
export const FRAMES: readonly Frame[] = [
	{
		code: 1,
		id: 'economic',
		label: 'Economic',
		description: 'Costs, benefits, money and the economy.'
	},
	{
		code: 2,
		id: 'capacity-and-resources',
		label: 'Capacity and resources',
		description: 'Whether there is enough time, staff, money or room to carry a policy out.'
	},
	{
		code: 3,
		id: 'morality',
		label: 'Morality',
		description: 'Ethics, religion, duty, right and wrong.'
	},
	{
		code: 4,
		id: 'fairness-and-equality',
		label: 'Fairness and equality',
		description:
			'Whether laws and resources treat people and groups equally; rights of one group against another.'
	},
	{
		code: 5,
		id: 'legality-constitutionality-and-jurisprudence',
		label: 'Legality, constitutionality and jurisprudence',
		description: 'Laws, courts, legal status and rights, and what they permit or forbid.'
	},
	{
		code: 6,
		id: 'policy-prescription-and-evaluation',
		label: 'Policy prescription and evaluation',
		description: 'Policies proposed to solve a problem, and whether policies work.'
	},
	{
		code: 7,
		id: 'crime-and-punishment',
		label: 'Crime and punishment',
		description: 'Breaking rules, enforcement, detention and punishment.'
	},
	{
		code: 8,
		id: 'security-and-defense',
		label: 'Security and defense',
		description:
			'Threats to a person, group or nation, war and the military, and protection from them.'
	},
	{
		code: 9,
		id: 'health-and-safety',
		label: 'Health and safety',
		description: 'Health, illness, injury, death and physical safety.'
	},
	{
		code: 10,
		id: 'quality-of-life',
		label: 'Quality of life',
		description: 'Effects on people’s daily lives, families, homes, opportunities and wellbeing.'
	},
	{
		code: 11,
		id: 'cultural-identity',
		label: 'Cultural identity',
		description: 'Culture, traditions, values and the identity of a group.'
	},
	{
		code: 12,
		id: 'public-opinion',
		label: 'Public opinion',
		description: 'What the public thinks: polls, protests, attention and attitudes.'
	},
	{
		code: 13,
		id: 'political',
		label: 'Political',
		description: 'Parties, politicians, elections, and political manoeuvring around the issue.'
	},
	{
		code: 14,
		id: 'external-regulation-and-reputation',
		label: 'External regulation and reputation',
		description:
			'Relations between nations or groups, international bodies, and a nation’s reputation.'
	},
	{
		code: 15,
		id: 'other',
		label: 'Other',
		description: 'Any other frame (never suggested automatically: it has no cues).'
	}
];
