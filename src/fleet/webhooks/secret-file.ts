// The global webhook secret when ETPHONEHOME_WEBHOOK_SECRET is not set: generated once into
// <data-dir>/webhook_secret (mode 0600), so every delivery is signed from the first start.

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateSecret, secretProblem } from './sign.js';

export async function loadOrCreateWebhookSecret(
  dataDir: string,
  fromEnv: string | null,
): Promise<{ secret: string; path: string | null; created: boolean }> {
  if (fromEnv) return { secret: fromEnv, path: null, created: false };
  const path = join(dataDir, 'webhook_secret');
  try {
    const secret = (await readFile(path, 'utf8')).trim();
    if (secretProblem(secret) === null) return { secret, path, created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = generateSecret();
  await writeFile(path, `${secret}\n`, { mode: 0o600 });
  return { secret, path, created: true };
}
