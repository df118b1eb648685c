// Trusted documents (issue 15) through the real doors of an in-process server: HTTP POST and GET,
// SSE, graphql-ws and MCP over HTTP. With ETPHONEHOME_TRUSTED_DOCUMENTS=1 the CLI's and the MCP
// tools' documents and GraphiQL's tabs run, anything else is refused with UNTRUSTED_DOCUMENT
// until an admin registers it (and again once removed); registering needs ADMIN and refuses bad
// documents without changing anything. Without the variable, only keys marked
// trustedDocumentsOnly are held to it.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createGraphQLClient, GraphQLRequestError } from '../../src/client/index.js';
import {
  CliCreateApiKeyDocument,
  CliRegisterTrustedDocumentDocument,
  CliRemoveTrustedDocumentDocument,
  CliTagNamesDocument,
  CliTrustedDocumentsDocument,
} from '../../src/generated/graphql.js';
import { loadGraphiQLExamples } from '../../src/graphql/graphiql-examples.js';
import { startInProcessServer, type InProcessServer } from '../support/in-process-server.js';
import { connectMcp } from '../support/mcp.js';
import type { TestServer } from '../support/server.js';

const ARBITRARY = '{ clients { uuid clientId } }';
// The same document as a client might write it: another layout, commas and a comment.
const ARBITRARY_REWRITTEN = '# mine\nquery {\n  clients { uuid, clientId }\n}\n';

async function refusal(promise: Promise<unknown>): Promise<GraphQLRequestError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GraphQLRequestError) return error;
    throw error;
  }
  assert.fail('expected a GraphQL error');
}

function assertUntrusted(reply: {
  errors?: { message: string; extensions?: { code?: string } }[];
  data?: unknown;
}) {
  assert.equal(reply.errors?.[0]?.extensions?.code, 'UNTRUSTED_DOCUMENT', JSON.stringify(reply));
  assert.match(reply.errors![0]!.message, /registerTrustedDocument|documents register/);
  assert.ok(!reply.data, 'nothing ran');
}

describe('ETPHONEHOME_TRUSTED_DOCUMENTS=1', () => {
  let server: InProcessServer;
  const gql = (apiKey: string) =>
    createGraphQLClient({ url: server.url.replace(/\/graphql$/, ''), apiKey });

  before(async () => {
    server = await startInProcessServer({ ETPHONEHOME_TRUSTED_DOCUMENTS: '1' });
    await server.addClient(1, ['web']);
  });
  after(async () => server.close());

  test('a shipped CLI operation and MCP tools run', async () => {
    const { tags } = await gql(server.apiKey).request(CliTagNamesDocument, {});
    assert.deepEqual(
      tags.map((t) => t.name),
      ['web'],
    );
    const mcp = await connectMcp(
      { url: server.url.replace(/\/graphql$/, ''), apiKey: server.apiKey } as unknown as TestServer,
      'http',
    );
    try {
      const listed = await mcp.ok<{ clients: { client_id: string }[] }>('list_clients');
      assert.equal(listed.clients.length, 1);
      await mcp.ok('describe_client', { uuid: 'host-001' });
    } finally {
      await mcp.close();
    }
  });

  test('an arbitrary document is refused over HTTP POST, GET, SSE and graphql-ws', async () => {
    const posted = await server.http(server.apiKey, ARBITRARY);
    assertUntrusted(posted);
    assert.equal(posted.status, 403);
    const get = await fetch(`${server.url}?query=${encodeURIComponent(ARBITRARY)}`, {
      headers: { authorization: `Bearer ${server.apiKey}`, accept: 'application/json' },
    });
    assertUntrusted((await get.json()) as never);
    assertUntrusted(await server.wsOnce(server.apiKey, ARBITRARY));
    assertUntrusted(await server.sseOnce(server.apiKey, 'subscription { clientEvents { id } }'));
    assertUntrusted(await server.wsOnce(server.apiKey, 'subscription { clientEvents { id } }'));
  });

  test("GraphiQL's tabs and introspection-only operations run", async () => {
    const [tab] = loadGraphiQLExamples();
    const reply = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.apiKey}` },
      body: JSON.stringify({ query: tab!.query, variables: tab!.variables ?? {} }),
    });
    const body = (await reply.json()) as { errors?: unknown; data?: unknown };
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    const login = await server.http(server.apiKey, 'query Login { __typename }');
    assert.deepEqual(login.data, { __typename: 'Query' });
    const schema = await server.http(server.apiKey, '{ __schema { queryType { name } } }');
    assert.equal(schema.errors, undefined);
    // The trusted-documents tab registers an edited query from GraphiQL, and removes it.
    const tab18 = loadGraphiQLExamples().find((t) => t.file === '18-trusted-documents.graphql')!;
    const runTab = async (operationName: string, variables: Record<string, unknown>) => {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${server.apiKey}` },
        body: JSON.stringify({ query: tab18.query, operationName, variables }),
      });
      return (await response.json()) as { errors?: unknown; data?: Record<string, unknown> };
    };
    const edited = 'query MyTagCounts { tags { name clientCount } }';
    assertUntrusted(await server.http(server.apiKey, edited));
    const registered = await runTab('RegisterTrustedDocument', tab18.variables!);
    assert.equal(registered.errors, undefined, JSON.stringify(registered.errors));
    assert.equal((await server.http(server.apiKey, edited)).errors, undefined);
    const { hash } = (
      registered.data!['registerTrustedDocument'] as { trustedDocument: { hash: string } }
    ).trustedDocument;
    assert.equal((await runTab('RemoveTrustedDocument', { hash })).errors, undefined);
    assertUntrusted(await server.http(server.apiKey, edited));

    // An introspection field beside a fleet field is not introspection-only.
    assertUntrusted(await server.http(server.apiKey, '{ __typename tags { name } }'));
  });

  test('a registered document runs on every door; removed, it is refused again', async () => {
    const admin = gql(server.apiKey);
    const { registerTrustedDocument } = await admin.request(CliRegisterTrustedDocumentDocument, {
      input: { document: ARBITRARY_REWRITTEN, name: 'inventory' },
    });
    const registered = registerTrustedDocument.trustedDocument;
    assert.match(registered.hash, /^[0-9a-f]{64}$/);
    assert.equal(registered.name, 'inventory');
    assert.equal(registered.document, '{\n  clients {\n    uuid\n    clientId\n  }\n}');

    const posted = await server.http(server.apiKey, ARBITRARY);
    assert.equal(posted.errors, undefined, JSON.stringify(posted.errors));
    assert.equal((posted.data?.['clients'] as unknown[]).length, 1);
    const overWs = await server.wsOnce(server.apiKey, ARBITRARY_REWRITTEN);
    assert.equal(overWs.errors, undefined, JSON.stringify(overWs.errors));

    // Registering it again keeps the first record.
    const again = await admin.request(CliRegisterTrustedDocumentDocument, {
      input: { document: ARBITRARY, name: 'other' },
    });
    assert.equal(again.registerTrustedDocument.trustedDocument.name, 'inventory');
    const { trustedDocuments } = await admin.request(CliTrustedDocumentsDocument, {});
    assert.deepEqual(
      trustedDocuments.map((d) => d.hash),
      [registered.hash],
    );

    await admin.request(CliRemoveTrustedDocumentDocument, { input: { hash: registered.hash } });
    assertUntrusted(await server.http(server.apiKey, ARBITRARY));
    assertUntrusted(await server.wsOnce(server.apiKey, ARBITRARY));
    const gone = await refusal(
      admin.request(CliRemoveTrustedDocumentDocument, { input: { hash: registered.hash } }),
    );
    assert.equal(gone.code, 'NOT_FOUND');
  });

  test('only an admin registers, lists or removes', async () => {
    const admin = gql(server.apiKey);
    const { createApiKey } = await admin.request(CliCreateApiKeyDocument, {
      input: { name: 'ops', role: 'OPERATOR' },
    });
    const operator = gql(createApiKey.secret);
    const refused = await refusal(
      operator.request(CliRegisterTrustedDocumentDocument, { input: { document: ARBITRARY } }),
    );
    assert.equal(refused.code, 'FORBIDDEN');
    assert.equal(
      (await refusal(operator.request(CliTrustedDocumentsDocument, {}))).code,
      'FORBIDDEN',
    );
    assert.deepEqual((await admin.request(CliTrustedDocumentsDocument, {})).trustedDocuments, []);
    assertUntrusted(await server.http(createApiKey.secret, ARBITRARY));
  });

  test('bad documents and hashes are refused with a clear error and change nothing', async () => {
    const admin = gql(server.apiKey);
    const cases: [string, RegExp][] = [
      ['', /empty/],
      ['   \n', /empty/],
      ['{ clients { uuid ', /not GraphQL/],
      ['{ noSuchField }', /does not fit the schema.*noSuchField/],
      ['fragment F on Client { uuid }', /no operation/],
    ];
    for (const [document, message] of cases) {
      const error = await refusal(
        admin.request(CliRegisterTrustedDocumentDocument, { input: { document } }),
      );
      assert.equal(error.code, 'BAD_USER_INPUT', document);
      assert.match(error.message, message);
    }
    const badHash = await refusal(
      admin.request(CliRemoveTrustedDocumentDocument, { input: { hash: 'not-a-hash' } }),
    );
    assert.equal(badHash.code, 'BAD_USER_INPUT');
    assert.deepEqual((await admin.request(CliTrustedDocumentsDocument, {})).trustedDocuments, []);
  });
});

describe('without ETPHONEHOME_TRUSTED_DOCUMENTS: keys marked trustedDocumentsOnly', () => {
  let server: InProcessServer;
  before(async () => {
    server = await startInProcessServer();
    await server.addClient(1, ['web']);
  });
  after(async () => server.close());

  test('a marked key is refused an arbitrary document an unmarked key runs', async () => {
    const marked = await server.createKey({
      name: 'marked',
      role: 'VIEWER',
      trustedDocumentsOnly: true,
    });
    const plain = await server.createKey({ name: 'plain', role: 'VIEWER' });
    const ran = await server.http(plain.secret, ARBITRARY);
    assert.equal(ran.errors, undefined);
    assert.equal((await server.wsOnce(plain.secret, ARBITRARY)).errors, undefined);

    assertUntrusted(await server.http(marked.secret, ARBITRARY));
    const refused = await server.http(marked.secret, ARBITRARY);
    assert.match(refused.errors![0]!.message, /API key "marked" admits only trusted documents/);
    assertUntrusted(await server.wsOnce(marked.secret, ARBITRARY));

    // The documents the project ships still run for it, through the CLI's client and MCP.
    const client = createGraphQLClient({
      url: server.url.replace(/\/graphql$/, ''),
      apiKey: marked.secret,
    });
    assert.deepEqual((await client.request(CliTagNamesDocument, {})).tags, [{ name: 'web' }]);
    const mcp = await connectMcp(
      { url: server.url.replace(/\/graphql$/, ''), apiKey: marked.secret } as unknown as TestServer,
      'http',
    );
    try {
      await mcp.ok('list_clients');
    } finally {
      await mcp.close();
    }

    // Trust is the whole server's: a scoped admin may not change it.
    const scoped = await server.createKey({
      name: 'scoped-admin',
      role: 'ADMIN',
      scope: { tags: ['web'] },
    });
    const register =
      'mutation($input: RegisterTrustedDocumentInput!) { registerTrustedDocument(input: $input) { trustedDocument { hash } } }';
    const refusedScoped = await server.http(scoped.secret, register, {
      input: { document: ARBITRARY },
    });
    assert.equal(refusedScoped.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.match(refusedScoped.errors![0]!.message, /scoped/);

    // Registered, it runs for the marked key too.
    await server.http(server.apiKey, register, { input: { document: ARBITRARY } });
    assert.equal((await server.http(marked.secret, ARBITRARY)).errors, undefined);
  });
});
