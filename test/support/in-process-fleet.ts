// The fleet service on a real store, behind a real tunnel hub, with real agent tunnels — all in
// the test's own process, over SSH on loopback. For tests of fleet policy that need agents
// (names at admission, heartbeats, refused keys, paths) without spawning a server.

import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { createAuthorizedKeys } from '../../src/fleet/authorized-keys.js';
import { createFleet, type Fleet, type FleetOptions } from '../../src/fleet/index.js';
import { createTunnelHub, type TunnelHub } from '../../src/hub/tunnel-hub.js';
import { generateEd25519KeyPair } from '../../src/lib/ssh-keygen.js';
import type { AgentFacts } from '../../src/protocol/rpc.js';
import {
  captureLog,
  factsFor,
  startAgent,
  type CapturedLog,
  type InProcessAgent,
} from './in-process-hub.js';
import { openTestStore, type TestStore } from './store.js';
import { waitFor } from './wait.js';

export interface InProcessFleet {
  fleet: Fleet;
  testStore: TestStore;
  hub: TunnelHub;
  port: number;
  log: CapturedLog;
  /** Starts an agent with these facts (uuid and key fresh unless given). */
  agent(options?: AgentSpec): Promise<InProcessAgent & { privateKey: string }>;
  close(): Promise<void>;
}

export interface AgentSpec {
  uuid?: string;
  privateKey?: string;
  facts?: Partial<AgentFacts>;
  enrollmentToken?: string | null;
  allowedPaths?: readonly string[] | null;
  /** The machine's own ceiling on port forwards (config.yaml allowed_forwards); null: none. */
  allowedForwards?: readonly string[] | null;
  /** Wait until the fleet has it online (default true). */
  waitOnline?: boolean;
}

export const testHealth = {
  heartbeatIntervalS: 30,
  heartbeatFailures: 3,
  graceS: 60,
  heartbeatTimeoutS: 10,
  resourceChecks: false,
  thresholds: { cpu: 80, memory: 85, disk: 85 },
};

/** Heartbeats every second, two failures to UNHEALTHY, no grace: health verdicts in seconds. */
export const fastHealth = { ...testHealth, heartbeatIntervalS: 1, heartbeatFailures: 2, graceS: 0 };

export async function startInProcessFleet(
  options: Partial<Omit<FleetOptions, 'store' | 'logger'>> & { logger?: Logger } = {},
): Promise<InProcessFleet> {
  const testStore = await openTestStore();
  const log = captureLog('info');
  const logger = options.logger ?? log.logger;
  const fleet = createFleet({
    authorizedKeys: createAuthorizedKeys(join('/nonexistent', 'authorized_keys'), logger),
    openEnrollment: true,
    rateLimitDefaults: { rpm: 600, concurrent: 10, mode: 'WARN' },
    health: testHealth,
    version: 'test',
    ...options,
    store: testStore.store,
    logger,
  });
  await fleet.start();
  const hub = createTunnelHub({
    hostKey: generateEd25519KeyPair().private,
    hubVersion: 'test',
    logger: logger.child({ component: 'hub' }),
    authorize: fleet.agents.authorize,
    onSession: fleet.agents.attach,
  });
  const port = (await hub.listen('127.0.0.1', 0)).port;
  const agents: InProcessAgent[] = [];

  return {
    fleet,
    testStore,
    hub,
    port,
    log,
    async agent(spec = {}) {
      const uuid = spec.uuid ?? randomUUID();
      const privateKey = spec.privateKey ?? generateEd25519KeyPair().private;
      const agent = startAgent(port, {
        uuid,
        privateKey,
        enrollmentToken: spec.enrollmentToken ?? null,
        allowedPaths: spec.allowedPaths ?? null,
        allowedForwards: spec.allowedForwards ?? null,
        facts: async () => ({ ...factsFor(uuid), ...spec.facts, uuid }),
      });
      agents.push(agent);
      if (spec.waitOnline !== false) {
        await waitFor(async () => (await fleet.clients.find(uuid))?.online === true || undefined, {
          timeoutMs: 20_000,
          what: `agent ${uuid} online`,
        });
      }
      return Object.assign(agent, { privateKey });
    },
    async close() {
      await Promise.all(agents.map((agent) => agent.stop()));
      await fleet.disconnectAll('test over');
      await fleet.stop();
      await hub.close();
      await testStore.close();
    },
  };
}
