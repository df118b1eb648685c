// Issue 17, item 3, past the estimate: the cost checked before an operation runs assumes 100
// entries for a list without a size argument, and `Tag.clients` holds as many as the fleet has.
// While it runs, an operation is stopped once it has resolved ETPHONEHOME_GRAPHQL_MAX_FIELDS
// fields, and an answer over ETPHONEHOME_GRAPHQL_MAX_RESPONSE_BYTES is not sent: both refusals
// name the limit and what to ask instead, over HTTP and graphql-ws, and the server serves the next
// operation. The whole server in process; 300 clients straight in its database.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { jsonSizeOver, serializedWithin } from '../../src/graphql/answer-bounds.js';
import { startInProcessServer, type InProcessServer } from '../support/in-process-server.js';

const CLIENTS = 300;

interface Refusal {
  message: string;
  extensions?: Record<string, unknown>;
}

function assertStopped(reply: { data?: unknown; errors?: Refusal[] }, limit: RegExp): Refusal {
  assert.equal(reply.data ?? null, null, JSON.stringify(reply).slice(0, 300));
  const [error] = reply.errors ?? [];
  assert.ok(error, 'an error says why');
  assert.equal(error.extensions?.['code'], 'BAD_USER_INPUT');
  assert.match(error.message, limit);
  assert.match(error.message, /smaller pages \(limit\/first\)/);
  return error;
}

describe('bounded while it runs: fields resolved and bytes sent', () => {
  let server: InProcessServer;

  before(async () => {
    server = await startInProcessServer({
      ETPHONEHOME_GRAPHQL_MAX_FIELDS: '1000',
      ETPHONEHOME_GRAPHQL_MAX_RESPONSE_BYTES: '8192',
    });
    for (let n = 1; n <= CLIENTS; n++) await server.addClient(n, ['web', 'prod', 'eu']);
  });
  after(async () => server.close());

  test('a tag cycle the estimate allows is stopped past the field limit, and the next runs', async () => {
    // Estimated at tags×100 → clients×100 (about 20,000 fields, under the cost limit); real:
    // three tags of 300 clients, about 1,800 fields.
    const cycle = '{ tags { name clients { clientId displayName } } }';
    const http = await server.http(server.apiKey, cycle);
    const error = assertStopped(http, /grew past 1000 fields while it ran/);
    assert.equal(error.extensions?.['maxFields'], 1000);
    assertStopped(await server.wsOnce(server.apiKey, cycle), /grew past 1000 fields/);

    const small = await server.http(server.apiKey, '{ tags { name clientCount } }');
    assert.equal(small.errors, undefined);
    assert.deepEqual(
      (small.data?.['tags'] as { name: string; clientCount: number }[]).map((t) => t.clientCount),
      [CLIENTS, CLIENTS, CLIENTS],
    );
  });

  test('a subscription event past the field limit ends the subscription with the reason', async () => {
    for (const { uuid } of (await server.fleet.clients.list({})).slice(0, 3))
      await server.fleet.clients.update(uuid, { purpose: 'bounded' }, { actor: 'test' });
    // Each event's client has three tags of 300 clients: about 900 fields per event, and the
    // first answer lists the three events.
    const subscription =
      'subscription { recentClientEvents(limit: 10) { event client { tags { clients { clientId } } } } }';
    assertStopped(await server.wsOnce(server.apiKey, subscription), /grew past 1000 fields/);
    assertStopped(await server.sseOnce(server.apiKey, subscription), /grew past 1000 fields/);
    const next = await server.wsOnce(server.apiKey, '{ tags { name } }');
    assert.equal(next.errors, undefined);
  });

  test('an answer over the byte limit is not sent; a smaller one is', async () => {
    // 300 clients × ~90 bytes is ~27 KB of JSON, in about 900 fields (under the field limit).
    const all = '{ clients { uuid clientId displayName } }';
    const error = assertStopped(
      await server.http(server.apiKey, all),
      /over 8192 bytes of JSON .* was not sent/,
    );
    assert.equal(error.extensions?.['maxResponseBytes'], 8192);
    assertStopped(await server.wsOnce(server.apiKey, all), /over 8192 bytes/);

    // Counted in UTF-8 bytes of the text sent: six purposes of 1,000 'é' are about 6,100
    // characters (under the limit) and 12,100 bytes (over it).
    for (const { uuid } of (await server.fleet.clients.list({})).slice(3, 9))
      await server.fleet.clients.update(uuid, { purpose: 'é'.repeat(1000) }, { actor: 'test' });
    const accents = '{ clients(filter: { purpose: "ééé" }) { purpose } }';
    assertStopped(await server.http(server.apiKey, accents), /over 8192 bytes of JSON/);
    assertStopped(await server.wsOnce(server.apiKey, accents), /over 8192 bytes/);

    const page = await server.http(
      server.apiKey,
      '{ clientsConnection(first: 20) { totalCount nodes { clientId } } }',
    );
    assert.equal(page.errors, undefined);
    const connection = page.data?.['clientsConnection'] as { totalCount: number; nodes: unknown[] };
    assert.equal(connection.totalCount, CLIENTS);
    assert.equal(connection.nodes.length, 20);
  });
});

test('jsonSizeOver counts what JSON.stringify would write, and stops once over', () => {
  const value = { a: ['x'.repeat(100), 1, null, { b: true }], c: 'é' };
  const size = JSON.stringify(value).length;
  assert.equal(jsonSizeOver(value, size * 2), false);
  assert.equal(jsonSizeOver(value, Math.floor(size / 2)), true);
  // A structure far over the limit is judged without walking all of it.
  let read = 0;
  const entry = {
    get id() {
      read += 1;
      return 'x'.repeat(10);
    },
  };
  const huge = Array.from({ length: 1_000_000 }, () => entry);
  assert.equal(jsonSizeOver(huge, 1000), true);
  assert.ok(read < 100, `stopped after ${read} entries`);
});

test('serializedWithin gives the JSON sent, refused past the limit in UTF-8 bytes', () => {
  // 'é' is one UTF-16 unit and two UTF-8 bytes: a count of characters would let this through.
  const result = { data: { purpose: 'é'.repeat(100) } };
  const text = JSON.stringify(result);
  const bytes = Buffer.byteLength(text);
  assert.equal(serializedWithin(result, bytes), text);
  assert.equal(serializedWithin(result, bytes - 1), null);
  assert.equal(serializedWithin(result, text.length), null);
  // Past the longest string V8 makes: refused, not thrown.
  const endless = {
    toJSON() {
      throw new RangeError('Invalid string length');
    },
  };
  assert.equal(serializedWithin({ data: { endless } }, 1e9), null);
});
