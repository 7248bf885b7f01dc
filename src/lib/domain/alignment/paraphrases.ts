/**
 * A small paraphrase lexicon of everyday news English: words that two reports use
 * interchangeably for one act, thing or role ("fled" / "escaped", "quake" / "tremor", "lawyer" /
 * "attorney", "paused" / "suspended"). Written from general newswire usage, grouped by the kind
 * of story, never from particular articles; each group is a set of near-synonyms in the sense
 * news reports use them, so a match says "same act or thing", not merely "same topic".
 *
 * Left out on purpose: words whose news senses split ("fire": a blaze, to dismiss, to shoot;
 * "strike": a deal, a quake, a labour strike; "check"), reporting verbs (attribution, weighted down apart)
 * and evaluative word pairs whose choice is itself what the framing view compares ("refugee" /
 * "migrant", "regime" / "government").
 */
import { lemmatize } from '../text/tokens';

/** Near-synonym groups; the first word names the group. Written as base forms. */
const GROUPS: readonly string[] = [
	// crime and justice
	'kill slay slaying murder',
	'shoot gunfire',
	'injure injury wound hurt',
	'die death dead perish',
	'arrest detain detention apprehend nab custody',
	'charge indict indictment',
	'prison jail imprison imprisonment incarcerate incarceration',
	'escape flee escapee fugitive',
	'gunman shooter assailant attacker',
	'rob robbery steal theft heist',
	'kidnap abduct abduction',
	'lawyer attorney counsel',
	'police cop policeman',
	'arson arsonist',
	// disasters and accidents
	'earthquake quake tremor temblor',
	'blaze inferno flame',
	'bomb bombing blast explosion explode explosive',
	'crash collision collide',
	'storm hurricane typhoon cyclone',
	'flood flooding inundate',
	// conflict, migration and politics
	'front frontline battlefront battlefield',
	'soldier troop serviceman',
	'army military',
	'draft conscription conscript mobilization mobilize',
	'deport expel expulsion',
	'migrant immigrant emigrant',
	'attack assault raid',
	'protest demonstration rally',
	'protester demonstrator',
	'riot unrest',
	'vote ballot',
	'resign resignation quit',
	// acts and their course
	'pause halt suspend suspension',
	'resume restart resumption',
	'reverse reversal overturn',
	'begin start commence',
	'announce announcement unveil',
	'reveal disclose disclosure',
	'hire appoint appointment rehire',
	'dismiss dismissal sack oust ouster',
	'buy purchase acquire acquisition',
	'offer bid',
	'beat defeat',
	'win victory triumph',
	'help aid assist assistance',
	'quietly discreetly secretly',
	// people, places and things
	'spokesman spokeswoman spokesperson',
	'child kid',
	'doctor physician',
	'actor actress',
	'film movie',
	'award prize',
	'host emcee',
	'rehab rehabilitation',
	'company firm',
	'country nation',
	'home house residence',
	'store shop supermarket',
	'car vehicle automobile',
	'ship vessel boat'
];

/**
 * Lemma → group name, for each word as written and as the project's lemmatiser reduces it. The
 * lemmatiser does not always restore a dropped final e ("injured" → "injur"): that stem joins the
 * group too, so every inflected form of a member finds it.
 */
const GROUP_OF: ReadonlyMap<string, string> = (() => {
	const map = new Map<string, string>();
	for (const line of GROUPS) {
		const words = line.split(' ');
		const head = lemmatize(words[0]);
		for (const w of words) {
			map.set(w, head);
			map.set(lemmatize(w), head);
			if (!w.endsWith('e')) continue;
			for (const form of [w + 'd', w.slice(0, -1) + 'ing']) {
				const l = lemmatize(form);
				if (l === w.slice(0, -1)) map.set(l, head);
			}
		}
	}
	return map;
})();

/**
 * The paraphrase group of a lemma, or undefined when the lexicon does not know it.
 * @example paraphraseGroup('quake') // 'earthquake'
 * @example paraphraseGroup('fire') // undefined: its news senses split
 */
export function paraphraseGroup(lemma: string): string | undefined {
	return GROUP_OF.get(lemma);
}
