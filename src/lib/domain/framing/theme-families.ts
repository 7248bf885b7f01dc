/**
 * Families of related English words (semantic fields) that seed theme discovery: two terms of
 * one family are related even when a short article never puts them in the same sentence.
 * General vocabulary, written for this project; not tied to any article. Base forms, comma
 * separated; phrases allowed. A word may sit in several families ("kill": war, harm).
 */

/** Semantic fields, each a name and its words. */
export const THEME_FAMILIES: readonly { name: string; words: string }[] = [
	{
		name: 'war and the military',
		words: `war, warfare, army, military, troop, soldier, draft, conscription, conscript,
			mobilization, mobilize, front, frontline, front line, battlefield, battle, combat,
			invasion, invade, weapon, enlist, recruit, deserter, veteran, offensive, armed, arm,
			defense, missile, bomb, ceasefire, occupation, war machine, proxy war, proxy-war,
			war effort, fight, general, commander, navy, air force, militia, draft dodger`
	},
	{
		name: 'migration and borders',
		words: `immigration, immigrant, migrant, migration, emigrate, emigration, asylum,
			asylum seeker, asylum-seeker, refugee, deportation, deport, deportee, border, visa, ice,
			citizenship, resettle, resettlement, sanctuary, exile, expel, expulsion, undocumented,
			southern border, border patrol, green card, naturalization, newcomer, diaspora,
			deportation flight, immigration policy, asylum system`
	},
	{
		name: 'law and courts',
		words: `law, legal, illegal, court, judge, lawyer, attorney, constitution, constitutional,
			legal status, claim, criterion, qualify, hearing, appeal, lawsuit, ruling, statute,
			credible fear, due process, jurisdiction, legislation, rights, right, eligible,
			determination, legally, lawful, unlawful, regulation`
	},
	{
		name: 'crime, police and punishment',
		words: `crime, criminal, prison, imprison, imprisonment, jail, detention, detain, detainee,
			arrest, police, punish, punishment, custody, convict, prosecute, prosecutor, raid,
			enforcement, law enforcement, offender, sentence, penalty, smuggler, trafficking`
	},
	{
		name: 'government and politics',
		words: `government, administration, president, presidential, congress, lawmaker,
			legislator, senate, senator, party, election, vote, voter, politician, political,
			politics, regime, authoritarian, dictator, democracy, white house, official, kremlin,
			democrat, republican, campaign, governor, minister, parliament, policy, biden
			administration, ruling party, opposition`
	},
	{
		name: 'economy, class and capital',
		words: `economy, economic, capitalism, capitalist, class, working class, worker, labor,
			labour, wage, money, profit, oligarch, wealth, wealthy, poverty, poor, rich, market,
			business, corporation, company, industry, tax, budget, cost, price, income, job,
			employer, employment, union, ruling class, bourgeois, exploitation, interest`
	},
	{
		name: 'international relations',
		words: `international, foreign, foreign policy, diplomacy, diplomatic, diplomat, sanction,
			nato, alliance, ally, global, imperialism, imperial, imperialist, intervention,
			geopolitics, geopolitical, treaty, united nations, embassy, ambassador, superpower,
			rivalry, empire, world, bloc, isolationism`
	},
	{
		name: 'protest, dissent and solidarity',
		words: `protest, protester, dissident, dissidence, dissent, resist, resistance, resister,
			war resister, refuse, solidarity, strike, activist, anti-war, oppose, opposition,
			rally, demonstration, denounce, fraternize, boycott, movement, organize, unite, uprising,
			conscientious objector, socialist, socialism, comrade`
	},
	{
		name: 'oppression and rights',
		words: `oppress, oppression, oppressed, repression, repress, xenophobia, xenophobic, racism,
			racist, discrimination, dehumanization, dehumanize, injustice, equality, inequality,
			human rights, persecution, persecute, marginalize, exploitation, abuse, tyranny,
			freedom, liberty, dignity`
	},
	{
		name: 'fear and uncertainty',
		words: `fear, dread, anxiety, panic, scared, afraid, worry, uncertainty, freak, hope,
			startle, shock, terror, threat, threaten, danger, dangerous, risk, unsafe, insecurity,
			trap`
	},
	{
		name: 'death, harm and violence',
		words: `death, die, kill, maim, injury, injure, wound, casualty, life-threatening,
			violence, violent, brutal, brutality, horrific, massacre, murder, torture, suffering,
			death toll, meat grinder, bloodshed, harm, victim`
	},
	{
		name: 'family, home and daily life',
		words: `family, child, children, home, mother, father, wife, husband, son, daughter,
			sibling, community, neighbor, friend, house, housing, school, everyday, daily life,
			future, livelihood`
	},
	{
		name: 'media and news',
		words: `media, news, journalist, journalism, press, newspaper, reporter, coverage,
			interview, headline, social media, tweet, commentary, announcement, announce, report,
			broadcast, editorial, publication`
	},
	{
		name: 'travel and journeys',
		words: `travel, journey, flight, airport, boat, ship, train, route, cross, crossing,
			trajectory, ocean, sea, road, trip, passport, halfway, traveler`
	},
	{
		name: 'health and medicine',
		words: `health, healthcare, health care, medical, medicine, hospital, doctor, nurse,
			disease, illness, sick, virus, pandemic, vaccine, mental health, trauma, patient, drug,
			treatment, care`
	},
	{
		name: 'morality and values',
		words: `moral, morality, immoral, ethic, ethical, heinous, humane, inhumane, evil, cruel,
			cruelty, compassion, mercy, decency, duty, shame, shameful, egregious, conscience,
			betrayal, abandonment, value, virtue, righteous, religion, faith, god, church`
	},
	{
		name: 'environment and climate',
		words: `climate, environment, environmental, emission, carbon, pollution, energy, oil,
			gas, fossil fuel, renewable, warming, drought, flood, wildfire, species, nature`
	},
	{
		name: 'education and science',
		words: `education, school, student, teacher, university, college, science, scientist,
			research, study, learning, classroom, curriculum, degree`
	},
	{
		name: 'technology and the internet',
		words: `technology, internet, online, digital, electronic, software, data, computer,
			platform, app, algorithm, network, messaging, surveillance, artificial intelligence`
	},
	{
		name: 'identity, culture and nation',
		words: `culture, cultural, identity, tradition, heritage, language, ethnic, ethnicity,
			nationality, national, nation, patriotism, nationalism, homeland, citizen, belonging,
			race, gender, religion`
	}
];
