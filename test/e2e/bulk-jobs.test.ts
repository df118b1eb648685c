// Bulk jobs end to end, on the real server and real agents: results streamed as they arrive,
// cancellation that kills the command on the agents, a SIGKILLed server that restarts with the
// job INTERRUPTED and what finished kept, idempotent starts, and bad input to every argument.
// Commands wait on files the test creates, so nothing here depends on timing.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphql } from '../../src/generated/index.js';
import { createAgent, type TestAgent } from '../support/agent.js';
import { spawnCli } from '../support/cli.js';
import { expectError } from '../support/errors.js';
import { connectMcp } from '../support/mcp.js';
import { isAlive, killAll } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';

const JobFields = graphql(`
  fragment TestBulkJobFields on BulkJob {
    id
    status
    total
    succeeded
    failed
    notStarted
    pending
    finished
    startedAt
    finishedAt
    idempotencyKey
  }
`);

const StartBulkDocument = graphql(`
  mutation TestStartBulk(
    $filter: ClientFilter!
    $cmd: String!
    $parallelism: Int
    $timeout: Int
    $idempotencyKey: String
  ) {
    startBulkCommand(
      filter: $filter
      cmd: $cmd
      parallelism: $parallelism
      timeout: $timeout
      idempotencyKey: $idempotencyKey
    ) {
      ...TestBulkJobFields
    }
  }
`);

const BulkJobDocument = graphql(`
  query TestBulkJob($id: ID!, $first: Int, $after: String) {
    bulkJob(id: $id) {
      ...TestBulkJobFields
      results(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          cursor
          clientId
          state
          ok
          result {
            stdout
            returncode
          }
          error {
            code
            message
          }
        }
      }
    }
  }
`);

const CancelDocument = graphql(`
  mutation TestCancelBulk($id: ID!) {
    cancelBulkJob(id: $id) {
      ...TestBulkJobFields
    }
  }
`);

const ProgressDocument = graphql(`
  subscription TestBulkProgress($id: ID!, $after: ID) {
    bulkJobProgress(id: $id, after: $after) {
      cursor
      job {
        ...TestBulkJobFields
      }
      result {
        cursor
        clientId
        state
        result {
          stdout
        }
      }
    }
  }
`);

void JobFields;

let server: TestServer;
let agents: TestAgent[];
let work: string;

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'etph-bulk-'));
  server = await startServer({ openEnrollment: true });
  agents = [];
  for (const name of ['a', 'b']) {
    const agent = await createAgent(server, { tags: ['bulkjobs', `bulkjobs-${name}`] });
    await agent.start();
    await agent.waitOnline(server);
    agents.push(agent);
  }
});

after(async () => {
  for (const agent of agents ?? []) await agent.close();
  await server?.close();
  await rm(work, { recursive: true, force: true });
  await killAll();
});

/** A command whose first runner finishes at once and whose others wait for `<dir>/go`. */
function firstThenWait(dir: string): string {
  return `if mkdir ${dir}/first 2>/dev/null; then echo first; else while [ ! -f ${dir}/go ]; do sleep 0.05; done; echo second; fi`;
}

test('results are streamed as they arrive, and the job ends COMPLETED', async () => {
  const dir = await mkdtempIn('stream');
  const { startBulkCommand: job } = await server.gql.request(StartBulkDocument, {
    filter: { tags: ['bulkjobs'] },
    cmd: firstThenWait(dir),
    parallelism: 2,
  });
  assert.equal(job.status, 'RUNNING');
  assert.equal(job.total, 2);
  const progress = await server.subscribe(ProgressDocument, { id: job.id });
  // The first result arrives while the other client still waits: the job is still running.
  const first = await progress.next((d) => d.bulkJobProgress.result !== null);
  assert.equal(first.bulkJobProgress.result?.result?.stdout, 'first\n');
  assert.equal(first.bulkJobProgress.job.status, 'RUNNING');
  assert.equal(first.bulkJobProgress.job.succeeded, 1);
  await writeFile(join(dir, 'go'), '');
  const second = await progress.next((d) => d.bulkJobProgress.result !== null);
  assert.equal(second.bulkJobProgress.result?.result?.stdout, 'second\n');
  assert.notEqual(second.bulkJobProgress.cursor, first.bulkJobProgress.cursor);
  const last = await progress.next((d) => d.bulkJobProgress.result === null);
  assert.equal(last.bulkJobProgress.job.status, 'COMPLETED');
  assert.equal(last.bulkJobProgress.job.succeeded, 2);
  assert.ok(last.bulkJobProgress.job.finishedAt);
  const { done } = await progress.results.next();
  assert.equal(done, true, 'the stream ends after the final state');
  progress.close();

  // Resuming after the first result's cursor replays only the second, then the final state.
  const resumed = await server.subscribe(ProgressDocument, {
    id: job.id,
    after: first.bulkJobProgress.cursor,
  });
  const replayed = await resumed.next();
  assert.equal(replayed.bulkJobProgress.result?.result?.stdout, 'second\n');
  const end = await resumed.next();
  assert.equal(end.bulkJobProgress.result, null);
  assert.equal(end.bulkJobProgress.job.status, 'COMPLETED');
  resumed.close();

  // The results as a connection, a page at a time.
  const page1 = await server.gql.request(BulkJobDocument, { id: job.id, first: 1 });
  assert.equal(page1.bulkJob?.results.totalCount, 2);
  assert.equal(page1.bulkJob?.results.pageInfo.hasNextPage, true);
  const page2 = await server.gql.request(BulkJobDocument, {
    id: job.id,
    first: 1,
    after: page1.bulkJob?.results.pageInfo.endCursor ?? null,
  });
  assert.equal(page2.bulkJob?.results.nodes.length, 1);
  assert.equal(page2.bulkJob?.results.pageInfo.hasNextPage, false);
  assert.deepEqual(
    [
      page1.bulkJob?.results.nodes[0]?.result?.stdout,
      page2.bulkJob?.results.nodes[0]?.result?.stdout,
    ],
    ['first\n', 'second\n'],
  );
});

test('an idempotent start returns the same job; the key with other arguments is CONFLICT', async () => {
  const dir = await mkdtempIn('idem');
  const cmd = `echo run >> ${dir}/count`;
  const variables = {
    filter: { tags: ['bulkjobs'] },
    cmd,
    parallelism: 2,
    idempotencyKey: 'bulk-idem-1',
  };
  const [one, two] = await Promise.all([
    server.gql.request(StartBulkDocument, variables),
    server.gql.request(StartBulkDocument, variables),
  ]);
  assert.equal(one.startBulkCommand.id, two.startBulkCommand.id);
  await waitFor(
    async () =>
      (await server.gql.request(BulkJobDocument, { id: one.startBulkCommand.id })).bulkJob
        ?.finished,
    { what: 'the job to finish' },
  );
  const again = await server.gql.request(StartBulkDocument, variables);
  assert.equal(again.startBulkCommand.id, one.startBulkCommand.id);
  assert.equal(again.startBulkCommand.status, 'COMPLETED');
  const lines = (await readFile(join(dir, 'count'), 'utf8')).trim().split('\n');
  assert.equal(lines.length, 2, 'one run per client, not one per request');
  await expectError(
    server.gql.request(StartBulkDocument, { ...variables, cmd: 'echo other' }),
    'CONFLICT',
    /bulk-idem-1/,
  );
});

test('cancelBulkJob kills the running command on the agent and marks the rest NOT_STARTED', async () => {
  const dir = await mkdtempIn('cancel');
  const { startBulkCommand: job } = await server.gql.request(StartBulkDocument, {
    filter: { tags: ['bulkjobs'] },
    cmd: `echo $$ >> ${dir}/pids; exec sleep 300`,
    parallelism: 1,
  });
  const pidText = await waitFor(
    async () => (await readFile(join(dir, 'pids'), 'utf8').catch(() => '')).trim() || null,
    { what: 'the command to start on a client' },
  );
  const pid = Number(pidText);
  assert.ok(isAlive(pid), 'the command runs');
  const { cancelBulkJob } = await server.gql.request(CancelDocument, { id: job.id });
  assert.equal(cancelBulkJob.status, 'CANCELLED');
  assert.equal(cancelBulkJob.failed, 1);
  assert.equal(cancelBulkJob.notStarted, 1);
  assert.equal(cancelBulkJob.pending, 0);
  await waitFor(() => !isAlive(pid), { what: `process ${pid} to be killed` });
  const { bulkJob } = await server.gql.request(BulkJobDocument, { id: job.id });
  assert.deepEqual(bulkJob?.results.nodes.map((r) => r.state).sort(), ['FAILED', 'NOT_STARTED']);
  // Only one client ever started.
  assert.equal((await readFile(join(dir, 'pids'), 'utf8')).trim().split('\n').length, 1);
  // Cancelling a stopped job returns it unchanged.
  const again = await server.gql.request(CancelDocument, { id: job.id });
  assert.equal(again.cancelBulkJob.status, 'CANCELLED');
});

test('bad input to every new argument is refused with a clear error', async () => {
  const base = { filter: { tags: ['bulkjobs'] }, cmd: 'true' };
  await expectError(
    server.gql.request(StartBulkDocument, { ...base, filter: {} }),
    'BAD_USER_INPUT',
    /filter/i,
  );
  await expectError(
    server.gql.request(StartBulkDocument, { ...base, parallelism: 0 }),
    'BAD_USER_INPUT',
    /parallelism/,
  );
  await expectError(
    server.gql.request(StartBulkDocument, { ...base, parallelism: 1000 }),
    'BAD_USER_INPUT',
    /parallelism/,
  );
  await expectError(
    server.gql.request(StartBulkDocument, { ...base, timeout: 0 }),
    'BAD_USER_INPUT',
    /timeout/,
  );
  await expectError(server.gql.request(StartBulkDocument, { ...base, cmd: '' }), 'BAD_USER_INPUT');
  for (const key of ['', 'has space', 'x'.repeat(256)]) {
    await expectError(
      server.gql.request(StartBulkDocument, { ...base, idempotencyKey: key }),
      'BAD_USER_INPUT',
      /idempotencyKey/,
    );
  }
  const missing = await server.gql.request(BulkJobDocument, {
    id: '00000000-0000-4000-8000-000000000000',
  });
  assert.equal(missing.bulkJob, null);
  await expectError(
    server.gql.request(CancelDocument, { id: '00000000-0000-4000-8000-000000000000' }),
    'NOT_FOUND',
    /00000000-0000-4000-8000-000000000000/,
  );
  await expectError(server.gql.request(BulkJobDocument, { id: 'x'.repeat(500) }), 'BAD_USER_INPUT');
  const { startBulkCommand: job } = await server.gql.request(StartBulkDocument, base);
  for (const [first, afterCursor] of [
    [-1, null],
    [100_000, null],
    [10, 'not-a-cursor'],
  ] as const) {
    await expectError(
      server.gql.request(BulkJobDocument, { id: job.id, first, after: afterCursor }),
      'BAD_USER_INPUT',
    );
  }
  const bad = await server.subscribe(ProgressDocument, { id: job.id, after: 'abc' });
  await assert.rejects(bad.next(), /after/);
  bad.close();
});

test('the CLI bulk run prints each result as it arrives and exits 0 when all exit 0', async () => {
  const dir = await mkdtempIn('cli-stream');
  const run = spawnCli(server, ['run', '--tags', 'bulkjobs', '--', firstThenWait(dir)]);
  // The first client's output is printed while the other still waits for the file.
  await run.waitForLine((l) => l === 'first', 60_000);
  assert.equal(run.stdout.filter((l) => l === 'second').length, 0);
  await writeFile(join(dir, 'go'), '');
  assert.equal((await run.exited).code, 0, run.stderr.join('\n'));
  assert.equal(run.stdout.filter((l) => /^── .*: exit 0/.test(l)).length, 2, run.stdout.join('\n'));
  assert.ok(run.stderr.some((l) => /2 of 2 client\(s\) exited 0, 0 failed/.test(l)));
});

test('Ctrl-C on the CLI bulk run cancels the job: the commands are killed, exit 130', async () => {
  const dir = await mkdtempIn('cli-cancel');
  const run = spawnCli(server, [
    'run',
    '--tags',
    'bulkjobs',
    '--parallel',
    '1',
    '--',
    `echo $$ >> ${dir}/pids; exec sleep 300`,
  ]);
  const pid = Number(
    await waitFor(
      async () => (await readFile(join(dir, 'pids'), 'utf8').catch(() => '')).trim() || null,
      { what: 'the command to start on a client' },
    ),
  );
  run.child.kill('SIGINT');
  assert.equal((await run.exited).code, 130, run.stderr.join('\n'));
  assert.ok(run.stderr.some((l) => /Cancelling job/.test(l)));
  assert.ok(
    run.stderr.some((l) => /0 of 2 client\(s\) exited 0, 2 failed. Job .* cancelled/.test(l)),
  );
  await waitFor(() => !isAlive(pid), { what: `process ${pid} to be killed` });
});

test('MCP run_bulk_command: dry_run lists the targets; a run waits for the job; a repeat reads it', async () => {
  const mcp = await connectMcp(server, 'http');
  try {
    const dry = await mcp.ok<{ dry_run: boolean; total: number; targets: unknown[] }>(
      'run_bulk_command',
      { tags: ['bulkjobs'], cmd: 'echo hi', dry_run: true },
    );
    assert.equal(dry.dry_run, true);
    assert.equal(dry.targets.length, 2);
    const dir = await mkdtempIn('mcp');
    const args = { tags: ['bulkjobs'], cmd: `echo hi >> ${dir}/count; echo hi` };
    const done = await mcp.ok<{
      status: string;
      succeeded: number;
      idempotency_key: string;
      job_id: string;
      results: { stdout: string }[];
    }>('run_bulk_command', {
      ...args,
      confirmation_token: (await mcp.plan('run_bulk_command', args)).confirmation_token,
    });
    assert.equal(done.status, 'COMPLETED');
    assert.equal(done.succeeded, 2);
    assert.deepEqual(
      done.results.map((r) => r.stdout),
      ['hi\n', 'hi\n'],
    );
    // A repeat with the job's idempotency key reads it again: it cannot run twice, so it needs
    // no confirmation.
    const again = await mcp.ok<{ job_id: string }>('run_bulk_command', {
      ...args,
      idempotency_key: done.idempotency_key,
    });
    assert.equal(again.job_id, done.job_id);
    assert.equal((await readFile(join(dir, 'count'), 'utf8')).trim().split('\n').length, 2);
    assert.match(await mcp.fails('run_bulk_command', { cmd: 'true' }), /BAD_USER_INPUT/);
    assert.match(
      await mcp.fails('run_bulk_command', { tags: ['bulkjobs'], cmd: 'true', parallelism: 0 }),
      /parallelism/,
    );
  } finally {
    await mcp.close();
  }
});

test('a SIGKILLed server restarts with the job INTERRUPTED and what finished kept', async () => {
  const dir = await mkdtempIn('restart');
  const { startBulkCommand: job } = await server.gql.request(StartBulkDocument, {
    filter: { tags: ['bulkjobs'] },
    cmd: firstThenWait(dir),
    parallelism: 2,
    idempotencyKey: 'bulk-restart-1',
  });
  await waitFor(
    async () =>
      (await server.gql.request(BulkJobDocument, { id: job.id })).bulkJob?.succeeded === 1,
    { what: 'the first result to be recorded' },
  );
  await server.stop('SIGKILL');
  await server.restart();
  const { bulkJob } = await server.gql.request(BulkJobDocument, { id: job.id });
  assert.equal(bulkJob?.status, 'INTERRUPTED');
  assert.equal(bulkJob?.succeeded, 1);
  assert.equal(bulkJob?.results.totalCount, 1);
  assert.equal(bulkJob?.results.nodes[0]?.result?.stdout, 'first\n');
  assert.ok(bulkJob?.finishedAt);
  // The same key after a restart returns the recorded job rather than starting another.
  const again = await server.gql.request(StartBulkDocument, {
    filter: { tags: ['bulkjobs'] },
    cmd: firstThenWait(dir),
    parallelism: 2,
    idempotencyKey: 'bulk-restart-1',
  });
  assert.equal(again.startBulkCommand.id, job.id);
  assert.equal(again.startBulkCommand.status, 'INTERRUPTED');
  await writeFile(join(dir, 'go'), '');
  for (const agent of agents) await agent.waitOnline(server);
});

/** A fresh directory for one test's files. */
async function mkdtempIn(name: string): Promise<string> {
  return mkdtemp(join(work, `${name}-`));
}
