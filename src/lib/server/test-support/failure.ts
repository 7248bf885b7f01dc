import { RequestError } from '../http';

/** The RequestError a promise rejects with (tests check its status, code and fields). */
export async function failure(p: Promise<unknown>): Promise<RequestError> {
	const e = await p.then(
		() => undefined,
		(x: unknown) => x
	);
	if (!(e instanceof RequestError)) throw new Error(`expected a RequestError, got ${String(e)}`);
	return e;
}
