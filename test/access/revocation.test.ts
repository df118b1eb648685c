// Revocation and expiry act at once: while a graphql-ws subscription, an SSE stream and an MCP
// session are open, revoking the key ends each of them (the socket closes with 4403, the stream
// ends, the session is gone) and the next HTTP request is refused; an expired key is refused on
// every door and what it held ends. (The end is asserted, not its timing.)

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startInProcessServer, type InProcessServer } from '../support/in-process-server.js';
import { connectMcp } from '../support/mcp.js';
import type { TestServer } from '../support/server.js';

let server: InProcessServer;
before(async () => {
  server = await startInProcessServer();
  await server.addClient(1, ['web']);
});
after(async () => server.close());

const asTestServer = (apiKey: string): TestServer =>
  ({ url: server.url.replace(/\/graphql$/, ''), apiKey }) as unknown as TestServer;

/** Opens what a key can hold open; resolves each `ended` when that thing ends. */
async function holdEverything(secret: string) {
  const ws = server.ws(secret);
  const wsClosed = new Promise<number>((resolve) =>
    ws.on('closed', (e) => resolve((e as { code: number }).code)),
  );
  ws.subscribe(
    { query: 'subscription { clientEvents { id } }' },
    {
      next: () => undefined,
      error: () => undefined,
      complete: () => undefined,
    },
  );
  await new Promise<void>((resolve) => ws.on('connected', () => resolve()));

  const sse = await fetch(server.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      authorization: `Bearer ${secret}`,
    },
    body: JSON.stringify({ query: 'subscription { clientEvents { id } }' }),
  });
  assert.equal(sse.status, 200);
  const sseEnded = (async () => {
    try {
      for await (const chunk of sse.body as unknown as AsyncIterable<Uint8Array>) void chunk;
    } catch {
      // a destroyed socket ends the stream with an error: ended all the same
    }
    return true;
  })();

  const mcp = await connectMcp(asTestServer(secret), 'http');
  const before = await mcp.call('list_clients', {});
  assert.notEqual(before.isError, true);
  return { ws, wsClosed, sseEnded, mcp };
}

test('revoking a key ends its graphql-ws sockets (4403), SSE streams and MCP sessions, and refuses it', async () => {
  const { secret, id } = await server.createKey({ name: 'to revoke', role: 'OPERATOR' });
  const held = await holdEverything(secret);
  const revoked = await server.http(
    server.apiKey,
    `mutation { revokeApiKey(id: "${id}") { revoked revokedAt } }`,
  );
  assert.deepEqual(revoked.errors, undefined);
  assert.equal(await held.wsClosed, 4403);
  assert.equal(await held.sseEnded, true);
  const afterwards = await held.mcp.call('list_clients', {}).catch((error: Error) => error);
  assert.ok(
    afterwards instanceof Error || afterwards.isError === true,
    `the MCP session still answers: ${JSON.stringify(afterwards)}`,
  );
  await held.mcp.close().catch(() => undefined);
  const refused = await server.http(secret, '{ clients { clientId } }');
  assert.equal(refused.status, 401);
  assert.match(refused.errors?.[0]?.message ?? '', /was revoked/);
  const mcpRefused = await fetch(`${server.url.replace(/\/graphql$/, '')}/mcp`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: '{}',
  });
  assert.equal(mcpRefused.status, 401);
  void held.ws.dispose();
});

test('an expired key is refused on every door, and what it held ends', async () => {
  const { secret } = await server.createKey({ name: 'short', role: 'VIEWER', expiresInSeconds: 2 });
  const held = await holdEverything(secret);
  // Nothing is done here: the key's expiry alone ends what it holds.
  assert.equal(await held.wsClosed, 4403);
  assert.equal(await held.sseEnded, true);
  await held.mcp.close().catch(() => undefined);
  const refused = await server.http(secret, '{ clients { clientId } }');
  assert.equal(refused.status, 401);
  assert.match(refused.errors?.[0]?.message ?? '', /expired/);
  const ws = server.ws(secret);
  const code = await new Promise<number>((resolve) =>
    ws.on('closed', (e) => resolve((e as { code: number }).code)),
  );
  assert.equal(code, 4403);
  const mcp = await connectMcp(asTestServer(secret), 'http').catch((error: Error) => error);
  assert.ok(mcp instanceof Error, 'an MCP session opened with an expired key');
});

test('malformed, unknown and tampered keys are refused with a message saying why', async () => {
  const { secret } = await server.createKey({ name: 'real', role: 'VIEWER' });
  const cases: [string, RegExp][] = [
    ['etpk_nothex_abc', /malformed/],
    [`${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`, /unknown key/],
    ['etpk_0123456789abcdef_' + 'x'.repeat(43), /unknown key/],
    ['some-other-secret', /not valid/],
  ];
  for (const [key, why] of cases) {
    const reply = await server.http(key, '{ clients { clientId } }');
    assert.equal(reply.status, 401, key);
    assert.match(reply.errors?.[0]?.message ?? '', why);
  }
  const bad = await server.http(
    server.apiKey,
    'mutation { createApiKey(input: {name: "x", role: VIEWER, scope: {tags: ["bad tag!"]}}) { secret } }',
  );
  assert.equal(bad.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  const unknownRole = await server.http(
    server.apiKey,
    'mutation { createApiKey(input: {name: "x", role: ROOT}) { secret } }',
  );
  assert.match(unknownRole.errors?.[0]?.message ?? '', /ROOT/);
});
