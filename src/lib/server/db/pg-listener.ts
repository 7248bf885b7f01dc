import type { Client, Notification } from 'pg';

/** Called with the payload of each NOTIFY on a channel. */
export type NotificationHandler = (payload: string) => void;

/** LISTEN side of PostgreSQL: one dedicated connection shared by every subscription. */
interface PgListener {
	listen(channel: string, handler: NotificationHandler): Promise<() => Promise<void>>;
	close(): Promise<void>;
}

/** Wait before reconnecting a dropped LISTEN connection (a restarting server needs ~2 s). */
const RECONNECT_DELAY_MS = 1000;

/** Quote a channel name so mixed case and dashes (room ids) survive as written. */
export function quoteChannel(channel: string): string {
	// PGlite strips the outer quotes without unescaping "", so refuse them for both drivers;
	// 63 bytes is PostgreSQL's identifier limit (longer names are silently truncated)
	if (!channel || channel.includes('"') || channel.includes('\0')) {
		throw new Error(`invalid channel name ${JSON.stringify(channel)}`);
	}
	if (Buffer.byteLength(channel) > 63) throw new Error(`channel name too long: ${channel}`);
	return `"${channel}"`;
}

/**
 * Create the LISTEN connection lazily: a pooled client would pin a pool slot and a pool never
 * delivers notifications to idle clients. If the connection drops (server restart), it is
 * reopened and every channel is listened to again; notifications sent in the gap are lost,
 * so consumers must catch up from the tables (SSE Last-Event-ID).
 */
export function createPgListener(
	newClient: () => Client,
	log: (message: string) => void = console.warn
): PgListener {
	const handlers = new Map<string, Set<NotificationHandler>>();
	let client: Client | undefined;
	let connecting: Promise<Client> | undefined;
	let retry: ReturnType<typeof setTimeout> | undefined;
	let closed = false;

	const dispatch = (m: Notification) => {
		for (const h of handlers.get(m.channel) ?? []) h(m.payload ?? '');
	};

	const drop = (c: Client, why: string) => {
		if (client !== c) return;
		client = undefined;
		c.removeAllListeners('notification');
		c.end().catch(() => {});
		if (closed || handlers.size === 0) return;
		log(`db: LISTEN connection lost (${why}); reconnecting`);
		scheduleReconnect();
	};

	const scheduleReconnect = () => {
		clearTimeout(retry);
		retry = setTimeout(() => {
			ensure().catch((e: Error) => {
				log(`db: LISTEN reconnect failed: ${e.message}`);
				scheduleReconnect();
			});
		}, RECONNECT_DELAY_MS);
		// the HTTP server keeps a live process running; a retry alone must not
		retry.unref?.();
	};

	const ensure = (): Promise<Client> => {
		if (client) return Promise.resolve(client);
		connecting ??= (async () => {
			const c = newClient();
			c.on('notification', dispatch);
			c.on('error', (e) => drop(c, e.message));
			c.on('end', () => drop(c, 'connection ended'));
			await c.connect();
			for (const channel of handlers.keys()) await c.query(`LISTEN ${quoteChannel(channel)}`);
			if (closed) {
				await c.end();
				throw new Error('database closed');
			}
			client = c;
			return c;
		})().finally(() => {
			connecting = undefined;
		});
		return connecting;
	};

	return {
		async listen(channel, handler) {
			const sql = quoteChannel(channel);
			if (closed) throw new Error('database closed');
			let set = handlers.get(channel);
			const isNew = !set;
			if (!set) handlers.set(channel, (set = new Set()));
			set.add(handler);
			try {
				const c = await ensure();
				// LISTEN is idempotent, and ensure() may already have issued it for this channel
				if (isNew) await c.query(`LISTEN ${sql}`);
			} catch (e) {
				set.delete(handler);
				if (set.size === 0) handlers.delete(channel);
				throw e;
			}
			return async () => {
				const current = handlers.get(channel);
				if (!current?.delete(handler) || current.size > 0) return;
				handlers.delete(channel);
				await client?.query(`UNLISTEN ${sql}`).catch(() => {});
			};
		},
		async close() {
			closed = true;
			clearTimeout(retry);
			handlers.clear();
			const c = client ?? (await connecting?.catch(() => undefined));
			client = undefined;
			if (c) {
				c.removeAllListeners('end');
				await c.end().catch(() => {});
			}
		}
	};
}
