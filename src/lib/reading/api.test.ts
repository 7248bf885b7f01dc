import { describe, expect, it } from 'vitest';
import { firstWritesInOrder } from './api';

/** A request that resolves (or fails) when told to, recording when it went out. */
function pending(log: string[], name: string) {
	let settle!: (ok: boolean) => void;
	const done = new Promise<string>((resolve, reject) => {
		settle = (ok) => (ok ? resolve(name) : reject(new Error(name)));
	});
	return {
		send: () => {
			log.push(`${name} sent`);
			return done;
		},
		settle
	};
}

describe('firstWritesInOrder', () => {
	it('sends a second write only once the first is answered, then writes freely', async () => {
		const log: string[] = [];
		const write = firstWritesInOrder();
		const [dismiss, accept, later1, later2] = ['dismiss', 'accept', 'later1', 'later2'].map((n) =>
			pending(log, n)
		);
		const first = write(dismiss.send);
		const second = write(accept.send);
		await new Promise((r) => setTimeout(r, 0));
		expect(log).toEqual(['dismiss sent']);
		dismiss.settle(true);
		expect(await first).toBe('dismiss');
		await new Promise((r) => setTimeout(r, 0));
		expect(log).toEqual(['dismiss sent', 'accept sent']);
		accept.settle(true);
		await second;
		// the workspace exists now: writes no longer wait for each other
		void write(later1.send);
		void write(later2.send);
		expect(log.slice(2)).toEqual(['later1 sent', 'later2 sent']);
	});

	it('a failed first write does not stop the next, which still waits its turn', async () => {
		const log: string[] = [];
		const write = firstWritesInOrder();
		const [bad, good] = ['bad', 'good'].map((n) => pending(log, n));
		const first = write(bad.send);
		const second = write(good.send);
		bad.settle(false);
		await expect(first).rejects.toThrow('bad');
		await new Promise((r) => setTimeout(r, 0));
		expect(log).toEqual(['bad sent', 'good sent']);
		good.settle(true);
		expect(await second).toBe('good');
	});
});
