/**
 * Whether a noun names people: a group's naming ("migrants", "war resisters") is told from an
 * institution's ("government"), and a person is never another naming of a thing.
 */
import type { TaggedToken } from './pos';

/**
 * Nouns for people that carry no agentive suffix; with the suffixes below they tell a naming of
 * a group ("migrants", "war resisters") from a naming of an institution ("government", "army").
 */
const PEOPLE_NOUNS = new Set(
	`man men woman women people person individual citizen refugee troop soldier family child
	children worker national dissident resident student opponent civilian victim sibling brother
	sister comrade youth crowd population community actress star celebrity icon girl boy teen
	teenager suspect gunman spokesman spokeswoman wife husband mother father son daughter rep
	boss chief coach pilot captain crew guard police attorney agent official officer president
	candidate politician critic expert judge nurse friend relative fan`.split(/\s+/)
);

/** Agentive suffixes: resister, protester, migrant, activist, detainee. */
const AGENTIVE = /(?:er|or|ist|ant|ee)s?$/u;

/** True when a noun names people ("migrants", "war resisters", "individuals"). */
export function namesPeople(t: TaggedToken): boolean {
	const w = t.text.toLowerCase();
	return PEOPLE_NOUNS.has(t.lemma) || PEOPLE_NOUNS.has(w) || (AGENTIVE.test(w) && w.length > 5);
}
