// `etphonehome server --drain` end to end (issue 14): two real servers on one throwaway
// PostgreSQL, agents that know both, all held by the first. The drain command asks the first to
// hand them over and waits until it holds none: every agent then is held by the second and runs
// commands there; the drained server answers /health with 503 and turns a new agent away with
// the `draining` notice. Bad input: no database, no such server, the only live server.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { graphql } from '../../src/generated/gql.js';
import { createAgent, type TestAgent } from '../support/agent.js';
import { runCli } from '../support/cli.js';
import { RunCommandDocument } from '../support/operations.js';
import { startPostgres, type PostgresServer } from '../support/postgres.js';
import { killAll } from '../support/processes.js';
import { startClusterServer, type TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';

after(killAll);

const DrainHeldByDocument = graphql(`
  query TestDrainHeldBy($id: ID!) {
    client(id: $id) {
      heldBy
    }
    servers {
      name
      drainingSince
    }
  }
`);

describe('draining a server', () => {
  let postgres: PostgresServer;
  let databaseUrl: string;
  let first: TestServer;
  let second: TestServer;
  const agents: TestAgent[] = [];

  const heldBy = async (server: TestServer, uuid: string): Promise<string | null> =>
    (await server.gql.request(DrainHeldByDocument, { id: uuid })).client?.heldBy ?? null;

  before(async () => {
    postgres = await startPostgres();
    databaseUrl = await postgres.createDatabase('etphonehome');
    first = await startClusterServer(databaseUrl, 'drain-a');
    second = await startClusterServer(databaseUrl, 'drain-b');
  });
  after(async () => {
    for (const agent of agents) await agent.close();
    await first?.close();
    await second?.close();
    await postgres?.stop();
  });

  test('bad input: no database, no such server, the only live server', async () => {
    const noDatabase = await runCli(first, ['server', '--drain', '--server-name', 'drain-a'], {
      ETPHONEHOME_DATABASE_URL: '',
    });
    assert.equal(noDatabase.code, 2, noDatabase.stderr);
    assert.match(noDatabase.stderr, /--database-url/);
    const env = { ETPHONEHOME_DATABASE_URL: databaseUrl };
    const nobody = await runCli(first, ['server', '--drain', '--server-name', 'nobody'], env);
    assert.equal(nobody.code, 3, nobody.stderr);
    assert.match(nobody.stderr, /no live server named "nobody".*drain-a, drain-b/);
    // With the second server stopped, the first is the only one: nowhere to send its agents.
    await second.stop();
    await waitFor(
      async () => {
        const only = await runCli(first, ['server', '--drain', '--server-name', 'drain-a'], env);
        return only.code === 4 && /only live server/.test(only.stderr);
      },
      { timeoutMs: 30_000, what: 'the drain refused while drain-a is alone' },
    );
    assert.equal(
      (await first.gql.request(DrainHeldByDocument, { id: 'none' })).servers.find(
        (s) => s.name === 'drain-a',
      )?.drainingSince,
      null,
      'a refused drain asks nothing',
    );
  });

  test('the agents move to the other server; the drained one turns new agents away', async () => {
    // The second server is down: agents that know both land on the first.
    for (let i = 0; i < 3; i += 1) {
      const agent = await createAgent(first, { servers: [first, second] });
      agents.push(agent);
      await agent.start();
    }
    for (const agent of agents)
      await waitFor(async () => (await heldBy(first, agent.uuid)) === 'drain-a', {
        timeoutMs: 60_000,
        what: `agent ${agent.uuid} held by drain-a`,
      });
    await second.restart();

    // Commands through the second server all along: routed to the first, then waiting for each
    // agent on its way, then run where it landed. None may fail.
    let calling = true;
    const outcomes: string[] = [];
    const caller = (async () => {
      for (let round = 0; calling; round += 1)
        for (const agent of agents) {
          const reply = await second.gql
            .request(RunCommandDocument, { clientId: agent.uuid, cmd: `echo ${round}` })
            .then(
              (r) => (r.runCommand.stdout.trim() === String(round) ? 'ok' : 'wrong output'),
              (error: Error) => error.message,
            );
          outcomes.push(reply);
        }
    })();
    const drained = await runCli(first, ['server', '--drain', '--server-name', 'drain-a'], {
      ETPHONEHOME_DATABASE_URL: databaseUrl,
    });
    calling = false;
    await caller;
    assert.ok(outcomes.length >= agents.length, `${outcomes.length} calls`);
    assert.deepEqual(
      outcomes.filter((o) => o !== 'ok'),
      [],
      `${outcomes.length} calls during the drain`,
    );
    assert.equal(drained.code, 0, drained.stderr);
    assert.match(drained.stdout, /Draining drain-a \(\d+ agents at its last renewal\) to drain-b/);
    assert.match(drained.stdout, /Drained: drain-a holds no agents/);

    for (const agent of agents) {
      await waitFor(async () => (await heldBy(second, agent.uuid)) === 'drain-b', {
        timeoutMs: 60_000,
        what: `agent ${agent.uuid} held by drain-b`,
      });
      const ran = await second.gql.request(RunCommandDocument, {
        clientId: agent.uuid,
        cmd: 'echo moved',
      });
      assert.equal(ran.runCommand.stdout.trim(), 'moved');
    }
    const servers = (await second.gql.request(DrainHeldByDocument, { id: 'none' })).servers;
    assert.ok(servers.find((s) => s.name === 'drain-a')?.drainingSince, JSON.stringify(servers));
    assert.equal(servers.find((s) => s.name === 'drain-b')?.drainingSince, null);

    const health = await fetch(`${first.url}/health`);
    assert.equal(health.status, 503, 'a load balancer takes the drained server out');
    assert.equal(((await health.json()) as { status: string }).status, 'draining');

    // A new agent that knows only the drained server is turned away, and told why.
    const latecomer = await createAgent(first);
    agents.push(latecomer);
    await latecomer.start();
    await waitFor(
      () => latecomer.process?.stderr.some((line) => line.includes('draining')) ?? false,
      { timeoutMs: 30_000, what: 'the latecomer told the server is draining' },
    );
    assert.equal(await heldBy(second, latecomer.uuid), null);
  });
});
