// Scope leakage: a key scoped to tag "web" tried against every list, count, tag count, search,
// event list, subscription, bulk operation and fleetHealth — nothing outside its scope appears,
// and naming a client outside it is NOT_FOUND (never FORBIDDEN). A tag change moves a client in
// or out at once. A scoped key cannot mint a broader key, nor a higher role.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startInProcessServer, type InProcessServer } from '../support/in-process-server.js';

let server: InProcessServer;
let scoped: string;
let inside: { uuid: string; clientId: string };
let outside: { uuid: string; clientId: string };

before(async () => {
  server = await startInProcessServer();
  inside = await server.addClient(1, ['web', 'prod']);
  outside = await server.addClient(2, ['db', 'prod']);
  // Events of both clients, recorded through the fleet (as an admin would cause them).
  for (const c of [inside, outside])
    await server.fleet.clients.update(c.uuid, { purpose: 'scope test' }, { actor: 'test' });
  scoped = (await server.createKey({ name: 'web admin', role: 'ADMIN', scope: { tags: ['web'] } }))
    .secret;
});
after(async () => server.close());

const codes = (reply: { errors?: { extensions?: { code?: string } }[] }) =>
  (reply.errors ?? []).map((e) => e.extensions?.code);

test('lists, counts, tags and searches show only the clients in scope', async () => {
  const reply = await server.http(
    scoped,
    `{ clients { clientId } prod: clients(filter: {tags: ["prod"]}) { clientId }
       search: clients(filter: {query: "host"}) { clientId }
       clientsConnection(first: 10) { totalCount edges { node { clientId } } }
       tags { name clientCount clients { clientId } }
       prodTag: tag(name: "prod") { clientCount }
       dbTag: tag(name: "db") { name }
       fleetHealth { total } }`,
  );
  assert.deepEqual(reply.errors, undefined);
  const data = reply.data as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const ids = (list: { clientId: string }[]) => list.map((c) => c.clientId);
  assert.deepEqual(ids(data['clients']), [inside.clientId]);
  assert.deepEqual(ids(data['prod']), [inside.clientId]);
  assert.deepEqual(ids(data['search']), [inside.clientId]);
  const connection = data['clientsConnection'] as {
    totalCount: number;
    edges: { node: { clientId: string } }[];
  };
  assert.equal(connection.totalCount, 1);
  assert.deepEqual(
    connection.edges.map((e) => e.node.clientId),
    [inside.clientId],
  );
  const tags = data['tags'] as {
    name: string;
    clientCount: number;
    clients: { clientId: string }[];
  }[];
  assert.deepEqual(tags.map((t) => t.name).sort(), ['prod', 'web']);
  for (const tag of tags) {
    assert.equal(tag.clientCount, 1, `tag ${tag.name}`);
    assert.deepEqual(ids(tag.clients), [inside.clientId]);
  }
  assert.deepEqual(data['prodTag'], { clientCount: 1 });
  assert.equal(data['dbTag'], null);
  assert.deepEqual(data['fleetHealth'], { total: 1 });
});

test('naming a client outside the scope is NOT_FOUND, never FORBIDDEN', async () => {
  for (const ref of [outside.uuid, outside.clientId]) {
    const fields = [
      `{ client(id: "${ref}") { clientId } }`,
      `{ rateLimitStats(id: "${ref}") { rpmLimit } }`,
      `{ events(filter: {clientId: "${ref}"}) { id } }`,
      `mutation { updateClient(id: "${ref}", input: {purpose: "x"}) { clientId } }`,
      `mutation { runCommand(clientId: "${ref}", cmd: "true") { returncode } }`,
      `mutation { acceptKey(id: "${ref}") { clientId } }`,
      `mutation { decommissionClient(id: "${ref}") { __typename } }`,
    ];
    for (const query of fields) {
      const reply = await server.http(scoped, query);
      const got = codes(reply);
      if (query.startsWith('{ client(')) {
        assert.equal((reply.data as { client: unknown }).client, null, query);
      } else {
        assert.deepEqual(got, ['NOT_FOUND'], `${query}: ${JSON.stringify(reply.errors)}`);
      }
      assert.ok(!JSON.stringify(reply).includes(outside.uuid) || ref === outside.uuid);
    }
  }
  // The same names work for an unscoped key.
  const admin = await server.http(server.apiKey, `{ client(id: "${outside.clientId}") { uuid } }`);
  assert.deepEqual(admin.data, { client: { uuid: outside.uuid } });
});

test('the audit trail and bulk operations stay inside the scope', async () => {
  const events = await server.http(scoped, '{ events(limit: 100) { client { clientId } } }');
  const seen = new Set(
    (events.data as { events: { client: { clientId: string } }[] }).events.map(
      (e) => e.client.clientId,
    ),
  );
  assert.deepEqual([...seen], [inside.clientId]);
  const bulk = await server.http(
    scoped,
    'mutation { updateClients(filter: {tags: ["prod"]}, input: {addTags: ["touched"]}) { count } }',
  );
  assert.deepEqual(bulk.errors, undefined);
  assert.equal((bulk.data as { updateClients: { count: number } }).updateClients.count, 1);
  const after = await server.store.clients.get(outside.uuid);
  assert.ok(!after!.tags.includes('touched'), 'a client outside the scope was changed');
  assert.ok((await server.store.clients.get(inside.uuid))!.tags.includes('touched'));
});

test('a scoped subscription resumes after a cursor: the recorded events in scope come first', async () => {
  const principal = await server.fleet.keys.authenticate(scoped);
  const events = await server.fleet.actingAs(principal).events.subscribe({}, '0');
  try {
    // A deadline, not a speed claim: without the replay nothing arrives until a new event.
    const first = await Promise.race([
      events.next(),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000).unref()),
    ]);
    assert.ok(first && !first.done, 'the recorded events are replayed');
    assert.equal(first.value.clientUuid, inside.uuid);
  } finally {
    await events.return?.();
  }
});

test('live events of clients outside the scope never arrive; a tag change moves a client in', async () => {
  const client = server.ws(scoped);
  const received: string[] = [];
  const done = new Promise<void>((resolve, reject) => {
    client.subscribe(
      { query: 'subscription { clientEvents { event client { clientId } data } }' },
      {
        next: (value) => {
          const event = (
            value.data as {
              clientEvents: { client: { clientId: string }; data: { purpose?: string } };
            }
          ).clientEvents;
          received.push(`${event.client.clientId}:${String(event.data?.purpose ?? '')}`);
          if (received.some((r) => r.endsWith(':last'))) resolve();
        },
        error: reject,
        complete: resolve,
      },
    );
  });
  await new Promise((r) => setTimeout(r, 300));
  await server.fleet.clients.update(outside.uuid, { purpose: 'hidden' }, { actor: 'test' });
  await server.fleet.clients.update(inside.uuid, { purpose: 'shown' }, { actor: 'test' });
  // The client outside gains the tag: from now on it is in the scope.
  await server.fleet.clients.update(
    outside.uuid,
    { tags: ['db', 'prod', 'web'] },
    { actor: 'test' },
  );
  await server.fleet.clients.update(outside.uuid, { purpose: 'last' }, { actor: 'test' });
  await done;
  void client.dispose();
  assert.ok(!received.includes(`${outside.clientId}:hidden`), JSON.stringify(received));
  assert.ok(received.includes(`${inside.clientId}:shown`));
  assert.ok(received.includes(`${outside.clientId}:last`));
  await server.fleet.clients.update(outside.uuid, { tags: ['db', 'prod'] }, { actor: 'test' });
});

test('a scoped key cannot widen its scope or mint a higher role', async () => {
  const narrowViewer = await server.createKey({
    name: 'web viewer',
    role: 'VIEWER',
    scope: { tags: ['web'] },
  });
  const attempts = [
    { name: 'wider', role: 'VIEWER' },
    { name: 'other', role: 'VIEWER', scope: { tags: ['db'] } },
  ];
  for (const input of attempts) {
    const reply = await server.http(
      scoped,
      'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }',
      { input },
    );
    assert.deepEqual(codes(reply), ['FORBIDDEN'], JSON.stringify(reply));
  }
  const narrower = await server.http(
    scoped,
    'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { scope { tags } } } }',
    { input: { name: 'web+prod', role: 'OPERATOR', scope: { tags: ['web', 'prod'] } } },
  );
  assert.deepEqual(narrower.errors, undefined);
  // A viewer cannot create keys at all; an operator key cannot mint an admin.
  const viewerTries = await server.http(
    narrowViewer.secret,
    'mutation { createApiKey(input: {name: "x", role: VIEWER, scope: {tags: ["web"]}}) { secret } }',
  );
  assert.deepEqual(codes(viewerTries), ['FORBIDDEN']);
});
