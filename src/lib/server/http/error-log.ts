// Unexpected server errors go to the log with their stack, but a flood of bad requests (a
// scanner, a fuzzer, a broken client retrying) must not become a flood of stack traces: a few per
// window are written in full, the rest only counted, and the count is written once the window
// ends.

/** How many errors are written in full per window, and how long a window is. */
interface ErrorLogOptions {
	/** errors written with their stack per window */
	perWindow: number;
	/** the window, in ms */
	windowMs: number;
	/** where lines go (console.error by default) */
	write?: (line: string) => void;
	/** the clock (ms), replaceable in tests */
	now?: () => number;
	/** schedules the end-of-window count (tests run it by hand) */
	schedule?: (run: () => void, ms: number) => void;
}

/** In production: 10 stack traces a minute, then a count per minute. */
export const ERROR_LOG: ErrorLogOptions = { perWindow: 10, windowMs: 60_000 };

/** The line for one error: where it happened, then its stack (or its text). */
function describe(error: unknown, where: string): string {
	const detail =
		error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
	return `${where}: ${detail}`;
}

/** A rate-limited error log: call it with the error and where it happened ("GET /path"). */
export function createErrorLog(options: ErrorLogOptions): (error: unknown, where: string) => void {
	const write = options.write ?? ((line: string) => console.error(line));
	const now = options.now ?? Date.now;
	const schedule =
		options.schedule ?? ((run: () => void, ms: number) => void setTimeout(run, ms).unref?.());
	let windowStart = -Infinity;
	let written = 0;
	let suppressed = 0;
	let firstSuppressed = '';
	let flushScheduled = false;

	const flush = () => {
		flushScheduled = false;
		if (suppressed === 0) return;
		const seconds = Math.round(options.windowMs / 1000);
		write(
			`${suppressed} more server error${suppressed === 1 ? '' : 's'} in ${seconds} s not logged in full (first: ${firstSuppressed})`
		);
		suppressed = 0;
		firstSuppressed = '';
	};

	return (error, where) => {
		const t = now();
		if (t - windowStart >= options.windowMs) {
			flush();
			windowStart = t;
			written = 0;
		}
		if (written < options.perWindow) {
			written++;
			write(describe(error, where));
			return;
		}
		if (suppressed++ === 0) {
			firstSuppressed = `${where}: ${error instanceof Error ? error.message : String(error)}`.slice(
				0,
				300
			);
		}
		if (!flushScheduled) {
			flushScheduled = true;
			schedule(flush, Math.max(0, windowStart + options.windowMs - t));
		}
	};
}

/** A request as the log names it: method and path, control characters escaped. */
export function requestLabel(method: string, pathname: string): string {
	return `${method} ${JSON.stringify(pathname.slice(0, 200)).slice(1, -1)}`;
}
