// The webhook-outbox repository against a real store: the worker's claim (due, unclaimed,
// endpoints skipped, oldest due first, once), claims released, outcomes written (successes
// grouped), replays of dead letters, lists.

import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import type { DeliveryRecord, Store } from '../../src/store/index.js';
import { forEachDialect, openTestStore, type TestStore } from '../support/store.js';

forEachDialect((dialect) => {
  let testStore: TestStore;
  let store: Store;
  let n = 0;

  before(async () => {
    testStore = await openTestStore(dialect);
    store = testStore.store;
  });

  after(() => testStore.close());

  beforeEach(() => deliverAllDue());

  /** Each test starts with nothing due: earlier rows are delivered. */
  async function deliverAllDue(): Promise<void> {
    const due = await store.deliveries.claimDue(new Date(Date.now() + 86_400_000), {
      limit: 10_000,
      skipEndpoints: [],
      by: 'etph-1',
    });
    await store.deliveries.recordAttempts(
      due.map((d) => ({
        id: d.id,
        attempts: 1,
        lastAttemptAt: new Date(),
        lastStatusCode: 200,
        status: 'DELIVERED',
        deliveredAt: new Date(),
      })),
    );
  }

  function delivery(fields: Partial<DeliveryRecord> = {}): DeliveryRecord {
    n += 1;
    const now = new Date();
    return {
      id: `msg_${n}`,
      eventId: n,
      event: 'command_executed',
      clientUuid: '00000000-0000-4000-8000-000000000001',
      url: 'https://a.example.com/hook',
      endpoint: 'https://a.example.com',
      target: 'global',
      payload: `{"n":${n}}`,
      status: 'PENDING',
      attempts: 0,
      nextAttemptAt: now,
      claimed: false,
      claimedBy: null,
      lastError: null,
      lastStatusCode: null,
      lastAttemptAt: null,
      createdAt: now,
      deliveredAt: null,
      replayedAt: null,
      ...fields,
    };
  }

  test('a delivery round-trips', async () => {
    const row = delivery({
      eventId: null,
      lastError: "it's down",
      claimed: true,
      claimedBy: 'etph-1',
    });
    await store.deliveries.insert(row);
    assert.deepEqual(await store.deliveries.get(row.id), row);
    assert.equal(await store.deliveries.get('nope'), null);
    await store.deliveries.release(row.id);
    assert.equal((await store.deliveries.get(row.id))?.claimed, false);
    assert.equal((await store.deliveries.get(row.id))?.claimedBy, null);
  });

  test('a claim takes due, unclaimed rows of open endpoints, oldest due first, once', async () => {
    const now = Date.now();
    const late = delivery({ nextAttemptAt: new Date(now - 1000) });
    const early = delivery({ nextAttemptAt: new Date(now - 5000) });
    const future = delivery({ nextAttemptAt: new Date(now + 60_000) });
    const saturated = delivery({
      endpoint: 'https://b.example.com',
      nextAttemptAt: new Date(now - 500),
    });
    const held = delivery({ claimed: true, nextAttemptAt: new Date(now - 500) });
    const failed = delivery({ status: 'FAILED', nextAttemptAt: new Date(now - 500) });
    for (const row of [late, early, future, saturated, held, failed])
      await store.deliveries.insert(row);
    const claimed = await store.deliveries.claimDue(new Date(now), {
      limit: 10,
      skipEndpoints: ['https://b.example.com'],
      by: 'etph-1',
    });
    assert.deepEqual(
      claimed.map((d) => d.id),
      [early.id, late.id],
    );
    assert.ok(claimed.every((d) => d.claimed));
    assert.deepEqual(
      await store.deliveries.claimDue(new Date(now), {
        limit: 10,
        skipEndpoints: [],
        by: 'etph-1',
      }),
      [{ ...saturated, claimed: true, claimedBy: 'etph-1' }],
      'claimed rows are not claimed again',
    );
    await store.deliveries.releaseClaims('etph-1');
    const again = await store.deliveries.claimDue(new Date(now), {
      limit: 1,
      skipEndpoints: [],
      by: 'etph-1',
    });
    assert.equal(again.length, 1, 'released rows are due again; the limit holds');
  });

  test("a server releases its own claims, never a live server's; a gone server's claims are released by a survivor", async () => {
    // Claims earlier tests left, by servers never registered, are released and delivered.
    await store.deliveries.releaseClaimsOfGone('nobody', -86_400_000);
    await deliverAllDue();
    const now = Date.now();
    const due = new Date(now - 1000);
    const rows = Array.from({ length: 6 }, () => delivery({ nextAttemptAt: due }));
    for (const row of rows) await store.deliveries.insert(row);
    const seen = new Date(now);
    for (const name of ['srv-live', 'srv-gone'])
      await store.cluster.registerServer({
        name,
        peerUrl: null,
        version: '0.1.0',
        startedAt: seen,
        renewedAt: name === 'srv-gone' ? new Date(now - 60_000) : seen,
        clientsHeld: 0,
        drainingSince: null,
      });
    const by = async (name: string, limit: number) =>
      (await store.deliveries.claimDue(new Date(now), { limit, skipEndpoints: [], by: name })).map(
        (d) => d.id,
      );
    const mine = await by('srv-self', 2);
    const live = await by('srv-live', 2);
    const gone = await by('srv-gone', 2);
    assert.equal((await store.deliveries.get(gone[0]!))?.claimedBy, 'srv-gone');

    // srv-self restarts: its own claims are due again; the others' stay claimed.
    await store.deliveries.releaseClaims('srv-self');
    const claimedNow = async () =>
      (await Promise.all(rows.map((r) => store.deliveries.get(r.id))))
        .filter((d) => d?.claimed)
        .map((d) => d!.id)
        .sort();
    assert.deepEqual(await claimedNow(), [...live, ...gone].sort());

    // A survivor releases the claims of a server gone for longer than the lease, only those.
    const released = await store.deliveries.releaseClaimsOfGone('srv-self', 15_000);
    assert.equal(released, 2);
    assert.deepEqual(await claimedNow(), [...live].sort());
    assert.equal(
      await store.deliveries.releaseClaimsOfGone('srv-self', 15_000),
      0,
      'nothing more to release',
    );
    // What was released is claimed again, by the survivor.
    assert.deepEqual((await by('srv-self', 10)).sort(), [...mine, ...gone].sort());
    for (const name of ['srv-live', 'srv-gone']) await store.cluster.removeServer(name);
  });

  test('claims made at the same time never take one row twice', async () => {
    const rows = Array.from({ length: 40 }, () => delivery());
    for (const row of rows) await store.deliveries.insert(row);
    const claims = await Promise.all(
      Array.from({ length: 4 }, () =>
        store.deliveries.claimDue(new Date(), { limit: 15, skipEndpoints: [], by: 'etph-1' }),
      ),
    );
    const ids = claims.flat().map((d) => d.id);
    assert.equal(new Set(ids).size, ids.length, 'no row claimed twice');
    assert.deepEqual([...ids].sort(), rows.map((d) => d.id).sort(), 'every due row claimed');
  });

  test('outcomes: successes grouped, failures one by one, dead letters replayed', async () => {
    const ok1 = delivery();
    const ok2 = delivery();
    const retry = delivery();
    const dead = delivery();
    for (const row of [ok1, ok2, retry, dead]) await store.deliveries.insert(row);
    await store.deliveries.claimDue(new Date(), { limit: 10, skipEndpoints: [], by: 'etph-1' });
    const at = new Date('2026-04-01T00:00:00.500Z');
    const next = new Date(Date.now() + 60_000);
    testStore.resetStatements();
    await store.transaction((tx) =>
      tx.deliveries.recordAttempts([
        {
          id: ok1.id,
          attempts: 1,
          lastAttemptAt: at,
          lastStatusCode: 204,
          status: 'DELIVERED',
          deliveredAt: at,
        },
        {
          id: ok2.id,
          attempts: 1,
          lastAttemptAt: at,
          lastStatusCode: 204,
          status: 'DELIVERED',
          deliveredAt: at,
        },
        {
          id: retry.id,
          attempts: 1,
          lastAttemptAt: at,
          lastStatusCode: 503,
          lastError: 'HTTP 503',
          nextAttemptAt: next,
        },
        {
          id: dead.id,
          attempts: 19,
          lastAttemptAt: at,
          lastStatusCode: null,
          lastError: 'refused',
          status: 'FAILED',
        },
      ]),
    );
    assert.equal(testStore.statements.length, 3, 'two successes in one statement');
    const delivered = await store.deliveries.get(ok1.id);
    assert.equal(delivered?.status, 'DELIVERED');
    assert.equal(delivered?.attempts, 1);
    assert.deepEqual(delivered?.deliveredAt, at);
    assert.equal(delivered?.claimed, false);
    const retried = await store.deliveries.get(retry.id);
    assert.equal(retried?.status, 'PENDING');
    assert.deepEqual(retried?.nextAttemptAt, next);
    assert.equal(retried?.lastError, 'HTTP 503');
    assert.equal((await store.deliveries.get(dead.id))?.status, 'FAILED');

    assert.equal(await store.deliveries.replay(ok1.id, new Date()), false, 'not FAILED');
    const replayedAt = new Date();
    assert.equal(await store.deliveries.replay(dead.id, replayedAt), true);
    const replayed = await store.deliveries.get(dead.id);
    assert.equal(replayed?.status, 'PENDING');
    assert.equal(replayed?.attempts, 0);
    assert.deepEqual(replayed?.replayedAt, replayedAt);
  });

  test('every dead letter matching a filter is replayed at once; lists filter and page', async () => {
    const other = '00000000-0000-4000-8000-000000000002';
    for (const fields of [
      { status: 'FAILED' as const },
      { status: 'FAILED' as const, event: 'file_accessed' },
      { status: 'FAILED' as const, clientUuid: other },
    ])
      await store.deliveries.insert(delivery(fields));
    assert.equal(
      await store.deliveries.replayFailed(
        { event: 'file_accessed' },
        new Date(Date.now() + 60_000),
      ),
      1,
    );
    assert.equal(
      await store.deliveries.replayFailed({ clientUuid: other }, new Date(Date.now() + 60_000)),
      1,
    );
    const failed = await store.deliveries.list({ status: 'FAILED', limit: 100 });
    assert.ok(failed.length >= 1 && failed.every((d) => d.status === 'FAILED'));
    const ofOther = await store.deliveries.list({ clientUuid: other, limit: 100 });
    assert.ok(ofOther.length === 1 && ofOther[0]?.clientUuid === other);
    const page = await store.deliveries.list({ limit: 2 });
    assert.equal(page.length, 2);
    assert.ok(page[0]!.createdAt.getTime() >= page[1]!.createdAt.getTime(), 'newest first');
    assert.equal(
      (await store.deliveries.replayFailed({}, new Date(Date.now() + 60_000))) >= 1,
      true,
    );
  });
});
