// Where the server keeps its data: --data-dir, else ETPHONEHOME_DATA_DIR, else
// ~/.etphonehome-server. The server, the CLI (which reads the server's key and port there on the
// server's machine) and `etphonehome audit` all find it the same way.

import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export function serverDataDir(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return resolve(flag ?? env['ETPHONEHOME_DATA_DIR'] ?? join(homedir(), '.etphonehome-server'));
}
