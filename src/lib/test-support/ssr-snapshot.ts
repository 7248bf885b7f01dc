/**
 * Test-only: renders a chart on the server (as SvelteKit does) and returns its `<svg>` in a
 * stable, diffable form, after Observable Plot's snapshot normalisation: numbers rounded to one
 * decimal, Svelte's hydration comments and style-hash classes removed (a CSS edit must not churn
 * every snapshot), one element per line.
 */
import type { Component, ComponentProps } from 'svelte';
import { render } from 'svelte/server';

/** Rounds every decimal number in a string to one decimal (and "-0" to "0"). */
function roundNumbers(markup: string): string {
	return markup.replace(/-?\d+\.\d+/g, (n) => {
		const r = Math.round(Number(n) * 10) / 10;
		return String(Object.is(r, -0) ? 0 : r);
	});
}

/** The server-rendered HTML of a component (body only). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component, props checked below
export function renderHtml<C extends Component<any>>(
	component: C,
	props: ComponentProps<C>
): string {
	return render(component as Component<ComponentProps<C>>, { props }).body;
}

/** The first `<svg>…</svg>` of a server render, normalised for `toMatchFileSnapshot`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component, props checked below
export function renderSvgSnapshot<C extends Component<any>>(
	component: C,
	props: ComponentProps<C>
): string {
	const html = renderHtml(component, props);
	const svg = html.match(/<svg[\s\S]*?<\/svg>/)?.[0];
	if (!svg) throw new Error('no <svg> in the server render');
	return (
		roundNumbers(
			svg
				.replace(/<!--[\s\S]*?-->/g, '')
				.replace(/ class="svelte-[a-z0-9]+"/g, '')
				.replace(/ svelte-[a-z0-9]+(?=")/g, '')
		)
			.replace(/>\s*</g, '>\n<')
			.trim() + '\n'
	);
}
