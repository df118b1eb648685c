// Benchmark: a server's start after an unclean stop with many sessions left open (issue 13's
// storm: the server listens only once they are closed). N clients are written as connected and
// never disconnected, held by this server, into a fresh SQLite store; then the fleet is started
// in process, which closes each with a `client.disconnected` event (fleet/last-seen.ts), and
// the time fleet.start() took is printed. With --spawn the real server (dist/main.js, its own
// logger on a pipe this reads) starts on that database instead, and the time from spawn to
// "server listening" is printed with the CPU it used and its resident memory (a second later, and
// at its peak); --cpu-prof DIR has Node profile that start (written when the server stops);
// --stored N adds N clients that were not connected (bench/seed-clients.ts's fleet), which the
// start loads into its client index. Usage:
//
//   npx tsx bench/restart.ts [--clients 10000] [--log LEVEL]
//     [--spawn [--stored 0] [--cpu-prof DIR]]

import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { createAuthorizedKeys } from '../src/fleet/authorized-keys.js';
import { createFleet } from '../src/fleet/index.js';
import { createLogger } from '../src/logger.js';
import { testHealth } from '../test/support/in-process-fleet.js';
import { clientRecord, openTestStore } from '../test/support/store.js';
import { spawnProcess } from '../test/support/processes.js';
import { SERVER_BIN } from '../test/support/server.js';
import { machine, progress, wholeFlag } from './common.js';
import { seedClients } from './seed-clients.js';
import { residentMiB, treeCpuMs } from './support/process-cpu.js';

const { values: flags } = parseArgs({
  options: {
    clients: { type: 'string', default: '10000' },
    log: { type: 'string' },
    spawn: { type: 'boolean' },
    stored: { type: 'string', default: '0' },
    'cpu-prof': { type: 'string' },
  },
});
const count = wholeFlag(flags.clients, '--clients', 10_000, 0);
const stored = wholeFlag(flags.stored, '--stored', 0, 0);
if (stored > 0 && !flags.spawn) {
  console.error('--stored needs --spawn (the stored clients are seeded into the spawned copy)');
  process.exit(2);
}
const server = 'crashed-here';
const testStore = await openTestStore();
try {
  const { store } = testStore;
  const connected = new Date(Date.now() - 3_600_000);
  const lastBeat = new Date(Date.now() - 60_000);
  progress(`writing ${count} clients left open by a crash`);
  for (let n = 1; n <= count; n++) {
    await store.clients.insert(
      clientRecord(n, {
        lastConnectedAt: connected,
        lastSeen: lastBeat,
        lastDisconnectedAt: null,
        heldBy: server,
        heldConnection: `c${n}`,
      }),
    );
  }
  // --log LEVEL: the server's own logger (JSON lines on stderr) at that level; silent by default.
  if (flags.spawn) {
    await testStore.store.close(); // the copy must hold everything written
    if (stored > 0) {
      progress(`seeding ${stored} stored clients`);
      await seedClients(testStore.file, { count: stored });
    }
    const figures = await startSpawned(testStore.file);
    console.log(
      JSON.stringify({ machine: machine(), leftOpen: count, stored, ...figures }, null, 2),
    );
  } else await startInProcess();
} finally {
  await testStore.close();
}

/** fleet.start() in this process over the store; its time. */
async function startInProcess(): Promise<void> {
  const { store } = testStore;
  const logger = flags.log ? createLogger({ level: flags.log }) : pino({ level: 'silent' });
  const fleet = createFleet({
    store,
    logger,
    server: { name: server, peerUrl: null },
    authorizedKeys: createAuthorizedKeys(join('/nonexistent', 'authorized_keys'), logger),
    openEnrollment: false,
    rateLimitDefaults: { rpm: 60, concurrent: 10, mode: 'WARN' },
    health: testHealth,
    version: 'bench',
  });
  progress('starting the fleet');
  const started = performance.now();
  await fleet.start();
  const startMs = performance.now() - started;
  const events = await fleet.events.list({ events: ['client.disconnected'] }, 1);
  await fleet.stop();
  console.log(
    JSON.stringify(
      {
        machine: machine(),
        leftOpen: count,
        startMs: Math.round(startMs),
        perSessionMs: Number((startMs / count).toFixed(3)),
        lastEventId: events[0]?.id ?? null,
      },
      null,
      2,
    ),
  );
}

/** Starts dist/main.js on a copy of `file` as server `crashed-here`; its time to listen, its memory. */
async function startSpawned(file: string): Promise<Record<string, number>> {
  const dataDir = await mkdtemp(join(tmpdir(), 'etph-restart-'));
  try {
    await copyFile(file, join(dataDir, 'etphonehome.db'));
    const profile = flags['cpu-prof'];
    const started = performance.now();
    const child = spawnProcess(
      process.execPath,
      [
        ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${resolve(profile)}`] : []),
        SERVER_BIN,
        'server',
        ...['--data-dir', dataDir, '--ssh-port', '0', '--http-port', '0'],
        ...['--server-name', server, '--log-level', flags.log ?? 'info'],
      ],
      { env: { ...process.env, ETPHONEHOME_API_KEY: 'bench-restart-key-0123456789' } },
    );
    progress('spawned the server');
    await child.waitForLine((line) => line.includes('"server listening"'), 600_000);
    const listenMs = performance.now() - started;
    const cpuMs = treeCpuMs(child.child.pid ?? 0);
    // A second to settle: its memory is read then.
    await new Promise((done) => setTimeout(done, 1000));
    const resident = residentMiB(child.child.pid);
    await child.kill('SIGINT');
    await child.exited;
    return {
      listenMs: Math.round(listenMs),
      serverCpuMs: Math.round(cpuMs),
      residentMiB: resident?.now ?? -1,
      peakResidentMiB: resident?.peak ?? -1,
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
