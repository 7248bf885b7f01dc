/**
 * User edits to a comparison's themes (rename, merge, split, add, remove), stored per comparison
 * as an ordered log and replayed over the automatic themes. Replaying instead of storing the
 * edited result lets a theme edit survive a new analysis version; an edit whose theme no longer
 * exists is skipped and reported, never applied to a look-alike.
 */
import type { SegmentedArticle } from '../types';
import { measureTheme, slugify, type SharedFactEnds, type Theme } from './theme-measure';

/** One edit of the theme list. Ids are theme ids; new themes get an id from their label. */
export type ThemeEdit =
	| { op: 'rename'; id: string; label: string }
	| { op: 'merge'; ids: string[]; label?: string }
	| { op: 'split'; id: string; terms: string[]; label: string }
	| { op: 'add'; label: string; terms: string[] }
	| { op: 'remove'; id: string };

/** An edit that could not be applied, and why. */
interface IgnoredThemeEdit {
	/** position of the edit in the list given */
	index: number;
	edit: ThemeEdit;
	reason: 'missing-id' | 'empty' | 'not-in-theme';
	/** the ids or terms at fault */
	detail: string[];
}

/** Result of replaying edits: the themes, and the edits that were skipped. */
interface ThemeEditResult {
	themes: Theme[];
	ignored: IgnoredThemeEdit[];
}

const isStringArray = (v: unknown): v is string[] =>
	Array.isArray(v) && v.every((x) => typeof x === 'string');

/**
 * Checks untrusted JSON (a request body, a stored row) and returns a `ThemeEdit` or null.
 * @example parseThemeEdit({ op: 'remove', id: 'draft' }) // { op: 'remove', id: 'draft' }
 */
export function parseThemeEdit(value: unknown): ThemeEdit | null {
	if (typeof value !== 'object' || value === null) return null;
	const v = value as Record<string, unknown>;
	const str = (k: string) => typeof v[k] === 'string';
	switch (v.op) {
		case 'rename':
			return str('id') && str('label')
				? { op: 'rename', id: v.id as string, label: v.label as string }
				: null;
		case 'merge':
			if (!isStringArray(v.ids) || (v.label !== undefined && !str('label'))) return null;
			return v.label === undefined
				? { op: 'merge', ids: v.ids }
				: { op: 'merge', ids: v.ids, label: v.label as string };
		case 'split':
			return str('id') && str('label') && isStringArray(v.terms)
				? { op: 'split', id: v.id as string, terms: v.terms, label: v.label as string }
				: null;
		case 'add':
			return str('label') && isStringArray(v.terms)
				? { op: 'add', label: v.label as string, terms: v.terms }
				: null;
		case 'remove':
			return str('id') ? { op: 'remove', id: v.id as string } : null;
		default:
			return null;
	}
}

/** A theme under edit: its definition, and the measured theme while its terms are unchanged. */
interface Draft {
	id: string;
	label: string;
	terms: string[];
	measured?: Theme;
}

/** An id not used yet: the label's slug, then "-2", "-3"… */
function freshId(label: string, drafts: readonly Draft[]): string {
	const base = slugify(label);
	const taken = new Set(drafts.map((d) => d.id));
	let id = base;
	for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
	return id;
}

const clean = (terms: readonly string[]) => [
	...new Set(terms.map((t) => t.trim()).filter(Boolean))
];

/**
 * Replays edits over the automatic themes, re-measures every theme whose terms changed, and
 * reports the edits it had to skip.
 * @example applyThemeEditsWithReport(auto, [{ op: 'remove', id: 'gone' }], a, b, facts).ignored[0].reason // 'missing-id'
 */
export function applyThemeEditsWithReport(
	auto: readonly Theme[],
	edits: readonly ThemeEdit[],
	a: SegmentedArticle,
	b: SegmentedArticle,
	sharedFacts: readonly SharedFactEnds[]
): ThemeEditResult {
	let drafts: Draft[] = auto.map((t) => ({
		id: t.id,
		label: t.label,
		terms: [...t.terms],
		measured: t
	}));
	const ignored: IgnoredThemeEdit[] = [];
	const find = (id: string) => drafts.find((d) => d.id === id);
	edits.forEach((edit, index) => {
		const skip = (reason: IgnoredThemeEdit['reason'], detail: string[]) =>
			ignored.push({ index, edit, reason, detail });
		const ids = edit.op === 'merge' ? [...new Set(edit.ids)] : 'id' in edit ? [edit.id] : [];
		const missing = ids.filter((id) => !find(id));
		if (missing.length) return skip('missing-id', missing);
		switch (edit.op) {
			case 'rename': {
				const label = edit.label.trim();
				if (!label) return skip('empty', ['label']);
				const d = find(edit.id)!;
				d.label = label;
				if (d.measured) d.measured = { ...d.measured, label };
				return;
			}
			case 'remove':
				drafts = drafts.filter((d) => d.id !== edit.id);
				return;
			case 'merge': {
				if (ids.length < 2) return skip('empty', ids);
				const parts = ids.map((id) => find(id)!);
				const first = parts[0];
				const label = edit.label?.trim() || parts.map((p) => p.label).join(' + ');
				const merged: Draft = { id: first.id, label, terms: clean(parts.flatMap((p) => p.terms)) };
				drafts = drafts.flatMap((d) => (d === first ? [merged] : parts.includes(d) ? [] : [d]));
				return;
			}
			case 'split': {
				const label = edit.label.trim();
				const d = find(edit.id)!;
				const own = new Map(d.terms.map((t) => [t.toLowerCase(), t]));
				const moving = clean(edit.terms);
				const foreign = moving.filter((t) => !own.has(t.toLowerCase()));
				if (foreign.length) return skip('not-in-theme', foreign);
				if (!label || moving.length === 0) return skip('empty', label ? ['terms'] : ['label']);
				const moved = new Set(moving.map((t) => t.toLowerCase()));
				const rest = d.terms.filter((t) => !moved.has(t.toLowerCase()));
				const split: Draft = {
					id: freshId(label, drafts),
					label,
					terms: moving.map((t) => own.get(t.toLowerCase())!)
				};
				// splitting every term out leaves nothing behind: the new theme takes the old one's place
				drafts = drafts.flatMap((x) =>
					x !== d ? [x] : rest.length ? [{ id: d.id, label: d.label, terms: rest }, split] : [split]
				);
				return;
			}
			case 'add': {
				const label = edit.label.trim();
				const terms = clean(edit.terms);
				if (!label || terms.length === 0) return skip('empty', label ? ['terms'] : ['label']);
				drafts.push({ id: freshId(label, drafts), label, terms });
				return;
			}
		}
	});
	const themes = drafts.map((d) => d.measured ?? measureTheme(d, a, b, sharedFacts));
	return { themes, ignored };
}

/**
 * Replays edits over the automatic themes (skipped edits: see `applyThemeEditsWithReport`).
 * @example applyThemeEdits(auto, [{ op: 'rename', id: 'draft', label: 'Conscription' }], a, b, facts)[0].label // 'Conscription'
 */
export function applyThemeEdits(
	auto: readonly Theme[],
	edits: readonly ThemeEdit[],
	a: SegmentedArticle,
	b: SegmentedArticle,
	sharedFacts: readonly SharedFactEnds[]
): Theme[] {
	return applyThemeEditsWithReport(auto, edits, a, b, sharedFacts).themes;
}
