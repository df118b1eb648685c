// HAProxy (Debian's) in front of three servers on one throwaway PostgreSQL, configured from
// docs/examples/haproxy.cfg itself (test/support/haproxy.ts swaps only ports and addresses), as
// issue 14 asks "in one test": agents dial the balancer's SSH port, a graphql-ws monitor and
// every call use its HTTP port (round robin over the three, so most calls reach a server that
// does not hold the agent and are routed). One server is SIGKILLed: the balancer takes it out,
// its agent comes back through another, commands run on, and the monitor — resuming with
// `after:` if its own socket was on the killed server — sees the agent go and come back, once
// each, in order.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { graphql } from '../../src/generated/gql.js';
import { createAgent, type TestAgent } from '../support/agent.js';
import { startHAProxy, type HAProxy } from '../support/haproxy.js';
import { startPostgres, type PostgresServer } from '../support/postgres.js';
import { connectMcp, textOf } from '../support/mcp.js';
import { killAll } from '../support/processes.js';
import {
  startClusterServer,
  subscribe,
  type Subscription,
  type TestServer,
} from '../support/server.js';
import { waitFor } from '../support/wait.js';

after(killAll);

const MonitorSubscription = graphql(`
  subscription TestBalancedMonitor($filter: EventFilter, $after: ID) {
    clientEvents(filter: $filter, after: $after) {
      id
      event
      client {
        uuid
      }
    }
  }
`);

interface Reply {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

describe('three servers behind HAProxy', () => {
  let postgres: PostgresServer;
  const servers: TestServer[] = [];
  let balancer: HAProxy;
  let key: string;
  const agents: TestAgent[] = [];

  /** One request through the balancer with the cluster-wide key. */
  const gql = async (query: string, variables: Record<string, unknown> = {}): Promise<Reply> =>
    (await (
      await fetch(`${balancer.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query, variables }),
      })
    ).json()) as Reply;
  const heldBy = async (uuid: string): Promise<string | null> =>
    (
      (await gql(`query($id: ID!) { client(id: $id) { heldBy } }`, { id: uuid })).data?.[
        'client'
      ] as { heldBy: string | null } | null
    )?.heldBy ?? null;
  const run = async (uuid: string, word: string): Promise<Reply> =>
    gql(`mutation($id: ID!, $cmd: String!) { runCommand(clientId: $id, cmd: $cmd) { stdout } }`, {
      id: uuid,
      cmd: `echo ${word}`,
    });

  before(async () => {
    postgres = await startPostgres();
    const databaseUrl = await postgres.createDatabase('etphonehome');
    for (const name of ['etph-1', 'etph-2', 'etph-3'])
      servers.push(await startClusterServer(databaseUrl, name));
    // One key for the whole cluster (each server's bootstrap key is its own).
    const created = await servers[0]!.gql.request(
      graphql(`
        mutation TestBalancedKey($input: CreateApiKeyInput!) {
          createApiKey(input: $input) {
            secret
          }
        }
      `),
      { input: { name: 'balanced', role: 'ADMIN' } },
    );
    key = created.createApiKey.secret;
    balancer = await startHAProxy(
      servers.map((server, i) => ({
        name: `etph-${i + 1}`,
        sshPort: server.sshPort,
        httpPort: server.httpPort,
      })),
    );
    // Every backend checked up, so round robin reaches all three.
    await waitFor(
      async () => {
        const seen = new Set<string>();
        for (let i = 0; i < 6; i += 1) {
          const health = (await (await fetch(`${balancer.url}/health`)).json()) as {
            server: string;
          };
          seen.add(health.server);
        }
        return seen.size === 3;
      },
      { timeoutMs: 30_000, what: 'HAProxy reaching all three servers' },
    );
  });
  after(async () => {
    for (const agent of agents) await agent.close();
    await balancer?.stop();
    for (const server of servers) await server.close();
    await postgres?.stop();
  });

  test('agents and a monitor through the balancer; a killed server costs a reconnect', async () => {
    const monitorTarget = { httpPort: balancer.httpPort, apiKey: key };
    const filter = { events: ['client.connected', 'client.disconnected'] };
    const seen: { id: string; event: string; uuid: string }[] = [];
    const wsClients = new Set<never>();
    // The monitor: resumes after the last event it saw whenever its socket ends.
    let monitor:
      | Subscription<{
          clientEvents: { id: string; event: string; client: { uuid: string } | null };
        }>
      | undefined;
    let watching = true;
    const follow = async (): Promise<void> => {
      while (watching) {
        const last = seen.at(-1)?.id;
        try {
          monitor = await subscribe(
            monitorTarget,
            MonitorSubscription,
            { filter, ...(last ? { after: last } : {}) },
            wsClients,
          );
          for await (const result of monitor.results) {
            const event = result.data?.clientEvents;
            if (event)
              seen.push({ id: event.id, event: event.event, uuid: event.client?.uuid ?? '' });
          }
        } catch {
          // its server went away: resume through the balancer
        }
        if (watching) await new Promise((resolve) => setTimeout(resolve, 200));
      }
    };
    const following = follow();

    try {
      for (let i = 0; i < 3; i += 1) {
        const agent = await createAgent(servers[0]!, { port: balancer.sshPort });
        agents.push(agent);
        await agent.start();
      }
      for (const agent of agents)
        await waitFor(async () => (await heldBy(agent.uuid)) !== null, {
          timeoutMs: 60_000,
          what: `agent ${agent.uuid} held through the balancer`,
        });
      // Round robin: of six calls per agent, most reach a server that does not hold it.
      for (const agent of agents)
        for (let i = 0; i < 6; i += 1) {
          const reply = await run(agent.uuid, `balanced-${i}`);
          assert.equal(
            (reply.data?.['runCommand'] as { stdout: string } | undefined)?.stdout.trim(),
            `balanced-${i}`,
            JSON.stringify(reply.errors),
          );
        }

      const moving = agents[0]!;
      const holder = (await heldBy(moving.uuid)) as string;
      const victim = servers[Number(holder.slice(-1)) - 1]!;
      await victim.stop('SIGKILL');
      await waitFor(
        async () => {
          const now = await heldBy(moving.uuid).catch(() => null);
          return now !== null && now !== holder;
        },
        { timeoutMs: 90_000, what: 'the agent held by another server through the balancer' },
      );
      const after = await run(moving.uuid, 'after-the-kill');
      assert.equal(
        (after.data?.['runCommand'] as { stdout: string } | undefined)?.stdout.trim(),
        'after-the-kill',
        JSON.stringify(after.errors),
      );
      // The monitor saw it go (the survivors' sweep, or its own server's detach) and come back.
      await waitFor(
        () =>
          seen
            .filter((e) => e.uuid === moving.uuid)
            .map((e) => e.event)
            .join(',') === 'client.connected,client.disconnected,client.connected',
        { timeoutMs: 60_000, what: `the monitor to see ${moving.uuid} go and come back` },
      );
      const ids = seen.map((e) => Number(e.id));
      assert.deepEqual(
        ids,
        [...ids].sort((x, y) => x - y),
        'in the order of the trail',
      );
      assert.equal(new Set(ids).size, ids.length, 'each event once');
    } finally {
      watching = false;
      monitor?.close();
      await Promise.race([following, new Promise((resolve) => setTimeout(resolve, 1000))]);
    }
  });

  test('an MCP session through the balancer stays on its server: tools and a shell work across requests', async () => {
    // Round robin would send each request of the session to another server, which does not
    // know the session: the example sticks on the Mcp-Session-Id header.
    const mcp = await connectMcp({ url: balancer.url, apiKey: key }, 'http');
    try {
      const agent = agents.find((a) => !a.process?.child.killed) ?? agents[1]!;
      for (let i = 0; i < 6; i += 1) {
        const listed = await mcp.ok<{ clients: { uuid: string }[] }>('list_clients', {});
        assert.ok(
          listed.clients.some((c) => c.uuid === agent.uuid),
          `call ${i}`,
        );
      }
      const opened = await mcp.ok<{ session_id: string }>('shell_open', {
        client_id: agent.uuid,
      });
      await mcp.ok('shell_send', { session_id: opened.session_id, text: 'echo through-$((6*7))' });
      let text = '';
      for (let i = 0; i < 20 && !/through-42/.test(text); i += 1) {
        const read = await mcp.call('shell_read', { session_id: opened.session_id, timeout: 5 });
        assert.notEqual(read.isError, true, textOf(read));
        text += textOf(read);
      }
      assert.match(text, /through-42/);
      await mcp.ok('shell_close', { session_id: opened.session_id });
    } finally {
      await mcp.close();
    }
  });
});
