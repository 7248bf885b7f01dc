import { describe, expect, it } from 'vitest';
import { sentenceStance } from './stance';

describe('sentenceStance', () => {
	it.each([
		['We stand with Russian war resisters facing deportation.', 'opinion'],
		['As socialists in the United States, we must denounce the violence.', 'opinion'],
		['It shouldn’t take a war in Ukraine to fix the asylum system.', 'opinion'],
		['Socialists must support anyone who refuses to fight.', 'opinion'],
		['The death toll of our class siblings is undeniable.', 'opinion'],
		['Why is the administration deporting them?', 'opinion'],
		['ICE paused deportation flights to Russia.', 'claim'],
		// a name, not the author's voice
		['Tara Reid has entered rehab, her rep confirmed to People and Us Weekly.', 'claim'],
		['The US reported the changes on Dec. 11.', 'claim'],
		// quoted words are somebody else's voice
		['He said “we must go” on Friday.', 'claim'],
		["\" We appreciate your respect , '' the rep tells People .", 'claim'],
		["We appreciate your respect , '' the rep tells People .", 'claim'],
		// tabloid news ends facts with an exclamation mark
		['Lohan has checked out of Betty Ford, but she is not in the clear yet !', 'claim'],
		// "would" and "will" report beliefs and plans, not obligations
		['Many Russians fled, believing they would not be deported.', 'claim']
	])('%s -> %s', (text, stance) => {
		expect(sentenceStance(text)).toBe(stance);
	});
});
