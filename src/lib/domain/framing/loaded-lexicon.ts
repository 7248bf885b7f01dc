/**
 * Lexicon of loaded wording: words a writer uses to pass judgement while seeming to report.
 * Written for this project from general knowledge of English news and opinion writing (no list
 * taken from an annotated corpus). Data only, so a teacher's addition needs no code.
 *
 * Each group shares a kind, a strength and the sentence that explains it to a reader. Entries are
 * comma-separated base forms ("slam", "lash out"); the matcher adds the inflections (slams,
 * slammed, slamming). `word>alternative` names a neutral word the explanation can offer.
 * `strong` wording is evaluative in nearly every use; `mild` wording is evaluative in most uses
 * and is dropped first when an article has more than its share.
 */

/** What kind of loaded wording a group is. */
export type LoadedKind = 'saying' | 'loaded' | 'intensifier' | 'label' | 'scare-quote';

/** A group of entries that share a kind, a strength and an explanation. */
export interface LoadedGroup {
	kind: Exclude<LoadedKind, 'scare-quote'>;
	strength: 'strong' | 'mild';
	/**
	 * The explanation: `{w}` is the words as written, `{alt}` the entry's neutral alternative
	 * (groups whose entries have none say what a neutral report would do instead).
	 */
	why: string;
	entries: string;
	/**
	 * Verbs whose noun is everyday news ("a blast", "a slam dunk"): only their verb forms count
	 * (-ed, -ing, or -s after a word that cannot be a determiner).
	 */
	verbOnly?: boolean;
}

/** The groups, strongest evidence first. */
export const LOADED_GROUPS: readonly LoadedGroup[] = [
	{
		kind: 'saying',
		strength: 'strong',
		verbOnly: true,
		why: '“{w}” reports what someone said as an attack; a neutral report would say “criticised” or “said”.',
		entries: `slam, blast, bash, rip, trash, hammer, savage, skewer, torch`
	},
	{
		kind: 'saying',
		strength: 'strong',
		why: '“{w}” reports what someone said as an attack; a neutral report would say “criticised” or “said”.',
		entries: `lambaste, excoriate, castigate, deride, berate, vilify, pillory, demonize, demonise,
			lash out, rail against, tear into, rip into, hit out, lay into, sneer, scoff, jeer, taunt,
			mock, ridicule, belittle, disparage, denigrate, badmouth, browbeat, harangue, scold,
			chide, rebuke, fire back, lash back, snipe, sneer at, cry foul`
	},
	{
		kind: 'saying',
		strength: 'strong',
		why: '“{w}” mocks the way someone speaks; a neutral report would say “said”.',
		entries: `whine, gripe, moan, rant, rave, spew, spout, blather, babble, bluster, bleat, crow,
			gloat, brag, boast, preen, shriek, screech, howl, snarl, fume, seethe, parrot, peddle,
			tout, trumpet, crow about, gush, grumble, whinge, lecture, preach, sermonize, pontificate`
	},
	{
		kind: 'saying',
		strength: 'mild',
		why: '“{w}” suggests the speaker gave up a truth they had tried to hide; a neutral report would say “said”.',
		entries: `admit, concede, confess, acknowledge defeat, own up, cave, backpedal, walk back,
			flip-flop`
	},
	{
		kind: 'saying',
		strength: 'mild',
		why: '“{w}” says the speaker avoided the question, a verdict on how they answered; a neutral report would quote the answer.',
		entries: `sidestep, deflect, stonewall, stammer, ramble, backtrack, u-turn`
	},
	{
		kind: 'saying',
		strength: 'mild',
		verbOnly: true,
		why: '“{w}” casts doubt on what was said before the reader can judge it; a neutral report would say “said”.',
		entries: `claim, purport, contend, profess, downplay, gaslight, spin, brush off,
			shrug off`
	},
	{
		kind: 'loaded',
		strength: 'mild',
		why: '“{w}” casts doubt on what follows before the reader can judge it.',
		entries: `supposedly, purportedly, ostensibly, dubiously`
	},
	{
		kind: 'label',
		strength: 'strong',
		why: '“{w}” labels people or a group instead of describing what they do or think.',
		entries: `hard-left, hard-right, ultra-left, ultra-right, alt-left, hard left, hard right,
			radical left, radical right, extreme left, extreme right, loony left, leftist,
			left-winger, right-winger,
			illegal alien, illegals, anchor baby, pro-abortion, baby killer, abortionist,
			gun grabber, gun nut, climate denier, science denier, climate alarmist, snowflake,
			libtard, feminazi, globalist, lamestream, fake news, rino, social justice warrior, sjw,
			open-borders, open borders, nanny state, welfare queen, tax-and-spend, bleeding-heart, race-baiting, race-baiter,
			job-killing, death tax, death panel, anti-american, un-american, unpatriotic, traitor,
			commie, fascist, nazi, jihadist, thug, goon, henchman, crony, stooge, lackey, shill,
			apologist, propagandist, demagogue, tyrant, despot, zealot, fanatic, extremist, bigot,
			agitator, rabble-rouser, crackpot, lunatic, nutjob, nut job, loon, idiot, moron, clown,
			buffoon, liar, grifter, con man, con artist, huckster, charlatan, crook, mob, horde,
			invaders, chain migration, super-predator, minions, acolytes, sycophant, toady, flunky,
			mouthpiece, puppet, hack job, hatchet job, hit piece, kangaroo court, show trial,
			police state, banana republic, cancel culture, mob rule, dog whistle, race card,
			cabal, elitist, elites, cult, radicals`
	},
	{
		kind: 'label',
		strength: 'mild',
		why: '“{w}” is a label that one side uses for the other; a neutral report names the group as it names itself.',
		entries: `far-left, far-right, far left, far right, alt-right, democrat party, mainstream media,
			deep state, dictator, strongman, autocrat`
	},
	{
		kind: 'loaded',
		strength: 'strong',
		why: '“{w}” tells the reader what to think of it before showing why; the judgement is the writer’s.',
		entries: `phony, phoney, bogus, sham, fraudulent, disastrous, disastrously, catastrophic,
			outrageous, outrageously, shameful, shamefully, disgraceful, disgracefully, despicable,
			deplorable, vile, heinous, abhorrent, atrocious, appalling, egregious, egregiously,
			ridiculous, ridiculously, absurd, absurdly, ludicrous, preposterous, laughable, laughably,
			bizarre, bizarrely, insane, crazy, unhinged, deranged, hysterical, hysterically, idiotic,
			moronic, stupid, stupidly, dumb, pathetic, pathetically, incompetent, inept, corrupt,
			crooked, dishonest, dishonestly, deceitful, duplicitous, hypocritical, hypocrite,
			hypocrisy, sleazy, shady, sinister, nefarious, evil, wicked, monstrous, barbaric,
			draconian, reckless, recklessly, rabid, fanatical, divisive, inflammatory, incendiary,
			hateful, bigoted, bigotry, xenophobic, misogynistic, toxic, notorious, notoriously,
			infamous, infamously, baseless, unfounded, debunked, discredited, spurious, specious,
			self-proclaimed, self-styled, horrendous, disgusting, revolting, sickening, obscene,
			grotesque, embattled, beleaguered, hapless, shambolic, botched, bungled, woke,
			tyrannical, dictatorial, totalitarian, orwellian, cowardly, spineless, greedy, arrogant,
			smug, condescending, petty, vindictive, paranoid, delusional, brazen, brazenly, blatant,
			flagrant, flagrantly, shameless, shamelessly, cynical, cynically, opportunistic,
			manipulative, exorbitant, wasteful, bloated, ruinous, callous, callously, ruthless,
			ruthlessly, vicious, viciously, savagely, cravenly, craven, slick, cushy, lavish,
			extremism, radicalism, fanaticism, demagoguery, cronyism, thuggery, outlandish, asinine,
			half-baked, harebrained, nutty, wacky, kooky, loony, shrill, strident, bombastic,
			sanctimonious, self-righteous, insufferable, repugnant, odious, loathsome,
			reprehensible, contemptible, detestable, repulsive, nauseating, pernicious, insidious,
			malicious, malevolent, spiteful, venal, mendacious, disingenuous, two-faced,
			treacherous, sneaky, underhanded, devious, scheming, conniving, unscrupulous, predatory,
			rapacious, parasitic, feckless, clueless, bumbling, blundering, senile, demented,
			petulant, thin-skinned, whiny, snarky, gleeful, gleefully, nightmarish, hellish,
			heavy-handed, iron-fisted, jackbooted, thuggish, sordid, seedy, tawdry, lurid,
			salacious, sensationalist, abysmal, woeful, woefully, shoddy, slavishly, mindlessly,
			blindly, cesspool, hellhole, hellscape, swamp, gravy train, pork-barrel, pork barrel,
			corporate welfare, backroom deal, sweetheart deal, kickback, shakedown, racket,
			clown show, circus, sideshow, freak show, shambles`
	},
	{
		kind: 'loaded',
		strength: 'strong',
		why: '“{w}” names it with a verdict; a neutral report would describe what happened.',
		entries: `smear>criticism, scheme>plan, ploy>move, stunt>event,
			gimmick>measure, charade, farce, travesty, hoax, witch hunt>investigation,
			propaganda>statements, tirade>speech, rant>speech, screed>article, diatribe>speech,
			meltdown, tantrum, fiasco, debacle, boondoggle>programme, handout>payment,
			slush fund, power grab, land grab, bloodbath, onslaught, fearmongering, fear-mongering,
			scaremongering, alarmism, grandstanding, virtue signaling, virtue signalling,
			pandering, whitewash, cover-up, indoctrination, brainwashing, vitriol, venom,
			nonsense, drivel, claptrap, hogwash, baloney, garbage, lies>statements,
			falsehood>statement, conspiracy theory, conspiracy theorist, so-called`
	},
	{
		kind: 'loaded',
		strength: 'strong',
		why: '“{w}” describes the act with a verdict on it; a neutral report would use a plainer verb.',
		entries: `gut>weaken, ram through>pass, jam through>pass, squander>spend,
			splurge>spend, plunder>take, hijack>take over, weaponize>use, weaponise>use,
			sabotage>obstruct, cripple>hurt, trample>override, flout>ignore, meddle>intervene,
			strong-arm>pressure, bully>pressure, coerce>pressure, dupe>mislead, hoodwink>mislead,
			brainwash>persuade, prey on>target, scapegoat>blame, stonewall>refuse, rig>influence,
			cook up>prepare, concoct>prepare, fabricate, exploit>use, pander>appeal, kowtow>defer,
			capitulate>give in, cave in>give in`
	},
	{
		kind: 'loaded',
		strength: 'mild',
		why: '“{w}” judges rather than describes; a neutral report would let the facts carry the weight.',
		entries: `fake, catastrophe, shocking, shockingly, stunning, alarming, horrific, horrifying,
			terrible, terribly, awful, horrible, dreadful, brutal, cruel, cruelly, inhumane, racist,
			homophobic, irresponsible, regime>government,
			chaotic, chaos, disaster, doomed, scandal, scandalous,
			obsession, obsessed, hatred, lawless, lawlessness,
			anarchy, slaughter, carnage, devastating, crippling, punishing, harsh, lax, selfish,
			lazy, naive, naively, foolish, foolishly, falsely, wrongly, conveniently, elite, dubious,
			questionable, gaffe, blunder, flop, mess, giveaway, oppressive, repressive, dire, grim,
			ominous, chilling, terrifying, apocalyptic, doomsday, nightmare, deceptive,
			sensational, embarrassing, humiliating, miserable, dismal`
	},
	{
		kind: 'intensifier',
		strength: 'mild',
		why: '“{w}” turns up the volume without adding a fact.',
		entries: `utterly, absolutely, extremely, incredibly, unbelievably, insanely, wildly,
			massively, enormously, staggeringly, staggering, astonishingly, astounding, outright,
			downright, patently, grossly, deeply flawed, wholly, thoroughly, blatantly, flatly,
			categorically, unprecedented, unabashedly, unapologetically, relentlessly, relentless,
			mind-boggling, jaw-dropping, whopping, sheer, hugely, painfully, awfully, horribly, immensely,
			tremendously, breathtakingly, eye-popping, eye-watering, colossal, monumental`
	}
];

/**
 * Adjectives that are loaded only as labels for people or groups ("dangerous demagogue",
 * "violent mob"); alone they are often plain description ("dangerous roads").
 */
export const BEFORE_PEOPLE_ONLY = `dangerous, violent, angry, failed, extreme, radical, militant,
	hardline, hard-line, disgraced, fringe, rogue, aggressive`;

/**
 * Nouns that name a harm or a wrong: after a loaded adjective they are part of the verdict
 * ("heinous attack", "cruel treatment"), so the two words are marked as one piece of wording.
 */
export const EVALUATED_NOUNS = `attack, assault, crime, abuse, betrayal, cruelty, injustice, atrocity,
	crackdown, persecution, violence, treatment, act, lie, failure, mistake, decision`;
/**
 * Words of kinship and fellowship: used for people who are not family ("our class siblings",
 * "party comrades") they ask the reader to side with a group, so a noun before one is a label.
 */
export const KINSHIP_WORDS = `sibling, brother, sister, brethren, comrade, kin, kinsman, kinsmen`;

/** Words for people and groups: a loaded adjective before one of them is a label. */
export const PEOPLE_WORDS = `man, men, woman, women, people, person, leader, politician, president,
	senator, congressman, congresswoman, lawmaker, legislator, activist, protester, protestor,
	group, party, crowd, left, right, democrat, republican, liberal, conservative, progressive,
	socialist, supporter, follower, base, ideologue, candidate, administration, government,
	figure, critic, element, member, voter, immigrant, migrant, alien, student, mob, movement,
	faction, wing, left-winger, right-winger, leftist, official, governor, mayor, judge, lobby,
	organization, organisation, regime, demagogue, dictator, agitator, extremist, zealot,
	fanatic, ideologue, minority, majority`;

/**
 * Verbs of saying and attributing that introduce a quotation: a quoted phrase after (or before)
 * one is a reported utterance, not a scare quote.
 */
export const QUOTE_INTRODUCERS = `say, said, says, saying, tell, told, tells, add, added, adds,
	note, noted, notes, write, wrote, writes, written, ask, asked, asks, reply, replied, respond,
	responded, declare, declared, state, stated, explain, explained, call, called, calls, calling,
	dub, dubbed, term, termed, label, labeled, labelled, describe, described, name, named, titled,
	entitled, headline, headlined, chant, chanted, tweet, tweeted, post, posted, read, reads,
	according, quote, quoted, word, words, phrase, term, slogan, motto, known as,
	as, than, like, claim, claimed, insisted, argued, warned, vowed, wrote, put it`;
