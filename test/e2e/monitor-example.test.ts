// The README's monitor example (docs/examples/monitor.mjs) really works: it prints a connect and
// a disconnect as they happen, and keeps watching across a server restart (issue 17 item 14):
// while the server is down its reconnections are refused, and it still prints the events after.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAgent } from '../support/agent.js';
import { killAll, spawnProcess } from '../support/processes.js';
import { startServer } from '../support/server.js';
import { UpdateClientDocument } from '../support/operations.js';
import { waitFor } from '../support/wait.js';

after(killAll);

test('docs/examples/monitor.mjs prints connections and disconnections', async () => {
  const server = await startServer({ openEnrollment: true });
  const monitor = spawnProcess(process.execPath, ['docs/examples/monitor.mjs'], {
    env: { ...process.env, ETPHONEHOME_URL: server.url, ETPHONEHOME_API_KEY: server.apiKey },
  });
  await monitor.waitForLine((line) => line.startsWith('watching'));
  await new Promise((r) => setTimeout(r, 300)); // let the subscription reach the server
  const agent = await createAgent(server, { displayName: 'Monitored' });
  await agent.start();
  const connected = await monitor.waitForLine((line) => line.includes('client.connected'));
  assert.match(connected, /\(Monitored\) online=true/);
  await agent.stop('SIGKILL');
  const disconnected = await monitor.waitForLine((line) => line.includes('client.disconnected'));
  assert.match(disconnected, /\(Monitored\) online=false/);

  // The server goes away long enough for reconnections to be refused, then comes back.
  await server.stop();
  await monitor.waitForLine((line) => line.includes('disconnected; reconnecting'));
  await new Promise((r) => setTimeout(r, 3000));
  await server.restart();
  await agent.start();
  await waitFor(
    () =>
      monitor.stdout.filter((l) => l.includes('client.connected') && l.includes('(Monitored)'))
        .length >= 2,
    { timeoutMs: 60_000, what: 'the monitor printing the connection after the restart' },
  );
  assert.equal(monitor.child.exitCode, null, 'the monitor is still running');
  await monitor.kill();
  await agent.close();
  await server.close();
});

test('docs/examples/monitor.mjs prints what was recorded while it was away (clientEvents(after:))', async () => {
  const server = await startServer({ openEnrollment: true });
  const agent = await createAgent(server, { displayName: 'Crashed-under' });
  await agent.start();
  await agent.waitOnline(server);
  const monitor = spawnProcess(process.execPath, ['docs/examples/monitor.mjs'], {
    env: { ...process.env, ETPHONEHOME_URL: server.url, ETPHONEHOME_API_KEY: server.apiKey },
  });
  await monitor.waitForLine((line) => line.startsWith('watching'));
  // Subscribed for sure (a fixed pause was not, on a loaded machine: the monitor then took its
  // starting cursor only after the restart, past the event this test is about): an event it
  // prints. One made before it took its starting cursor is not printed, so until one is.
  let updates = 0;
  await waitFor(
    async () => {
      updates += 1;
      await server.gql.request(UpdateClientDocument, {
        id: agent.uuid,
        input: { purpose: `watched ${updates}` },
      });
      await new Promise((resolve) => setTimeout(resolve, 250));
      return monitor.stdout.some((line) => line.includes('client.updated'));
    },
    { timeoutMs: 60_000, what: 'the monitor printing an event' },
  );
  // A crash with the agent connected: the restarted server records the agent's disconnection at
  // start, before any subscriber can be there to see it live. The agent stays away.
  await server.stop('SIGKILL');
  await agent.stop('SIGKILL');
  await server.restart();
  const replayed = await monitor.waitForLine(
    (line) => line.includes('client.disconnected') && line.includes('(Crashed-under)'),
    60_000,
  );
  assert.match(replayed, /online=false/);
  await monitor.kill();
  await agent.close();
  await server.close();
});
