/**
 * What presentation mode projects, and what the room bar says, by phase. The projector is what
 * the class sees, so it follows the students' rule (PRODUCT.md §6): in the individual phase each
 * student sees only their own work, so the projector shows no student's work (only the
 * presenter's own) until the reveal; a note the teacher hid never reaches the class. The
 * teacher's own view keeps everything, and the bar's sentence is true for whoever reads it.
 */

/** A room's phase (the same names as the live events'). */
type Phase = 'individual' | 'reveal' | 'discuss';

/** Who reads the room bar: a student, the teacher at their desk, or the class on the projector. */
export type Audience = 'student' | 'teacher' | 'projection';

/** True when the projector may show this annotation now. */
export function projected(
	annotation: { id: string; authorId: string },
	room: { phase: Phase; hiddenIds: readonly string[]; presenterId: string }
): boolean {
	if (room.hiddenIds.includes(annotation.id)) return false;
	return room.phase !== 'individual' || annotation.authorId === room.presenterId;
}

/** The bar's sentence for the phase, as it is true for this audience. */
const SENTENCES: Readonly<Record<Phase, Readonly<Record<Audience, string>>>> = {
	individual: {
		student: 'Individual work: you see only your own annotations',
		teacher: 'Individual work: each student sees only their own annotations; you see everyone’s',
		projection: 'Individual work: students’ annotations stay off the projector until Reveal'
	},
	reveal: {
		student: 'Reveal: everyone’s work is visible',
		teacher: 'Reveal: everyone’s work is visible',
		projection: 'Reveal: everyone’s work is visible'
	},
	discuss: { student: 'Discussion', teacher: 'Discussion', projection: 'Discussion' }
};

/**
 * The room bar's full sentence for a phase, for who reads it.
 * @example phaseSentence('individual', 'teacher') // 'Individual work: each student sees only their own annotations; you see everyone’s'
 */
export function phaseSentence(phase: Phase, audience: Audience): string {
	return SENTENCES[phase][audience];
}
