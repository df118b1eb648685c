// The reconnect storm after a crash (issue 13), at a size a test can afford: 300 agents that
// speak the real protocol (bench/support/simulated-agents.ts, with the real agent's reconnect
// loop) attached to a real server, the server SIGKILLed and started again on the same ports and
// data. Every agent comes back (none gives up), each once — one client.connected per agent
// after the restart —, and the crash's open sessions are closed with one "server restarted"
// each. The full-size figures (10,000 agents) are bench/scale.ts's, not this test's.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSimulatedAgents,
  type SimulatedAgents,
} from '../../bench/support/simulated-agents.js';
import { EventsDocument } from '../support/operations.js';
import { killAll } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';

after(killAll);

const AGENTS = 300;

async function online(server: TestServer): Promise<number> {
  const response = await fetch(`${server.url}/health`).catch(() => null);
  if (!response?.ok) return -1;
  return ((await response.json()) as { clients: { online: number } }).clients.online;
}

/** The clients with a `type` event after event `after`, each with how many it has. */
async function eventsPerClient(
  server: TestServer,
  type: string,
  after: number,
): Promise<Map<string, number>> {
  const seen = new Map<string, number>();
  let before: string | undefined;
  for (;;) {
    const page = (
      await server.gql.request(EventsDocument, {
        filter: { events: [type] },
        limit: 500,
        ...(before ? { before } : {}),
      })
    ).events;
    const newer = page.filter((e) => Number(e.id) > after);
    for (const event of newer) {
      const uuid = event.client?.uuid ?? '';
      seen.set(uuid, (seen.get(uuid) ?? 0) + 1);
    }
    if (newer.length < page.length || page.length < 500) return seen;
    before = page[page.length - 1]?.id;
  }
}

/** One client's events after event `after`, oldest first, one per line (for a failure). */
async function history(
  server: TestServer,
  uuid: string | undefined,
  after: number,
): Promise<string> {
  if (uuid === undefined) return '';
  const page = (
    await server.gql.request(EventsDocument, { filter: { clientId: uuid }, limit: 100 })
  ).events;
  return page
    .filter((e) => Number(e.id) > after)
    .reverse()
    .map((e) => `${e.timestamp} ${e.event} ${JSON.stringify(e.data)}`)
    .join('\n');
}

describe('a server killed with 300 agents attached', () => {
  let server: TestServer;
  let agents: SimulatedAgents;

  before(async () => {
    server = await startServer({ openEnrollment: true });
    agents = await startSimulatedAgents({
      host: '127.0.0.1',
      sshPort: server.sshPort,
      count: AGENTS,
      reconnect: true,
      metricsDelayMs: 0,
    });
    assert.equal(agents.report.connected, AGENTS, agents.report.errors.join('; '));
    await waitFor(async () => (await online(server)) === AGENTS, {
      timeoutMs: 120_000,
      what: `${AGENTS} agents online`,
    });
    // Online is counted when a session attaches; its client.connected is written just after.
    // The kill's mark must come after every one of them, or a late one counts as a second.
    await waitFor(
      async () => (await eventsPerClient(server, 'client.connected', 0)).size === AGENTS,
      { timeoutMs: 60_000, what: `${AGENTS} client.connected events recorded` },
    );
  });
  after(async () => {
    await agents?.stop();
    await server?.close();
  });

  test('every agent comes back once, none gives up, and the crash is recorded once each', async () => {
    const newest = (await server.gql.request(EventsDocument, { limit: 1 })).events[0];
    const mark = Number(newest?.id ?? 0);
    await server.stop('SIGKILL');
    const killedAt = Date.now();
    await server.restart();
    // A deadline against hangs only: the agents' backoff allows up to 30 s between tries.
    await waitFor(async () => (await online(server)) === AGENTS, {
      timeoutMs: 180_000,
      what: `all ${AGENTS} agents back after the restart`,
    });
    // Online counts at attach; an agent stamps its registration when the server's first call
    // after hello reaches it, a moment later. Wait for the stamps, not only the count.
    const registeredAgain = async () =>
      (await agents.counters()).registeredAt.filter((at) => at >= killedAt).length;
    await waitFor(async () => (await registeredAgain()) === AGENTS, {
      timeoutMs: 30_000,
      what: `all ${AGENTS} agents stamped a registration after the kill`,
    }).catch(() => undefined);
    assert.equal(await registeredAgain(), AGENTS, 'each agent registered again after the kill');

    const connected = await eventsPerClient(server, 'client.connected', mark);
    assert.equal(connected.size, AGENTS);
    const twice = [...connected].filter(([, n]) => n > 1).map(([uuid]) => uuid);
    assert.deepEqual(
      twice,
      [],
      `one client.connected per agent: no agent attached twice; what the first did:\n${await history(server, twice[0], mark)}`,
    );
    const closed = await eventsPerClient(server, 'client.disconnected', mark);
    assert.equal(closed.size, AGENTS, 'every session the crash left open was closed');
    assert.ok([...closed.values()].every((n) => n === 1));
  });
});
