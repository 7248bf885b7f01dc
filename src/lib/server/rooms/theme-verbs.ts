import type { ThemeEdit } from '../../domain/framing';
import { actorOf, type RoomDeps } from './annotation-verbs';
import { requireTeacher, type Membership } from './rooms';
import { themeEdits } from '../annotations';

// The room's themes: every member reads the edits, only the teacher makes or undoes them.

/** The room's theme edits (the teacher's), which every member reads. */
export async function listThemeEdits(deps: RoomDeps, m: Membership): Promise<ThemeEdit[]> {
	return themeEdits.list(deps.db, actorOf(deps, m), m.room.comparisonId);
}

/** The teacher appends a theme edit of the room; everyone gets `theme-edits.changed`. */
export async function addThemeEdit(
	deps: RoomDeps,
	m: Membership,
	raw: unknown
): Promise<ThemeEdit[]> {
	requireTeacher(m);
	return themeEdits.add(deps.db, actorOf(deps, m), m.room.comparisonId, raw);
}

/** The teacher undoes the room's last theme edit (404 when there is none). */
export async function undoThemeEdit(deps: RoomDeps, m: Membership): Promise<ThemeEdit[]> {
	requireTeacher(m);
	return themeEdits.undoLast(deps.db, actorOf(deps, m), m.room.comparisonId);
}
