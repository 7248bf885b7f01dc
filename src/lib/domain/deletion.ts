/**
 * Deleting a thing a reader made (a comparison, a class room): the typed confirmation that
 * guards it, and for a comparison which stored rows go with it. Article versions are shared
 * (an unchanged side of an edit-as-a-copy is the same row, an import can reuse a row, an edit
 * points at the version it replaced), so what goes is worked out here from plain ids and
 * hashes; the server reads them and deletes what this says, in one transaction.
 */

/** Case, spacing and surrounding blanks aside: "  Period  5 " confirms "period 5". */
function fold(s: string): string {
	return s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

/** Whether `typed` confirms deleting the thing titled `title`: its title or the word "delete". */
export function confirmsDeletion(typed: string, title: string): boolean {
	const t = fold(typed);
	return t !== '' && (t === fold(title) || t === 'delete');
}

/** What a reader is asked to type, and told again when what they typed does not confirm. */
export function confirmationRequest(noun: string, title: string): string {
	return `Type the ${noun}’s title (${title}) or the word delete to confirm.`;
}

/** An article version as deletion sees it: its id and the version it replaced. */
export interface VersionLink {
	id: string;
	previousId: string | null;
}

/**
 * The versions of a deleted comparison's `family` (its two versions and every version linked to
 * them by edits, either way) that go: all except those something that stays still needs
 * (`needed`: versions other comparisons show or their annotations point at) and the versions
 * those replaced, which their history names. The rest (its own history, a version a reverted
 * edit left behind) would be rows nothing reaches.
 */
export function versionsToDelete(
	family: readonly VersionLink[],
	needed: Iterable<string>
): Set<string> {
	const previous = new Map(family.map((v) => [v.id, v.previousId]));
	const kept = new Set<string>();
	for (let id of needed) {
		// walk back until a version already kept: its history is kept with it
		while (previous.has(id) && !kept.has(id)) {
			kept.add(id);
			const before = previous.get(id);
			if (!before) break;
			id = before;
		}
	}
	return new Set(family.map((v) => v.id).filter((id) => !kept.has(id)));
}

/** A cached analysis: the ordered pair of content hashes (and engine version) it is for. */
export interface AnalysisKey {
	aHash: string;
	bHash: string;
	engineVersion: string;
}

/**
 * The cached analyses to delete with a comparison: those of a text no stored version has any
 * more (`gone` hashes: nothing can ask for them, and they quote the deleted text), and those of
 * its own pair of texts unless a comparison that stays shows the same pair (`shown`, as "a b").
 * Pairs of texts that stay (another comparison's history) are another comparison's cache.
 */
export function analysesToDelete(
	cached: readonly AnalysisKey[],
	gone: ReadonlySet<string>,
	own: { aHash: string; bHash: string },
	shown: ReadonlySet<string>
): AnalysisKey[] {
	return cached.filter(
		(k) =>
			gone.has(k.aHash) ||
			gone.has(k.bHash) ||
			(k.aHash === own.aHash && k.bHash === own.bHash && !shown.has(`${k.aHash} ${k.bHash}`))
	);
}
