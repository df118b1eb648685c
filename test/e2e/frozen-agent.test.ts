// Issue 17 item 10, end to end: a SIGSTOPped agent goes offline (client.disconnected) within
// the SSH keepalive window while it is still stopped — the hub destroys the dead connection
// rather than half-closing it and waiting for a FIN the frozen process never sends. Resumed,
// the agent reconnects.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createAgent, type TestAgent } from '../support/agent.js';
import { killAll } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';
import { ClientDocument, ClientEventsSubscription } from '../support/operations.js';
import { waitFor } from '../support/wait.js';

after(killAll);

/** The process state letter from /proc (T: stopped). */
function processState(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0] ?? '?';
}

let server: TestServer;
let agent: TestAgent;

before(async () => {
  server = await startServer({
    openEnrollment: true,
    env: {
      ETPHONEHOME_SSH_KEEPALIVE_S: '1',
      ETPHONEHOME_SSH_KEEPALIVE_COUNT: '2',
      ETPHONEHOME_HEARTBEAT_INTERVAL_S: '3600',
    },
  });
  agent = await createAgent(server);
  await agent.start();
  await agent.waitOnline(server);
});
after(async () => {
  await agent.close();
  await server.close();
});

test('a stopped agent goes offline while still stopped, and comes back when resumed', async () => {
  const pid = agent.process?.child.pid;
  assert.ok(pid);
  const subscription = await server.subscribe(ClientEventsSubscription, {
    filter: { events: ['client.disconnected'], clientId: agent.uuid },
  });
  process.kill(pid, 'SIGSTOP');
  try {
    const event = (await subscription.next(undefined, 60_000)).clientEvents;
    assert.equal(event.event, 'client.disconnected');
    assert.equal(event.client.online, false);
    assert.match(String((event.data as Record<string, unknown>)['reason']), /keepalive/i);
    assert.equal(processState(pid), 'T', 'the agent is still stopped');
    const { client } = await server.gql.request(ClientDocument, { id: agent.uuid });
    assert.equal(client?.online, false);
  } finally {
    subscription.close();
    process.kill(pid, 'SIGCONT');
  }
  await waitFor(
    async () => (await server.gql.request(ClientDocument, { id: agent.uuid })).client?.online,
    { timeoutMs: 60_000, what: 'the resumed agent back online' },
  );
});
