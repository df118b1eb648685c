// The server's data directory before anything is opened in it: the directory kept 0700 (an
// existing one tightened), the SQLite database and its WAL/SHM files 0600 (SQLite gives the WAL
// and SHM the database file's mode, so creating the file 0600 first covers all three), and a
// refusal to start when the database is missing or empty while the directory already holds the
// server's keys — a lost database would otherwise be recreated silently, forgetting every pinned
// client key and enrollment token (issue 17, item 13). `--allow-new-database` says it is meant.

import { chmod, mkdir, open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from './config.js';
import { HOST_KEY_FILE } from './hub/host-key.js';

/** Files whose presence says this data directory has served before. */
const KEY_FILES = [HOST_KEY_FILE, 'api_key', 'webhook_secret'] as const;
/** The database and the files SQLite keeps beside it. */
const DATABASE_SUFFIXES = ['', '-wal', '-shm'] as const;

/** Reported like a configuration error: the message and exit status 2, no stack. */
export class DataDirError extends ConfigError {
  constructor(message: string) {
    super(message);
    this.name = 'DataDirError';
  }
}

export interface PreparedDataDir {
  /** The directory's mode before it was tightened, when it was looser than 0700. */
  tightenedFrom: number | null;
  /** The database did not exist (or was empty) and is created now. */
  newDatabase: boolean;
}

/**
 * Creates or tightens the data directory and prepares the database file `databaseFile` in it.
 * Throws DataDirError (and changes nothing but the directory's mode) when the database is missing
 * or empty beside existing keys and `allowNewDatabase` is false.
 */
export async function prepareDataDir(
  dataDir: string,
  databaseFile: string,
  options: { allowNewDatabase: boolean },
): Promise<PreparedDataDir> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const mode = (await stat(dataDir)).mode & 0o777;
  const tightenedFrom = (mode & 0o077) !== 0 ? mode : null;
  if (tightenedFrom !== null) await chmod(dataDir, 0o700);

  const size = await stat(databaseFile).then(
    (info) => info.size,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    },
  );
  const newDatabase = size === null || size === 0;
  if (newDatabase && !options.allowNewDatabase) {
    const present = new Set(await readdir(dataDir));
    const keys = KEY_FILES.filter((name) => present.has(name));
    if (keys.length > 0)
      throw new DataDirError(
        `The database ${databaseFile} is ${size === null ? 'missing' : 'empty'}, but ${dataDir} already holds this server's keys (${keys.join(', ')}): starting would forget every client, pinned key and enrollment token. Restore the database from a backup, or start once with --allow-new-database (ETPHONEHOME_ALLOW_NEW_DATABASE=1) to begin with an empty one.`,
      );
  }

  // Created 0600 before SQLite opens it; existing files (and an older WAL/SHM) tightened.
  const handle = await open(databaseFile, 'a', 0o600);
  await handle.close();
  for (const suffix of DATABASE_SUFFIXES) {
    await chmod(`${databaseFile}${suffix}`, 0o600).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
  return { tightenedFrom, newDatabase };
}

/** The database file's path in a data directory. */
export function databasePath(dataDir: string): string {
  return join(dataDir, 'etphonehome.db');
}
