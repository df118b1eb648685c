// The infrastructure guide's workflows, each through GraphQL against a real server and real
// agents: the new-client checklist, finding clients by every filter and by combinations, pages
// of clients, tags, per-client settings and rate-limit figures, bulk tag updates and bulk
// commands by filter, a client's live status, decommissioning, and fleet status.
// (Key rotation with acceptKey is walked in key-pinning.test.ts.)

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { graphql } from '../../src/generated/gql.js';
import type { GuidePageQuery } from '../../src/generated/graphql.js';
import { createAgent, type TestAgent } from '../support/agent.js';
import { expectError } from '../support/errors.js';
import { killAll } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';
import { ClientDocument, ClientsDocument, RunCommandDocument } from '../support/operations.js';
import { waitFor } from '../support/wait.js';

after(killAll);

const DescribeDocument = graphql(`
  query GuideDescribe($id: ID!) {
    client(id: $id) {
      uuid
      clientId
      displayName
      purpose
      tags {
        name
      }
      capabilities
      hostname
      platform
      online
      webhookUrl
      rateLimitRpm
      rateLimitConcurrent
      rateLimitMode
      allowedPaths
      decommissioned
      decommissionedAt
      recentEvents(limit: 5) {
        event
      }
      recentCommands(limit: 5) {
        data
      }
    }
  }
`);

const ConfigureDocument = graphql(`
  mutation GuideConfigure($id: ID!, $input: ConfigureClientInput!) {
    configureClient(id: $id, input: $input) {
      webhookUrl
      rateLimitRpm
      rateLimitConcurrent
      rateLimitMode
    }
  }
`);

const StatsDocument = graphql(`
  query GuideStats($id: ID!) {
    rateLimitStats(id: $id) {
      client {
        uuid
      }
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

const PageDocument = graphql(`
  query GuidePage($filter: ClientFilter, $first: Int, $after: String) {
    clientsConnection(filter: $filter, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          clientId
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const TagsDocument = graphql(`
  query GuideTags {
    tags {
      name
      clientCount
      clients {
        uuid
      }
    }
  }
`);

const TagDocument = graphql(`
  query GuideTag($name: String!) {
    tag(name: $name) {
      name
      clientCount
    }
  }
`);

const BulkUpdateDocument = graphql(`
  mutation GuideBulkUpdate($filter: ClientFilter!, $input: UpdateClientsInput!) {
    updateClients(filter: $filter, input: $input) {
      count
      clients {
        uuid
        tags {
          name
        }
      }
    }
  }
`);

const BulkRunDocument = graphql(`
  mutation GuideBulkRun($filter: ClientFilter!, $cmd: String!, $parallelism: Int) {
    runCommandOnClients(filter: $filter, cmd: $cmd, parallelism: $parallelism) {
      total
      succeeded
      failed
      results {
        client {
          uuid
          online
        }
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
`);

const DecommissionDocument = graphql(`
  mutation GuideDecommission(
    $id: ID!
    $stopService: Boolean
    $stopCommand: String
    $reason: String
  ) {
    decommissionClient(
      id: $id
      stopService: $stopService
      stopCommand: $stopCommand
      reason: $reason
    ) {
      client {
        uuid
        online
        decommissioned
        webhookUrl
      }
      serviceStop {
        result {
          returncode
        }
        error {
          code
          message
        }
      }
    }
  }
`);

const RestoreDocument = graphql(`
  mutation GuideRestore($id: ID!) {
    restoreClient(id: $id) {
      decommissioned
    }
  }
`);

const StatusSubscription = graphql(`
  subscription GuideStatus($id: ID!) {
    clientStatus(id: $id) {
      cause
      timestamp
      client {
        uuid
        online
        health
      }
    }
  }
`);

const UpdateDocument = graphql(`
  mutation GuideUpdate($id: ID!, $input: UpdateClientInput!) {
    updateClient(id: $id, input: $input) {
      uuid
      displayName
      purpose
      tags {
        name
      }
      allowedPaths
    }
  }
`);

const EventsOfClientDocument = graphql(`
  query GuideEventsOfClient($clientId: ID!) {
    events(filter: { clientId: $clientId }, limit: 200) {
      event
    }
  }
`);

const FleetStatusDocument = graphql(`
  query GuideFleetStatus {
    clients {
      uuid
      online
      keyMismatch
      health
      lastDisconnectedAt
    }
  }
`);

const ids = (clients: readonly { uuid: string }[]): string[] => clients.map((c) => c.uuid).sort();

describe('the infrastructure guide through GraphQL', () => {
  let server: TestServer;
  let prod: TestAgent;
  let staging: TestAgent;
  let ci: TestAgent;

  before(async () => {
    server = await startServer({ openEnrollment: true });
    prod = await createAgent(server, {
      displayName: 'Production API Server #1',
      purpose: 'API Server',
      tags: ['production', 'us-east', 'critical', 'api-server'],
    });
    staging = await createAgent(server, {
      displayName: 'Staging API',
      purpose: 'API Server',
      tags: ['staging', 'us-east', 'api-server'],
    });
    ci = await createAgent(server, {
      displayName: 'CI Runner 1',
      purpose: 'CI Runner',
      tags: ['development', 'ci'],
    });
    for (const agent of [prod, staging, ci]) await agent.start();
    for (const agent of [prod, staging, ci]) await agent.waitOnline(server);
  });
  after(async () => {
    for (const agent of [prod, staging, ci]) await agent.close();
    await server.close();
  });

  test('new client setup checklist: connect, set metadata, configure, verify', async () => {
    const fresh = await createAgent(server); // phones home with no metadata at all
    try {
      await fresh.start();
      await fresh.waitOnline(server);
      const first = (await server.gql.request(DescribeDocument, { id: fresh.uuid })).client;
      assert.ok(first);
      assert.equal(first.displayName, null);
      assert.ok(first.hostname.length > 0 && first.platform.length > 0);

      const updated = await server.gql.request(UpdateDocument, {
        id: fresh.uuid,
        input: {
          displayName: 'Descriptive Name',
          purpose: 'What this client does',
          tags: ['appropriate', 'tags'],
        },
      });
      assert.equal(updated.updateClient.displayName, 'Descriptive Name');

      const configured = await server.gql.request(ConfigureDocument, {
        id: 'Descriptive Name', // a display name works wherever a client is named
        input: {
          webhookUrl: 'https://hooks.example.com/etph',
          rateLimitRpm: 60,
          rateLimitConcurrent: 5,
        },
      });
      assert.deepEqual(configured.configureClient, {
        webhookUrl: 'https://hooks.example.com/etph',
        rateLimitRpm: 60,
        rateLimitConcurrent: 5,
        rateLimitMode: 'WARN',
      });

      const verified = (await server.gql.request(DescribeDocument, { id: fresh.uuid })).client;
      assert.ok(verified);
      assert.equal(verified.purpose, 'What this client does');
      assert.deepEqual(
        verified.tags.map((t) => t.name),
        ['appropriate', 'tags'],
      );
      assert.ok(verified.capabilities.length > 0, 'capabilities are detected by the agent');
      assert.ok(
        verified.recentEvents.some((e) => e.event === 'client.updated'),
        'the settings changes are in the audit trail',
      );
    } finally {
      await fresh.close();
    }
  });

  test('finding clients by each filter and by combinations', async () => {
    const find = async (filter: Record<string, unknown>): Promise<string[]> =>
      ids((await server.gql.request(ClientsDocument, { filter })).clients);
    const { client } = await server.gql.request(ClientDocument, { id: prod.uuid });
    const capability = client?.capabilities[0];
    assert.ok(capability, 'the agent detects at least one capability here');

    assert.deepEqual(await find({ query: 'production' }), [prod.uuid]);
    assert.deepEqual(await find({ query: 'STAGING' }), [staging.uuid], 'case-insensitive');
    assert.deepEqual(await find({ purpose: 'API Server' }), ids([prod, staging]));
    assert.deepEqual(await find({ tags: ['production', 'critical'] }), [prod.uuid]);
    assert.deepEqual(await find({ tags: ['us-east'] }), ids([prod, staging]));
    assert.deepEqual(await find({ tags: ['us-east', 'ci'] }), [], 'ALL tags must be present');
    assert.ok((await find({ capabilities: [capability] })).includes(ci.uuid));
    assert.deepEqual(await find({ capabilities: [capability, 'no-such-capability'] }), []);
    assert.deepEqual(await find({ onlineOnly: true, tags: ['production'] }), [prod.uuid]);
    assert.deepEqual(await find({ keyMismatch: true }), [], 'nobody waits for acceptKey');
    assert.deepEqual(await find({ keyMismatch: false, tags: ['ci'] }), [ci.uuid]);
    assert.deepEqual(
      await find({
        query: 'api',
        purpose: 'api server',
        tags: ['us-east'],
        capabilities: [capability],
      }),
      ids([prod, staging]),
    );

    await staging.stop();
    await waitFor(
      async () =>
        (await server.gql.request(ClientDocument, { id: staging.uuid })).client?.online === false,
    );
    assert.deepEqual(await find({ tags: ['api-server'], onlineOnly: true }), [prod.uuid]);
    assert.deepEqual(await find({ tags: ['api-server'] }), ids([prod, staging]));
    await staging.start();
    await staging.waitOnline(server);
    assert.deepEqual(await find({ tags: ['api-server'], onlineOnly: true }), ids([prod, staging]));
  });

  test('a large fleet is read a page at a time', async () => {
    const all = (await server.gql.request(ClientsDocument, {})).clients.map((c) => c.clientId);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: GuidePageQuery = await server.gql.request(PageDocument, { first: 2, after });
      assert.equal(page.clientsConnection.totalCount, all.length);
      seen.push(...page.clientsConnection.edges.map((e) => e.node.clientId));
      pages += 1;
      if (!page.clientsConnection.pageInfo.hasNextPage) break;
      after = page.clientsConnection.pageInfo.endCursor ?? null;
    }
    assert.equal(pages, Math.ceil(all.length / 2));
    assert.deepEqual(seen, all, 'pages cover the list once, in order');
    await expectError(
      server.gql.request(PageDocument, { first: 2, after: 'not-a-cursor' }),
      'BAD_USER_INPUT',
      /cursor/,
    );
  });

  test('tags: names, client counts and their clients', async () => {
    const one = await server.gql.request(TagDocument, { name: 'critical' });
    assert.deepEqual(one.tag, { name: 'critical', clientCount: 1 });
    assert.equal((await server.gql.request(TagDocument, { name: 'nobody' })).tag, null);
    const { tags } = await server.gql.request(TagsDocument, {});
    const usEast = tags.find((t) => t.name === 'us-east');
    assert.equal(usEast?.clientCount, 2);
    assert.deepEqual(ids(usEast?.clients ?? []), ids([prod, staging]));
    assert.deepEqual(
      tags.map((t) => t.name),
      [...tags.map((t) => t.name)].sort(),
    );
  });

  test('per-client settings and rate-limit stats (warn, enforce, defaults)', async () => {
    const high = await server.gql.request(ConfigureDocument, {
      id: ci.uuid,
      input: { rateLimitRpm: 120, rateLimitConcurrent: 20 },
    });
    assert.equal(high.configureClient.rateLimitRpm, 120);
    let stats = (await server.gql.request(StatsDocument, { id: ci.uuid })).rateLimitStats;
    assert.equal(stats.rpmLimit, 120);
    assert.equal(stats.concurrentLimit, 20);
    assert.equal(stats.mode, 'WARN');

    await server.gql.request(ConfigureDocument, {
      id: ci.uuid,
      input: { rateLimitRpm: 2, rateLimitMode: 'WARN' },
    });
    const before = stats.requestsPerMinute;
    for (let i = 0; i < 3; i += 1)
      await server.gql.request(RunCommandDocument, { clientId: ci.uuid, cmd: 'true' });
    stats = (await server.gql.request(StatsDocument, { id: ci.uuid })).rateLimitStats;
    assert.equal(stats.requestsPerMinute, before + 3);
    assert.ok(stats.rpmWarnings >= 1, 'over the limit in WARN mode: ran, and counted');

    await server.gql.request(ConfigureDocument, {
      id: ci.uuid,
      input: { rateLimitMode: 'ENFORCE' },
    });
    await expectError(
      server.gql.request(RunCommandDocument, { clientId: ci.uuid, cmd: 'true' }),
      'RATE_LIMITED',
      /Retry in \d+ s/,
    );
    stats = (await server.gql.request(StatsDocument, { id: ci.uuid })).rateLimitStats;
    assert.equal(stats.rpmRejections, 1);
    const refusals = (await server.gql.request(EventsOfClientDocument, { clientId: ci.uuid }))
      .events;
    assert.ok(
      refusals.some((e) => e.event === 'operation_refused'),
      'the refusal is in the audit trail',
    );
    assert.equal(stats.mode, 'ENFORCE');

    const reset = await server.gql.request(ConfigureDocument, {
      id: ci.uuid,
      input: { rateLimitRpm: null, rateLimitConcurrent: null, rateLimitMode: null },
    });
    assert.deepEqual(
      { ...reset.configureClient, webhookUrl: undefined },
      { webhookUrl: undefined, rateLimitRpm: 60, rateLimitConcurrent: 10, rateLimitMode: 'WARN' },
    );

    await server.gql.request(ConfigureDocument, {
      id: ci.uuid,
      input: { webhookUrl: 'https://custom-endpoint/for-this-client' },
    });
    const cleared = await server.gql.request(ConfigureDocument, {
      id: ci.uuid,
      input: { webhookUrl: '' },
    });
    assert.equal(cleared.configureClient.webhookUrl, null, '"" clears back to the global');
    await expectError(
      server.gql.request(ConfigureDocument, { id: ci.uuid, input: { rateLimitRpm: 0 } }),
      'BAD_USER_INPUT',
      /rateLimitRpm/,
    );
    await expectError(
      server.gql.request(ConfigureDocument, { id: ci.uuid, input: { webhookUrl: 'ftp://x/y' } }),
      'BAD_USER_INPUT',
      /http or https/,
    );
  });

  test('path restrictions: a cwd outside allowedPaths is refused and nothing runs', async () => {
    await server.gql.request(UpdateDocument, {
      id: ci.uuid,
      input: { allowedPaths: ['/tmp', '/home/ci/workspace'] },
    });
    try {
      const inside = await server.gql.request(RunCommandDocument, {
        clientId: ci.uuid,
        cmd: 'pwd',
        cwd: '/tmp',
      });
      assert.equal(inside.runCommand.stdout.trim(), '/tmp');
      for (const cwd of ['/', '/etc', '/tmp/../etc', '/home/ci/workspace2', '/home/ci']) {
        const error = await expectError(
          server.gql.request(RunCommandDocument, {
            clientId: ci.uuid,
            cmd: 'touch /tmp/etph-should-not-exist',
            cwd,
          }),
          'PATH_DENIED',
          /outside the allowed paths.*\/tmp, \/home\/ci\/workspace/,
        );
        assert.ok(error.message.includes(cwd), `the message names ${cwd}`);
      }
      const { events } = await server.gql.request(EventsOfClientDocument, { clientId: ci.uuid });
      assert.ok(events.some((e) => e.event === 'operation_refused'));
      const cleared = await server.gql.request(UpdateDocument, {
        id: ci.uuid,
        input: { allowedPaths: [] },
      });
      assert.equal(cleared.updateClient.allowedPaths, null, '[] clears the restriction');
      const anywhere = await server.gql.request(RunCommandDocument, {
        clientId: ci.uuid,
        cmd: 'test -e /tmp/etph-should-not-exist && echo ran || echo clean',
        cwd: '/',
      });
      assert.equal(anywhere.runCommand.stdout.trim(), 'clean', 'no refused command ran');
    } finally {
      await server.gql.request(UpdateDocument, { id: ci.uuid, input: { allowedPaths: null } });
    }
  });

  test('bulk: tag update by filter, then a command on every match', async () => {
    const updated = await server.gql.request(BulkUpdateDocument, {
      filter: { tags: ['us-east'] },
      input: { addTags: ['new-tag'], removeTags: ['critical'] },
    });
    assert.equal(updated.updateClients.count, 2);
    for (const client of updated.updateClients.clients) {
      const names = client.tags.map((t) => t.name);
      assert.ok(names.includes('new-tag') && !names.includes('critical'), names.join(','));
    }
    const ciTags = (await server.gql.request(ClientDocument, { id: ci.uuid })).client?.tags;
    assert.ok(!ciTags?.some((t) => t.name === 'new-tag'), 'clients outside the filter untouched');

    await expectError(
      server.gql.request(BulkUpdateDocument, { filter: {}, input: { addTags: ['x'] } }),
      'BAD_USER_INPUT',
      /at least one condition/,
    );

    const run = await server.gql.request(BulkRunDocument, {
      filter: { tags: ['api-server'], onlineOnly: true },
      cmd: 'echo deployed',
      parallelism: 2,
    });
    assert.equal(run.runCommandOnClients.total, 2);
    assert.equal(run.runCommandOnClients.succeeded, 2);
    assert.deepEqual(
      ids(run.runCommandOnClients.results.map((r) => r.client)),
      ids([prod, staging]),
    );
    for (const outcome of run.runCommandOnClients.results) {
      assert.equal(outcome.result?.stdout, 'deployed\n');
      assert.equal(outcome.error, null);
    }

    await staging.stop();
    await waitFor(
      async () =>
        (await server.gql.request(ClientDocument, { id: staging.uuid })).client?.online === false,
    );
    const mixed = await server.gql.request(BulkRunDocument, {
      filter: { tags: ['api-server'] },
      cmd: 'exit 3',
    });
    assert.equal(mixed.runCommandOnClients.total, 2);
    assert.equal(mixed.runCommandOnClients.failed, 2);
    const byUuid = new Map(mixed.runCommandOnClients.results.map((r) => [r.client.uuid, r]));
    assert.equal(byUuid.get(prod.uuid)?.result?.returncode, 3);
    assert.equal(byUuid.get(staging.uuid)?.error?.code, 'CLIENT_OFFLINE');
    assert.match(byUuid.get(staging.uuid)?.error?.message ?? '', /offline/);
    await staging.start();
    await staging.waitOnline(server);
  });

  test('clientStatus: the current state, then every online change', async () => {
    const status = await server.subscribe(StatusSubscription, { id: staging.uuid });
    const current = await status.next();
    assert.equal(current.clientStatus.cause, 'current');
    assert.equal(current.clientStatus.client.online, true);
    assert.equal(current.clientStatus.client.health, 'HEALTHY');
    await staging.stop('SIGKILL');
    const down = await status.next((d) => d.clientStatus.cause === 'client.disconnected');
    assert.equal(down.clientStatus.client.online, false);
    assert.equal(down.clientStatus.client.health, 'UNKNOWN');
    await staging.start();
    const up = await status.next((d) => d.clientStatus.cause === 'client.connected');
    assert.equal(up.clientStatus.client.online, true);
    status.close();
  });

  test('decommissioning: stop the service, clear the webhook, keep the history', async () => {
    const victim = await createAgent(server, { displayName: 'Old Box', tags: ['retiring'] });
    try {
      await victim.start();
      await victim.waitOnline(server);
      await server.gql.request(ConfigureDocument, {
        id: victim.uuid,
        input: { webhookUrl: 'https://hooks.example.com/old' },
      });
      await server.gql.request(RunCommandDocument, { clientId: victim.uuid, cmd: 'echo bye' });

      // The agent is not under systemd here: its stop command signals the agent itself.
      const result = await server.gql.request(DecommissionDocument, {
        id: victim.uuid,
        stopService: true,
        stopCommand: 'kill -TERM $PPID',
        reason: 'hardware retired',
      });
      const done = result.decommissionClient;
      assert.equal(done.client.decommissioned, true);
      assert.equal(done.client.webhookUrl, null);
      assert.ok(done.serviceStop, 'the stop command ran');
      await victim.process?.exited;

      const listed = (await server.gql.request(ClientsDocument, { filter: { tags: ['retiring'] } }))
        .clients;
      assert.deepEqual(listed, [], 'gone from lists');
      const kept = await server.gql.request(ClientsDocument, {
        filter: { tags: ['retiring'], includeDecommissioned: true },
      });
      assert.equal(kept.clients.length, 1, 'but kept, with its metadata');
      const retiring = await server.gql.request(TagDocument, { name: 'retiring' });
      assert.equal(retiring.tag, null, 'a tag only decommissioned clients carry is not listed');
      const history = (await server.gql.request(EventsOfClientDocument, { clientId: victim.uuid }))
        .events;
      for (const name of ['client.connected', 'command_executed', 'client.decommissioned'])
        assert.ok(
          history.some((e) => e.event === name),
          `${name} kept in the history`,
        );
      await expectError(
        server.gql.request(RunCommandDocument, { clientId: victim.uuid, cmd: 'true' }),
        'CLIENT_OFFLINE',
      );

      // It may not phone home again until restored.
      await victim.start();
      await server.process.waitForLine((line) => line.includes('client is decommissioned'));
      const offline = (await server.gql.request(DescribeDocument, { id: victim.uuid })).client;
      assert.equal(offline?.online, false);
      await victim.stop();

      await server.gql.request(RestoreDocument, { id: victim.uuid });
      await victim.start();
      await victim.waitOnline(server);
    } finally {
      await victim.close();
    }
  });

  test('fleet status: totals, online, key mismatches and recently offline in one query', async () => {
    // prod, staging, ci online; the checklist client and the restored one closed since. They were
    // SIGKILLed: the server sees each offline when it reads its socket's end, a moment later.
    const { clients } = await waitFor(
      async () => {
        const status = await server.gql.request(FleetStatusDocument, {});
        return status.clients.filter((c) => c.online).length <= 3 && status;
      },
      { what: 'the killed agents seen offline' },
    );
    assert.equal(clients.length, 5);
    assert.equal(clients.filter((c) => c.online).length, 3);
    assert.equal(clients.filter((c) => c.keyMismatch).length, 0);
    const recentlyOffline = clients.filter(
      (c) =>
        !c.online &&
        c.lastDisconnectedAt !== null &&
        Date.now() - Date.parse(c.lastDisconnectedAt) < 10 * 60_000,
    );
    assert.equal(recentlyOffline.length, 2);
  });
});
