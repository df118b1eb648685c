// Issue 17 item 7: an impostor's attempts leave a trace. A known uuid knocking with a key no
// admission path takes (token mode) is asked to sign, then refused, and the refusal is recorded
// as `client.key_mismatch` with `refused: true` and the presented fingerprint — once per client
// per minute however often it knocks, the rest counted (`attempts`) — and shown on the client as
// `lastRefusedKey`. Real fleet, hub, agent tunnels and GraphQL server, in process.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { startFleetHarness, type FleetHarness } from '../support/fleet-harness.js';
import { waitFor } from '../support/wait.js';

let h: FleetHarness;
before(async () => {
  h = await startFleetHarness({ openEnrollment: false });
});
after(() => h.close());

interface LastRefused {
  client: {
    lastRefusedKey: {
      fingerprint: string;
      at: string;
      remoteAddress: string | null;
      count: number;
      reason: string | null;
    } | null;
  } | null;
}
const LastRefusedDocument = parse(
  'query ($id: ID!) { client(id: $id) { lastRefusedKey { fingerprint at remoteAddress count reason } } }',
) as TypedDocumentNode<LastRefused, { id: string }>;

test('a known uuid with an unadmitted key is recorded (rate-limited) and shown on the client', async () => {
  const { token } = await h.fleet.tokens.create({}, h.caller());
  const real = await h.addAgent({ hostname: 'vault-01', enrollmentToken: token });
  const api = await h.api();
  const before = await api.gql.request(LastRefusedDocument, { id: 'vault-01' });
  assert.equal(before.client?.lastRefusedKey, null, 'nothing refused yet');

  const since = h.events.mark();
  const impostor = await h.addAgent({ uuid: real.uuid, start: false });
  await impostor.start({ online: false });
  const first = await h.events.next(
    { type: 'client.key_mismatch', clientUuid: real.uuid },
    { since },
  );
  assert.equal(first.data['refused'], true);
  assert.equal(first.data['new_fingerprint'], impostor.fingerprint);
  assert.equal(first.data['previous_fingerprint'], real.fingerprint);
  assert.equal(first.data['remote_address'], '127.0.0.1');
  assert.equal(first.data['attempts'], 1);
  assert.match(String(first.data['reason']), /not in authorized_keys/);
  assert.equal(impostor.notices.length, 0, 'the impostor is told nothing');

  // It keeps knocking: each try is refused, none records another event within the minute.
  await waitFor(
    () => impostor.log.find(/^the server refused this agent/).length >= 4 || undefined,
    {
      what: 'four refused tries',
    },
  );
  const within = await h.recorded({ type: 'client.key_mismatch', clientUuid: real.uuid }, since);
  assert.equal(within.length, 1, 'one event per client per minute');

  const shown = await api.gql.request(LastRefusedDocument, { id: real.uuid });
  assert.equal(shown.client?.lastRefusedKey?.fingerprint, impostor.fingerprint);
  assert.equal(shown.client?.lastRefusedKey?.count, 1);
  assert.equal(shown.client?.lastRefusedKey?.remoteAddress, '127.0.0.1');

  // The tries the window counted are recorded when it ends (here: the server stops).
  await impostor.close();
  await h.restart();
  const [folded] = await h.fleet.events.list(
    { events: ['client.key_mismatch'], clientId: real.uuid },
    1,
  );
  assert.ok(Number(folded?.data['attempts']) >= 3, 'the folded tries are counted');
  const after = await (await h.api()).gql.request(LastRefusedDocument, { id: real.uuid });
  assert.equal(after.client?.lastRefusedKey?.count, folded?.data['attempts']);
  assert.equal((await h.fleet.clients.get(real.uuid)).keyMismatch, false, 'nothing to accept');
});
