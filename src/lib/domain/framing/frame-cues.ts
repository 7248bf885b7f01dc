/**
 * Cue lexicon for the Policy Frames Codebook (Boydstun et al. 2014): words and short phrases
 * whose presence in a sentence suggests a frame dimension. Written for this project from the
 * codebook's descriptions of each dimension, in general English (no seed-specific entries).
 * Lists, not code, so a teacher's suggestion can be added without touching the matcher.
 *
 * Three tiers per frame: `strong` cues are hard to use outside the frame ("unconstitutional",
 * "conscription") and suggest it alone; `typical` cues usually mean the frame; `weak` cues are
 * ambiguous ("must", "fight", "risk") and count only together with another cue.
 * Entries are comma-separated; a phrase is several words ("credible fear", "call for").
 * Write base forms: they are lemmatised with the project's lemmatiser when the matcher compiles.
 */

/** Weight of each tier: 1 reaches the suggestion threshold, weak cues need company. */
export const CUE_WEIGHTS = { strong: 2, typical: 1, weak: 0.5 } as const;

/** A frame's cues by tier, as comma-separated words and phrases. */
interface FrameCueList {
	strong: string;
	typical: string;
	weak: string;
}

/**
 * Phrases that contain a cue word but cue nothing ("fiscal year" is a date, "right back" a
 * direction): the matcher takes their words first so the cue inside them stays silent.
 */
export const NEUTRAL_PHRASES = `fiscal year, right now, right away, right back, all right, in case, of course,
	work out, case study, interest rate of return, front door, front page, draft beer, national park`;

/** Cues per frame code (15 "Other" is the residual dimension and has none). */
export const FRAME_CUES: Readonly<Record<number, FrameCueList>> = {
	1: {
		strong: `economy, economic, economically, economist, gdp, inflation, recession, unemployment,
			taxpayer, tax, wage, salary, profit, revenue, budget, deficit, fiscal, financial, finance,
			stock market, labor market, capitalism, capitalist, trade deficit`,
		typical: `cost, costly, expensive, price, money, dollar, billion, spending, income, earnings,
			investment, investor, business, employer, employment, job, workforce, industry,
			corporation, company, bank, loan, debt, wealth, wealthy, oligarch, profitable,
			working class, market, economics, commerce, commercial, subsidy, funding`,
		weak: `worker, pay, fund, afford, affordable, poor, rich, class, interest, trade`
	},
	2: {
		strong: `backlog, shortage, understaffed, overcrowded, overcrowding, capacity, manpower,
			overwhelmed, lack of resources`,
		typical: `resource, staffing, personnel, strain, strained, supply, influx, surge,
			insufficient, scarce, scarcity, waiting list, wait time, delay, shelter, bed, facility,
			infrastructure, stretched thin`,
		weak: `limited, process, processing, overwhelm, fund, funding, space, staff`
	},
	3: {
		strong: `moral, morally, morality, immoral, ethic, ethics, ethical, unethical, sin, sinful,
			heinous, humane, inhumane, dehumanization, dehumanize, unconscionable, abhorrent,
			righteous, conscience, shameful`,
		typical: `evil, wicked, cruel, cruelty, compassion, compassionate, mercy, decency, dignity,
			duty, shame, disgrace, disgraceful, virtue, god, church, religious, religion,
			faith, christian, bible, egregious, betrayal, betray, abandonment, inhuman, sacred,
			conscientious objector, the right thing`,
		weak: `responsibility, obligation, horrific, brutal, wrong, outrageous, abandon, deserve,
			innocent, honor`
	},
	4: {
		strong: `fairness, unfair, unfairly, inequality, equality, inequity, discrimination,
			discriminate, discriminatory, racism, racist, xenophobia, xenophobic, injustice, unjust,
			double standard, human rights, civil rights, equal rights`,
		typical: `equal, equity, bias, biased, prejudice, privilege, oppress, oppression,
			oppressed, marginalize, marginalized, exploitation, exploit, disparity, arbitrary,
			arbitrarily, inconsistent, inconsistently, favoritism, minority, segregation, justice,
			consistently applied`,
		weak: `right, class, rich, poor, selective, fair`
	},
	5: {
		strong: `unconstitutional, constitution, constitutional, supreme court, court, judge,
			judicial, jurisdiction, lawsuit, litigation, legal, illegal, illegally, legally, lawful,
			unlawful, credible fear, due process, legal status, immigration court, statute`,
		typical: `law, lawyer, attorney, ruling, sue, amendment, asylum, asylum claim, visa,
			green card, citizenship, naturalization, parole, appeal, hearing, eligible, eligibility,
			criterion, qualify, legislation, international law, permanent residency, refugee status,
			legitimate, rule of law`,
		weak: `claim, standard, status, rule, right to, case, determination`
	},
	6: {
		strong: `policy, policies, reform, proposal, call for, policy reversal`,
		typical: `propose, program, initiative, recommend, urge, solution, solve, fix,
			effective, ineffective, failed, failure, reversal, reverse, implement, implementation,
			strategy, strategic, evaluate, evaluation, regulation, ban, suspend, suspension, pause,
			resume, measure, mandate, guideline, overhaul, gun control, background check, regulate,
			restrict, restriction, prohibit, prohibition, deterrent, deterrence, loophole`,
		weak: `should, must, ought, need to, fail, work, approach, outcome, decision, rationale,
			abruptly, move, plan, prevent, reduce, require, requirement, deter`
	},
	7: {
		strong: `crime, criminal, criminality, prison, imprison, imprisonment, jail, jailed,
			detention, detain, detainee, arrest, convict, conviction, punishment, punish, prosecute,
			prosecution, prosecutor, felony, misdemeanor, law enforcement, deportation, deport,
			deportee, smuggling, smuggler, trafficking, trafficker`,
		typical: `police, policing, penalty, offender, gang, cartel, enforcement, custody, raid,
			persecution, torture, illegal immigrant, illegal alien, undocumented, crackdown,
			repression, fugitive`,
		weak: `violence, violent, sentence, charge, sending back, send back, officer, impunity`
	},
	8: {
		strong: `military, militarily, army, troop, soldier, warfare, conscription, conscript,
			mobilization, mobilize, battlefield, front line, frontline, national security,
			border security, invasion, invade, terrorism, terrorist, weapon, missile, nuclear,
			draft dodger, war resister, proxy war, war machine, death toll, defense, defence`,
		typical: `war, security, secure, insecurity, defend, conflict, threat, threaten, terror,
			bomb, battle, combat, draft, enlist, recruit, deserter, veteran, casualty, nato, spy,
			intelligence, ceasefire, offensive, occupation, anti-war, armed, arm, front, regime`,
		weak: `attack, fight, kill, protect, protection, border, peace, danger, enemy, escape,
			flee, forcibly`
	},
	9: {
		strong: `health, healthcare, health care, medical, medicine, hospital, disease, illness,
			pandemic, covid, vaccine, mental health, trauma, traumatic, injury, overdose, addiction,
			sanitation, life-threatening`,
		typical: `doctor, nurse, sick, virus, injured, wound, wounded, maim, unsafe, drug, smoking,
			tobacco, cancer, hunger, famine, suicide, abuse, epidemic, die, death`,
		weak: `risk, life, kill, danger, harm, torture, starve, safety, safe, dangerous, patient`
	},
	10: {
		strong: `quality of life, well-being, wellbeing, livelihood, homelessness, daily life,
			standard of living`,
		typical: `family, child, children, home, education, school, future, life, neighborhood,
			everyday, happiness, comfort, uncertainty, anxiety, stress, dread,
			poverty, homeless, hardship, suffering, plight, opportunity, mobility, freak out, afraid,
			scared, affordable housing, housing crisis, housing cost, cost of living, childcare,
			child care`,
		weak: `fear, hope, struggle, suffer, journey, job, peace, shelter, community, dream`
	},
	11: {
		strong: `culture, cultural, tradition, traditional, heritage, national identity,
			assimilation, assimilate, multicultural, nation of immigrants, american dream,
			patriotism, patriotic, nationalism, nationalist`,
		typical: `identity, value, ethnic, ethnicity, language, diversity, diverse, history,
			historical, belonging, stereotype, patriot, solidarity, brotherhood, kinship, sibling,
			class sibling`,
		weak: `community, people, nation, religion, class`
	},
	12: {
		strong: `public opinion, poll, polling, survey, surveyed, popularity, unpopular, outcry,
			backlash, petition, protester, demonstrator, public support, american people,
			majority of americans, most americans`,
		typical: `protest, demonstration, sentiment, attitude, criticism, critic, constituent,
			grassroots,
			controversy, controversial, outrage, viral, activist, advocate, advocacy, popular,
			social media, public, media, voter`,
		weak: `support, oppose, attention, americans, message, rally`
	},
	13: {
		strong: `political, politically, politics, politician, democrat, republican, gop,
			congress, congressional, senate, senator, lawmaker, legislator, legislature, partisan,
			bipartisan, lobbyist, election, white house, biden administration, trump administration,
			obama administration, socialist, socialism, communist, leftist, far right, far left,
			right-wing, left-wing, presidential`,
		typical: `party, vote, voter, campaign, president, administration, governor, agenda,
			ideology, ideological, lobbying, nra,
			mayor, lobby, conservative, liberal, progressive, authoritarian, dictator, dictatorship,
			democracy, opposition, dissident, dissidence, kremlin, regime, isolationism,
			isolationist, ruling class, capitulate, official`,
		weak: `washington, leader, power, announce, announcement, base, government`
	},
	14: {
		strong: `foreign policy, foreign relations, diplomacy, diplomatic, diplomat, ambassador,
			embassy, treaty, sanction, tariff, nato, united nations, european union, trade agreement,
			geopolitical, geopolitics, imperialism, intervention, reputation, international law`,
		typical: `international, internationally, foreign, alliance, ally, allies, global,
			globally, abroad, overseas, bilateral, multilateral, imperial, rivalry, summit,
			proxy war, credibility, image, superpower, relation, great power`,
		weak: `country, nation, interest, influence, border, world`
	}
};
