// Retries that never run twice and monitors that never miss an event, on the real server:
// runCommand with an idempotency key under a concurrent retry runs once (counted on the client);
// clientEvents(after:) replays what was recorded after the cursor and joins the live stream with
// no gap and no duplicate, even while events are being recorded and after a server restart.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphql } from '../../src/generated/index.js';
import { createAgent, type TestAgent } from '../support/agent.js';
import { expectError } from '../support/errors.js';
import { EventsDocument } from '../support/operations.js';
import { killAll } from '../support/processes.js';
import { startServer, type Subscription, type TestServer } from '../support/server.js';

const IdempotentRunDocument = graphql(`
  mutation TestIdempotentRun($clientId: ID!, $cmd: String!, $idempotencyKey: String) {
    runCommand(clientId: $clientId, cmd: $cmd, idempotencyKey: $idempotencyKey) {
      stdout
      returncode
    }
  }
`);

const IdempotentWriteDocument = graphql(`
  mutation TestIdempotentWrite(
    $clientId: ID!
    $path: String!
    $content: String!
    $idempotencyKey: String
  ) {
    writeFile(
      clientId: $clientId
      path: $path
      content: $content
      idempotencyKey: $idempotencyKey
    ) {
      path
      size
    }
  }
`);

const EventsAfterSubscription = graphql(`
  subscription TestClientEventsAfter($filter: EventFilter, $after: ID) {
    clientEvents(filter: $filter, after: $after) {
      id
      event
    }
  }
`);

let server: TestServer;
let agent: TestAgent;
let work: string;

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'etph-retries-'));
  server = await startServer({ openEnrollment: true });
  agent = await createAgent(server);
  await agent.start();
  await agent.waitOnline(server);
});

after(async () => {
  await agent?.close();
  await server?.close();
  await rm(work, { recursive: true, force: true });
  await killAll();
});

test('runCommand with an idempotency key runs once under a concurrent retry', async () => {
  const count = join(work, 'count');
  const cmd = `echo ran >> ${count}; sleep 1; echo done`;
  const variables = { clientId: agent.uuid, cmd, idempotencyKey: 'run-once-1' };
  // The retry arrives while the first is still running: it waits for the same outcome.
  const [one, two] = await Promise.all([
    server.gql.request(IdempotentRunDocument, variables),
    server.gql.request(IdempotentRunDocument, variables),
  ]);
  assert.deepEqual(one.runCommand, { stdout: 'done\n', returncode: 0 });
  assert.deepEqual(two.runCommand, one.runCommand);
  // A later retry gets the recorded outcome.
  const three = await server.gql.request(IdempotentRunDocument, variables);
  assert.deepEqual(three.runCommand, one.runCommand);
  assert.equal((await readFile(count, 'utf8')).trim().split('\n').length, 1, 'ran once');
  await expectError(
    server.gql.request(IdempotentRunDocument, { ...variables, cmd: 'echo other' }),
    'CONFLICT',
    /run-once-1/,
  );
  // Without a key, each request runs.
  await server.gql.request(IdempotentRunDocument, {
    clientId: agent.uuid,
    cmd: `echo ran >> ${count}`,
  });
  assert.equal((await readFile(count, 'utf8')).trim().split('\n').length, 2);
});

test('writeFile with an idempotency key writes once; bad keys are refused', async () => {
  const path = join(work, 'written.txt');
  const variables = { clientId: agent.uuid, path, content: 'v1', idempotencyKey: 'write-1' };
  await server.gql.request(IdempotentWriteDocument, variables);
  await rm(path);
  // The retry returns the first outcome without writing again.
  const again = await server.gql.request(IdempotentWriteDocument, variables);
  assert.equal(again.writeFile.size, 2);
  await assert.rejects(readFile(path), /ENOENT/);
  await expectError(
    server.gql.request(IdempotentWriteDocument, { ...variables, content: 'v2' }),
    'CONFLICT',
    /write-1/,
  );
  for (const key of ['', 'white space', 'k'.repeat(256), 'é']) {
    await expectError(
      server.gql.request(IdempotentRunDocument, {
        clientId: agent.uuid,
        cmd: 'true',
        idempotencyKey: key,
      }),
      'BAD_USER_INPUT',
      /idempotencyKey/,
    );
  }
});

/** Ids of the recorded command_executed events of the agent after `afterId`, oldest first. */
async function recordedAfter(afterId: number): Promise<number[]> {
  const { events } = await server.gql.request(EventsDocument, {
    filter: { clientId: agent.uuid, events: ['command_executed'] },
    limit: 500,
  });
  return events
    .map((e) => Number(e.id))
    .filter((id) => id > afterId)
    .sort((a, b) => a - b);
}

/** Event ids from the subscription until `last` is seen. */
async function collectUntil(
  sub: Subscription<{ clientEvents: { id: string } }>,
  last: number,
): Promise<number[]> {
  const seen: number[] = [];
  while (seen.at(-1) !== last) {
    const data = await sub.next();
    seen.push(Number(data.clientEvents.id));
  }
  return seen;
}

async function latestEventId(): Promise<number> {
  const { events } = await server.gql.request(EventsDocument, { limit: 1 });
  return Number(events[0]?.id ?? 0);
}

test('clientEvents(after:) joins replay and live with no gap and no duplicate', async () => {
  const filter = { clientId: agent.uuid, events: ['command_executed'] };
  const start = await latestEventId();
  // Events are recorded before, while and after the subscription starts.
  const commands = (async () => {
    for (let i = 0; i < 30; i += 1)
      await server.gql.request(IdempotentRunDocument, { clientId: agent.uuid, cmd: 'true' });
  })();
  while ((await recordedAfter(start)).length < 5) await new Promise((r) => setTimeout(r, 20));
  const sub = await server.subscribe(EventsAfterSubscription, { filter, after: String(start) });
  await commands;
  const recorded = await recordedAfter(start);
  assert.equal(recorded.length, 30);
  const seen = await collectUntil(sub, recorded.at(-1) ?? 0);
  assert.deepEqual(seen, recorded);
  sub.close();

  // After a server restart, a monitor resumes from the last id it saw.
  const lastSeen = seen.at(-1) ?? 0;
  await server.stop('SIGKILL');
  await server.restart();
  await agent.waitOnline(server);
  for (let i = 0; i < 3; i += 1)
    await server.gql.request(IdempotentRunDocument, { clientId: agent.uuid, cmd: 'true' });
  const resumed = await server.subscribe(EventsAfterSubscription, {
    filter,
    after: String(lastSeen),
  });
  const more = await recordedAfter(lastSeen);
  assert.equal(more.length, 3);
  assert.deepEqual(await collectUntil(resumed, more.at(-1) ?? 0), more);
  resumed.close();
});

test('clientEvents(after:) refuses a cursor that is not an event id', async () => {
  const latest = await latestEventId();
  for (const afterCursor of ['abc', '-1', '1.5', String(latest + 1000)]) {
    const sub = await server.subscribe(EventsAfterSubscription, { after: afterCursor });
    await assert.rejects(sub.next(), /after/);
    sub.close();
  }
});
