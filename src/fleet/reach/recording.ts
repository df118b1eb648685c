// The recording of one shell session: an asciicast v2 file (https://docs.asciinema.org) in the
// recordings directory, written as output flows — a header line, then one `[seconds, "o", text]`
// line per chunk of output (and `"i"` for input when input recording is on, `"r"` for a resize).
// Nothing is held in memory beyond the write stream's buffer. Old recordings are removed by
// `pruneRecordings` (the retention setting, ETPHONEHOME_RECORDING_RETENTION_DAYS).

import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

export interface RecordingOptions {
  /** Where recordings are written (created 0700 when missing). */
  dir: string;
  /** Whether keystrokes are recorded too ("i" events): they may hold passwords. */
  recordInput: boolean;
  /** Recordings older than this many days are removed; 0 keeps them forever. */
  retentionDays: number;
}

export interface Recording {
  /** The file's name inside the recordings directory. */
  readonly file: string;
  readonly inputRecorded: boolean;
  output(data: Buffer): void;
  input(data: Buffer): void;
  resize(cols: number, rows: number): void;
  /** Flushes and closes the file. */
  close(): Promise<void>;
}

export const RECORDING_NAME = /^ses_[A-Za-z0-9_-]{8,64}\.cast$/;

export async function startRecording(
  options: RecordingOptions,
  session: { id: string; cols: number; rows: number; command: string | null; startedAt: Date },
): Promise<Recording> {
  await mkdir(options.dir, { recursive: true, mode: 0o700 });
  const file = `${session.id}.cast`;
  const stream: WriteStream = createWriteStream(join(options.dir, file), { mode: 0o600 });
  stream.on('error', () => undefined);
  const header = {
    version: 2,
    width: session.cols,
    height: session.rows,
    timestamp: Math.floor(session.startedAt.getTime() / 1000),
    ...(session.command ? { command: session.command } : {}),
    env: { TERM: 'xterm-256color' },
  };
  stream.write(JSON.stringify(header) + '\n');
  const started = performance.now();
  // Output may split a UTF-8 sequence between chunks: a decoder per direction keeps it whole.
  const decoders = { o: new StringDecoder('utf8'), i: new StringDecoder('utf8') };
  const event = (code: 'o' | 'i' | 'r', text: string): void => {
    if (text.length === 0 || stream.destroyed) return;
    const seconds = Math.round(performance.now() - started) / 1000;
    stream.write(JSON.stringify([seconds, code, text]) + '\n');
  };
  return {
    file,
    inputRecorded: options.recordInput,
    output: (data) => event('o', decoders.o.write(data)),
    input: (data) => {
      if (options.recordInput) event('i', decoders.i.write(data));
    },
    resize: (cols, rows) => event('r', `${cols}x${rows}`),
    close: () =>
      new Promise((resolve) => {
        event('o', decoders.o.end());
        if (stream.destroyed) resolve();
        else stream.end(() => resolve());
      }),
  };
}

/** Removes recordings older than the retention; returns how many. */
export async function pruneRecordings(dir: string, retentionDays: number): Promise<number> {
  if (retentionDays <= 0) return 0;
  const cutoff = Date.now() - retentionDays * 86_400_000;
  let removed = 0;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (!RECORDING_NAME.test(name)) continue;
    const path = join(dir, name);
    try {
      if ((await stat(path)).mtimeMs < cutoff) {
        await unlink(path);
        removed++;
      }
    } catch {
      // Gone already, or unreadable: the next pass tries again.
    }
  }
  return removed;
}
