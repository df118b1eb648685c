// Bulk results say which clients changed and which already matched, and event lines show null
// and list details (issue 17 item 21), through the real CLI against a server with two agents.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAgent, type TestAgent } from '../support/agent.js';
import { cliJson, runCli } from '../support/cli.js';
import { killAll } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';

after(killAll);

interface BulkResult {
  total: number;
  results: {
    client: { clientId: string; displayName: string | null };
    ok: boolean;
    changed?: boolean;
  }[];
}

describe('bulk outcomes and event details', () => {
  let server: TestServer;
  const agents: TestAgent[] = [];

  before(async () => {
    server = await startServer({ openEnrollment: true });
    for (const [name, tags] of [
      ['bulk-tagged', ['bulkgroup', 'patched']],
      ['bulk-plain', ['bulkgroup']],
    ] as const) {
      const agent = await createAgent(server, { displayName: name, tags: [...tags] });
      await agent.start();
      await agent.waitOnline(server);
      agents.push(agent);
    }
  });
  after(async () => {
    for (const agent of agents) await agent.close();
    await server?.close();
  });

  test('adding a tag: one client changed, the one that had it already matched', async () => {
    const table = await runCli(server, [
      'clients',
      'update',
      '--tags',
      'bulkgroup',
      '--add-tags',
      'patched',
    ]);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stderr, /2 of 2 client\(s\) succeeded \(1 changed, 1 already matched\)/);
    assert.match(table.stdout, /bulk-plain.*changed: tags/);
    assert.match(table.stdout, /bulk-tagged.*already matched: tags/);

    const json = await cliJson<BulkResult>(server, [
      'clients',
      'update',
      '--tags',
      'bulkgroup',
      '--remove-tags',
      'patched',
    ]);
    const byName = Object.fromEntries(json.results.map((r) => [r.client.displayName, r.changed]));
    assert.deepEqual(byName, { 'bulk-tagged': true, 'bulk-plain': true });
    const again = await cliJson<BulkResult>(server, [
      'clients',
      'update',
      '--tags',
      'bulkgroup',
      '--remove-tags',
      'patched',
    ]);
    assert.deepEqual(
      again.results.map((r) => r.changed),
      [false, false],
    );
  });

  test('event lines show cleared values as null and lists in brackets', async () => {
    const cleared = await runCli(server, [
      'clients',
      'update',
      'bulk-plain',
      '--purpose',
      '',
      '--set-tags',
      'x,y',
    ]);
    assert.equal(cleared.code, 0, cleared.stderr);
    const events = await runCli(server, [
      'events',
      '--client',
      'bulk-plain',
      '--events',
      'client.updated',
    ]);
    assert.equal(events.code, 0, events.stderr);
    assert.match(events.stdout, /purpose=null/);
    assert.match(events.stdout, /tags=\[x,y\]/);
  });

  test('tags match case included; a selector differing only in case is explained', async () => {
    const refused = await runCli(server, [
      'clients',
      'update',
      '--tags',
      'BulkGroup',
      '--add-tags',
      'x',
    ]);
    assert.notEqual(refused.code, 0);
    assert.match(
      refused.stderr,
      /Tags match exactly, case included: no client carries "BulkGroup", but "bulkgroup" exists/,
    );
    const run = await runCli(server, ['run', '--tags', 'BULKGROUP', '--', 'true']);
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /no client carries "BULKGROUP", but "bulkgroup" exists/);
  });
});
