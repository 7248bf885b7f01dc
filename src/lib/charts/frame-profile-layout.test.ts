import { describe, expect, it } from 'vitest';
import { FRAMES } from '$lib/domain/framing/frames';
import { buildFrameProfileLayout, FRAME_LAYOUT, type FrameValue } from './frame-profile-layout';
import { loadSeedFixture } from '$lib/test-support/seed-fixture';

const A: FrameValue[] = [
	{ code: 1, share: 0.2, count: 4 },
	{ code: 8, share: 0.6, count: 12 }
];
const B: FrameValue[] = [
	{ code: 8, share: 0.3 },
	{ code: 13, share: 0.15 }
];

describe('buildFrameProfileLayout', () => {
	it('always draws the 15 frames in codebook order', () => {
		const layout = buildFrameProfileLayout(A, B, 640);
		expect(layout.rows.map((r) => r.code)).toEqual(FRAMES.map((f) => f.code));
		expect(layout.rows[14].fullLabel).toBe('Other');
	});

	it.each([375, 640])('at %d px: A left of centre, B right, lengths ∝ shares', (width) => {
		const layout = buildFrameProfileLayout(A, B, width);
		for (const r of layout.rows) {
			expect(r.a.x + r.a.width).toBeLessThanOrEqual(layout.centre - FRAME_LAYOUT.gutter / 2 + 0.01);
			expect(r.b.x).toBeGreaterThanOrEqual(layout.centre + FRAME_LAYOUT.gutter / 2 - 0.01);
			expect(r.a.x).toBeGreaterThanOrEqual(FRAME_LAYOUT.margin);
			expect(r.b.x + r.b.width).toBeLessThanOrEqual(width - FRAME_LAYOUT.margin);
		}
		const security = layout.rows[7];
		expect(security.a.width / security.b.width).toBeCloseTo(2, 1);
		expect(security.a.width / layout.rows[0].a.width).toBeCloseTo(3, 1);
	});

	it.each([
		['missing code reads as 0', 2, 0, 0, true],
		['only B', 13, 0, 0.15, false],
		['both', 8, 0.6, 0.3, false]
	])('%s', (_name, code, shareA, shareB, empty) => {
		const row = buildFrameProfileLayout(A, B, 640).rows.find((r) => r.code === code)!;
		expect([row.a.share, row.b.share, row.empty]).toEqual([shareA, shareB, empty]);
		if (shareA === 0) expect(row.a.width).toBe(0);
	});

	it('keeps counts for the tooltip and labels marks', () => {
		const row = buildFrameProfileLayout(A, B, 640).rows[7];
		expect(row.a.count).toBe(12);
		expect(row.b.count).toBeUndefined();
		expect(row.ariaLabel).toBe('Frame Security and defense: 60% of A, 30% of B');
	});

	it('fits long labels on a phone', () => {
		const long = buildFrameProfileLayout(A, B, 200).rows[4];
		expect(long.fullLabel).toBe('Legality, constitutionality and jurisprudence');
		expect(long.label.endsWith('…')).toBe(true);
	});

	it.each([
		['empty lists', [], []],
		['NaN and negative shares', [{ code: 1, share: NaN }], [{ code: 2, share: -0.5 }]]
	])('%s give zero bars, no NaN', (_name, a, b) => {
		const layout = buildFrameProfileLayout(a, b, 640);
		expect(JSON.stringify(layout)).not.toMatch(/null|NaN/);
		for (const r of layout.rows) expect([r.a.width, r.b.width, r.empty]).toEqual([0, 0, true]);
	});

	it('draws the seed profiles: the widest bar is the frame with the largest share', () => {
		const { analysis } = loadSeedFixture();
		const { a, b } = analysis.frames;
		const layout = buildFrameProfileLayout(a.profile, b.profile, 375);
		for (const side of ['a', 'b'] as const) {
			const top = [...analysis.frames[side].profile].sort((x, y) => y.share - x.share)[0];
			const widest = [...layout.rows].sort((x, y) => y[side].width - x[side].width)[0];
			expect(widest.code).toBe(top.code);
			expect(widest[side].share).toBe(top.share);
		}
	});
});
