#!/usr/bin/env node
// Screenshots for people to look at: `node scripts/screenshot.mjs URL OUT.png [width] [height] [fullPage]`.
import { chromium } from '@playwright/test';

const [url, out, width = '1280', height = '800', full = ''] = process.argv.slice(2);
const browser = await chromium.launch({
	executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
	args: [
		'--headless',
		'--no-sandbox',
		'--disable-gpu',
		'--no-first-run',
		'--disable-background-networking'
	]
});
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
await page.goto(url);
await page
	.locator('html[data-hydrated]')
	.waitFor({ timeout: 10_000 })
	.catch(() => {});
await page.screenshot({ path: out, fullPage: full === 'full' });
await browser.close();
