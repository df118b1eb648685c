// Issue 17, item 8 (the server's side): open subscriptions are capped per connection and per
// server, over graphql-ws and SSE alike. One over a cap is refused with RATE_LIMITED naming the
// cap, the others carry on, and a completed subscription frees its place. A real server with
// small caps (ETPHONEHOME_GRAPHQL_MAX_SUBSCRIPTIONS_PER_CONNECTION / _MAX_SUBSCRIPTIONS).

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { killAll } from '../support/processes.js';
import { startServer, wsClientFor } from '../support/server.js';
import { SseRefusedError, subscribeSse } from '../support/sse.js';

after(killAll);

// Sends the audit trail's latest at once: a started subscription answers straight away.
const liveSubscription = 'subscription { recentClientEvents(limit: 1) { id } }';
const aQuery = '{ events(limit: 1) { id } }';

interface First {
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

type Ws = ReturnType<typeof wsClientFor>;

/** Starts a subscription; resolves with its first answer and the function that completes it. */
function open(ws: Ws): Promise<{ first: First; stop: () => void }> {
  return new Promise((resolve) => {
    const stop = ws.subscribe(
      { query: liveSubscription },
      {
        next: (value) => resolve({ first: value as First, stop }),
        error: (errors) =>
          resolve({ first: { errors: errors as NonNullable<First['errors']> }, stop }),
        complete: () => undefined,
      },
    );
  });
}

function assertCapped(first: First, cap: RegExp): void {
  const [error] = first.errors ?? [];
  assert.equal(error?.extensions?.['code'], 'RATE_LIMITED', JSON.stringify(first));
  assert.match(error?.message ?? '', cap);
}

test('subscriptions are capped per connection and per server, over graphql-ws and SSE', async () => {
  const server = await startServer({
    env: {
      ETPHONEHOME_GRAPHQL_MAX_SUBSCRIPTIONS_PER_CONNECTION: '3',
      ETPHONEHOME_GRAPHQL_MAX_SUBSCRIPTIONS: '5',
    },
  });
  const a = wsClientFor(server);
  const b = wsClientFor(server);
  try {
    // Three on one socket, one at a time (each answers once it is counted).
    const onA = [];
    for (let i = 0; i < 3; i += 1) {
      const started = await open(a);
      assert.ok(started.first.data, JSON.stringify(started.first));
      onA.push(started);
    }
    assertCapped((await open(a)).first, /on this connection: 3 open, the cap is 3/);

    // Another socket: two more fill the server; the next is refused, on graphql-ws and on SSE.
    for (let i = 0; i < 2; i += 1) assert.ok((await open(b)).first.data);
    assertCapped((await open(b)).first, /on this server: 5 open, the cap is 5/);
    const document = parse(liveSubscription) as TypedDocumentNode<unknown, never>;
    try {
      const sse = await subscribeSse(server, document);
      const first = (await sse.results.next()).value as First;
      sse.close();
      assertCapped(first, /on this server: 5 open, the cap is 5/);
    } catch (error) {
      if (!(error instanceof SseRefusedError)) throw error;
      assert.equal(error.code, 'RATE_LIMITED', error.message);
    }

    // Queries are not subscriptions: the socket still answers them.
    const query = await new Promise<unknown>((resolve, reject) => {
      a.subscribe({ query: aQuery }, { next: resolve, error: reject, complete: () => undefined });
    });
    assert.ok((query as First).data, JSON.stringify(query));

    // A completed subscription frees its place.
    onA[0]?.stop();
    let again: First = {};
    for (let attempt = 0; attempt < 50; attempt += 1) {
      again = (await open(b)).first;
      if (again.data) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.ok(again.data, JSON.stringify(again));
  } finally {
    await a.dispose();
    await b.dispose();
    await server.stop();
  }
});
