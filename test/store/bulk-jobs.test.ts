// The bulk-job and idempotency-key repositories against a real store: results come back in the
// order they were written with their ids (many in one go), pages from a cursor; a server starting
// turns RUNNING jobs into INTERRUPTED ones counted from what finished; a key is claimed once,
// expires, and is released or interrupted as told.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BulkJobStatus,
  BulkResultState,
  IdempotencyState,
  type BulkJobRecord,
  type IdempotencyRecord,
  type NewBulkJobResult,
  type Store,
} from '../../src/store/index.js';
import { clientRecord, openTestStore, type TestStore } from '../support/store.js';

let testStore: TestStore;
let store: Store;
const at = new Date('2026-03-01T10:00:00.123Z');

before(async () => {
  testStore = await openTestStore();
  store = testStore.store;
});

after(() => testStore.close());

function job(id: string, fields: Partial<BulkJobRecord> = {}): BulkJobRecord {
  return {
    id,
    status: BulkJobStatus.running,
    command: 'uptime',
    cwd: null,
    timeoutS: 300,
    envNames: ['CI'],
    filter: { tags: ['web'] },
    parallelism: 10,
    total: 3,
    succeeded: 0,
    failed: 0,
    notStarted: 0,
    actor: 'test',
    idempotencyKey: null,
    startedAt: at,
    finishedAt: null,
    server: 'server-a',
    ...fields,
  };
}

function result(
  jobId: string,
  n: number,
  fields: Partial<NewBulkJobResult> = {},
): NewBulkJobResult {
  return {
    jobId,
    clientUuid: clientRecord(n).uuid,
    clientId: clientRecord(n).clientId,
    state: BulkResultState.succeeded,
    returncode: 0,
    stdout: `out ${n}\n`,
    stderr: '',
    timedOut: false,
    truncated: false,
    durationMs: 12,
    errorCode: null,
    errorMessage: null,
    startedAt: at,
    finishedAt: at,
    ...fields,
  };
}

test('a job reads back as written; results get ids in order and page from a cursor', async () => {
  await store.bulkJobs.insert(job('job-1'));
  assert.deepEqual(await store.bulkJobs.get('job-1'), job('job-1'));
  assert.equal(await store.bulkJobs.get('job-none'), null);

  const written = await store.bulkJobs.appendResults([
    result('job-1', 1),
    result('job-1', 2, {
      state: BulkResultState.failed,
      returncode: null,
      stdout: null,
      stderr: null,
      timedOut: null,
      truncated: null,
      durationMs: null,
      errorCode: 'CLIENT_OFFLINE',
      errorMessage: 'Client "host-002" is offline',
      startedAt: null,
    }),
  ]);
  assert.deepEqual(
    written.map((r) => r.clientId),
    ['host-001', 'host-002'],
  );
  assert.ok(written[0]!.id < written[1]!.id);
  const [third] = await store.bulkJobs.appendResults([result('job-1', 3, { returncode: 1 })]);
  assert.ok(third && third.id > written[1]!.id);

  const all = await store.bulkJobs.results('job-1', { afterId: 0, limit: 10 });
  assert.deepEqual(all, [...written, third]);
  assert.deepEqual(await store.bulkJobs.results('job-1', { afterId: written[0]!.id, limit: 1 }), [
    written[1],
  ]);
  assert.equal(await store.bulkJobs.countResults('job-1'), 3);
  assert.equal(await store.bulkJobs.countResults('job-none'), 0);
});

test('many results in one call (several statements) keep their order and ids', async () => {
  await store.bulkJobs.insert(job('job-many', { total: 250 }));
  const many = Array.from({ length: 250 }, (_, i) => result('job-many', i + 1));
  const written = await store.bulkJobs.appendResults(many);
  assert.equal(written.length, 250);
  assert.deepEqual(written.map((r) => r.clientUuid).sort(), many.map((r) => r.clientUuid).sort());
  const read = await store.bulkJobs.results('job-many', { afterId: 0, limit: 1000 });
  assert.deepEqual(read, written);
});

test('finish sets the end once; a server starting interrupts RUNNING jobs with their counts', async () => {
  await store.bulkJobs.insert(job('job-done'));
  const end = {
    status: BulkJobStatus.completed,
    succeeded: 2,
    failed: 1,
    notStarted: 0,
    finishedAt: at,
  };
  await store.bulkJobs.finish('job-done', end);
  await store.bulkJobs.finish('job-done', { ...end, status: BulkJobStatus.cancelled });
  assert.deepEqual(await store.bulkJobs.get('job-done'), {
    ...job('job-done'),
    ...end,
  });

  await store.bulkJobs.insert(job('job-cut', { total: 5 }));
  await store.bulkJobs.appendResults([
    result('job-cut', 1),
    result('job-cut', 2, { state: BulkResultState.failed, returncode: 2 }),
  ]);
  // Another server's running job, and one from before jobs named their server.
  await store.bulkJobs.insert(job('job-elsewhere', { server: 'server-b' }));
  await store.bulkJobs.insert(job('job-unowned', { server: null }));
  const later = new Date(at.getTime() + 1000);
  const interrupted = await store.bulkJobs.interruptRunning(later, 'server-a', true);
  assert.deepEqual(interrupted.sort(), ['job-1', 'job-cut', 'job-many', 'job-unowned']);
  assert.equal((await store.bulkJobs.get('job-elsewhere'))?.status, BulkJobStatus.running);
  // server-b is gone: a survivor interrupts its jobs by its name, and only those.
  assert.deepEqual(await store.bulkJobs.interruptRunning(later, 'server-b'), ['job-elsewhere']);
  const cut = await store.bulkJobs.get('job-cut');
  assert.equal(cut?.status, BulkJobStatus.interrupted);
  assert.deepEqual(cut?.finishedAt, later);
  assert.deepEqual([cut?.succeeded, cut?.failed, cut?.notStarted], [1, 1, 0]);
  assert.equal((await store.bulkJobs.get('job-done'))?.status, BulkJobStatus.completed);
  assert.deepEqual(await store.bulkJobs.interruptRunning(later, 'server-a', true), []);
});

function key(name: string, fields: Partial<IdempotencyRecord> = {}): IdempotencyRecord {
  return {
    key: name,
    operation: 'runCommand',
    fingerprint: 'a'.repeat(64),
    actor: 'graphql 127.0.0.1',
    state: IdempotencyState.running,
    outcome: null,
    createdAt: at,
    finishedAt: null,
    expiresAt: new Date(at.getTime() + 86_400_000),
    server: 'server-a',
    ...fields,
  };
}

test('a key is claimed once: the second claim gets the holder, finished with its outcome', async () => {
  assert.equal(await store.idempotency.claim(key('k-1')), null);
  assert.deepEqual(
    await store.idempotency.claim(key('k-1', { fingerprint: 'b'.repeat(64) })),
    key('k-1'),
  );
  const claims = await Promise.all([1, 2, 3].map(() => store.idempotency.claim(key('k-race'))));
  assert.equal(claims.filter((c) => c === null).length, 1, 'one of three racing claims wins');

  await store.idempotency.finish('k-1', {
    state: IdempotencyState.done,
    outcome: '{"result":{"returncode":0}}',
    finishedAt: at,
  });
  assert.deepEqual(await store.idempotency.get('k-1'), {
    ...key('k-1'),
    state: IdempotencyState.done,
    outcome: '{"result":{"returncode":0}}',
    finishedAt: at,
  });
});

test('an expired key is claimed anew; release forgets only a RUNNING key; restart interrupts', async () => {
  const old = new Date(at.getTime() - 2 * 86_400_000);
  assert.equal(
    await store.idempotency.claim(
      key('k-old', { createdAt: old, expiresAt: new Date(old.getTime() + 1000) }),
    ),
    null,
  );
  assert.equal(await store.idempotency.claim(key('k-old')), null, 'expired: claimed again');

  await store.idempotency.release('k-old');
  assert.equal(await store.idempotency.get('k-old'), null);
  await store.idempotency.release('k-1');
  assert.ok(await store.idempotency.get('k-1'), 'a DONE key is kept');

  assert.equal(await store.idempotency.claim(key('k-run')), null);
  assert.equal(await store.idempotency.claim(key('k-run-b', { server: 'server-b' })), null);
  const interrupted = await store.idempotency.interruptRunning(at, 'server-a', true);
  assert.ok(interrupted >= 1);
  assert.equal((await store.idempotency.get('k-run-b'))?.state, IdempotencyState.running);
  assert.equal(await store.idempotency.interruptRunning(at, 'server-b'), 1);
  assert.equal((await store.idempotency.get('k-run-b'))?.state, IdempotencyState.interrupted);
  assert.equal((await store.idempotency.get('k-run'))?.state, IdempotencyState.interrupted);
  assert.equal((await store.idempotency.get('k-1'))?.state, IdempotencyState.done);

  const purged = await store.idempotency.purgeExpired(new Date(at.getTime() + 2 * 86_400_000));
  assert.ok(purged >= 3);
  assert.equal(await store.idempotency.get('k-1'), null);
});
