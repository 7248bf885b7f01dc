#!/usr/bin/env node
// The main thread's work in a page's first load, counted in CPU time so a loaded machine blurs it
// less than Lighthouse's wall-clock figures: `node scripts/first-load.mjs URL [runs=5] [cpu slowdown=1]`.
// Chromium at 375 × 700 px with a devtools trace per load, until 4 s after `load`. Prints, as the
// minimum over the runs (the run least disturbed by other processes), the longest task and the
// second longest (thread time, ms: what Lighthouse's total blocking time grows with), all tasks,
// the microtasks (where SvelteKit starts and the page hydrates), script evaluation, HTML parsing,
// layout, style and paint. Compare two builds by running it on each, alternately.
import { chromium } from '@playwright/test';

const [url, runs = '5', slowdown = '1'] = process.argv.slice(2);
if (!url) {
	console.error('usage: node scripts/first-load.mjs URL [runs] [cpu slowdown]');
	process.exit(2);
}

/** One load's figures from its trace events (the renderer's main thread only). */
function figures(events) {
	const work = new Map();
	for (const e of events)
		if (e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
			work.set(`${e.pid}:${e.tid}`, 0);
	for (const e of events) {
		const thread = `${e.pid}:${e.tid}`;
		if (work.has(thread) && e.name === 'RunTask')
			work.set(thread, work.get(thread) + (e.tdur ?? 0));
	}
	// the page's main thread: the renderer thread with the most task time
	const main = [...work].sort((a, b) => b[1] - a[1])[0][0];
	const mine = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X');
	const ms = (list) => Math.round(list.reduce((sum, e) => sum + (e.tdur ?? 0), 0) / 1000);
	const of = (name) => ms(mine.filter((e) => e.name === name));
	const tasks = mine.filter((e) => e.name === 'RunTask');
	const longest = tasks.map((t) => (t.tdur ?? 0) / 1000).sort((a, b) => b - a);
	return {
		longestTask: Math.round(longest[0] ?? 0),
		secondTask: Math.round(longest[1] ?? 0),
		allTasks: ms(tasks),
		microtasks: of('RunMicrotasks'),
		evaluateScript: of('EvaluateScript'),
		parseHTML: of('ParseHTML'),
		layout: of('Layout'),
		style: of('UpdateLayoutTree'),
		paint: of('Paint')
	};
}

const browser = await chromium.launch({
	executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox']
});
const all = [];
try {
	for (let run = 0; run < Number(runs); run++) {
		const context = await browser.newContext({ viewport: { width: 375, height: 700 } });
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(slowdown) });
		const events = [];
		cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
		const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
		await cdp.send('Tracing.start', {
			traceConfig: {
				includedCategories: [
					'devtools.timeline',
					'disabled-by-default-devtools.timeline',
					'v8.execute'
				]
			}
		});
		await page.goto(url, { waitUntil: 'load' });
		await page.waitForTimeout(4000);
		await cdp.send('Tracing.end');
		await complete;
		const hydrated = await page.evaluate(() => 'hydrated' in document.documentElement.dataset);
		if (!hydrated) throw new Error(`${url} did not hydrate within 4 s of its load`);
		all.push(figures(events));
		await context.close();
	}
} finally {
	await browser.close();
}
const least = Object.fromEntries(
	Object.keys(all[0]).map((key) => [key, Math.min(...all.map((f) => f[key]))])
);
console.log(JSON.stringify({ url, runs: all.length, slowdown: Number(slowdown), least }));
