// decommission_client over MCP (issue 17 item 23): the guide's decommissioning workflow in one
// tool, whose answer says what became of the agent — its service stopped or left running, its
// link closed — and which leaves the client retained, decommissioned and offline. The CLI's
// `clients decommission` says the same in its own words.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAgent, type TestAgent } from '../support/agent.js';
import { runCli } from '../support/cli.js';
import { connectMcp, textOf, type TestMcpClient } from '../support/mcp.js';
import { killAll } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';
import { ClientDocument } from '../support/operations.js';
import { waitFor } from '../support/wait.js';

after(killAll);

interface Decommissioned {
  client: { uuid: string; online: boolean };
  decommissioned_at: string | null;
  service_stop: { returncode: number | null; error_code: string | null } | null;
}

describe('decommissioning says what became of the agent', () => {
  let server: TestServer;
  let stopped: TestAgent;
  let leftRunning: TestAgent;
  let viaCli: TestAgent;
  let mcp: TestMcpClient;

  before(async () => {
    server = await startServer({ openEnrollment: true });
    stopped = await createAgent(server, { displayName: 'retire-me' });
    leftRunning = await createAgent(server, { displayName: 'retire-me-too' });
    await stopped.start();
    viaCli = await createAgent(server, { displayName: 'retire-by-cli' });
    await leftRunning.start();
    await viaCli.start();
    await viaCli.waitOnline(server);
    await stopped.waitOnline(server);
    await leftRunning.waitOnline(server);
    mcp = await connectMcp(server, 'http');
  });
  after(async () => {
    await mcp?.close();
    await stopped?.close();
    await leftRunning?.close();
    await viaCli?.close();
    await server?.close();
  });

  test('is listed as a destructive tool', async () => {
    const { tools } = await mcp.client.listTools();
    const tool = tools.find((t) => t.name === 'decommission_client');
    assert.ok(tool, 'decommission_client is listed');
    assert.equal(tool.annotations?.destructiveHint, true);
    assert.ok(tool.outputSchema);
  });

  test('stops the service, closes the link and says so', async () => {
    const args = { uuid: 'retire-me', reason: 'replaced', stop_command: 'true' };
    const plan = await mcp.plan('decommission_client', args);
    assert.match(plan.plan.summary, /decommission .* run "true" on it to stop its agent service/);
    assert.equal(
      (await server.gql.request(ClientDocument, { id: stopped.uuid })).client?.online,
      true,
      'the plan decommissioned nothing',
    );
    const result = await mcp.client.callTool({
      name: 'decommission_client',
      arguments: { ...args, confirmation_token: plan.confirmation_token },
    });
    assert.notEqual(result.isError, true, textOf(result as never));
    assert.match(
      textOf(result as never),
      /Decommissioned ".*"; .*service was stopped \(the stop command exited 0\) and its link is closed/,
    );
    const data = result.structuredContent as unknown as Decommissioned;
    assert.equal(data.client.uuid, stopped.uuid);
    assert.ok(data.decommissioned_at);
    assert.deepEqual(
      { returncode: data.service_stop?.returncode, error_code: data.service_stop?.error_code },
      { returncode: 0, error_code: null },
    );
    await waitFor(
      async () =>
        (await server.gql.request(ClientDocument, { id: stopped.uuid })).client?.online === false,
      { what: 'the decommissioned client offline' },
    );
  });

  test('stop_service false leaves the service running and says it will be refused', async () => {
    const args = { uuid: leftRunning.uuid, stop_service: false };
    const { confirmation_token } = await mcp.plan('decommission_client', args);
    const result = await mcp.client.callTool({
      name: 'decommission_client',
      arguments: { ...args, confirmation_token },
    });
    assert.notEqual(result.isError, true, textOf(result as never));
    assert.match(
      textOf(result as never),
      /service was left running \(stop_service: false\); its link is closed and it is refused each time it connects/,
    );
    assert.equal((result.structuredContent as unknown as Decommissioned).service_stop, null);
  });

  test('the CLI says what became of the agent too', async () => {
    const done = await runCli(server, [
      'clients',
      'decommission',
      'retire-by-cli',
      '--stop-command',
      'exit 3',
      '--yes',
    ]);
    assert.equal(done.code, 0, done.stderr);
    assert.match(done.stdout, /Decommissioned .*retire-by-cli/);
    assert.match(
      done.stderr,
      /The stop command exited 3, so its agent service may still be running; its link is closed and it is refused each time it connects/,
    );
  });

  test('an unknown client is NOT_FOUND and changes nothing', async () => {
    assert.match(await mcp.fails('decommission_client', { uuid: 'no-such' }), /^NOT_FOUND: /);
  });
});
