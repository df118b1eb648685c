// The hub's SSH host key: ed25519, created in the data directory on first start (mode 0600) and
// reused afterwards. Agents pin its fingerprint, so losing this file makes every agent refuse
// the server until their owners re-pin it.

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ssh2 from 'ssh2';
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

/** The public half and fingerprint of an OpenSSH private host key; `source` names it in errors. */
export function describeHostKey(privateKey: string, source: string): HostKey {
  const parsed = ssh2.utils.parseKey(privateKey);
  if (parsed instanceof Error) throw new Error(`cannot read host key ${source}: ${parsed.message}`);
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!key) throw new Error(`no key in ${source}`);
  const blob = key.getPublicSSH();
  return {
    privateKey,
    publicKey: `${key.type} ${blob.toString('base64')}`,
    fingerprint: fingerprintOf(blob),
  };
}
