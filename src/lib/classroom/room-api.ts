import type { SuggestionMode } from '$lib/domain/classroom/suggestion-visibility';
import type { RoomPhase } from '$lib/live/events';
import { call } from '$lib/reading/api';

/** The teacher's room endpoints (docs/API.md, "Classroom rooms"). */
export function createRoomApi(roomId: string) {
	const base = `/api/rooms/${roomId}`;
	return {
		change: (changes: {
			phase?: RoomPhase;
			spotlightId?: string | null;
			locked?: boolean;
			suggestions?: SuggestionMode;
		}) => call<unknown>('PATCH', base, changes),
		setHidden: (annotationId: string, hidden: boolean) =>
			call<unknown>('PUT', `${base}/annotations/${annotationId}/hidden`, { hidden }),
		removeAnnotation: (annotationId: string) =>
			call<unknown>('DELETE', `${base}/annotations/${annotationId}`),
		removeStudent: (memberId: string) => call<unknown>('DELETE', `${base}/members/${memberId}`),
		follow: (side: 'a' | 'b', sentence: number) =>
			call<unknown>('POST', `${base}/follow`, { side, sentence }),
		removeRoom: () => call<unknown>('DELETE', base),
		newJoinCode: () =>
			call<{ joinCode: string; joinUrl: string; qr: { size: number; d: string } }>(
				'POST',
				`${base}/capabilities`,
				{ replace: 'join-code' }
			),
		newTeacherLink: () =>
			call<{ teacherUrl: string }>('POST', `${base}/capabilities`, { replace: 'teacher-link' })
	};
}

/** The client of one room's teacher endpoints. */
export type RoomApi = ReturnType<typeof createRoomApi>;
