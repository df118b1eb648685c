// Operation limits and introspection: a too-deep or too-costly operation is refused before it
// runs, with a code and a next step, on HTTP and on graphql-ws alike (and the socket's other
// subscriptions carry on); introspection is on by default (GraphiQL needs it) and can be turned
// off, which also stops field suggestions from leaking names.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { killAll } from '../support/processes.js';
import { startServer, wsClientFor, type TestServer } from '../support/server.js';

after(killAll);

const deep = `{ clients { tags { clients { tags { clients { tags { clients { tags { clients { tags { clients { clientId } } } } } } } } } } } }`;
// The cost analysis multiplies by a connection's page size.
const costly = `{ ${Array.from(
  { length: 4 },
  (_, i) =>
    `a${i}: clientsConnection(first: 500) { nodes { clientId displayName purpose hostname platform arch username recentEvents { event data client { clientId tags { name } } } } }`,
).join(' ')} }`;
const introspection = '{ __schema { queryType { name } } }';

async function post(server: TestServer, query: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.apiKey}` },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as {
    data?: unknown;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

test('depth and cost limits refuse an operation with a clear error, over HTTP and graphql-ws', async () => {
  const server = await startServer();
  try {
    const tooDeep = await post(server, deep);
    assert.equal(tooDeep.data, undefined);
    assert.match(tooDeep.errors?.[0]?.message ?? '', /depth limit of 10 exceeded.*split/);
    assert.equal(tooDeep.errors?.[0]?.extensions?.['code'], 'GRAPHQL_VALIDATION_FAILED');

    const tooCostly = await post(server, costly);
    assert.match(
      tooCostly.errors?.[0]?.message ?? '',
      /[Cc]ost limit of 100000 exceeded, found \d+\. Ask for less/,
    );

    // graphql-ws: the bad operation gets errors; a subscription on the same socket goes on.
    const ws = wsClientFor(server);
    const refused = await new Promise<unknown[]>((resolve) => {
      ws.subscribe(
        { query: deep },
        {
          next: () => undefined,
          error: (errors) => resolve(errors as unknown[]),
          complete: () => undefined,
        },
      );
    });
    assert.match(JSON.stringify(refused), /depth limit of 10 exceeded/);
    const still = await new Promise<unknown>((resolve, reject) => {
      ws.subscribe(
        { query: '{ clients { clientId } }' },
        { next: resolve, error: reject, complete: () => undefined },
      );
    });
    assert.deepEqual(still, { data: { clients: [] } });
    await ws.dispose();

    // The body cap cannot be dodged by leaving Content-Length out.
    // The server answers on the headers, before any of the body, and closes: the request is left
    // open (more body would race the close: EPIPE before the answer is read).
    const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(
        `${server.url}/graphql`,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${server.apiKey}`,
            'transfer-encoding': 'chunked',
          },
        },
        (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => {
            resolve({ status: response.statusCode ?? 0, body });
            request.destroy();
          });
        },
      );
      request.on('error', reject);
      request.write('{"query":"{ clients { clientId } }", "pad":"' + 'x'.repeat(64 * 1024));
    });
    assert.equal(chunked.status, 411);
    assert.match(chunked.body, /Content-Length/);

    const allowed = await post(server, introspection);
    assert.deepEqual(allowed.data, { __schema: { queryType: { name: 'Query' } } });
  } finally {
    await server.close();
  }
});

test('tighter limits and no introspection by configuration', async () => {
  const server = await startServer({
    env: {
      ETPHONEHOME_GRAPHQL_INTROSPECTION: '0',
      ETPHONEHOME_GRAPHQL_MAX_DEPTH: '2',
    },
  });
  try {
    const hidden = await post(server, introspection);
    assert.equal(hidden.data, undefined);
    assert.match(hidden.errors?.[0]?.message ?? '', /introspection/i);
    const shallow = await post(server, '{ clients { tags { name } } }');
    assert.match(shallow.errors?.[0]?.message ?? '', /depth limit of 2 exceeded/);
    const typo = await post(server, '{ clients { clientI } }');
    assert.doesNotMatch(typo.errors?.[0]?.message ?? '', /Did you mean/, 'no name suggestions');
    const fine = await post(server, '{ clients { clientId } }');
    assert.deepEqual(fine.data, { clients: [] });
  } finally {
    await server.close();
  }
});
