/**
 * Lighthouse 12 (the last release for Node 20) against `node build` in Debian's Chromium: the
 * performance and accessibility scores of PRODUCT.md §8 for the pages readers and teachers open,
 * with Lighthouse's mobile preset (simulated slow 4G and a 4× slower CPU) and its desktop preset.
 */
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';

/** The pages measured: the reading view (seed), the library, the classroom start, a new comparison. */
export const LIGHTHOUSE_PAGES = ['/', '/library', '/rooms', '/new'];

/** One page's scores (0–100) under one preset. */
export interface LighthouseScore {
	path: string;
	preset: 'mobile' | 'desktop';
	performance: number;
	accessibility: number;
	bestPractices: number;
	/** largest contentful paint and total blocking time, ms, as Lighthouse simulates them */
	lcpMs: number;
	tbtMs: number;
	/** accessibility audits that failed (empty when the score is 100) */
	failed: string[];
}

const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'];

/** Run Lighthouse on each page (all by default) under both presets; one Chromium for all. */
export async function measureLighthouse(
	origin: string,
	pages: readonly string[] = LIGHTHOUSE_PAGES,
	presets: readonly ('mobile' | 'desktop')[] = ['mobile', 'desktop']
): Promise<LighthouseScore[]> {
	const chrome = await launch({
		chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
		chromeFlags: CHROME_FLAGS
	});
	const scores: LighthouseScore[] = [];
	try {
		for (const preset of presets)
			for (const path of pages) {
				const result = await lighthouse(
					origin + path,
					{
						port: chrome.port,
						output: 'json',
						logLevel: 'error',
						onlyCategories: ['performance', 'accessibility', 'best-practices']
					},
					preset === 'desktop' ? desktopConfig : undefined
				);
				const lhr = result?.lhr;
				if (!lhr) throw new Error(`Lighthouse gave no result for ${path}`);
				const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
				const failed = (lhr.categories.accessibility?.auditRefs ?? [])
					.filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score === 0)
					.map((ref) => ref.id);
				scores.push({
					path,
					preset,
					performance: score('performance'),
					accessibility: score('accessibility'),
					bestPractices: score('best-practices'),
					lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? NaN,
					tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? NaN,
					failed
				});
			}
	} finally {
		await chrome.kill();
	}
	return scores;
}
