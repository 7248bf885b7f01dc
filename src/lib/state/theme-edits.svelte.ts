import type { ThemeEdit } from '$lib/domain/framing/theme-edits';
import type { AnnotationApi } from '$lib/reading/api';

/** The theme-edit endpoints of the workspace or of a room. */
type ThemeEditClient = AnnotationApi['themeEdits'];

/**
 * The list of theme edits applied on a page: one list that the theme editor (the reader's own
 * changes) and a room's live stream (the teacher's changes) both write, so every view replaying it
 * over the engine's themes agrees. The server always answers with the whole list, so taking the
 * newest list is idempotent: the teacher's own edit, coming back through the stream, changes
 * nothing.
 */
export class ThemeEditsState {
	/** the edits, oldest first, as the server keeps them */
	edits = $state.raw<ThemeEdit[]>([]);
	/** false for a student in a room (the teacher edits the room's themes) */
	canEdit = $state(true);
	/** the stored list has been fetched (or fetching it failed) */
	loaded = $state(false);
	/** bumped by every change, so a slow first fetch cannot overwrite a newer list */
	#revision = 0;
	#loading: Promise<void> | null = null;

	constructor(
		readonly comparisonId: string,
		readonly client: ThemeEditClient,
		canEdit = true
	) {
		this.canEdit = canEdit;
	}

	/** Fetch the stored edits once (later calls wait for the same fetch). */
	load(): Promise<void> {
		this.#loading ??= this.#fetch();
		return this.#loading;
	}

	async #fetch(): Promise<void> {
		const before = this.#revision;
		try {
			const listing = await this.client.list(this.comparisonId);
			this.canEdit = listing.canEdit ?? true;
			if (this.#revision === before) this.#set(listing.edits);
		} catch {
			// no edits (or no workspace yet): the engine's themes stay
		} finally {
			this.loaded = true;
		}
	}

	/** Store one edit; the server's list replaces ours. Throws the API's error for the editor to show. */
	async add(edit: ThemeEdit): Promise<void> {
		this.#set((await this.client.add(this.comparisonId, edit)).edits);
	}

	/** Remove the last edit; throws the API's error for the editor to show. */
	async undo(): Promise<void> {
		this.#set((await this.client.undo(this.comparisonId)).edits);
	}

	/** A list from the live stream (`theme-edits.changed`): the room's edits as they now are. */
	receive(edits: ThemeEdit[]): void {
		this.#set(edits);
	}

	#set(edits: ThemeEdit[]): void {
		this.#revision += 1;
		// the same list again (the teacher's own edit back from the stream): keep the themes as they are
		if (JSON.stringify(edits) !== JSON.stringify(this.edits)) this.edits = edits;
	}
}
