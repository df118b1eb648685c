// Rate limits end to end, through GraphQL against real agents: WARN lets the excess run and
// counts it (and a subscription reports each breach), ENFORCE refuses it with a retry time, the
// in-flight limit holds exactly under 50 parallel calls, and limits and counts survive a restart.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { graphql } from '../../src/generated/gql.js';
import { GraphQLRequestError } from '../../src/client/index.js';
import { createAgent, type TestAgent } from '../support/agent.js';
import { expectError } from '../support/errors.js';
import { killAll } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';
import { ConfigureClientDocument, RunCommandDocument } from '../support/operations.js';

after(killAll);

const StatsDocument = graphql(`
  query RateLimitsStats($id: ID!) {
    rateLimitStats(id: $id) {
      requestsPerMinute
      currentConcurrent
      rpmLimit
      concurrentLimit
      rpmWarnings
      concurrentWarnings
      rpmRejections
      concurrentRejections
      mode
    }
  }
`);

const WarningsSubscription = graphql(`
  subscription RateLimitsWarnings($clientId: ID) {
    rateLimitWarnings(clientId: $clientId) {
      id
      limit
      enforced
      mode
      operation
      requestsPerMinute
      currentConcurrent
      rpmLimit
      concurrentLimit
      client {
        uuid
      }
    }
  }
`);

async function stats(server: TestServer, id: string) {
  return (await server.gql.request(StatsDocument, { id })).rateLimitStats;
}

describe('rate limits', () => {
  let server: TestServer;
  let warned: TestAgent;
  let enforced: TestAgent;

  before(async () => {
    server = await startServer({ openEnrollment: true });
    warned = await createAgent(server, { displayName: 'warned' });
    enforced = await createAgent(server, { displayName: 'enforced' });
    await warned.start();
    await enforced.start();
    await warned.waitOnline(server);
    await enforced.waitOnline(server);
  });
  after(async () => {
    await warned.close();
    await enforced.close();
    await server.close();
  });

  test('default limits, WARN: 70 quick calls all run; the 10 over 60/min are counted and reported live', async () => {
    const subscription = await server.subscribe(WarningsSubscription, { clientId: warned.uuid });
    for (let i = 0; i < 70; i += 1) {
      const { runCommand } = await server.gql.request(RunCommandDocument, {
        clientId: warned.uuid,
        cmd: 'true',
      });
      assert.equal(runCommand.returncode, 0, `call ${i + 1} ran`);
    }
    const figures = await stats(server, warned.uuid);
    assert.equal(figures.mode, 'WARN');
    assert.equal(figures.rpmLimit, 60);
    assert.equal(figures.concurrentLimit, 10);
    assert.equal(figures.requestsPerMinute, 70);
    assert.equal(figures.rpmWarnings, 10);
    assert.equal(figures.rpmRejections, 0);
    assert.equal(figures.currentConcurrent, 0);
    const received = [];
    for (let i = 0; i < 10; i += 1) received.push((await subscription.next()).rateLimitWarnings);
    subscription.close();
    assert.ok(received.every((w) => w.limit === 'RPM' && !w.enforced && w.mode === 'WARN'));
    assert.ok(received.every((w) => w.client.uuid === warned.uuid && w.rpmLimit === 60));
    assert.deepEqual(
      received.map((w) => w.requestsPerMinute),
      [61, 62, 63, 64, 65, 66, 67, 68, 69, 70],
    );
    assert.ok(received.every((w) => w.operation === 'run_command'));
  });

  test('ENFORCE: the excess is refused with RATE_LIMITED and a retry time, and the stats agree', async () => {
    await server.gql.request(ConfigureClientDocument, {
      id: enforced.uuid,
      input: { rateLimitMode: 'ENFORCE', rateLimitRpm: 5 },
    });
    const subscription = await server.subscribe(WarningsSubscription, { clientId: enforced.uuid });
    let ran = 0;
    const refusals: GraphQLRequestError[] = [];
    for (let i = 0; i < 8; i += 1) {
      try {
        await server.gql.request(RunCommandDocument, { clientId: enforced.uuid, cmd: 'true' });
        ran += 1;
      } catch (error) {
        if (!(error instanceof GraphQLRequestError)) throw error;
        refusals.push(error);
      }
    }
    assert.equal(ran, 5);
    assert.equal(refusals.length, 3);
    for (const refusal of refusals) {
      assert.equal(refusal.code, 'RATE_LIMITED');
      assert.match(refusal.message, /5 requests per minute \(mode ENFORCE\)\. Retry in \d+ s/);
    }
    const figures = await stats(server, enforced.uuid);
    assert.equal(figures.mode, 'ENFORCE');
    assert.equal(figures.requestsPerMinute, 5, 'refused requests never reached the client');
    assert.equal(figures.rpmRejections, 3);
    assert.equal(figures.rpmWarnings, 0);
    const warning = (await subscription.next()).rateLimitWarnings;
    subscription.close();
    assert.equal(warning.enforced, true);
    assert.equal(warning.limit, 'RPM');
  });

  test('the in-flight limit holds exactly under 50 parallel calls (ENFORCE), and is counted in WARN', async () => {
    await server.gql.request(ConfigureClientDocument, {
      id: enforced.uuid,
      input: { rateLimitMode: 'ENFORCE', rateLimitRpm: 100_000, rateLimitConcurrent: 10 },
    });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        server.gql.request(RunCommandDocument, { clientId: enforced.uuid, cmd: 'sleep 3' }),
      ),
    );
    const ran = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter(
      (o) =>
        o.status === 'rejected' &&
        o.reason instanceof GraphQLRequestError &&
        o.reason.code === 'RATE_LIMITED',
    );
    assert.equal(ran.length, 10, 'exactly the limit ran');
    assert.equal(refused.length, 40, 'every other call was refused');
    let figures = await stats(server, enforced.uuid);
    assert.equal(figures.concurrentRejections, 40);
    assert.equal(figures.currentConcurrent, 0, 'every permit was released');

    await server.gql.request(ConfigureClientDocument, {
      id: warned.uuid,
      input: { rateLimitRpm: 100_000 },
    });
    const before = await stats(server, warned.uuid);
    const warnOutcomes = await Promise.all(
      Array.from({ length: 50 }, () =>
        server.gql.request(RunCommandDocument, { clientId: warned.uuid, cmd: 'sleep 3' }),
      ),
    );
    assert.equal(warnOutcomes.length, 50, 'WARN mode: every call ran');
    figures = await stats(server, warned.uuid);
    assert.equal(figures.concurrentWarnings - before.concurrentWarnings, 40);
  });

  test('limits and counts survive a server restart, and ENFORCE still refuses', async () => {
    await server.gql.request(ConfigureClientDocument, {
      id: enforced.uuid,
      input: { rateLimitMode: 'ENFORCE', rateLimitRpm: 3, rateLimitConcurrent: 7 },
    });
    const before = await stats(server, enforced.uuid);
    const warnedBefore = await stats(server, warned.uuid);
    await server.stop('SIGKILL');
    await server.restart();
    await enforced.waitOnline(server, 60_000);
    const after = await stats(server, enforced.uuid);
    assert.equal(after.mode, 'ENFORCE');
    assert.equal(after.rpmLimit, 3);
    assert.equal(after.concurrentLimit, 7);
    assert.equal(after.rpmRejections, before.rpmRejections);
    assert.equal(after.concurrentRejections, before.concurrentRejections);
    const warnedAfter = await stats(server, warned.uuid);
    assert.equal(warnedAfter.rpmWarnings, warnedBefore.rpmWarnings);
    assert.equal(warnedAfter.concurrentWarnings, warnedBefore.concurrentWarnings);
    assert.equal(after.requestsPerMinute, 0, 'the window starts afresh');

    for (let i = 0; i < 3; i += 1)
      await server.gql.request(RunCommandDocument, { clientId: enforced.uuid, cmd: 'true' });
    await expectError(
      server.gql.request(RunCommandDocument, { clientId: enforced.uuid, cmd: 'true' }),
      'RATE_LIMITED',
    );
    assert.equal(
      (await stats(server, enforced.uuid)).rpmRejections,
      before.rpmRejections + 1,
      'counted on top of the counts from before the restart',
    );
  });
});
