// An operation run with an idempotency key is recorded under the API key that asked for it, as
// any other: the key stored for retries must not strip the caller's principal from its events.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { bootstrapPrincipal, type Principal } from '../../src/fleet/index.js';
import { startInProcessFleet, type InProcessFleet } from '../support/in-process-fleet.js';

let f: InProcessFleet;

before(async () => {
  f = await startInProcessFleet();
});

after(() => f.close());

test('runCommand with an idempotency key names the API key on its command_executed event', async () => {
  const agent = await f.agent();
  const principal: Principal = { ...bootstrapPrincipal, keyId: 'key_ops', name: 'ops-script' };
  const caller = { actor: 'graphql 127.0.0.1', principal };
  await f.fleet.commands.run(agent.uuid, { cmd: 'true', idempotencyKey: 'retry-me-1' }, caller);
  const [event] = await f.testStore.store.events.list({
    types: ['command_executed'],
    clientUuid: agent.uuid,
    limit: 1,
  });
  assert.ok(event, 'command_executed recorded');
  assert.equal(event.actorKeyId, 'key_ops');
  assert.equal(event.actorKeyName, 'ops-script');
});

test('an idempotency key another API key used is a CONFLICT, never that request’s output', async () => {
  const agent = await f.agent();
  const owner: Principal = { ...bootstrapPrincipal, keyId: 'key_owner', name: 'owner' };
  const other: Principal = { ...bootstrapPrincipal, keyId: 'key_other', name: 'other' };
  const input = { cmd: 'echo private-output', idempotencyKey: 'shared-key-1' };
  const first = await f.fleet.commands.run(agent.uuid, input, { actor: 'test', principal: owner });
  assert.equal(first.stdout, 'private-output\n');
  // The same key and arguments from its owner: the recorded outcome.
  const again = await f.fleet.commands.run(agent.uuid, input, { actor: 'test', principal: owner });
  assert.equal(again.stdout, 'private-output\n');
  await assert.rejects(
    f.fleet.commands.run(agent.uuid, input, { actor: 'test', principal: other }),
    (error: Error & { code?: string }) => {
      assert.equal(error.code, 'CONFLICT');
      assert.doesNotMatch(error.message, /private-output/);
      return true;
    },
  );
});
