// A server started with ETPHONEHOME_TRUSTED_DOCUMENTS=1, a real agent, the real `etphonehome`
// CLI and the MCP tools over stdio (the bridge's GraphQL over HTTP) and over HTTP (in process):
// everything they send is in the build's manifest, so they all work, while a document of the
// tests' own is refused until `etphonehome documents register` trusts it and refused again
// once `documents remove` drops it. This is what keeps src/generated/trusted-documents.ts true
// to what the CLI and MCP actually send.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { print } from 'graphql';
import { GraphQLRequestError } from '../../src/client/index.js';
import { createAgent, type TestAgent } from '../support/agent.js';
import { cliJson, runCli } from '../support/cli.js';
import { connectMcp, type Transport } from '../support/mcp.js';
import { ClientDocument } from '../support/operations.js';
import { killAll } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';

after(killAll);

describe('ETPHONEHOME_TRUSTED_DOCUMENTS=1: the shipped CLI and MCP tools work', () => {
  let server: TestServer;
  let agent: TestAgent;
  let work: string;

  before(async () => {
    server = await startServer({
      openEnrollment: true,
      env: { ETPHONEHOME_TRUSTED_DOCUMENTS: '1' },
    });
    agent = await createAgent(server, { displayName: 'td-alpha', tags: ['web'] });
    await agent.start();
    // The harness's own waitOnline sends a test document, which this server refuses.
    await waitFor(
      async () =>
        (await cliJson<{ online: boolean }[]>(server, ['clients', 'list'])).some((c) => c.online),
      { what: 'td-alpha online' },
    );
    work = await mkdtemp(join(tmpdir(), 'etph-trusted-'));
  });
  after(async () => {
    await agent?.close();
    await server?.close();
  });

  test('CLI commands run', async () => {
    const commands = [
      ['clients', 'list'],
      ['clients', 'describe', 'td-alpha'],
      ['clients', 'update', 'td-alpha', '--purpose', 'trusted documents'],
      ['clients', 'stats', 'td-alpha'],
      ['run', 'td-alpha', '--', 'echo trusted'],
      ['files', 'ls', 'td-alpha', tmpdir()],
      ['metrics', 'td-alpha'],
      ['health'],
      ['events', '--limit', '3'],
      ['keys', 'list'],
      ['token', 'list'],
      ['webhooks', 'deliveries'],
      ['documents', 'list'],
    ];
    for (const args of commands) {
      const result = await runCli(server, args);
      assert.equal(result.code, 0, `etphonehome ${args.join(' ')}: ${result.stderr}`);
    }
    assert.match(
      (await runCli(server, ['run', 'td-alpha', '--', 'echo trusted'])).stdout,
      /trusted/,
    );
  });

  for (const transport of ['stdio', 'http'] as Transport[]) {
    test(`MCP tools run (${transport})`, async () => {
      const mcp = await connectMcp(server, transport);
      try {
        const { clients } = await mcp.ok<{ clients: { uuid: string }[] }>('list_clients');
        assert.equal(clients.length, 1);
        const uuid = agent.uuid;
        await mcp.ok('find_client', { tags: ['web'] });
        await mcp.ok('describe_client', { uuid });
        await mcp.ok('update_client', { uuid, purpose: `via ${transport}` });
        await mcp.ok('get_rate_limit_stats', { uuid });
        const ran = await mcp.ok<{ stdout: string }>('run_command', {
          client_id: uuid,
          cmd: 'echo mcp-trusted',
        });
        assert.match(JSON.stringify(ran), /mcp-trusted/);
        const file = join(work, `${transport}.txt`);
        await mcp.ok('write_file', { client_id: uuid, path: file, content: 'hello' });
        await mcp.ok('read_file', { client_id: uuid, path: file });
        await mcp.ok('list_files', { client_id: uuid, path: work });
        await mcp.ok('get_client_metrics', { client_id: uuid, summary: true });
        await mcp.ok('fleet_health', {});
      } finally {
        await mcp.close();
      }
    });
  }

  test('a document of our own: refused, registered with the CLI, runs, removed, refused', async () => {
    const request = () => server.gql.request(ClientDocument, { id: agent.uuid });
    const refused = async () => {
      const error = await request().then(
        () => assert.fail('the test document should be refused'),
        (e: unknown) => e,
      );
      assert.ok(error instanceof GraphQLRequestError);
      assert.equal(error.code, 'UNTRUSTED_DOCUMENT');
    };
    await refused();

    const file = join(work, 'client.graphql');
    await writeFile(file, `# the tests' client query\n${print(ClientDocument)}`);
    const registered = await cliJson<{ hash: string; name: string }>(server, [
      'documents',
      'register',
      file,
      '--name',
      'test-client',
    ]);
    assert.equal(registered.name, 'test-client');
    assert.equal((await request()).client?.uuid, agent.uuid);
    const listed = await cliJson<{ hash: string }[]>(server, ['documents', 'list']);
    assert.deepEqual(
      listed.map((d) => d.hash),
      [registered.hash],
    );

    const removed = await runCli(server, ['documents', 'remove', registered.hash]);
    assert.equal(removed.code, 0, removed.stderr);
    await refused();

    const empty = join(work, 'empty.graphql');
    await writeFile(empty, '\n');
    const bad = await runCli(server, ['documents', 'register', empty]);
    assert.equal(bad.code, 2, 'BAD_USER_INPUT');
    assert.match(bad.stderr, /empty/);
    assert.deepEqual(await cliJson(server, ['documents', 'list']), []);
  });
});
