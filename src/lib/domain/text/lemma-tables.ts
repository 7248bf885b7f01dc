/**
 * Word lists for the rule-based lemmatiser: irregular forms and words the suffix rules would
 * otherwise damage. Lists, not code, so they can grow without touching the rules.
 */

/** Parses "form:lemma form:lemma ..." into a map. */
function pairs(list: string): ReadonlyMap<string, string> {
	const map = new Map<string, string>();
	for (const pair of list.split(/\s+/)) {
		if (!pair) continue;
		const [form, lemma] = pair.split(':');
		map.set(form, lemma);
	}
	return map;
}

/** Parses a whitespace-separated word list into a set. */
function words(list: string): ReadonlySet<string> {
	return new Set(list.split(/\s+/).filter(Boolean));
}

/** Irregular inflections (verbs, nouns, pronoun-like forms) mapped to their base form. */
export const IRREGULAR = pairs(`
am:be is:be are:be was:be were:be been:be being:be
has:have had:have having:have does:do did:do done:do doing:do goes:go went:go gone:go
fled:flee fleeing:flee flees:flee made:make said:say says:say got:get gotten:get took:take
taken:take came:come gave:give given:give knew:know known:know saw:see seen:see thought:think
told:tell found:find left:leave felt:feel kept:keep brought:bring bought:buy began:begin
begun:begin ran:run held:hold stood:stand understood:understand wrote:write written:write
spoke:speak spoken:speak chose:choose chosen:choose fell:fall fallen:fall lost:lose paid:pay
met:meet sent:send built:build spent:spend led:lead fought:fight caught:catch taught:teach
sought:seek sold:sell won:win heard:hear meant:mean lay:lie lain:lie lying:lie dying:die
tying:tie drove:drive driven:drive rose:rise risen:rise broke:break broken:break forgot:forget
forgotten:forget grew:grow grown:grow threw:throw thrown:throw drew:draw drawn:draw flew:fly
flown:fly wore:wear worn:wear hid:hide hidden:hide struck:strike sat:sit slept:sleep
shot:shoot fed:feed bled:bleed bred:breed sped:speed withdrew:withdraw withdrawn:withdraw
overcame:overcome undertook:undertake undertaken:undertake arose:arise arisen:arise
forbade:forbid forbidden:forbid swore:swear sworn:swear tore:tear torn:tear beaten:beat
bore:bear borne:bear ate:eat eaten:eat froze:freeze frozen:freeze shook:shake shaken:shake
stole:steal stolen:steal woke:wake woken:wake rode:ride ridden:ride sang:sing sung:sing
swam:swim swum:swim dealt:deal dug:dig hung:hang lent:lend bent:bend sank:sink sunk:sink
slid:slide stuck:stick struck:strike sprang:spring sprung:spring wept:weep fled:flee
children:child men:man women:woman people:people feet:foot teeth:tooth mice:mouse geese:goose
oxen:ox lives:life wives:wife knives:knife wolves:wolf halves:half selves:self shelves:shelf
thieves:thief leaves:leave loaves:loaf calves:calf elves:elf crises:crisis analyses:analysis
theses:thesis hypotheses:hypothesis diagnoses:diagnosis bases:base criteria:criterion
phenomena:phenomenon media:media data:data indices:index appendices:appendix
better:good best:good worse:bad worst:bad
shoes:shoe toes:toe canoes:canoe foes:foe
`);

/** Words ending in -s that are not plurals or third-person forms. */
export const KEEP_S = words(`
news series species means always perhaps whereas towards afterwards besides sometimes
nevertheless lens chaos cosmos ethos pathos kudos atlas alias canvas gas bias yes thus plus
bus status campus virus census consensus bonus corpus focus us its this his has was as is
ours yours hers theirs overseas headquarters physics politics economics ethics mathematics
statistics tactics dynamics logistics analytics thanks whereas various serious anxious
previous obvious famous nervous numerous dangerous enormous religious conscious tremendous
unanimous ambitious generous gorgeous hazardous notorious outrageous precious spacious
suspicious vicious glorious curious jealous ridiculous
`);

/** Words ending in -ed that are not past forms. */
export const KEEP_ED = words(`
hundred sacred naked wicked hatred kindred wretched embed rugged ragged crooked beloved
need speed proceed exceed succeed feed bleed breed seed weed greed deed heed reed indeed
steed creed tweed
`);

/** Words ending in -ing that are not present participles. */
export const KEEP_ING = words(`
nothing something anything everything morning evening during ceiling wedding pudding herring
lightning sibling darling thing king bring string spring sling sting swing wing ring sing
cling fling wring ping viking beijing wyoming jinping awning inkling shilling farthing
`);

/** Stems whose final double consonant is part of the base form ("added" -> "add"). */
export const KEEP_DOUBLE = words(`add odd err ebb egg purr butt buzz fizz putt inn`);

/** Stems that take back a final e although the general rules would not add it. */
export const RESTORE_E = words(`
create recreate procreate unite invite recite ignite excite incite expedite write bite spite
site cite quite escape shape scrape drape tape age promote devote quote denote demote emote
complete compete delete deplete ignore restore explore adore deplore implore intervene convene
contravene postpone condone telephone atone dethrone become overcome welcome describe prescribe
subscribe inscribe guide elude
`);

/** Stems with an E_LOST_AFTER ending (see lemma.ts) that are base forms as they are. */
export const KEEP_STEM = words(`debut murmur sugar collar pillar vinegar cellar chagrin`);

/** Stems ending in -s or -z that take no final e ("focused" -> "focus"). */
export const NO_E_AFTER_S = words(`focus bias gas canvas bus`);
