// `<data-dir>/authorized_keys`: OpenSSH-format public keys admitted without a token. The file is
// checked for changes (inode, size, mtime) at lookup and re-read when it changed, so an
// operator's edit takes effect for the next login without a restart or a file watcher, as
// OpenSSH reads it at every login.
// The check is a synchronous `stat` (about 3 µs here, a missing file included): the promise
// form cost 35–40 µs a login through the thread pool, and an error object each time when the
// file does not exist — 4 % of the server's busy time while 10,000 agents attached
// (bench/scale.ts --cpu-prof), after an earlier 8 % had been halved by coalescing. Re-reads are
// coalesced: at most one runs, and the lookups that arrive meanwhile share the one check that
// starts after it (so every lookup sees a check that began after it did: an edit finished
// before a login is always seen).
// Per-key options (`from=…`, `command=…`) are OpenSSH features we do not enforce: such lines are
// still read, and a warning says the options are ignored.
//
// Several servers on one database (issue 14): each server mirrors its file's keys into the
// `authorized_key` table under its own name whenever it (re)reads the file, and a key it does
// not list itself is looked up there (one indexed lookup; the in-memory file set is asked
// first, so a key of this server's own file costs no query). A key listed in any server's file
// thus admits an agent on every server, and removing the line from every file stops admitting
// it. So that an edit reaches the others even when this server sees no logins, the file is
// also checked every `pollMs` (a `stat`). On SQLite (one server) the table mirrors the file and
// is never asked: the file alone admits, as before.

import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Logger } from 'pino';
import type { AuthorizedKeyLine, Store } from '../store/index.js';

const KEY_TYPES = new Set([
  'ssh-ed25519',
  'ssh-rsa',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'sk-ssh-ed25519@openssh.com',
  'sk-ecdsa-sha2-nistp256@openssh.com',
]);

export interface AuthorizedKeys {
  /** True when `publicKey` ("<algo> <base64>") is listed. */
  has(publicKey: string): Promise<boolean>;
  /** Reads the file now (and mirrors it into the database): call at start. */
  refresh?(): Promise<void>;
  /** Stops the periodic check. */
  close?(): void;
}

/** The database the servers share, and this server's name in it. */
export interface SharedAuthorizedKeys {
  store: Store;
  server: string;
  /** How often the file is checked without a login (default 2 s). */
  pollMs?: number;
}

/** Parses authorized_keys text into "<algo> <base64>" entries; also reports option use. */
export function parseAuthorizedKeys(text: string): {
  keys: Set<string>;
  lines: AuthorizedKeyLine[];
  linesWithOptions: number;
} {
  const keys = new Set<string>();
  const lines: AuthorizedKeyLine[] = [];
  let linesWithOptions = 0;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const fields = line.split(/\s+/);
    const typeIndex = fields.findIndex((field) => KEY_TYPES.has(field));
    if (typeIndex === -1 || typeIndex + 1 >= fields.length) continue;
    if (typeIndex > 0) linesWithOptions += 1;
    const blob = fields[typeIndex + 1] ?? '';
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(blob)) continue;
    const publicKey = `${fields[typeIndex]} ${blob}`;
    if (keys.has(publicKey)) continue;
    keys.add(publicKey);
    const comment = fields.slice(typeIndex + 2).join(' ');
    lines.push({ publicKey, comment: comment === '' ? null : comment.slice(0, 1024) });
  }
  return { keys, lines, linesWithOptions };
}

export function createAuthorizedKeys(
  path: string,
  logger: Logger,
  shared?: SharedAuthorizedKeys,
): AuthorizedKeys {
  let signature = '';
  let keys = new Set<string>();
  const table = shared?.store.dialect === 'postgresql' ? shared.store.authorizedKeys : null;

  /** Makes this server's rows the file's keys; a failure is retried at the next check. */
  async function mirror(lines: readonly AuthorizedKeyLine[]): Promise<void> {
    if (!shared) return;
    try {
      const { added, removed } = await shared.store.authorizedKeys.replaceServerKeys(
        shared.server,
        lines,
        new Date(),
      );
      logger.info(
        { path, server: shared.server, keys: lines.length, added, removed },
        `authorized_keys imported into the database: ${lines.length} keys (${added} added, ${removed} removed)`,
      );
    } catch (error) {
      signature = '';
      logger.error(
        { path, err: (error as Error).message },
        'cannot import authorized_keys into the database; retrying at the next check',
      );
    }
  }

  /** The file's identity now: inode, size and mtime, or "missing" (unreadable counts as missing). */
  function signatureNow(): string {
    try {
      const info = statSync(path, { throwIfNoEntry: false });
      return info ? `${info.ino}:${info.size}:${info.mtimeMs}` : 'missing';
    } catch {
      return 'missing';
    }
  }

  async function current(): Promise<Set<string>> {
    const next = signatureNow();
    if (next === signature) return keys;
    signature = next;
    if (next === 'missing') {
      keys = new Set();
      await mirror([]);
      return keys;
    }
    try {
      const parsed = parseAuthorizedKeys(await readFile(path, 'utf8'));
      keys = parsed.keys;
      await mirror(parsed.lines);
      logger.info({ path, keys: keys.size }, 'authorized_keys loaded');
      if (parsed.linesWithOptions > 0) {
        logger.warn(
          { path, lines: parsed.linesWithOptions },
          'authorized_keys options (from=, command=, …) are not enforced by etphonehome; the keys are admitted without them',
        );
      }
    } catch (error) {
      logger.error({ path, err: (error as Error).message }, 'cannot read authorized_keys');
      keys = new Set();
      await mirror([]);
    }
    return keys;
  }

  let running: Promise<Set<string>> | null = null;
  let next: Promise<Set<string>> | null = null;
  /** A check that starts now, or the one queued after the check already running. */
  function check(): Promise<Set<string>> {
    if (running === null) {
      running = current().finally(() => {
        running = null;
      });
      return running;
    }
    next ??= running.then(() => {
      next = null;
      return check();
    });
    return next;
  }

  const timer = shared
    ? setInterval(() => void check().catch(() => undefined), shared.pollMs ?? 2000)
    : null;
  timer?.unref();

  return {
    async has(publicKey) {
      // Unchanged and no re-read under way: the keys in hand are the file's (no promise chain).
      const listed = running === null && signatureNow() === signature ? keys : await check();
      if (listed.has(publicKey)) return true;
      return table ? table.listed(publicKey) : false;
    },
    async refresh() {
      await check();
    },
    close() {
      if (timer) clearInterval(timer);
    },
  };
}
