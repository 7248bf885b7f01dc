import { getDatabase, type Database } from '../db';
import { events } from '../rooms';
import type { ClassroomBus } from './bus';
import { createMemoryBus } from './bus-memory';
import { createPostgresBus, type BusOptions } from './bus-postgres';

export type { BusMessage, ClassroomBus } from './bus';

const BUS_KEY = Symbol.for('parallax.classroomBus');
// one bus per process (per open database), kept across `vite dev` reloads like the database
const holder = globalThis as unknown as {
	[BUS_KEY]?: { database: Database; bus: ClassroomBus };
};

/** The bus that fits a database: LISTEN/NOTIFY for PostgreSQL, in-process for PGlite. */
export function createBus(database: Database, options?: BusOptions): ClassroomBus {
	return database.kind === 'pg'
		? createPostgresBus(database, (id) => events.load(database.db, id), options)
		: createMemoryBus();
}

/** The process's classroom bus (made again if the database was reopened). */
export async function getBus(): Promise<ClassroomBus> {
	const database = await getDatabase();
	const held = holder[BUS_KEY];
	if (held?.database === database) return held.bus;
	const bus = createBus(database);
	holder[BUS_KEY] = { database, bus };
	return bus;
}
