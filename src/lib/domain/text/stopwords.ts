/**
 * English stopwords, stored as lemmas (the output of `lemmatize`), so "was", "is" and "been" all
 * fall under "be". Kept small and function-word only: content words such as "war" or "people"
 * must survive, because shared facts between two articles are found through them.
 * wink-nlp's stop-word flag is no substitute: on the seeds it marks 26 forms this list keeps,
 * among them "two", "first", "part", "take", "made", "used", "move" and "call" (numbers and acts
 * that shared facts are found through); this list marks 4 wink keeps ("away", "let", "like",
 * "getting").
 */

const STOPWORD_LIST = `
a about above after again against all almost along already also although always am among an and
another any anyone anything are around as at away back be because before behind below beneath
beside besides between beyond both but by can can't cannot could couldn't did didn't do does
doesn't don't down during each either else enough etc even ever every everyone everything few for
from further get had hadn't hasn't have haven't he her here hers herself him himself his how
however i if in indeed inside into is isn't it its itself just least less let like many may me
might mine more most much must mustn't my myself near neither never no nobody none nor not nothing
now of off often on once one only onto or other others otherwise our ours ourselves out outside
over own per perhaps quite rather really same several shall shan't she should shouldn't since so
some somebody someone something sometimes somewhat soon still such than that the their theirs them
themselves then there therefore these they this those though through throughout thus to together
too toward towards under unless until up upon us very via was wasn't we well were weren't what
whatever when whenever where whereas wherever whether which while who whoever whole whom whose why
will with within without won't would wouldn't yet you your yours yourself yourselves
`;

const STOPWORDS: ReadonlySet<string> = new Set(STOPWORD_LIST.split(/\s+/).filter(Boolean));

/**
 * True when a lemma is an English function word that carries no topic of its own.
 * @example isStopword('be') // true
 * @example isStopword('deportation') // false
 */
export function isStopword(lemma: string): boolean {
	return STOPWORDS.has(lemma);
}
