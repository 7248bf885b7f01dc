// Debian packages `npm test` and `npm run bench` need beyond npm (Chromium, nginx), installed with
// apt-get when the script runs as root on Debian; elsewhere the caller reports what is missing.
// (PostgreSQL installs itself in ./postgres.mjs.)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Install Debian packages when running as root on Debian; true when apt-get succeeded. */
export function aptInstall(packages, log = console.log) {
	if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) return false;
	log(`Installing ${packages.join(', ')} with apt-get…`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
	if (update.status !== 0) return false;
	const r = spawnSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
	return r.status === 0;
}

/** Debian's Chromium (or CHROME_PATH), installed when missing and possible; null when absent. */
export function ensureChromium(log = console.log) {
	const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
	if (!existsSync(path)) aptInstall(['chromium', 'fonts-liberation'], log);
	return existsSync(path) ? path : null;
}
