// `<data-dir>/authorized_keys`: OpenSSH-format public keys admitted without a token. The file is
// checked for changes (inode, size, mtime) at lookup and re-read when it changed, so an
// operator's edit takes effect for the next login without a restart or a file watcher.
// Checks are coalesced: at most one runs, and the lookups that arrive meanwhile share the one
// check that starts after it (so every lookup sees a check that began after it did: an edit
// finished before a login is always seen). During an enrollment wave the handshakes
// authenticate concurrently, and one `stat` per login was 8 % of the server's busy time
// (bench/fleet-health.ts --cpu-prof, 2,000 agents); coalesced, the checks shrink as load grows.
// Per-key options (`from=…`, `command=…`) are OpenSSH features we do not enforce: such lines are
// still read, and a warning says the options are ignored.

import { readFile, stat } from 'node:fs/promises';
import type { Logger } from 'pino';

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
}

/** Parses authorized_keys text into "<algo> <base64>" entries; also reports option use. */
export function parseAuthorizedKeys(text: string): { keys: Set<string>; linesWithOptions: number } {
  const keys = new Set<string>();
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
    keys.add(`${fields[typeIndex]} ${blob}`);
  }
  return { keys, linesWithOptions };
}

export function createAuthorizedKeys(path: string, logger: Logger): AuthorizedKeys {
  let signature = '';
  let keys = new Set<string>();

  async function current(): Promise<Set<string>> {
    let next: string;
    try {
      const info = await stat(path);
      next = `${info.ino}:${info.size}:${info.mtimeMs}`;
    } catch {
      next = 'missing';
    }
    if (next === signature) return keys;
    signature = next;
    if (next === 'missing') {
      keys = new Set();
      return keys;
    }
    try {
      const parsed = parseAuthorizedKeys(await readFile(path, 'utf8'));
      keys = parsed.keys;
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
    }
    return keys;
  }

  let running: Promise<Set<string>> | null = null;
  let next: Promise<Set<string>> | null = null;
  /** A check that starts now, or the one queued after the check already running. */
  function shared(): Promise<Set<string>> {
    if (running === null) {
      running = current().finally(() => {
        running = null;
      });
      return running;
    }
    next ??= running.then(() => {
      next = null;
      return shared();
    });
    return next;
  }

  return {
    async has(publicKey) {
      return (await shared()).has(publicKey);
    },
  };
}
