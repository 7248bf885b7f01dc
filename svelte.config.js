import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter(),
		// Kit's own form check compares with its guess of the origin (https without ORIGIN), so a
		// plain `node build` refused every form; hooks.server.ts checks the origin of every write
		// instead (forms and JSON alike, against the http default or ORIGIN)
		csrf: { trustedOrigins: ['*'] },
		// Content-Security-Policy: no inline scripts except Kit's own hydration (hashed by Kit).
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'connect-src': ['self'],
				'font-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
