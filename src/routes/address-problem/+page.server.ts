import { error } from '@sveltejs/kit';
import { addressProblem } from '$lib/domain/address';
import type { PageServerLoad } from './$types';

// Where src/hooks.ts reroutes a page address that names nothing: the app's error page with the
// problem (event.url is still the address as sent). Nothing else loads for such an address.
export const load: PageServerLoad = ({ url }) => {
	const problem = addressProblem(url);
	if (!problem) error(404, 'No page has this address.');
	error(400, `${problem} Check the link you followed or the address you typed.`);
};
