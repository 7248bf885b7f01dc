import type { Reroute } from '@sveltejs/kit';
import { rerouteAddress } from '$lib/domain/address';

/**
 * A page address that names nothing (too long, broken characters) is served by the app's own
 * error page (routes/address-problem) rather than the address guard's bare text; runs in the
 * server and the browser alike, so both routers agree.
 */
export const reroute: Reroute = ({ url }) => rerouteAddress(url);
