// The fleet in the test's own process, for tests of its policy: `createFleet` on a temporary
// SQLite store, the real tunnel hub on loopback, and real agents (./harness-agent.ts) — no
// `dist/`, no spawned server, nothing of ours replaced by a mock.
//
//   test ──▶ fleet (createFleet) ──▶ gate ──▶ hub (createTunnelHub, 127.0.0.1:0)
//     │         │ events ──▶ EventLog            ▲ SSH
//     │         ▼                                 │
//     │       store (openStore, temp file)      relay ◀── agent (startTunnel + handlers)
//     └─▶ api() (optional): the GraphQL server over HTTP and graphql-ws, in process
//
// `restart()` closes everything but the agents and the store file, then starts a new fleet and hub
// on that file (the agents reconnect by themselves, as they do after a real restart).

import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAuthorizedKeys } from '../../src/fleet/authorized-keys.js';
import {
  createFleet,
  type Caller,
  type Fleet,
  type FleetEvent,
  type HealthConfig,
  type RateLimitDefaults,
  type ResourceThresholds,
} from '../../src/fleet/index.js';
import { createTunnelHub, type HubLimits, type TunnelHub } from '../../src/hub/tunnel-hub.js';
import { generateEd25519KeyPair } from '../../src/lib/ssh-keygen.js';
import type { Store } from '../../src/store/index.js';
import { openStore } from '../../src/store/open.js';
import { createEventLog, type EventLog, type EventMatch } from './event-log.js';
import type { HarnessApi } from './harness-api.js';
import { createHarnessAgent, type AgentSpec, type HarnessAgent } from './harness-agent.js';
import { captureLog, type CapturedLog } from './in-process-hub.js';
import { waitFor } from './wait.js';

export type { AgentSpec, HarnessAgent } from './harness-agent.js';
export type { HarnessApi } from './harness-api.js';

export interface HarnessOptions {
  /** Default true: any key is admitted (as `--open-enrollment`). */
  openEnrollment?: boolean;
  /** Lines of <data-dir>/authorized_keys. */
  authorizedKeys?: string[];
  /** The server's defaults (60 rpm, 10 in flight, WARN unless given). */
  rateLimit?: Partial<RateLimitDefaults>;
  health?: Partial<Omit<HealthConfig, 'thresholds'>> & { thresholds?: ResourceThresholds };
  hubLimits?: Partial<HubLimits>;
  transferRoots?: string[];
  /** Where the store file lives (default: the harness's temporary directory). */
  storeDir?: string;
}

export interface FleetHarness {
  /** The fleet now (a new one after restart()). */
  readonly fleet: Fleet;
  readonly store: Store;
  /**
   * SQL statements since the last resetStatements() (for "no N+1" checks), with the store's
   * "begin" and "commit" marks around each transaction's.
   */
  readonly statements: string[];
  resetStatements(): void;
  /** The server's log lines (fleet and hub), parsed. */
  readonly log: CapturedLog;
  /** Every event the fleet published (across restarts). Live, so it may lag: see recorded(). */
  readonly events: EventLog;
  /**
   * The events matching, since a mark, once every event recorded so far has reached `events`
   * (delivery to subscribers is asynchronous; the row is written before an operation returns).
   */
  recorded(match: EventMatch, since?: number): Promise<FleetEvent[]>;
  /** A temporary directory for the test's files; removed by close(). */
  readonly dir: string;
  readonly hubPort: number;
  /** A caller as a door would pass it. */
  caller(actor?: string, signal?: AbortSignal): Caller;
  /** One agent, started and online unless `start: false`. */
  addAgent(spec?: AgentSpec & { start?: boolean }): Promise<HarnessAgent>;
  /** Several agents, started together; each online before this resolves. */
  addAgents(
    count: number,
    spec?: AgentSpec | ((index: number) => AgentSpec),
  ): Promise<HarnessAgent[]>;
  /** The GraphQL server on loopback over this fleet (started on first use). */
  api(): Promise<HarnessApi>;
  /** Closes fleet, hub and API, opens a new fleet on the same store file; running agents return. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

const HEALTH: HealthConfig = {
  heartbeatIntervalS: 30,
  heartbeatFailures: 3,
  graceS: 60,
  heartbeatTimeoutS: 10,
  resourceChecks: false,
  thresholds: { cpu: 80, memory: 85, disk: 85 },
};

/** The hub as the server runs it, but reconnects are never throttled (tests reconnect a lot). */
const HUB_LIMITS: Partial<HubLimits> = { reloginBurst: 10_000, sourceReloginBurst: 100_000 };

export async function startFleetHarness(options: HarnessOptions = {}): Promise<FleetHarness> {
  const dir = await mkdtemp(join(tmpdir(), 'etph-harness-'));
  const log = captureLog('info');
  const events = createEventLog();
  const hostKey = generateEd25519KeyPair().private;
  const statements: string[] = [];
  const agents = new Set<HarnessAgent>();
  const keysFile = join(dir, 'authorized_keys');
  if (options.authorizedKeys) await writeFile(keysFile, options.authorizedKeys.join('\n') + '\n');

  let store: Store;
  let fleet: Fleet;
  let hub: TunnelHub;
  let hubPort = 0;
  let api: HarnessApi | null = null;
  let apiPort = 0;
  // The API's key, kept across restarts (as ETPHONEHOME_API_KEY would be).
  const apiKey = `test-${randomBytes(16).toString('hex')}`;
  let feed: AsyncIterableIterator<unknown> | null = null;

  async function open(): Promise<void> {
    store = await openStore({
      file: join(options.storeDir ?? dir, 'etphonehome.db'),
      onStatement: (sql) => statements.push(sql),
    });
    fleet = createFleet({
      store,
      logger: log.logger,
      authorizedKeys: createAuthorizedKeys(keysFile, log.logger.child({ component: 'admission' })),
      openEnrollment: options.openEnrollment ?? true,
      rateLimitDefaults: { rpm: 60, concurrent: 10, mode: 'WARN', ...options.rateLimit },
      health: { ...HEALTH, ...options.health },
      version: 'test',
      transferRoots: options.transferRoots,
      // The API's key is the bootstrap admin (as <data-dir>/api_key is for a server).
      bootstrapKey: apiKey,
    });
    await fleet.start();
    const live = await fleet.events.subscribe({});
    feed = live;
    void (async () => {
      for await (const event of live) events.push(event);
    })();
    hub = createTunnelHub({
      hostKey,
      hubVersion: 'test',
      logger: log.logger.child({ component: 'hub' }),
      authorize: fleet.agents.authorize,
      onSession: fleet.agents.attach,
      limits: { ...HUB_LIMITS, ...options.hubLimits },
    });
    hubPort = (await hub.listen('127.0.0.1', 0)).port;
  }

  async function shut(): Promise<void> {
    await api?.close();
    await fleet.disconnectAll('server shutting down');
    await fleet.stop();
    await feed?.return?.();
    await hub.close();
    await store.close();
  }

  await open();

  const harness: FleetHarness = {
    get fleet() {
      return fleet;
    },
    get store() {
      return store;
    },
    statements,
    resetStatements: () => void statements.splice(0),
    log,
    events,
    async recorded(match, since = 0) {
      const [newest] = await fleet.events.list({}, 1);
      if (newest) await events.next({ where: (event) => event.id >= newest.id }, { since: 0 });
      return events.find(match, since);
    },
    dir,
    get hubPort() {
      return hubPort;
    },
    caller: (actor = 'test', signal) => (signal ? { actor, signal } : { actor }),

    async addAgent(spec = {}) {
      const { start = true, ...facts } = spec;
      const agent = await createHarnessAgent(harness, facts);
      agents.add(agent);
      if (start) await agent.start();
      return agent;
    },

    async addAgents(count, spec = {}) {
      const made = await Promise.all(
        Array.from({ length: count }, (_, index) =>
          harness.addAgent(typeof spec === 'function' ? spec(index) : spec),
        ),
      );
      return made;
    },

    async api() {
      // Imported on first use: the GraphQL server costs a second to load, and most tests of the
      // fleet's policy call it directly.
      const { startHarnessApi } = await import('./harness-api.js');
      api ??= await startHarnessApi(fleet, log.logger, { apiKey, port: apiPort });
      apiPort = api.httpPort;
      return api;
    },

    async restart() {
      const running = [...agents].filter((agent) => agent.running);
      const hadApi = api !== null;
      await shut();
      // Marked once the old fleet is gone: an agent that reconnected to the old hub while it was
      // shutting down was admitted there, and that connection is not the one to wait for.
      const since = events.mark();
      api = null;
      await open();
      if (hadApi) await harness.api();
      await Promise.all(
        running.map(async (agent) => {
          await events.next({ type: 'client.connected', clientUuid: agent.uuid }, { since });
          // And held by the new fleet (not only heard of: a connection can be replaced at once).
          await waitFor(async () => (await fleet.clients.get(agent.uuid)).online, {
            what: `${agent.uuid} online after the restart`,
          });
        }),
      );
    },

    async close() {
      await Promise.all([...agents].map((agent) => agent.close()));
      await shut();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return harness;
}
