// `etphonehome shell <client> [-- command…]`: an interactive shell on a client through the
// server's /stream path. With a terminal on stdin it asks for a PTY, puts the local terminal in
// raw mode (Ctrl-C, Ctrl-Z reach the remote program), follows the window's size; without one it runs on
// pipes (stdin streamed, stdout and stderr apart). Exits with the remote exit status (128+n when
// a signal ended it). The terminal is this command's subject, so it uses process.stdin/stdout.

import os from 'node:os';
import type WebSocket from 'ws';
import { ErrorCode } from '../../errors.js';
import { resolveConnection } from '../../client/index.js';
import { MAX_TERMINAL_COLS, MAX_TERMINAL_ROWS } from '../../fleet/limits.js';
import {
  createFrameDecoder,
  encodeFrame,
  encodeJsonFrame,
  parseJsonPayload,
  ShellFrameType,
} from '../../protocol/shell-frames.js';
import { STREAM_HIGH_WATER_BYTES, STREAM_LOW_WATER_BYTES } from '../../protocol/ws-stream.js';
import { commonOptions, parse, splitAtDoubleDash } from '../args.js';
import type { Command } from '../command.js';
import { openCommandStream } from '../open-stream.js';
import { CommandError, UsageError, type CommandIO } from '../output.js';

const usage = `Usage: etphonehome shell <client> [options] [-- command …]

  Opens a shell on the client (the login shell of the agent's user, or the command) through the
  server. With a terminal it is a real PTY: full-screen programs work, the size follows your
  window, Ctrl-C and Ctrl-Z reach the remote program. Without one (stdin a file or a pipe) it
  runs on pipes: stdin is sent to its end, stdout and stderr come back apart. Exits with the
  remote exit status (128+n when signal n ended it); an error before it started exits with the
  error's status (3 not found, 4 offline, 5 key mismatch, 7 rate limited …).

  The session is audited (session.opened / session.closed) and its output recorded on the server
  (etphonehome sessions play ID).

Options:
  --pty / --no-pty   force a PTY (or pipes) whatever stdin is
  --size COLSxROWS   the PTY's size when stdin is not a terminal (default 80x24)
  --url URL, --data-dir DIR

Examples:
  etphonehome shell web-01
  etphonehome shell web-01 -- top
  etphonehome shell web-01 < script.sh
  echo 'uname -a' | etphonehome shell web-01
`;

function readSize(text: string | undefined): { cols: number; rows: number } {
  if (text === undefined) return { cols: 80, rows: 24 };
  const match = /^(\d{1,5})x(\d{1,5})$/.exec(text);
  const cols = Number(match?.[1]);
  const rows = Number(match?.[2]);
  if (!match || cols < 1 || rows < 1 || cols > MAX_TERMINAL_COLS || rows > MAX_TERMINAL_ROWS)
    throw new UsageError(
      `--size takes COLSxROWS within ${MAX_TERMINAL_COLS}x${MAX_TERMINAL_ROWS} (got "${text}")`,
    );
  return { cols, rows };
}

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { before, after } = splitAtDoubleDash(argv);
  const { values, positionals } = parse(before, {
    url: commonOptions.url,
    'data-dir': commonOptions['data-dir'],
    pty: { type: 'boolean' },
    'no-pty': { type: 'boolean' },
    size: { type: 'string' },
  });
  const [target, ...rest] = positionals;
  if (target === undefined) throw new UsageError('shell needs a client: shell web-01');
  if (rest.length > 0)
    throw new UsageError(`shell takes one client; put the command after "--" (got "${rest[0]}")`);
  const command = after && after.length > 0 ? after.join(' ') : null;
  const stdin = process.stdin;
  const stdout = process.stdout;
  const pty = values['no-pty'] ? false : values.pty === true || stdin.isTTY === true;
  const size =
    stdout.isTTY && pty ? { cols: stdout.columns, rows: stdout.rows } : readSize(values.size);

  let exitStatus: number | null = null;
  const decoder = createFrameDecoder();
  // Given to the opening itself: the shell's first output (its prompt) can arrive in the same
  // read as the server's reply, and ws emits both before an `await` here would return.
  const onMessage = (ws: WebSocket, data: WebSocket.RawData, isBinary: boolean): void => {
    if (!isBinary) return;
    for (const frame of decoder.push(data as Buffer)) {
      if (frame.type === ShellFrameType.output) {
        if (!stdout.write(frame.payload)) {
          ws.pause();
          stdout.once('drain', () => ws.resume());
        }
      } else if (frame.type === ShellFrameType.stderr) process.stderr.write(frame.payload);
      else if (frame.type === ShellFrameType.exit) {
        const exit = parseJsonPayload(frame.payload);
        const code = exit?.['code'];
        const signal = exit?.['signal'];
        exitStatus =
          typeof code === 'number'
            ? code
            : typeof signal === 'string'
              ? 128 + (os.constants.signals[signal as NodeJS.Signals] ?? 1)
              : 1;
      }
    }
  };

  const connection = await resolveConnection(values, io.env);
  const { ws, reply } = await openCommandStream(
    connection,
    {
      op: 'shell',
      client: target,
      command,
      pty,
      ...size,
      term: process.env['TERM'] ?? 'xterm-256color',
    },
    { onMessage },
  );
  if (reply.note) io.err(`etphonehome: ${reply.note}`);
  const raw = pty && stdin.isTTY === true;
  if (raw) stdin.setRawMode(true);

  const onResize = (): void => {
    if (ws.readyState === ws.OPEN)
      ws.send(encodeJsonFrame(ShellFrameType.resize, { cols: stdout.columns, rows: stdout.rows }));
  };
  // 'resize' comes after Node has read the new size (a SIGWINCH listener of our own could run
  // before Node's and send the old one).
  if (raw) stdout.on('resize', onResize);
  const onInput = (chunk: Buffer): void => {
    ws.send(encodeFrame(ShellFrameType.input, chunk), () => {
      if (stdin.isPaused() && ws.bufferedAmount < STREAM_LOW_WATER_BYTES) stdin.resume();
    });
    if (ws.bufferedAmount > STREAM_HIGH_WATER_BYTES) stdin.pause();
  };
  const onEnd = (): void => {
    if (ws.readyState === ws.OPEN) ws.send(encodeFrame(ShellFrameType.eof));
  };
  stdin.on('data', onInput);
  stdin.on('end', onEnd);
  stdin.resume();

  const closed = await new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  stdin.off('data', onInput);
  stdin.off('end', onEnd);
  stdin.pause();
  if (raw) {
    stdin.setRawMode(false);
    stdout.off('resize', onResize);
  }
  if (exitStatus !== null) return exitStatus;
  throw new CommandError(
    ErrorCode.agentUnavailable,
    `the session ended without an exit status (${closed.reason || `socket closed, ${closed.code}`})`,
  );
}

export const shellCommand: Command = {
  name: 'shell',
  synopsis: 'shell <client>',
  summary: 'an interactive shell on a client (a PTY, or pipes without a terminal)',
  usage,
  run,
};
