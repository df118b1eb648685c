// `etphonehome clients stats` (issue 17 item 15): the guide's rate-limit workflow on the command
// line — figures against limits, warnings counted in WARN mode, --json with the guide's fields.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAgent, type TestAgent } from '../support/agent.js';
import { cliJson, runCli } from '../support/cli.js';
import { killAll } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';
import { RunCommandDocument } from '../support/operations.js';

after(killAll);

interface Stats {
  client: { uuid: string; clientId: string };
  requestsPerMinute: number;
  currentConcurrent: number;
  rpmLimit: number;
  concurrentLimit: number;
  rpmWarnings: number;
  concurrentWarnings: number;
  rpmRejections: number;
  concurrentRejections: number;
  mode: string;
}

describe('etphonehome clients stats', () => {
  let server: TestServer;
  let agent: TestAgent;

  before(async () => {
    server = await startServer({ openEnrollment: true });
    agent = await createAgent(server, { displayName: 'stats-target' });
    await agent.start();
    await agent.waitOnline(server);
  });
  after(async () => {
    await agent?.close();
    await server?.close();
  });

  test('shows requests against limits and the warnings over them', async () => {
    const configured = await runCli(server, [
      'clients',
      'configure',
      'stats-target',
      '--rate-limit-rpm',
      '2',
      '--rate-limit-mode',
      'warn',
    ]);
    assert.equal(configured.code, 0, configured.stderr);
    for (let i = 0; i < 3; i++)
      await server.gql.request(RunCommandDocument, { clientId: agent.uuid, cmd: 'true' });

    const stats = await cliJson<Stats>(server, ['clients', 'stats', 'stats-target']);
    assert.equal(stats.client.uuid, agent.uuid);
    assert.equal(stats.rpmLimit, 2);
    assert.equal(stats.mode, 'WARN');
    assert.ok(stats.requestsPerMinute >= 3, `requestsPerMinute ${stats.requestsPerMinute}`);
    assert.ok(stats.rpmWarnings >= 1, `rpmWarnings ${stats.rpmWarnings}`);
    for (const field of ['currentConcurrent', 'concurrentLimit', 'concurrentWarnings'] as const)
      assert.equal(typeof stats[field], 'number', field);

    const human = await runCli(server, ['clients', 'stats', agent.uuid]);
    assert.equal(human.code, 0, human.stderr);
    assert.match(human.stdout, /requests\/minute:\s+\d+ of 2/);
    assert.match(human.stdout, /mode:\s+WARN/);
    assert.match(human.stdout, /warnings:\s+[1-9]\d* per-minute/);
  });

  test('an unknown client exits 3 and names it', async () => {
    const missing = await runCli(server, ['clients', 'stats', 'no-such-client']);
    assert.equal(missing.code, 3, missing.stderr);
    assert.match(missing.stderr, /no-such-client/);
  });
});
