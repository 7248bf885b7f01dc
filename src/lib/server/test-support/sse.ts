// Test-only: reading Server-Sent Events off a raw HTTP response (node:http), for tests that
// drive the live stream as a browser's EventSource would (not used by the app).

/** One event as the stream framed it: its id line and its data line, when present. */
interface SseFrame {
	id: string | undefined;
	data: string | undefined;
}

/**
 * A handler for a response's utf8 'data' chunks that cuts them into events (blank-line
 * separated) and calls `onFrame` with each complete one; comments come as frames without both.
 */
export function sseFrames(onFrame: (frame: SseFrame) => void): (chunk: string) => void {
	let text = '';
	return (chunk) => {
		text += chunk;
		const blocks = text.split('\n\n');
		text = blocks.pop() ?? '';
		for (const block of blocks)
			onFrame({ id: /^id: (\d+)$/m.exec(block)?.[1], data: /^data: (.*)$/m.exec(block)?.[1] });
	};
}
