/**
 * The classroom fan-out behind nginx (scripts/two-instances.mjs): one and then two `node build`
 * instances on one PostgreSQL (PostgreSQL's own durable settings), the same climb as the
 * one-process bench (fanout.ts), through the proxy. Server CPU per write is the instances' CPU
 * summed; PostgreSQL's and nginx's are not in it.
 */
import { spawnSync } from 'node:child_process';
import { measureFanout } from './fanout';
import type { Capacity } from './capacity';

/** scripts/lib/postgres.mjs, loaded by path (untyped JS). */
interface PostgresLib {
	createDatabase(adminUrl: string, name: string): Promise<string>;
	startPostgres(options: { log?: (m: string) => void; durable?: boolean }): Promise<{
		adminUrl: string;
		stop(): Promise<void>;
	}>;
}
/** scripts/two-instances.mjs, loaded by path (untyped JS). */
interface TwoInstancesLib {
	findNginx(): string | undefined;
	startTwoInstances(options: {
		databaseUrl: string;
		count: number;
		port?: number;
		env?: Record<string, string>;
		log?: (m: string) => void;
	}): Promise<{
		origin: string;
		instances: { pid: number | undefined }[];
		stop(): Promise<void>;
	}>;
}
const POSTGRES_LIB = '../lib/postgres.mjs';
const TWO_INSTANCES_LIB = '../two-instances.mjs';

/** What one deployment held. */
export interface ProxyRun {
	instances: number;
	/** nginx's version, as `nginx -v` says it */
	nginx: string;
	fanout: Capacity & { rooms: number; listeners: number };
}

/** Options of the climb behind nginx (as fanout.ts's, plus the proxy's port). */
export interface ProxyOptions {
	/** instance counts to measure, in order */
	counts: number[];
	rooms: number;
	listeners: number;
	rates: number[];
	seconds: number;
	text: string;
	version: string;
	/** the proxy's port (default: a free one) */
	port?: number;
}

/**
 * For each instance count: a fresh database, the instances and nginx, then the fan-out climb
 * through the proxy. The load generator's school addresses travel in X-Forwarded-For, which the
 * instances read one hop before nginx's (XFF_DEPTH=2, as behind a load balancer in front of
 * nginx), so each class is limited as its school, not as the bench's one address.
 */
export async function measureBehindNginx(options: ProxyOptions): Promise<ProxyRun[]> {
	const { startPostgres, createDatabase } = (await import(POSTGRES_LIB)) as PostgresLib;
	const { startTwoInstances, findNginx } = (await import(TWO_INSTANCES_LIB)) as TwoInstancesLib;
	const bin = findNginx();
	const said = bin ? spawnSync(bin, ['-v'], { encoding: 'utf8' }).stderr : '';
	const nginx = /nginx\/(\S+)/.exec(said)?.[1] ?? 'unknown';
	const postgres = await startPostgres({ log: () => {}, durable: true });
	const runs: ProxyRun[] = [];
	try {
		for (const count of options.counts) {
			const databaseUrl = await createDatabase(postgres.adminUrl, `bench_${count}_instances`);
			const deployment = await startTwoInstances({
				databaseUrl,
				count,
				port: options.port,
				env: { XFF_DEPTH: '2' },
				log: () => {}
			});
			try {
				console.log(
					`live fan-out behind nginx, ${count} instance${count > 1 ? 's' : ''}, ` +
						`${options.rooms} rooms × ${options.listeners} listeners:`
				);
				const fanout = await measureFanout(deployment.origin, {
					...options,
					pid: deployment.instances.map((i) => i.pid)
				});
				runs.push({ instances: count, nginx, fanout });
			} finally {
				await deployment.stop();
			}
		}
	} finally {
		await postgres.stop();
	}
	return runs;
}
