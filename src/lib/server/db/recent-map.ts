// Rows kept in memory beside the database (article texts, a caller's membership): a map that
// holds at most `limit` entries and, when full, drops the one least recently read or written.

/** A bounded map that forgets its least recently used entry first. */
export class RecentMap<K, V> {
	readonly #entries = new Map<K, V>();

	constructor(readonly limit: number) {}

	/** The value under `key`, which becomes the most recently used. */
	get(key: K): V | undefined {
		const found = this.#entries.get(key);
		if (found !== undefined) {
			// a Map iterates in insertion order: re-inserting moves the key to the end
			this.#entries.delete(key);
			this.#entries.set(key, found);
		}
		return found;
	}

	/** Keeps `value` under `key`, dropping the least recently used entry past the limit. */
	set(key: K, value: V): void {
		this.#entries.delete(key);
		this.#entries.set(key, value);
		if (this.#entries.size > this.limit) this.#entries.delete(this.#entries.keys().next().value!);
	}

	/** Whether `key` is kept (without making it the most recently used). */
	has(key: K): boolean {
		return this.#entries.has(key);
	}

	/** Forgets `key`. */
	delete(key: K): void {
		this.#entries.delete(key);
	}

	/** How many entries are kept. */
	get size(): number {
		return this.#entries.size;
	}
}
