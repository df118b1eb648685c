// Issue 17, item 3: a small query within the depth limit must not take the server down. Cyclic
// list fields (`Tag.clients → Client.tags → …`, `ClientEvent.client → Client.recentEvents(limit:
// 100) → …`) are counted at their sizes — from limit/first (literal, variable or default) or an
// assumed size when unbounded — and an operation whose answer may exceed the cost limit is refused
// before it runs, with a code and the costliest path, over HTTP and graphql-ws. A real server.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { killAll } from '../support/processes.js';
import { startServer, wsClientFor, type TestServer } from '../support/server.js';

after(killAll);

// The two shapes, each under 439 characters and within depth 10.
const tagCycle = `{ tags { name clients { clientId tags { name clients { clientId tags { name clients { clientId tags { name clients { clientId tags { name } } } } } } } } } }`;
const eventCycle = `{ events(limit: 100) { id client { recentEvents(limit: 100) { id client { recentEvents(limit: 100) { id client { recentEvents(limit: 100) { id event } } } } } } } }`;
const byVariable = `query Q($n: Int) { events(limit: $n) { id client { recentEvents(limit: 100) { id client { recentEvents(limit: 100) { id } } } } } }`;

interface Answer {
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

async function post(
  server: TestServer,
  query: string,
  variables?: Record<string, unknown>,
): Promise<Answer> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.apiKey}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Answer;
}

function assertRefused(answer: Answer, path: RegExp): void {
  assert.equal(answer.data ?? null, null, JSON.stringify(answer));
  const [error] = answer.errors ?? [];
  assert.equal(error?.extensions?.['code'], 'GRAPHQL_VALIDATION_FAILED', JSON.stringify(answer));
  assert.match(error?.message ?? '', /cost limit of 100000 exceeded, found (\d+|far more)/);
  assert.match(error?.message ?? '', /smaller pages/);
  assert.match(String(error?.extensions?.['path']), path);
}

test('cyclic lists are counted at their size and refused before they run, over HTTP and graphql-ws', async () => {
  const server = await startServer();
  try {
    assert.ok(tagCycle.length <= 439 && eventCycle.length <= 439);
    assertRefused(await post(server, tagCycle), /^tags×100 → clients×100 → tags×10 → clients/);
    assertRefused(await post(server, eventCycle), /^events×100 → client → recentEvents×100/);

    // Sizes given by variables count too: a small page passes, a big one is refused.
    const small = await post(server, byVariable, { n: 1 });
    assert.deepEqual(small, { data: { events: [] } });
    assertRefused(await post(server, byVariable, { n: 50 }), /^events×50 →/);

    // graphql-ws refuses it the same way, and the socket serves the next operation.
    const ws = wsClientFor(server);
    const refused = await new Promise<Answer>((resolve, reject) => {
      ws.subscribe(
        { query: tagCycle },
        {
          next: (value) => resolve(value as Answer),
          error: (errors) => resolve({ errors: errors as NonNullable<Answer['errors']> }),
          complete: () => reject(new Error('completed without an answer')),
        },
      );
    });
    assertRefused(refused, /^tags×100 → clients×100/);
    const still = await new Promise<unknown>((resolve, reject) => {
      ws.subscribe(
        { query: '{ tags { name } }' },
        { next: resolve, error: reject, complete: () => undefined },
      );
    });
    assert.deepEqual(still, { data: { tags: [] } });
    await ws.dispose();
  } finally {
    await server.stop();
  }
});
