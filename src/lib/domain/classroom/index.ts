// Classroom rules the server and the browser share, after the engine: a room's suggestion mode
// and phase, and an Analysis, in; out the Analysis a student may see (suggestions withheld until
// the teacher allows) and the reason shown for what is hidden. server/rooms applies it to all a
// student is sent (page data, API, live stream); presentation mode applies it on the projector.
// The browser imports suggestion-visibility.ts itself, like every domain module it needs, and
// alone uses moderation.ts, unsent.ts and own-work.ts (what a student is told and keeps when
// work leaves their page or the room closes for them) and projection.ts (what the projector
// shows of the class's work in each phase, and the room bar's sentence for each reader).

export {
	SUGGESTION_MODES,
	suggestionsVisible,
	withholdSuggestions,
	type SuggestionMode
} from './suggestion-visibility';
