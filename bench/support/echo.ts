// Keystroke echo through the server, as an operator's terminal sees it: a shell session on
// /stream running `cat` on a PTY, one key at a time, each timed until its echo comes back.
// Shared by bench/tunnels.ts and bench/sessions.ts.

import { performance } from 'node:perf_hooks';
import type { Connection } from '../../src/client/index.js';
import { openServerStream } from '../../src/client/stream.js';
import {
  createFrameDecoder,
  encodeFrame,
  ShellFrameType,
} from '../../src/protocol/shell-frames.js';

/** Milliseconds per keystroke echo, `keys` of them after 10 untimed ones. */
export async function measureEcho(
  connection: Connection,
  client: string,
  keys: number,
): Promise<number[]> {
  const { ws } = await openServerStream(connection, {
    op: 'shell',
    client,
    command: 'cat',
    pty: true,
    cols: 80,
    rows: 24,
  });
  const decoder = createFrameDecoder();
  let waiting: (() => void) | null = null;
  let seen = '';
  ws.on('message', (data) => {
    for (const frame of decoder.push(data as Buffer))
      if (frame.type === ShellFrameType.output) {
        seen += frame.payload.toString();
        if (seen.includes('k')) {
          seen = '';
          waiting?.();
        }
      }
  });
  await new Promise((resolve) => setTimeout(resolve, 500));
  const samples: number[] = [];
  for (let i = 0; i < keys + 10; i++) {
    const started = performance.now();
    await new Promise<void>((resolve) => {
      waiting = resolve;
      ws.send(encodeFrame(ShellFrameType.input, 'k'));
    });
    if (i >= 10) samples.push(performance.now() - started);
  }
  ws.close();
  return samples;
}
