// A command that runs longer than any default deadline along the way (HTTP, the link, the
// agent) succeeds when its own timeout allows it. In a file of its own so it runs beside others.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAgent } from '../support/agent.js';
import { killAll } from '../support/processes.js';
import { startServer } from '../support/server.js';
import { RunCommandDocument } from '../support/operations.js';

after(killAll);

test('a 40-second command with a 60-second timeout succeeds', async () => {
  const server = await startServer({ openEnrollment: true });
  const agent = await createAgent(server);
  await agent.start();
  await agent.waitOnline(server);
  const { runCommand } = await server.gql.request(RunCommandDocument, {
    clientId: agent.uuid,
    cmd: 'sleep 40; echo finished',
    timeout: 60,
  });
  assert.equal(runCommand.stdout, 'finished\n');
  assert.equal(runCommand.timedOut, false);
  assert.equal(runCommand.returncode, 0);
  assert.ok(runCommand.durationMs >= 40_000, `ran ${runCommand.durationMs} ms`);
  await agent.close();
  await server.close();
});
