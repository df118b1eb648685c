// The shell tools (shell_open, shell_send, shell_read, shell_list, shell_close) through a real MCP
// client over both transports — Streamable HTTP at /mcp and `etphonehome mcp` over stdio —
// against a real server and agent: output read back fenced as client data, a real PTY, the list
// with client and principal, closing with an exit status on session.closed, clear errors for
// ended and unknown sessions, roles (a viewer lists no shell tool), scopes (NOT_FOUND), another
// key's session (NOT_FOUND), an MCP session's shells closing with it, and the idle timeout.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAgent, type TestAgent } from '../support/agent.js';
import { connectMcp, textOf, type TestMcpClient, type Transport } from '../support/mcp.js';
import { killAll } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';

after(killAll);

const SHELL_TOOLS = ['shell_open', 'shell_send', 'shell_read', 'shell_list', 'shell_close'];

async function gql(
  server: TestServer,
  query: string,
  variables: Record<string, unknown> = {},
  apiKey = server.apiKey,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data ?? {};
}

async function createKey(server: TestServer, input: Record<string, unknown>): Promise<TestServer> {
  const data = await gql(
    server,
    'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }',
    { input },
  );
  const secret = (data['createApiKey'] as { secret: string }).secret;
  return { ...server, apiKey: secret } as TestServer;
}

async function sessionState(
  server: TestServer,
  id: string,
): Promise<{ open: boolean; exitStatus: number | null; closeReason: string | null }> {
  const data = await gql(
    server,
    'query ($id: ID!) { session(id: $id) { open exitStatus closeReason } }',
    { id },
  );
  return data['session'] as never;
}

/** Reads until `pattern` shows in the text of shell_read (each read waits up to 5 s). */
async function readUntil(mcp: TestMcpClient, sessionId: string, pattern: RegExp): Promise<string> {
  let seen = '';
  for (let i = 0; i < 20; i++) {
    const result = await mcp.call('shell_read', { session_id: sessionId, timeout: 5 });
    assert.notEqual(result.isError, true, textOf(result));
    seen += textOf(result);
    if (pattern.test(seen)) return seen;
  }
  assert.fail(`shell output never matched ${pattern}: ${seen}`);
}

for (const transport of ['http', 'stdio'] as Transport[]) {
  describe(`shell tools over MCP (${transport})`, () => {
    let server: TestServer;
    let agent: TestAgent;
    let mcp: TestMcpClient;

    before(async () => {
      server = await startServer({ openEnrollment: true });
      agent = await createAgent(server, {
        displayName: `shell-${transport}`,
        tags: ['shells'],
        env: { SHELL: '/bin/sh' },
      });
      await agent.start();
      await agent.waitOnline(server);
      mcp = await connectMcp(server, transport);
    });
    after(async () => {
      await mcp?.close();
      await agent?.close();
      await server?.close();
    });

    test('open, send, read fenced, tty, list, close with an exit status, errors after', async () => {
      const listed = (await mcp.client.listTools()).tools.map((t) => t.name);
      for (const name of SHELL_TOOLS) assert.ok(listed.includes(name), name);

      const opened = await mcp.ok<{ session_id: string; session: Record<string, unknown> }>(
        'shell_open',
        { client_id: agent.uuid, cols: 100, rows: 30 },
      );
      const id = opened.session_id;
      assert.match(id, /^ses_/);
      assert.equal(opened.session['pty'], true);
      assert.equal(opened.session['origin'], 'mcp');

      const sent = await mcp.ok<{ bytes_sent: number }>('shell_send', {
        session_id: id,
        text: 'echo hello-$((6*7))',
      });
      assert.equal(sent.bytes_sent, 'echo hello-$((6*7))'.length + 1);
      const text = await readUntil(mcp, id, /hello-42/);
      // The output sits between the nonce-marked fences of client data.
      const blocks = [...text.matchAll(/<<<client-data (\w+)\n([\s\S]*?)\nclient-data \1>>>/g)];
      assert.ok(
        blocks.some((b) => /hello-42/.test(b[2] ?? '')),
        text,
      );
      assert.doesNotMatch(text.replaceAll(/<<<client-data[\s\S]*?>>>/g, ''), /hello-42/);
      assert.match(text, /The block below is data reported by or about a client/);

      await mcp.ok('shell_send', { session_id: id, text: 'tty' });
      assert.match(await readUntil(mcp, id, /\/dev\/pts\/\d+/), /\/dev\/pts\/\d+/);

      const { shells } = await mcp.ok<{ shells: Array<Record<string, unknown>> }>('shell_list');
      const row = shells.find((s) => s['session_id'] === id);
      assert.ok(row, JSON.stringify(shells));
      assert.equal(row['client_uuid'], agent.uuid);
      const described = await gql(server, 'query ($id: ID!) { client(id: $id) { clientId } }', {
        id: agent.uuid,
      });
      assert.equal(row['client_id'], (described['client'] as { clientId: string }).clientId);
      // The key that opened it, and the door it came through.
      assert.equal(row['principal'], 'bootstrap');
      assert.match(String(row['actor']), /^mcp |^graphql /);

      await mcp.ok('shell_send', { session_id: id, text: 'true' });
      const closed = await mcp.ok<{ session: Record<string, unknown> }>('shell_close', {
        session_id: id,
      });
      assert.equal(closed.session['open'], false);
      assert.equal(closed.session['exit_status'], 0, JSON.stringify(closed.session));

      const event = await waitFor(
        async () => {
          const data = await gql(
            server,
            'query { events(filter: {events: ["session.closed"]}, limit: 50) { data } }',
          );
          const events = data['events'] as Array<{ data: Record<string, unknown> }>;
          return events.find((e) => e.data['session_id'] === id);
        },
        { what: 'session.closed' },
      );
      assert.equal(event.data['exit_code'], 0);
      assert.equal(event.data['origin'], 'mcp');
      assert.ok(Number(event.data['bytes_in']) > 0);

      const afterClose = await mcp.fails('shell_send', { session_id: id, text: 'echo again' });
      assert.match(afterClose, /^NOT_FOUND: /);
      assert.match(afterClose, /has ended \(exit status 0\)/);
      assert.match(afterClose, /shell_open/);
      assert.doesNotMatch(afterClose, /openShell/);
      const unknown = await mcp.fails('shell_send', {
        session_id: 'ses_no-such-session',
        text: 'x',
      });
      assert.match(unknown, /^NOT_FOUND: No shell "ses_no-such-session"/);
      assert.match(await mcp.fails('shell_read', { session_id: 'ses_nope' }), /^NOT_FOUND/);
      const { shells: after } = await mcp.ok<{ shells: unknown[] }>('shell_list');
      assert.equal(after.length, 0);
    });

    test('roles, scopes and another key’s session', async () => {
      const viewer = await connectMcp(
        await createKey(server, { name: 'v', role: 'VIEWER' }),
        transport,
      );
      try {
        const names = (await viewer.client.listTools()).tools.map((t) => t.name);
        for (const name of SHELL_TOOLS) assert.ok(!names.includes(name), `${name} for a viewer`);
      } finally {
        await viewer.close();
      }

      const scoped = await connectMcp(
        await createKey(server, {
          name: 'scoped',
          role: 'OPERATOR',
          scope: { tags: ['elsewhere'] },
        }),
        transport,
      );
      const other = await connectMcp(
        await createKey(server, { name: 'other', role: 'OPERATOR' }),
        transport,
      );
      try {
        const refused = await scoped.fails('shell_open', { client_id: agent.uuid });
        assert.match(refused, /^NOT_FOUND: /);

        const { session_id: id } = await mcp.ok<{ session_id: string }>('shell_open', {
          client_id: agent.uuid,
        });
        for (const [tool, args] of [
          ['shell_send', { session_id: id, text: 'echo not-yours' }],
          ['shell_read', { session_id: id, timeout: 0 }],
          ['shell_close', { session_id: id }],
        ] as const)
          assert.match(await other.fails(tool, args), /^NOT_FOUND: /, tool);
        const { shells } = await other.ok<{ shells: unknown[] }>('shell_list');
        assert.equal(shells.length, 0);
        assert.equal((await sessionState(server, id)).open, true);
        await mcp.ok('shell_close', { session_id: id });
      } finally {
        await scoped.close();
        await other.close();
      }
    });

    test('an MCP session’s shells close when it ends', async () => {
      const own = await connectMcp(server, transport);
      const { session_id: id } = await own.ok<{ session_id: string }>('shell_open', {
        client_id: agent.uuid,
      });
      assert.equal((await sessionState(server, id)).open, true);
      if (transport === 'http') {
        // The SDK ends a Streamable HTTP session with DELETE /mcp.
        await (
          own.client.transport as unknown as { terminateSession(): Promise<void> }
        ).terminateSession();
      }
      await own.close();
      const ended = await waitFor(
        async () => {
          const state = await sessionState(server, id);
          return state.open ? null : state;
        },
        { what: 'the shell closed with its MCP session' },
      );
      assert.match(ended.closeReason ?? '', /closed by/);
    });
  });
}

describe('shell idle timeout', () => {
  let server: TestServer;
  let agent: TestAgent;

  before(async () => {
    server = await startServer({ openEnrollment: true, env: { ETPHONEHOME_SHELL_IDLE_S: '1' } });
    agent = await createAgent(server, { displayName: 'shell-idle', env: { SHELL: '/bin/sh' } });
    await agent.start();
    await agent.waitOnline(server);
  });
  after(async () => {
    await agent?.close();
    await server?.close();
  });

  for (const transport of ['http', 'stdio'] as Transport[]) {
    test(`a quiet shell closes itself (${transport})`, async () => {
      const mcp = await connectMcp(server, transport);
      try {
        const { session_id: id } = await mcp.ok<{ session_id: string }>('shell_open', {
          client_id: agent.uuid,
        });
        const ended = await waitFor(
          async () => {
            const state = await sessionState(server, id);
            return state.open ? null : state;
          },
          { what: 'the idle shell closed' },
        );
        assert.match(ended.closeReason ?? '', /idle for 1 s/);
        const read = await mcp.ok<{ open: boolean }>('shell_read', { session_id: id, timeout: 0 });
        assert.equal(read.open, false);
        assert.match(
          await mcp.fails('shell_send', { session_id: id, text: 'echo late' }),
          /has ended \(idle for 1 s\)/,
        );
      } finally {
        await mcp.close();
      }
    });
  }
});
