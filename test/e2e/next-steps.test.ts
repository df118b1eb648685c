// Issue 17 item 16: an error names the next step in the caller's own interface. One refusal (a
// path outside a client's allowed paths) through each door: GraphQL says updateClient and sends
// the step as data (extensions.nextSteps); MCP says update_client (allowed_paths), in process
// (HTTP /mcp) and over the wire (the stdio bridge); the CLI says "etphonehome clients update
// <client> --allowed-paths …". None of them names another door's operation.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { GraphQLRequestError } from '../../src/client/index.js';
import { graphql } from '../../src/generated/gql.js';
import { createAgent, type TestAgent } from '../support/agent.js';
import { runCli } from '../support/cli.js';
import { connectMcp } from '../support/mcp.js';
import { killAll } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';
import { UpdateClientDocument } from '../support/operations.js';

after(killAll);

const ListFilesDocument = graphql(`
  query TestNextStepListFiles($clientId: ID!, $path: String!) {
    listFiles(clientId: $clientId, path: $path) {
      path
    }
  }
`);

describe('next steps in each door’s own words', () => {
  let server: TestServer;
  let agent: TestAgent;
  let clientId: string;

  before(async () => {
    server = await startServer({ openEnrollment: true });
    agent = await createAgent(server, { displayName: 'Steps' });
    await agent.start();
    await agent.waitOnline(server);
    const { updateClient } = await server.gql.request(UpdateClientDocument, {
      id: agent.uuid,
      input: { allowedPaths: ['/srv/app'] },
    });
    clientId = updateClient.clientId;
  });
  after(async () => {
    await agent.close();
    await server.close();
  });

  test('GraphQL: updateClient in the message, the step as data', async () => {
    const error = await server.gql
      .request(ListFilesDocument, { clientId, path: '/etc' })
      .then(() => assert.fail('listFiles outside the allowed paths succeeded'))
      .catch((e: unknown) => e as GraphQLRequestError);
    assert.ok(error instanceof GraphQLRequestError);
    const [first] = error.errors;
    assert.equal(first?.extensions?.code, 'PATH_DENIED');
    assert.match(
      first?.message ?? '',
      /change them with updateClient\(input: \{allowedPaths\}\)\.$/,
    );
    assert.doesNotMatch(first?.message ?? '', /update_client|etphonehome/);
    assert.deepEqual(first?.extensions?.['nextSteps'], [
      { operation: 'updateClient.allowedPaths', client: { uuid: agent.uuid, clientId } },
    ]);
  });

  for (const transport of ['http', 'stdio'] as const) {
    test(`MCP (${transport}): update_client (allowed_paths)`, async () => {
      const mcp = await connectMcp(server, transport);
      try {
        const text = await mcp.fails('list_files', { client_id: clientId, path: '/etc' });
        assert.match(text, /^PATH_DENIED: .*change them with update_client \(allowed_paths\)\.$/s);
        assert.doesNotMatch(text, /updateClient|etphonehome/);
      } finally {
        await mcp.close();
      }
    });
  }

  test('CLI: "etphonehome clients update <client> --allowed-paths …", exit 6', async () => {
    const result = await runCli(server, ['files', 'ls', clientId, '/etc']);
    assert.equal(result.code, 6, result.stderr);
    assert.ok(
      result.stderr.includes(
        `change them with "etphonehome clients update ${clientId} --allowed-paths /a,/b". (PATH_DENIED)`,
      ),
      result.stderr,
    );
    assert.doesNotMatch(result.stderr, /updateClient|update_client/);
  });
});
