// Confirmation tokens as servers sharing one database see them (src/fleet/confirmations.ts): a
// token made by one server is honoured by another (the secret is the cluster's), used once
// across both even when they race, bound to the arguments whatever their key order, and
// refused — saying why — for other arguments, another action, another key, or past its expiry.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AppError } from '../../src/errors.js';
import { createConfirmations } from '../../src/fleet/confirmations.js';
import { bootstrapPrincipal, type Caller } from '../../src/fleet/index.js';
import { forEachDialect, openTestStore, type TestStore } from '../support/store.js';

const caller: Caller = { actor: 'test', principal: bootstrapPrincipal };
const other: Caller = { actor: 'test', principal: { ...bootstrapPrincipal, keyId: 'k2' } };

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof AppError, String(error));
    assert.equal(error.code, 'CONFIRMATION_INVALID');
    return String(error.details?.['reason']);
  }
  assert.fail('expected CONFIRMATION_INVALID');
}

forEachDialect((dialect) => {
  let db: TestStore;
  before(async () => {
    db = await openTestStore(dialect);
  });
  after(async () => db.close());

  test('a token from one server confirms on another, once, even when they race', async () => {
    let clock = Date.parse('2026-12-02T12:00:00Z');
    const now = () => new Date(clock);
    const serverA = createConfirmations({ store: db.store, ttlS: 300, now });
    const serverB = createConfirmations({ store: db.store, ttlS: 300, now });
    const args = { tags: ['web'], cmd: 'uptime', parallelism: 10 };
    const issued = await serverA.confirm({ action: 'run_bulk_command', arguments: args }, caller);
    assert.equal(issued.confirmed, false);
    const token = issued.confirmed ? '' : issued.token;

    const check = (
      server: typeof serverA,
      a: Record<string, unknown>,
      who = caller,
      action = 'run_bulk_command',
    ) => server.confirm({ action, arguments: a, token }, who);
    assert.equal(await reasonOf(check(serverB, { ...args, cmd: 'reboot' })), 'other_arguments');
    assert.equal(await reasonOf(check(serverB, args, caller, 'accept_key')), 'other_action');
    assert.equal(await reasonOf(check(serverB, args, other)), 'other_key');

    // Key order does not matter; the two servers race on the same token: one wins.
    const reordered = { parallelism: 10, cmd: 'uptime', tags: ['web'] };
    const outcomes = await Promise.allSettled([check(serverA, args), check(serverB, reordered)]);
    assert.deepEqual(
      outcomes.map((o) => o.status).sort(),
      ['fulfilled', 'rejected'],
      'exactly one of two racing servers admits the token',
    );
    assert.equal(await reasonOf(check(serverA, args)), 'used');

    const late = await serverB.confirm({ action: 'run_bulk_command', arguments: args }, caller);
    clock += 301_000;
    assert.equal(
      await reasonOf(
        serverA.confirm(
          { action: 'run_bulk_command', arguments: args, token: late.confirmed ? '' : late.token },
          caller,
        ),
      ),
      'expired',
    );
    assert.equal(
      await reasonOf(serverA.confirm({ action: 'x', arguments: {}, token: 'ctk1.bad' }, caller)),
      'malformed',
    );
  });
});
