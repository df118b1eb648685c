// Property test of the fleet's client filters at scale's expense: random fleets, random changes
// through every path that changes a client (operator updates, bulk tags, decommission and
// restore, key changes and acceptKey, agents reconnecting with new facts), then random filters.
// Each answer of the fleet (lists, pages with totalCount, tags and their clients) must equal a
// naive evaluation over the rows read straight from SQLite by a second connection — so the
// in-memory client index is checked both for its query logic and for coherence with the store.
//
// The seed is printed on failure; ETPH_FILTER_SEED=<n> replays a run.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import pino from 'pino';
import { createAuthorizedKeys } from '../../src/fleet/authorized-keys.js';
import { createFleet, type ClientFilter, type Fleet } from '../../src/fleet/index.js';
import { MAX_LIST_CLIENTS } from '../../src/fleet/limits.js';
import { createTunnelHub, type TunnelHub } from '../../src/hub/tunnel-hub.js';
import { generateEd25519KeyPair } from '../../src/lib/ssh-keygen.js';
import type { ClientRecord, Store } from '../../src/store/index.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { factsFor, startAgent, type InProcessAgent } from '../support/in-process-hub.js';
import { clientRecord, openTestStore, type TestStore } from '../support/store.js';
import { waitFor } from '../support/wait.js';
import { seededRandom } from '../support/random.js';

const seed = Number(process.env['ETPH_FILTER_SEED'] ?? Date.now() % 1_000_000);

/** Draws from a seeded PRNG, so a failing run can be replayed. */
function createRandom(start: number) {
  const next = seededRandom(start);
  const int = (n: number): number => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  const some = <T>(list: readonly T[], max: number): T[] => {
    const out = new Set<T>();
    const n = int(max + 1);
    for (let i = 0; i < n; i += 1) out.add(pick(list));
    return [...out];
  };
  return { next, int, pick, some, chance: (p: number) => next() < p };
}

const random = createRandom(seed);
const TAGS = ['production', 'staging', 'db', 'web', 'eu-west', 'us-east', 'critical', 'gpu'];
const CAPABILITIES = ['docker', 'git', 'python3.12', 'nvidia-gpu', 'systemd', 'kubectl'];
const WORDS = ['Web', 'Database', 'Café', 'ÄRGER', 'replica', 'Billing', 'api', 'cache', 'West'];
const caller = { actor: 'property-test' };

function word(): string {
  const chosen = random.pick(WORDS);
  return random.chance(0.3) ? chosen.toUpperCase() : chosen;
}
function phrase(): string {
  return `${word()} ${word()} #${random.int(50)}`;
}

// ── the system under test: a fleet over the indexed store, a real hub, real agents ─────────

let testStore: TestStore;
let truthStore: Store;
let fleet: Fleet;
let hub: TunnelHub;
let hubPort: number;
const agents = new Map<string, { agent: InProcessAgent; privateKey: string }>();
let nextClient = 0;

before(async () => {
  testStore = await openTestStore();
  const logger = pino({ level: 'silent' });
  fleet = createFleet({
    store: testStore.store,
    logger,
    authorizedKeys: createAuthorizedKeys(join('/nonexistent', 'authorized_keys'), logger),
    openEnrollment: true,
    rateLimitDefaults: { rpm: 60, concurrent: 10, mode: 'WARN' },
    health: {
      heartbeatIntervalS: 3600,
      heartbeatFailures: 3,
      graceS: 60,
      heartbeatTimeoutS: 10,
      resourceChecks: false,
      thresholds: { cpu: 80, memory: 85, disk: 85 },
    },
    version: 'test',
  });
  hub = createTunnelHub({
    hostKey: generateEd25519KeyPair().private,
    hubVersion: 'test',
    logger,
    authorize: fleet.agents.authorize,
    onSession: fleet.agents.attach,
  });
  hubPort = (await hub.listen('127.0.0.1', 0)).port;
  // The truth: the same database file through a second connection, no index in between.
  truthStore = await openSqliteStore({ file: testStore.file });
});

after(async () => {
  for (const { agent } of agents.values()) await agent.stop();
  await fleet.disconnectAll('test over');
  await fleet.stop();
  await hub.close();
  await truthStore.close();
  await testStore.close();
});

// ── the naive evaluation ──────────────────────────────────────────────────────────────────

function naiveMatch(row: ClientRecord, filter: ClientFilter, online: Set<string>): boolean {
  const lower = (s: string | null) => (s ?? '').toLowerCase();
  if (!filter.includeDecommissioned && row.decommissionedAt !== null) return false;
  if (filter.query) {
    const needle = filter.query.toLowerCase();
    const fields = [row.displayName, row.purpose, row.hostname, row.clientId];
    if (!fields.some((field) => lower(field).includes(needle))) return false;
  }
  if (filter.purpose && !lower(row.purpose).includes(filter.purpose.toLowerCase())) return false;
  if (filter.tags && !filter.tags.every((tag) => row.tags.includes(tag))) return false;
  if (filter.capabilities && !filter.capabilities.every((c) => row.capabilities.includes(c)))
    return false;
  if (filter.onlineOnly && !online.has(row.uuid)) return false;
  if (filter.keyMismatch === true && row.pendingFingerprint === null) return false;
  if (filter.keyMismatch === false && row.pendingFingerprint !== null) return false;
  return true;
}

const byClientId = (a: ClientRecord, b: ClientRecord) =>
  a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0;

async function truth(): Promise<ClientRecord[]> {
  return (await truthStore.clients.list({ includeDecommissioned: true })).sort(byClientId);
}

function randomFilter(rows: readonly ClientRecord[]): ClientFilter {
  const filter: ClientFilter = {};
  const row = rows.length > 0 ? random.pick(rows) : null;
  if (random.chance(0.35)) {
    const source = row
      ? random.pick([row.displayName, row.purpose, row.hostname, row.clientId])
      : null;
    if (source && random.chance(0.8)) {
      const start = random.int(source.length);
      const piece = source.slice(start, start + 1 + random.int(8));
      filter.query = random.chance(0.5) ? piece.toUpperCase() : piece;
    } else {
      filter.query = random.pick(['zz-nothing', 'É', 'a', 'ca', '#1']);
    }
  }
  if (random.chance(0.2)) filter.purpose = random.pick(['replica', 'CAFÉ', 'b', 'billing #']);
  if (random.chance(0.5)) filter.tags = random.some(TAGS, 3);
  if (random.chance(0.3)) filter.capabilities = random.some(CAPABILITIES, 2);
  if (random.chance(0.2)) filter.onlineOnly = true;
  if (random.chance(0.15)) filter.keyMismatch = random.chance(0.5);
  if (random.chance(0.15)) filter.includeDecommissioned = true;
  return filter;
}

async function onlineNow(): Promise<Set<string>> {
  return new Set((await fleet.clients.list({ onlineOnly: true })).map((c) => c.uuid));
}

/** Every answer of the fleet equals the naive one, for `count` random filters. */
async function checkFilters(round: number, count: number): Promise<void> {
  const rows = await truth();
  const online = new Set(agents.keys());
  const reportedOnline = await onlineNow();
  assert.deepEqual([...reportedOnline].sort(), [...online].sort(), 'online set');

  // Coherence: every record the fleet holds equals the row in the database, field by field.
  const held = new Map(
    (await testStore.store.clients.getMany(rows.map((r) => r.uuid))).map((r) => [r.uuid, r]),
  );
  for (const row of rows)
    assert.deepEqual({ ...held.get(row.uuid) }, row, `record ${row.clientId}`);

  for (let i = 0; i < count; i += 1) {
    const filter = randomFilter(rows);
    const context = `seed ${seed}, round ${round}, filter ${JSON.stringify(filter)}`;
    const expected = rows.filter((row) => naiveMatch(row, filter, online)).map((r) => r.uuid);
    assert.ok(expected.length <= MAX_LIST_CLIENTS);
    const listed = (await fleet.clients.list(filter)).map((c) => c.uuid);
    assert.deepEqual(listed, expected, `list: ${context}`);
    // Paged, in clientId order, with the total.
    const size = 1 + random.int(40);
    const paged: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await fleet.clients.page(filter, size, after);
      assert.equal(await page.totalCount(), expected.length, `totalCount: ${context}`);
      paged.push(...page.clients.map((c) => c.uuid));
      if (!page.hasNextPage) break;
      after = page.clients[page.clients.length - 1]?.clientId ?? null;
    }
    assert.deepEqual(paged, expected, `pages of ${size}: ${context}`);
  }

  // Tags: in use by clients that are not decommissioned, their counts and their clients.
  const active = rows.filter((row) => row.decommissionedAt === null);
  const names = [...new Set(active.flatMap((row) => row.tags))].sort();
  assert.deepEqual(
    (await fleet.tags.list()).map((t) => t.name),
    names,
    `tags, seed ${seed}, round ${round}`,
  );
  const loaders = fleet.createLoaders();
  for (const name of [...names, 'never-used']) {
    const members = active.filter((row) => row.tags.includes(name)).map((row) => row.uuid);
    assert.equal(await loaders.tagClientCount.load(name), members.length, `count of ${name}`);
    assert.deepEqual(
      (await loaders.tagClients.load(name)).map((c) => c.uuid),
      members,
      `clients of ${name}, seed ${seed}`,
    );
  }
}

// ── random changes, through the fleet and the agents ──────────────────────────────────────

async function insertClients(n: number): Promise<void> {
  for (let i = 0; i < n; i += 1) {
    nextClient += 1;
    const decommissioned = random.chance(0.1);
    const mismatch = random.chance(0.1);
    await testStore.store.clients.insert(
      clientRecord(nextClient, {
        clientId: `${random.pick(['web', 'db', 'api', 'Cache'])}-${String(nextClient).padStart(4, '0')}`,
        displayName: random.chance(0.8) ? phrase() : null,
        purpose: random.chance(0.8) ? phrase() : null,
        hostname: `${random.pick(WORDS).toLowerCase()}-${nextClient}.example`,
        tags: random.some(TAGS, 4),
        capabilities: random.some(CAPABILITIES, 4).sort(),
        decommissionedAt: decommissioned ? new Date(Date.now() - random.int(1e6)) : null,
        pendingFingerprint: mismatch ? `SHA256:pending-${nextClient}` : null,
        pendingPublicKey: mismatch ? 'ssh-ed25519 AAAApending' : null,
      }),
    );
  }
}

async function attachAgent(
  uuid: string,
  privateKey: string,
  facts: Partial<ReturnType<typeof factsFor>>,
) {
  const before = (await testStore.store.clients.get(uuid))?.connectionCount ?? 0;
  const agent = startAgent(hubPort, {
    uuid,
    privateKey,
    facts: async () => ({ ...factsFor(uuid), ...facts }),
  });
  agents.set(uuid, { agent, privateKey });
  await waitFor(
    async () => {
      const view = await fleet.clients.find(uuid);
      return view?.online === true && view.connectionCount > before;
    },
    { what: `agent ${uuid} online` },
  );
}

async function detachAgent(uuid: string): Promise<void> {
  const entry = agents.get(uuid);
  if (!entry) return;
  agents.delete(uuid);
  await entry.agent.stop();
  await waitFor(async () => (await fleet.clients.find(uuid))?.online === false, {
    what: `agent ${uuid} offline`,
  });
}

function randomAgentFacts() {
  return {
    hostname: `${word().toLowerCase()}-agent-${random.int(100)}`,
    capabilities: random.some(CAPABILITIES, 3).sort(),
    suggested: { displayName: phrase(), tags: random.some(TAGS, 2) },
  };
}

async function randomChange(rows: readonly ClientRecord[]): Promise<void> {
  const live = rows.filter((row) => row.decommissionedAt === null);
  const row = random.pick(live.length > 0 ? live : rows);
  const kind = random.int(9);
  try {
    if (kind === 0) {
      await fleet.clients.update(
        row.uuid,
        { displayName: random.chance(0.2) ? null : phrase() },
        caller,
      );
    } else if (kind === 1) {
      await fleet.clients.update(
        row.uuid,
        { purpose: phrase(), tags: random.some(TAGS, 3) },
        caller,
      );
    } else if (kind === 2) {
      const addTags = random.some(TAGS, 2);
      const removeTags = random.some(TAGS, 2).filter((tag) => !addTags.includes(tag));
      if (addTags.length + removeTags.length === 0) return;
      await fleet.clients.updateMany(
        { tags: [random.pick(TAGS)] },
        { addTags, removeTags },
        caller,
      );
    } else if (kind === 3) {
      await fleet.clients.decommission(row.uuid, { stopService: false }, caller);
      // Its link was cut; the agent would be refused from now on.
      if (agents.has(row.uuid)) await detachAgent(row.uuid);
    } else if (kind === 4) {
      const gone = rows.filter((r) => r.decommissionedAt !== null);
      if (gone.length > 0) await fleet.clients.restore(random.pick(gone).uuid, caller);
    } else if (kind === 5) {
      const waiting = rows.filter((r) => r.pendingFingerprint !== null);
      if (waiting.length > 0) await fleet.clients.acceptKey(random.pick(waiting).uuid, caller);
    } else if (kind === 6) {
      await fleet.clients.configure(row.uuid, { rateLimitRpm: 1 + random.int(100) }, caller);
    } else if (kind === 7 && agents.size < 4) {
      // A new agent: its first admission creates the record.
      await attachAgent(randomUUID(), generateEd25519KeyPair().private, randomAgentFacts());
    } else if (kind === 8 && agents.size > 0) {
      const uuid = random.pick([...agents.keys()]);
      const { privateKey } = agents.get(uuid) as { privateKey: string };
      await detachAgent(uuid);
      if (random.chance(0.7)) {
        // Reconnects: same key, or a new one (a key mismatch, quarantined until acceptKey).
        const key = random.chance(0.25) ? generateEd25519KeyPair().private : privateKey;
        await attachAgent(uuid, key, randomAgentFacts());
      }
    }
  } catch (error) {
    // Refusals of the fleet (nothing to change, already decommissioned …) change nothing.
    if (!(error instanceof Error) || !('code' in error)) throw error;
  }
}

test(`every filter answers as a naive evaluation of the stored rows (seed ${seed})`, async () => {
  await insertClients(250);
  await checkFilters(0, 60);
  for (let round = 1; round <= 6; round += 1) {
    await insertClients(random.int(20));
    for (let i = 0; i < 25; i += 1) await randomChange(await truth());
    await checkFilters(round, 40);
  }
});
