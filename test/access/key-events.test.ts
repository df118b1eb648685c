// API keys made and revoked are events of the audit trail (issue 15): api_key.created and
// api_key.revoked, naming the principal that did it and the key's id, name and role — never its
// secret. Through the real doors in process: `etphonehome keys create|revoke` (the CLI over
// HTTP) and GraphQL with another admin key. Client event lists stay about clients.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { keysCommand } from '../../src/cli/commands/keys/index.js';
import { dispatch } from '../../src/cli/dispatch.js';
import type { CommandIO } from '../../src/cli/output.js';
import type { EventRecord } from '../../src/store/index.js';
import { startInProcessServer, type InProcessServer } from '../support/in-process-server.js';

let server: InProcessServer;
before(async () => {
  server = await startInProcessServer();
});
after(async () => server.close());

async function keys(argv: string[], apiKey = server.apiKey) {
  const out: string[] = [];
  const io: CommandIO = {
    out: (t) => out.push(t),
    err: () => undefined,
    env: { ETPHONEHOME_URL: server.url.replace(/\/graphql$/, ''), ETPHONEHOME_API_KEY: apiKey },
  };
  const status = await dispatch(keysCommand, argv, io);
  return { status, out: out.join('\n') };
}

const keyEvents = async (): Promise<EventRecord[]> =>
  (await server.store.events.after(null, 1000)).filter((e) => e.type.startsWith('api_key.'));

test('keys create and revoke are recorded with who did it and the key, never the secret', async () => {
  const created = await keys(['create', '--name', 'ci-runner', '--role', 'operator']);
  assert.equal(created.status, 0);
  const secret = created.out.trim();
  const listed = await server.http(server.apiKey, '{ apiKeys { id name } }');
  const id = (listed.data?.['apiKeys'] as { id: string; name: string }[]).find(
    (k) => k.name === 'ci-runner',
  )!.id;

  const [made] = await keyEvents();
  assert.ok(made, 'api_key.created recorded');
  assert.equal(made.type, 'api_key.created');
  assert.equal(made.actorKeyId, 'bootstrap');
  assert.equal(made.actorKeyName, 'bootstrap');
  assert.deepEqual(
    { key_id: made.data['key_id'], name: made.data['name'], role: made.data['role'] },
    { key_id: id, name: 'ci-runner', role: 'OPERATOR' },
  );
  assert.ok(made.hash, 'chained like every event');
  const stored = JSON.stringify(made);
  assert.ok(!stored.includes(secret.slice(22)), 'the secret is not in the trail');

  // Another admin key revokes it: that key is the principal named.
  const admin = await server.createKey({ name: 'second admin', role: 'ADMIN' });
  const revoked = await server.http(
    admin.secret,
    'mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }',
    { id },
  );
  assert.equal(revoked.errors, undefined, JSON.stringify(revoked.errors));
  const again = await keys(['revoke', id]);
  assert.equal(again.status, 0, 'revoking twice is fine');

  const events = await keyEvents();
  const revokes = events.filter((e) => e.type === 'api_key.revoked');
  assert.equal(revokes.length, 1, 'a second revocation changes nothing and records nothing');
  assert.equal(revokes[0]!.actorKeyId, admin.id);
  assert.equal(revokes[0]!.actorKeyName, 'second admin');
  assert.equal(revokes[0]!.data['key_id'], id);
  assert.equal(revokes[0]!.data['name'], 'ci-runner');
  assert.ok(events.some((e) => e.type === 'api_key.created' && e.data['key_id'] === admin.id));

  // Client event lists are about clients: they leave the key events out and still answer.
  const listedEvents = await server.http(server.apiKey, '{ events(limit: 1000) { id event } }');
  assert.equal(listedEvents.errors, undefined, JSON.stringify(listedEvents.errors));
  assert.ok(
    !(listedEvents.data?.['events'] as { event: string }[]).some((e) =>
      e.event.startsWith('api_key.'),
    ),
  );
});
