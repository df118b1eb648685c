// GraphiQL's example tabs on a fresh fleet (one agent just attached), run the way a first-time
// user runs them — with the tab's own variables:
//   - every tab's first operation (the one its title names) runs without an error;
//   - no mutation of any tab changes a client as given: each is refused (its "<clientId>" matches
//     no client) or is one of the harmless ones (a bulk "hostname", removing a tag nobody carries,
//     a one-use token);
//   - the live tab (WatchEvents) shows the trail at once and keeps earlier events on screen when
//     a new one arrives.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  Kind,
  parse,
  print,
  visit,
  type ASTNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { loadGraphiQLExamples } from '../../src/graphql/graphiql-examples.js';
import { createAgent } from '../support/agent.js';
import { killAll } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';

after(killAll);

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Mutations that may act on a fresh fleet as given: they change no client. */
const HARMLESS = new Set([
  'BulkTagUpdate',
  'BulkCommand',
  'CreateEnrollmentToken',
  'RegisterTrustedDocument',
]);

const SNAPSHOT = `query Snapshot {
  clients(filter: { includeDecommissioned: true }) {
    uuid clientId displayName purpose tags { name } allowedPaths webhookUrl hasWebhookSecret
    rateLimit { rpm concurrent mode } thresholds { cpu memory disk } resourceChecks
    rateLimitRpm rateLimitConcurrent rateLimitMode cpuThreshold memoryThreshold diskThreshold
    decommissioned keyMismatch publicKeyFingerprint online
  }
}`;

async function post(server: TestServer, query: string, variables: unknown): Promise<Answer> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.apiKey}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Answer;
}

/** Each operation of a tab as a document of its own, with the tab's variables. */
function operationsOf(query: string): { name: string; node: OperationDefinitionNode }[] {
  return parse(query).definitions.flatMap((node) =>
    node.kind === Kind.OPERATION_DEFINITION ? [{ name: node.name?.value ?? '?', node }] : [],
  );
}

/** One operation of a tab as a document of its own, with the tab's fragments it spreads. */
function documentOf(query: string, node: OperationDefinitionNode): DocumentNode {
  const fragments = new Map(
    parse(query).definitions.flatMap((d) =>
      d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [],
    ),
  );
  const used: FragmentDefinitionNode[] = [];
  const collect = (from: ASTNode): void => {
    visit(from, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (fragment && !used.includes(fragment)) {
          used.push(fragment);
          collect(fragment);
        }
      },
    });
  };
  collect(node);
  return { kind: Kind.DOCUMENT, definitions: [node, ...used] };
}

test('the example tabs work on a fresh fleet and change nothing as given', async () => {
  const server = await startServer({ openEnrollment: true });
  const agent = await createAgent(server, { displayName: 'Fresh Box', tags: ['e2e'] });
  try {
    await agent.start();
    await agent.waitOnline(server);
    const tabs = loadGraphiQLExamples();
    const before = await post(server, SNAPSHOT, {});
    assert.equal(before.errors, undefined);
    // The grouped settings the tabs show say what the contract's flat fields say.
    for (const client of before.data?.['clients'] as Record<string, Record<string, unknown>>[]) {
      assert.deepEqual(client['rateLimit'], {
        rpm: client['rateLimitRpm'],
        concurrent: client['rateLimitConcurrent'],
        mode: client['rateLimitMode'],
      });
      assert.deepEqual(client['thresholds'], {
        cpu: client['cpuThreshold'],
        memory: client['memoryThreshold'],
        disk: client['diskThreshold'],
      });
    }

    // The live tab: the trail at once, then earlier events stay below a new one.
    const live = tabs.find((tab) => operationsOf(tab.query)[0]?.name === 'WatchEvents');
    assert.ok(live, 'a WatchEvents tab');
    const [watch] = operationsOf(live.query);
    assert.ok(watch && watch.node.operation === 'subscription');
    type Window = { recentClientEvents: { event: string; client: { displayName: string } }[] };
    const subscription = await server.subscribe<Window, Record<string, unknown>>(
      documentOf(live.query, watch.node),
      live.variables ?? {},
    );
    const first = await subscription.next();
    assert.deepEqual(
      first.recentClientEvents.map((e) => [e.event, e.client.displayName]),
      [['client.connected', 'Fresh Box']],
    );

    const answers = new Map<string, Answer>();
    for (const tab of tabs) {
      const [lead, ...rest] = operationsOf(tab.query);
      assert.ok(lead, tab.file);
      if (lead.node.operation !== 'subscription') {
        const answer = await post(
          server,
          print(documentOf(tab.query, lead.node)),
          tab.variables ?? {},
        );
        assert.equal(
          answer.errors,
          undefined,
          `${tab.file} ${lead.name}: ${JSON.stringify(answer)}`,
        );
      }
      for (const { name, node } of [lead, ...rest]) {
        if (node.operation !== 'mutation') continue;
        const answer = await post(server, print(documentOf(tab.query, node)), tab.variables ?? {});
        answers.set(name, answer);
        const codes = (answer.errors ?? []).map((e) => e.extensions?.code);
        if (HARMLESS.has(name)) {
          assert.equal(answer.errors, undefined, `${name}: ${JSON.stringify(answer)}`);
        } else {
          assert.ok(
            codes.length > 0 && codes.every((c) => c === 'NOT_FOUND'),
            `${tab.file} ${name} must be refused as given: ${JSON.stringify(answer)}`,
          );
        }
      }
    }

    const bulk = answers.get('BulkCommand')?.data?.['runCommandOnClients'] as
      { total: number; succeeded: number } | undefined;
    assert.deepEqual(bulk, { ...bulk, total: 1, succeeded: 1 }, 'the bulk command runs as given');

    const afterAll = await post(server, SNAPSHOT, {});
    assert.deepEqual(afterAll, before, 'no client changed');

    // The commands the tabs ran arrived on top of the window, with the connection still below.
    const latest = await subscription.next((w) =>
      w.recentClientEvents.some((e) => e.event === 'command_executed'),
    );
    const events = latest.recentClientEvents.map((e) => e.event);
    assert.equal(events[0], 'command_executed');
    assert.ok(events.includes('client.connected'), events.join(', '));
    subscription.close();
  } finally {
    await agent.close();
    await server.close();
  }
});
