// No N+1: a response about many clients costs a fixed number of SQL statements, whatever the
// number of clients — tags, recent events, recent commands, the clients of tags and the clients
// of events are batched per request (DataLoader). Counted on a real SQLite store, without the
// in-memory client index (with it, client reads cost no statement at all).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphql as execute, parse, subscribe } from 'graphql';
import pino from 'pino';
import { createFleet, type Fleet } from '../../src/fleet/index.js';
import { createAuthorizedKeys } from '../../src/fleet/authorized-keys.js';
import { createSchema } from '../../src/graphql/schema.js';
import type { GraphQLContext } from '../../src/graphql/context.js';
import type { Store } from '../../src/store/index.js';
import { clientRecord, openTestStore, type TestStore } from '../support/store.js';

let dir: string;
let testStore: TestStore;
let store: Store;
let fleet: Fleet;
const schema = createSchema();
let statements: string[] = [];

async function seed(count: number): Promise<void> {
  const tags = [
    ['production', 'us-east'],
    ['staging', 'critical'],
  ];
  const now = new Date();
  await store.transaction(async (tx) => {
    for (let i = 0; i < count; i += 1) {
      const client = clientRecord(i, {
        displayName: `Host ${i}`,
        capabilities: ['git'],
        tags: tags[i % 2] as string[],
        firstSeen: now,
        lastSeen: now,
      });
      await tx.clients.insert(client);
      for (const [type, data] of [
        ['client.connected', { platform: 'Linux' }],
        ['command_executed', { command: 'uptime', exit_code: 0 }],
        ['client.disconnected', { reason: 'test' }],
      ] as const) {
        await tx.events.append({ type, clientUuid: client.uuid, at: now, data, actor: null });
      }
    }
  });
}

async function run(query: string): Promise<{ data: unknown; statements: number }> {
  testStore.resetStatements();
  const context: GraphQLContext = {
    fleet,
    caller: { actor: 'test' },
    loaders: fleet.createLoaders(),
  };
  const result = await execute({ schema, source: query, contextValue: context });
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  return { data: result.data, statements: statements.length };
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'etph-loader-'));
  testStore = await openTestStore('sqlite', { clientIndex: false });
  store = testStore.store;
  const logger = pino({ level: 'silent' });
  fleet = createFleet({
    store,
    logger,
    authorizedKeys: createAuthorizedKeys(join(dir, 'authorized_keys'), logger),
    openEnrollment: false,
    rateLimitDefaults: { rpm: 60, concurrent: 10, mode: 'WARN' },
    health: {
      heartbeatIntervalS: 30,
      heartbeatFailures: 3,
      graceS: 60,
      heartbeatTimeoutS: 10,
      resourceChecks: false,
      thresholds: { cpu: 80, memory: 85, disk: 85 },
    },
    version: 'test',
  });
  await seed(100);
  // Every statement the store runs from now on, gathered per test run.
  statements = testStore.statements;
});

after(async () => {
  await testStore.close();
  await rm(dir, { recursive: true, force: true });
});

test('100 clients with tags, recent events and recent commands: a handful of statements', async () => {
  const { data, statements: count } = await run(`{
    clients {
      clientId
      tags { name clientCount }
      recentEvents(limit: 3) { event client { clientId tags { name } } }
      recentCommands(limit: 2) { data }
    }
  }`);
  const clients = (data as { clients: { recentEvents: unknown[]; recentCommands: unknown[] }[] })
    .clients;
  assert.equal(clients.length, 100);
  assert.ok(clients.every((c) => c.recentEvents.length === 3 && c.recentCommands.length === 1));
  // clients + tags, then one batch each: recent events, recent commands, tag counts, and
  // the event's clients (+ their tags).
  assert.ok(count <= 8, `expected at most 8 statements, got ${count}:\n${statements.join('\n')}`);
});

test('the audit trail with each event’s client: no statement per event', async () => {
  const { data, statements: count } = await run(`{
    events(limit: 300) { event client { clientId displayName tags { name } } }
  }`);
  assert.equal((data as { events: unknown[] }).events.length, 300);
  assert.ok(count <= 6, `expected at most 6 statements, got ${count}:\n${statements.join('\n')}`);
});

test('tags with their clients and counts: one batch per kind', async () => {
  const { data, statements: count } = await run(`{
    tags { name clientCount clients { clientId tags { name } } }
  }`);
  const tags = (data as { tags: { name: string; clientCount: number; clients: unknown[] }[] }).tags;
  assert.deepEqual(
    tags.map((t) => [t.name, t.clientCount, t.clients.length]),
    [
      ['critical', 50, 50],
      ['production', 50, 50],
      ['staging', 50, 50],
      ['us-east', 50, 50],
    ],
  );
  assert.ok(count <= 6, `expected at most 6 statements, got ${count}:\n${statements.join('\n')}`);
});

test('the counter sees statements (a control: per-client resolution is counted)', async () => {
  const { statements: one } = await run(`{ client(id: "host-001") { clientId } }`);
  const { statements: ten } = await run(
    `{ ${Array.from({ length: 10 }, (_, i) => `c${i}: client(id: "host-00${i}") { clientId }`).join(' ')} }`,
  );
  assert.ok(one >= 1);
  assert.ok(
    ten >= 10 * one - 1,
    `ten separate lookups should cost ten times one (${one} vs ${ten})`,
  );
});

test('the audit trail filtered by tags and type: one statement for the events, whatever matches', async () => {
  const { data, statements: count } = await run(`{
    events(filter: { tags: ["production", "us-east"], events: ["command_executed"] }, limit: 1000) {
      event client { clientId tags { name } }
    }
  }`);
  const events = (data as { events: { event: string; client: { tags: { name: string }[] } }[] })
    .events;
  assert.equal(events.length, 50);
  for (const event of events) {
    assert.equal(event.event, 'command_executed');
    assert.deepEqual(event.client.tags.map((t) => t.name).sort(), ['production', 'us-east']);
  }
  assert.ok(count <= 4, `expected at most 4 statements, got ${count}:\n${statements.join('\n')}`);
});

test('one published event costs one client lookup, however many subscribe', async () => {
  const subscriptions = [];
  for (let i = 0; i < 20; i += 1) {
    const context: GraphQLContext = {
      fleet,
      caller: { actor: 'test' },
      loaders: fleet.createLoaders(),
    };
    const stream = await subscribe({
      schema,
      document: parse(
        'subscription { clientEvents(filter: { tags: ["production"] }) { event client { clientId tags { name } } } }',
      ),
      contextValue: context,
    });
    assert.ok(Symbol.asyncIterator in stream, JSON.stringify(stream));
    subscriptions.push(stream);
  }
  await fleet.clients.update('host-000', { purpose: 'watched' }, { actor: 'test' });
  testStore.resetStatements();
  const received = await Promise.all(subscriptions.map((stream) => stream.next()));
  const delivered = statements.length;
  for (const { value } of received) {
    assert.deepEqual(JSON.parse(JSON.stringify(value)), {
      data: {
        clientEvents: {
          event: 'client.updated',
          client: { clientId: 'host-000', tags: [{ name: 'production' }, { name: 'us-east' }] },
        },
      },
    });
  }
  for (const stream of subscriptions) await stream.return?.();
  // The tag filter and the event's client share one lookup (the client and its tags).
  assert.ok(delivered <= 3, `expected at most 3 statements for 20 subscribers, got ${delivered}`);
});

test('a plain list is bounded: past 5000 matches it says how many and points to paging', async () => {
  await store.transaction(async (tx) => {
    for (let i = 100; i < 5001; i += 1)
      await tx.clients.insert(clientRecord(i, { clientId: `host-${String(i).padStart(4, '0')}` }));
  });
  const context: GraphQLContext = {
    fleet,
    caller: { actor: 'test' },
    loaders: fleet.createLoaders(),
  };
  const result = await execute({
    schema,
    source: '{ clients { clientId } }',
    contextValue: context,
  });
  assert.equal(result.data, null);
  // In process, without the HTTP door's error masking: the AppError itself.
  assert.equal((result.errors?.[0]?.originalError as { code?: string }).code, 'BAD_USER_INPUT');
  assert.match(result.errors?.[0]?.message ?? '', /5001 clients match.*clientsConnection/);
  const page = await run(
    '{ clientsConnection(first: 500) { totalCount pageInfo { hasNextPage } } }',
  );
  assert.deepEqual(JSON.parse(JSON.stringify(page.data)), {
    clientsConnection: { totalCount: 5001, pageInfo: { hasNextPage: true } },
  });
});
