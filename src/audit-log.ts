// ETPHONEHOME_AUDIT_LOG=FILE: every recorded event appended to FILE as a JSON line (for a SIEM),
// in chain order. Lines are written after the event commits, so a crash (SIGKILL) can leave
// recorded events out of the file: at start, the file is caught up from the id of its last line,
// so nothing recorded in the database is missing from it after a restart.

import { appendFile, open, stat } from 'node:fs/promises';
import type { Logger } from 'pino';
import type { FleetEvent } from './fleet/index.js';
import { eventLine } from './store/audit-chain.js';
import type { Store } from './store/index.js';

/** The id of the last complete line of `file` (0 when it is missing or empty). */
async function lastIdOf(file: string): Promise<number> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  const handle = await open(file, 'r');
  try {
    const length = Math.min(size, 1024 * 1024);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    const lines = buffer
      .toString('utf8')
      .split('\n')
      .filter((line) => line.trim() !== '');
    for (const line of lines.reverse()) {
      try {
        const id = (JSON.parse(line) as { id?: unknown }).id;
        if (typeof id === 'number') return id;
      } catch {
        // a torn last line (killed mid-write): look at the one before
      }
    }
    return 0;
  } finally {
    await handle.close();
  }
}

export interface AuditLog {
  /** Appends an event (in the order given; ids already written are skipped). */
  write(event: FleetEvent): void;
  /** Resolves when every line handed over is written. */
  flush(): Promise<void>;
}

/** Catches the file up with the store, then returns the writer for new events. */
export async function openAuditLog(file: string, store: Store, logger: Logger): Promise<AuditLog> {
  let written = await lastIdOf(file);
  // A torn last line (no newline at the end) is closed so the next line starts clean.
  try {
    const handle = await open(file, 'r');
    const { size } = await handle.stat();
    const last = Buffer.alloc(1);
    if (size > 0) await handle.read(last, 0, 1, size - 1);
    await handle.close();
    if (size > 0 && last.toString() !== '\n') await appendFile(file, '\n');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  let caughtUp = 0;
  for (;;) {
    const page = await store.events.after(written, 1000);
    if (page.length === 0) break;
    await appendFile(file, page.map((e) => `${eventLine(e)}\n`).join(''), { mode: 0o600 });
    written = page[page.length - 1]!.id;
    caughtUp += page.length;
  }
  if (caughtUp > 0) logger.info({ file, events: caughtUp }, 'audit log caught up');
  let chain: Promise<void> = Promise.resolve();
  return {
    write(event) {
      chain = chain.then(async () => {
        if (event.id <= written) return;
        written = event.id;
        await appendFile(file, `${eventLine(event)}\n`, { mode: 0o600 }).catch((error: unknown) =>
          logger.error({ err: error, file }, 'could not append to the audit log'),
        );
      });
    },
    flush: () => chain,
  };
}
