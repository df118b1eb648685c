// The agent's pseudo-terminals, through @lydell/node-pty (node-pty with prebuilt binaries: no
// compiler on the client; docs/dependencies.md). Loaded lazily, on the first shell: an agent
// whose platform has no prebuilt binary still installs and runs everything else, and its shells
// fall back to plain pipes with a note saying why (see ./streams/shell.ts).

import { createRequire } from 'node:module';

export interface Pty {
  readonly pid: number;
  onData(listener: (data: string) => void): { dispose(): void };
  onExit(listener: (exit: { exitCode: number; signal?: number }) => void): { dispose(): void };
  write(data: string | Buffer): void;
  resize(cols: number, rows: number): void;
  pause(): void;
  resume(): void;
  kill(signal?: string): void;
}

export interface PtySpawnOptions {
  name: string;
  cols: number;
  rows: number;
  cwd: string;
  env: Record<string, string>;
}

export type SpawnPty = (file: string, args: string[], options: PtySpawnOptions) => Pty;

let loaded: { spawn: SpawnPty } | { error: string } | undefined;

/** node-pty's spawn, or why it cannot be had here (loaded once). */
export function loadPty(): { spawn: SpawnPty } | { error: string } {
  if (loaded) return loaded;
  if (process.env['PHONEHOME_NO_PTY'] === '1') {
    loaded = { error: 'PTYs are turned off on this agent (PHONEHOME_NO_PTY=1)' };
    return loaded;
  }
  try {
    const require = createRequire(import.meta.url);
    const module = require('@lydell/node-pty') as { spawn: SpawnPty };
    loaded = { spawn: module.spawn };
  } catch (error) {
    loaded = {
      error: `no PTY library for ${process.platform}-${process.arch} (@lydell/node-pty: ${(error as Error).message.split('\n')[0]})`,
    };
  }
  return loaded;
}
