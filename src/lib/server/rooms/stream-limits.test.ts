import { describe, expect, it } from 'vitest';
import { STREAM_LIMITS, StreamGate, type StreamLimits } from './stream-limits';

const SMALL: StreamLimits = {
	perMember: 2,
	perAddress: 3,
	addressOpens: { capacity: 5, refillPerSecond: 1 },
	memberOpens: { capacity: 3, refillPerSecond: 1 }
};

/** Open a stream through both checks, as the route does. */
function open(gate: StreamGate, member: string, address: string, now = 0) {
	const checked = gate.checkAddress(address, now);
	return checked.ok ? gate.admit(member, address, now) : checked;
}

describe('StreamGate', () => {
	it('caps the streams one member holds open, and frees a place when one ends', () => {
		const gate = new StreamGate(SMALL);
		const first = open(gate, 'ana', '10.0.0.1');
		expect(open(gate, 'ana', '10.0.0.1').ok).toBe(true);
		expect(open(gate, 'ana', '10.0.0.2')).toMatchObject({ ok: false, message: /tabs/ });
		expect(gate.openFor('ana')).toBe(2);
		if (!first.ok) throw new Error('first open refused');
		first.release();
		first.release(); // twice is once
		expect(gate.openFor('ana')).toBe(1);
		expect(open(gate, 'ana', '10.0.0.1').ok).toBe(true);
	});

	it('caps the streams of one address across members', () => {
		const gate = new StreamGate(SMALL);
		for (const member of ['a', 'b', 'c']) expect(open(gate, member, 'nat').ok).toBe(true);
		expect(open(gate, 'd', 'nat')).toMatchObject({ ok: false, message: /network/ });
		expect(open(gate, 'd', 'elsewhere').ok).toBe(true);
		expect(gate.openFrom('nat')).toBe(3);
	});

	it.each([
		['an address opening too fast', (g: StreamGate) => g.checkAddress('fast', 0), 5],
		[
			'a member reconnecting too fast',
			(g: StreamGate, i: number) => {
				const r = g.admit('flaky', `addr-${i}`, 0);
				if (r.ok) r.release();
				return r;
			},
			3
		]
	])('rate-limits %s, then lets it in again', (_name, attempt, allowed) => {
		const gate = new StreamGate(SMALL);
		for (let i = 0; i < allowed; i++) expect(attempt(gate, i).ok).toBe(true);
		const refused = attempt(gate, allowed);
		expect(refused).toMatchObject({ ok: false, retryAfterSeconds: 1 });
	});

	it('lets a class of 35 behind one address in with two tabs each, all reconnecting at once', () => {
		const gate = new StreamGate(STREAM_LIMITS);
		const members = ['teacher', ...Array.from({ length: 35 }, (_, i) => `student-${i}`)];
		// the server restarted: every tab opens its stream again in the same second, twice over
		for (let round = 0; round < 2; round++) {
			const admitted = [];
			for (const member of members)
				for (let tab = 0; tab < 2; tab++) {
					const r = open(gate, member, '192.0.2.1', round * 1000);
					expect(r.ok).toBe(true);
					if (r.ok) admitted.push(r);
				}
			expect(gate.openFrom('192.0.2.1')).toBe(72);
			for (const r of admitted) r.release();
		}
		expect(gate.openFrom('192.0.2.1')).toBe(0);
	});
});
