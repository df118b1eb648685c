// Benchmark: a server's start after an unclean stop with many sessions left open (issue 13's
// storm: the server listens only once they are closed). N clients are written as connected and
// never disconnected, held by this server, into a fresh SQLite store; then the fleet is started
// in process, which closes each with a `client.disconnected` event (fleet/last-seen.ts), and
// the time fleet.start() took is printed. Usage:
//
//   npx tsx bench/restart.ts [--clients 10000]

import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { createAuthorizedKeys } from '../src/fleet/authorized-keys.js';
import { createFleet } from '../src/fleet/index.js';
import { testHealth } from '../test/support/in-process-fleet.js';
import { clientRecord, openTestStore } from '../test/support/store.js';
import { machine, progress } from './common.js';

const { values: flags } = parseArgs({ options: { clients: { type: 'string', default: '10000' } } });
const count = Number(flags.clients);
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
  const logger = pino({ level: 'silent' });
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
} finally {
  await testStore.close();
}
