import type { PGlite, QueryOptions, Transaction } from '@electric-sql/pglite';

// drizzle-orm 0.45's PGlite session sends `parsers` with every query (timestamps, dates and
// intervals kept as text, for drizzle's own column mapping), and PGlite 0.5.16 answers each such
// query by copying its ~320 type parsers into a new object merged with them ({ ...own, ...given }).
// Profiled under the annotation-create load, that copy was the largest single JavaScript cost of
// a write (8 % of the samples; 0.3–0.6 ms per query on this machine, seven queries per create).
// Here drizzle's parsers are installed on the instance once and left out of each query: PGlite
// then parses with its own map, which holds the same functions, so every result is the same.

type Options = QueryOptions | undefined;

/**
 * Options → the same options without `parsers`, those installed in `own` the first time a type
 * is seen. drizzle sends the same parser (`(value) => value`) for a type with every query, so
 * the one installed first answers for all of them.
 */
function parserInstaller(own: Record<number, unknown>): (options: Options) => Options {
	const installed = new Set<string>();
	return (options) => {
		const given = options?.parsers;
		if (!given) return options;
		for (const key in given) {
			if (installed.has(key)) continue;
			own[Number(key)] = given[Number(key)];
			installed.add(key);
		}
		const { parsers: _installed, ...rest } = options;
		return rest;
	};
}

/** The object with some properties replaced, its methods bound to it (PGlite's private fields). */
function overriding<T extends object>(target: T, replaced: Partial<T>): T {
	return new Proxy(target, {
		get(t, prop) {
			if (Object.hasOwn(replaced, prop)) return replaced[prop as keyof T];
			const value = Reflect.get(t, prop, t);
			return typeof value === 'function' ? value.bind(t) : value;
		}
	});
}

/**
 * The PGlite instance as drizzle should get it: queries (in transactions too) that bring the
 * parsers already installed on the instance are sent without them (see above). The instance's
 * own parsers become drizzle's, so a raw query on it also gets timestamps as text.
 */
export function forDrizzle(client: PGlite): PGlite {
	const strip = parserInstaller(client.parsers);
	const inTransaction = (tx: Transaction): Transaction =>
		overriding(tx, { query: (text, params, options) => tx.query(text, params, strip(options)) });
	return overriding(client, {
		query: (text, params, options) => client.query(text, params, strip(options)),
		transaction: (callback) => client.transaction((tx) => callback(inTransaction(tx)))
	});
}
