import { unpackComparison } from '$lib/reading/sentence-text';
import type { PageLoad } from './$types';

// The server sends each sentence as offsets only; its text is sliced back from the article's
// text here, on the server and in the browser alike (both render the same sentences).
export const load: PageLoad = ({ data }) => ({
	...data,
	comparison: unpackComparison(data.comparison)
});
