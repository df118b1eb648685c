// The hub's SSH host key: ed25519, created in the data directory on first start (mode 0600) and
// reused afterwards. Agents pin its fingerprint, so losing this file makes every agent refuse
// the server until their owners re-pin it.

import { createPrivateKey, sign } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ParsedKey } from 'ssh2';
import ssh2 from '../lib/ssh2.js';
import { fingerprintOf } from '../lib/fingerprint.js';
import { generateEd25519KeyPair } from '../lib/ssh-keygen.js';

export const HOST_KEY_FILE = 'ssh_host_ed25519_key';

export interface HostKey {
  privateKey: string;
  publicKey: string;
  fingerprint: string;
}

export async function loadOrCreateHostKey(
  dataDir: string,
): Promise<HostKey & { created: boolean }> {
  const path = join(dataDir, HOST_KEY_FILE);
  let privateKey: string;
  let created = false;
  try {
    privateKey = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const pair = generateEd25519KeyPair('etphonehome-server');
    privateKey = pair.private;
    // 'wx': never overwrite a key another process wrote in the meantime.
    await writeFile(path, privateKey, { mode: 0o600, flag: 'wx' });
    await writeFile(`${path}.pub`, `${pair.public}\n`, { mode: 0o644 });
    created = true;
  }
  return { ...describeHostKey(privateKey, path), created };
}

/** The first key of an OpenSSH private host key's text; `source` names it in errors. */
function parseHostKey(privateKey: string, source: string) {
  const parsed = ssh2.utils.parseKey(privateKey);
  if (parsed instanceof Error) throw new Error(`cannot read host key ${source}: ${parsed.message}`);
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!key) throw new Error(`no key in ${source}`);
  return key;
}

/** The public half and fingerprint of an OpenSSH private host key; `source` names it in errors. */
export function describeHostKey(privateKey: string, source: string): HostKey {
  const key = parseHostKey(privateKey, source);
  const blob = key.getPublicSSH();
  return {
    privateKey,
    publicKey: `${key.type} ${blob.toString('base64')}`,
    fingerprint: fingerprintOf(blob),
  };
}

/**
 * The host key as ssh2's server takes it (`hostKeys: [here]`), an ed25519 key signing with a key
 * object made once. ssh2 signs with the key's PEM text, which Node parses again for every
 * signature: 0.36 ms a key exchange against 0.03 ms, and 14 % of the hub's busy time while
 * 10,000 agents attached (docs/BENCHMARKS.md, issue 13). Other key types are left to ssh2.
 */
export function signingHostKey(privateKey: string): { key: ParsedKey } {
  const key = parseHostKey(privateKey, 'given to the hub');
  if (key.type !== 'ssh-ed25519') return { key };
  const keyObject = createPrivateKey(key.getPrivatePEM());
  // ed25519 has no hash choice: ssh2 passes none (its own sign falls back to the key's, null).
  // A failure is returned, not thrown, as ssh2's own sign does.
  key.sign = (data: Buffer): Buffer | Error => {
    try {
      return sign(null, data, keyObject);
    } catch (error) {
      return error as Error;
    }
  };
  return { key };
}
