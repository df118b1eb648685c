// Debian's HAProxy in front of test servers, configured from docs/examples/haproxy.cfg itself:
// only the listening ports and the servers' addresses are swapped, so the tests and the cluster
// benchmark prove the example a user copies. Stopped (and its config removed) by `stop`, or by
// killAll at the end of a test file.

import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './ports.js';
import { spawnProcess, type Spawned } from './processes.js';
import { waitFor } from './wait.js';

export const HAPROXY_BIN = ['/usr/sbin/haproxy', '/usr/bin/haproxy'].find((path) =>
  existsSync(path),
);

export const EXAMPLE_CONFIG = resolve('docs/examples/haproxy.cfg');

export interface Backend {
  name: string;
  sshPort: number;
  httpPort: number;
}

export interface HAProxy {
  sshPort: number;
  httpPort: number;
  url: string;
  process: Spawned;
  stop(): Promise<void>;
}

/** The example configuration with these listening ports and backends (by position, 1 to 3). */
export function configFor(
  example: string,
  ports: { ssh: number; http: number },
  backends: readonly Backend[],
): string {
  let text = example
    .replace(/^(\s*)bind :2222$/m, `$1bind 127.0.0.1:${ports.ssh}`)
    .replace(/^(\s*)bind :8765$/m, `$1bind 127.0.0.1:${ports.http}`);
  backends.forEach((backend, index) => {
    const n = index + 1;
    text = text
      .replace(
        new RegExp(`server etph-${n} 10\\.0\\.0\\.${n}:2222 check port 8765`),
        `server ${backend.name} 127.0.0.1:${backend.sshPort} check port ${backend.httpPort}`,
      )
      .replace(
        new RegExp(`server etph-${n} 10\\.0\\.0\\.${n}:8765 check`),
        `server ${backend.name} 127.0.0.1:${backend.httpPort} check`,
      );
  });
  // Fewer backends than the example's three: the rest are left out.
  return text
    .split('\n')
    .filter((line) => !/server etph-\d 10\.0\.0\.\d/.test(line))
    .join('\n');
}

/** Starts HAProxy from the example config in front of `backends`; waits until it listens. */
export async function startHAProxy(backends: readonly Backend[]): Promise<HAProxy> {
  if (!HAPROXY_BIN)
    throw new Error('HAProxy is not installed: apt-get install haproxy (.ci/run installs it)');
  const dir = await mkdtemp(join(tmpdir(), 'etph-haproxy-'));
  const ports = { ssh: await freePort(), http: await freePort() };
  const config = join(dir, 'haproxy.cfg');
  await writeFile(config, configFor(await readFile(EXAMPLE_CONFIG, 'utf8'), ports, backends));
  // -db: foreground, logs to stderr.
  const process = spawnProcess(HAPROXY_BIN, ['-db', '-f', config]);
  await waitFor(
    () =>
      new Promise<boolean>((done) => {
        const socket = net.connect(ports.http, '127.0.0.1');
        socket.once('connect', () => (socket.destroy(), done(true)));
        socket.once('error', () => done(false));
      }),
    { timeoutMs: 30_000, what: 'HAProxy listening' },
  );
  return {
    sshPort: ports.ssh,
    httpPort: ports.http,
    url: `http://127.0.0.1:${ports.http}`,
    process,
    async stop() {
      await process.kill('SIGTERM');
      await rm(dir, { recursive: true, force: true });
    },
  };
}
