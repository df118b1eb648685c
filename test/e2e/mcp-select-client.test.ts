// select_client semantics over both transports: a tool without client_id uses the session's
// selection; with none and exactly one client online, that one (and it sticks); an offline
// selection is an error naming it, never a silent switch; each session has its own selection;
// an explicit client_id wins without changing the selection.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAgent, type TestAgent } from '../support/agent.js';
import { connectMcp, textOf, type TestMcpClient, type Transport } from '../support/mcp.js';
import { killAll } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';
import { ClientDocument } from '../support/operations.js';
import { waitFor } from '../support/wait.js';

after(killAll);

const marker = async (mcp: TestMcpClient, args: Record<string, unknown> = {}): Promise<string> =>
  String(
    (await mcp.ok<{ stdout: string }>('run_command', { cmd: 'echo "$MCP_MARKER"', ...args }))
      .stdout,
  ).trim();

for (const transport of ['http', 'stdio'] as Transport[]) {
  describe(`select_client over MCP (${transport})`, () => {
    let server: TestServer;
    let a: TestAgent;
    let b: TestAgent;
    const sessions: TestMcpClient[] = [];
    const open = async () => {
      const session = await connectMcp(server, transport);
      sessions.push(session);
      return session;
    };
    const offline = async (agent: TestAgent) => {
      await agent.stop();
      await waitFor(
        async () =>
          (await server.gql.request(ClientDocument, { id: agent.uuid })).client?.online === false,
        { what: 'offline' },
      );
    };

    before(async () => {
      server = await startServer({ openEnrollment: true });
      a = await createAgent(server, { displayName: 'alpha', env: { MCP_MARKER: 'a' } });
      b = await createAgent(server, { displayName: 'bravo', env: { MCP_MARKER: 'b' } });
      await a.start();
      await a.waitOnline(server);
    });
    after(async () => {
      for (const session of sessions) await session.close().catch(() => undefined);
      await a?.close();
      await b?.close();
      await server?.close();
    });

    test('one client online, none selected: it is used, and it sticks', async () => {
      const first = await open();
      const result = await first.call('run_command', { cmd: 'echo "$MCP_MARKER"' });
      assert.notEqual(result.isError, true, textOf(result));
      assert.match(textOf(result), /only one online, so it is now this session's selected client/);
      assert.equal((result.structuredContent as { stdout: string }).stdout, 'a\n');
      // b comes online: the session stays on a (it does not become ambiguous, nor switch).
      await b.start();
      await b.waitOnline(server);
      assert.equal(await marker(first), 'a');
      assert.equal(
        (await first.ok<{ selected_client: string }>('list_clients')).selected_client,
        a.uuid,
      );
    });

    test('two online, none selected: an error that lists them and says what to do', async () => {
      const fresh = await open();
      const text = await fresh.fails('run_command', { cmd: 'echo no' });
      assert.match(
        text,
        /^BAD_USER_INPUT: 2 clients are online .* none is selected\. Pass client_id, or call select_client/,
      );
      assert.match(await fresh.fails('get_client_metrics', { summary: true }), /none is selected/);
    });

    test('explicit selection, per-session isolation, explicit client_id wins', async () => {
      const one = await open();
      const two = await open();
      const selected = await one.ok<{ client: { uuid: string } }>('select_client', {
        client_id: 'bravo',
      });
      assert.equal(selected.client.uuid, b.uuid);
      await two.ok('select_client', { client_id: a.uuid });
      assert.equal(await marker(one), 'b');
      assert.equal(await marker(two), 'a');
      assert.equal(await marker(one, { client_id: a.uuid }), 'a', 'client_id wins');
      assert.equal(await marker(one), 'b', 'and leaves the selection alone');
      const metrics = await one.ok<{ metrics: Record<string, unknown> }>('get_client_metrics', {
        summary: true,
      });
      assert.equal(typeof metrics.metrics['cpuPercent'], 'number');
      // Unknown clients: an error, selection unchanged.
      assert.match(
        await one.fails('select_client', { client_id: 'no-such-client' }),
        /^NOT_FOUND: .*selection is unchanged/,
      );
      assert.equal(await marker(one), 'b');
    });

    test('a selected client that goes offline is an error, never a silent switch', async () => {
      const session = await open();
      await session.ok('select_client', { client_id: b.uuid });
      await offline(b);
      const text = await session.fails('run_command', { cmd: 'echo should-not-run' });
      assert.match(text, /^CLIENT_OFFLINE: The selected client ".+" is offline .*select_client/);
      assert.match(
        await session.fails('get_client_metrics', {}),
        /^CLIENT_OFFLINE: The selected client/,
      );
      // Selecting an offline client is refused too, and keeps the selection.
      assert.match(
        await session.fails('select_client', { client_id: 'bravo' }),
        /^CLIENT_OFFLINE: .*selection is unchanged/,
      );
      // Even now that exactly one client (a) is online, the session does not move to it.
      assert.match(await session.fails('run_command', { cmd: 'echo no' }), /^CLIENT_OFFLINE/);
      await b.start();
      await b.waitOnline(server);
      assert.equal(await marker(session), 'b', 'back on its own client once it reconnects');
    });

    test('the single-online default never switches either', async () => {
      await offline(b);
      const session = await open();
      assert.equal(await marker(session), 'a');
      await offline(a);
      await b.start();
      await b.waitOnline(server);
      assert.match(
        await session.fails('run_command', { cmd: 'echo no' }),
        /^CLIENT_OFFLINE: The selected client/,
      );
    });
  });
}
