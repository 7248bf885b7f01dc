/**
 * Live events about annotations, published by the server after a commit and read by clients
 * (a classroom's SSE stream will carry them). One typed map for both ends, so a renamed field
 * breaks the build instead of the live view.
 */
import type { ThemeEdit } from '../domain/framing/theme-edits';
import type { Annotation, AnnotationScope, Reply } from '../domain/annotation/model';

/** The payload of every event type. */
export interface LiveEvents {
	'annotation.created': { annotation: Annotation };
	'annotation.updated': { annotation: Annotation };
	'annotation.deleted': { id: string };
	'reply.created': { reply: Reply };
	'reply.updated': { reply: Reply };
	'reply.deleted': { id: string; annotationId: string };
	'suggestion.decided': {
		suggestionId: string;
		decision: 'accepted' | 'dismissed';
		annotationId: string | null;
	};
	'theme-edits.changed': { edits: ThemeEdit[] };
}

/** The name of a live event. */
export type LiveEventType = keyof LiveEvents;

/** One event: where it happened (scope and comparison) and what happened. */
export type LiveEvent = {
	[K in LiveEventType]: {
		type: K;
		scope: AnnotationScope;
		comparisonId: string;
		data: LiveEvents[K];
	};
}[LiveEventType];

/** Where a server module sends its events after a commit (a no-op until rooms listen). */
export type Publish = (event: LiveEvent) => void | Promise<void>;
