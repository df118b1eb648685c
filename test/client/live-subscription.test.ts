// The subscriptions of src/client against a real graphql-ws server: data in order, a clean end on
// abort or when the server completes, a refused key and GraphQL errors as GraphQLRequestError,
// and a lost link reported once, then resubscribed by itself. subscribeOnce: data, and never
// blocking on a server it cannot reach.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { buildSchema, parse } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import {
  followSubscription,
  GraphQLRequestError,
  subscribeOnce,
  type Connection,
} from '../../src/client/index.js';
import { ErrorCode } from '../../src/errors.js';
import { waitFor } from '../support/wait.js';

const schema = buildSchema(`
  type Query { ok: Boolean }
  type Subscription { ticks: Int! }
`);
const Ticks = parse('subscription { ticks }') as TypedDocumentNode<
  { ticks: number },
  Record<string, never>
>;
const Unknown = parse('subscription { nope }') as TypedDocumentNode<unknown, Record<string, never>>;

/** Live subscribers of `ticks`; push(n) sends n to each, push(-1) completes them. */
const subscribers = new Set<(n: number) => void>();
const push = (n: number): void => subscribers.forEach((send) => send(n));

/** An iterator (not a generator: one suspended in an await would not see return()). */
function ticks(): AsyncIterableIterator<{ ticks: number }> {
  const queue: number[] = [];
  let wake: ((result: IteratorResult<{ ticks: number }>) => void) | undefined;
  const finish = (): IteratorResult<{ ticks: number }> => {
    subscribers.delete(send);
    return { done: true, value: undefined };
  };
  const send = (n: number): void => {
    queue.push(n);
    const waiting = wake;
    wake = undefined;
    if (waiting) void iterator.next().then(waiting);
  };
  const iterator: AsyncIterableIterator<{ ticks: number }> = {
    async next() {
      const n = queue.shift();
      if (n === undefined) return new Promise((resolve) => (wake = resolve));
      return n < 0 ? finish() : { done: false, value: { ticks: n } };
    },
    async return() {
      wake?.({ done: true, value: undefined });
      return finish();
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  subscribers.add(send);
  return iterator;
}

let http: Server;
let wss: WebSocketServer;
let good: Connection;

before(async () => {
  http = createServer();
  wss = new WebSocketServer({ server: http, path: '/graphql' });
  useServer(
    {
      schema,
      roots: { subscription: { ticks } },
      onConnect: (ctx) => ctx.connectionParams?.['authorization'] === 'Bearer good',
    },
    wss,
  );
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  good = { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, apiKey: 'good' };
});
after(() => {
  for (const socket of wss.clients) socket.terminate();
  wss.close();
  http.close();
});

test('data arrives in order; aborting the signal ends it cleanly', async () => {
  const seen: number[] = [];
  const connected: boolean[] = [];
  const stop = new AbortController();
  const done = followSubscription(good, {
    document: Ticks,
    variables: {},
    signal: stop.signal,
    onConnected: (reconnected) => connected.push(reconnected),
    onData: (data) => {
      seen.push(data.ticks);
      if (seen.length === 3) stop.abort();
    },
  });
  await waitFor(() => subscribers.size === 1, { what: 'the subscription' });
  [1, 2, 3].forEach(push);
  await done;
  assert.deepEqual(seen, [1, 2, 3]);
  assert.deepEqual(connected, [false]);
  await waitFor(() => subscribers.size === 0, { what: 'the server to see it end' });
});

test('the server completing the stream resolves it', async () => {
  const done = followSubscription(good, {
    document: Ticks,
    variables: {},
    onData: () => undefined,
  });
  await waitFor(() => subscribers.size === 1, { what: 'the subscription' });
  push(-1);
  await done;
});

test('a refused key rejects with UNAUTHENTICATED (401), without retrying', async () => {
  const outages: unknown[] = [];
  const error = await followSubscription(
    { ...good, apiKey: 'bad' },
    {
      document: Ticks,
      variables: {},
      onData: () => undefined,
      onDisconnected: (o) => outages.push(o),
    },
  ).then(
    () => assert.fail('expected a refusal'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof GraphQLRequestError);
  assert.equal(error.status, 401);
  assert.equal(error.errorCode, ErrorCode.unauthenticated);
  assert.deepEqual(outages, []);
});

test("the server's GraphQL errors reject with them", async () => {
  const error = await followSubscription(good, {
    document: Unknown,
    variables: {},
    onData: () => undefined,
  }).then(
    () => assert.fail('expected errors'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof GraphQLRequestError);
  assert.match(error.message, /Cannot query field "nope"/);
});

test('a lost link is reported once, then it reconnects and resubscribes by itself', async () => {
  const seen: number[] = [];
  const connected: boolean[] = [];
  const outages: { everConnected: boolean; closeCode: number | undefined }[] = [];
  const stop = new AbortController();
  const done = followSubscription(good, {
    document: Ticks,
    variables: {},
    signal: stop.signal,
    onConnected: (reconnected) => connected.push(reconnected),
    onDisconnected: (outage) => outages.push(outage),
    onData: (data) => seen.push(data.ticks),
  });
  await waitFor(() => subscribers.size === 1, { what: 'the subscription' });
  push(1);
  await waitFor(() => seen.length === 1, { what: 'the first tick' });
  for (const socket of wss.clients) socket.terminate();
  await waitFor(() => connected.length === 2 && subscribers.size === 1, {
    what: 'the resubscription',
  });
  push(2);
  await waitFor(() => seen.length === 2, { what: 'the tick after the reconnection' });
  stop.abort();
  await done;
  assert.deepEqual(seen, [1, 2]);
  assert.deepEqual(connected, [false, true]);
  assert.equal(outages.length, 1);
  assert.equal(outages[0]?.everConnected, true);
});

test('subscribeOnce: data until closed; an unreachable server does not block ready', async () => {
  const seen: number[] = [];
  const handle = subscribeOnce(good, Ticks, {}, (data) => seen.push(data.ticks));
  await handle.ready;
  await waitFor(() => subscribers.size === 1, { what: 'the subscription' });
  push(7);
  await waitFor(() => seen.length === 1, { what: 'the tick' });
  await handle.close();
  assert.deepEqual(seen, [7]);

  const nowhere = subscribeOnce({ url: 'http://127.0.0.1:1', apiKey: 'good' }, Ticks, {}, () =>
    assert.fail('no data from nowhere'),
  );
  await nowhere.ready;
  await nowhere.close();
});
