// The HTTP GraphQL client against a real node:http server: what it sends (POST /graphql, the key
// as a bearer header, the printed document), typed data back, and every way an answer can fail.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import {
  catalogueCode,
  createGraphQLClient,
  graphqlEndpoint,
  GraphQLRequestError,
  websocketEndpoint,
} from '../../src/client/index.js';
import { ErrorCode } from '../../src/errors.js';

const Hello = parse('query Hello($name: String) { hello(name: $name) }') as TypedDocumentNode<
  { hello: string },
  { name: string }
>;

interface Seen {
  method: string | undefined;
  url: string | undefined;
  authorization: string | undefined;
  body: { query: string; variables: Record<string, unknown> };
}

/** What the next request gets: a status and a body, or no answer at all (hang). */
let answer: { status: number; body: string; hang?: boolean } = { status: 200, body: '{}' };
const seen: Seen[] = [];
let server: Server;
let url: string;

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

before(async () => {
  server = createServer((req, res) => {
    void bodyOf(req).then((text) => {
      seen.push({
        method: req.method,
        url: req.url,
        authorization: req.headers.authorization,
        body: JSON.parse(text) as Seen['body'],
      });
      if (answer.hang) return;
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

const client = () => createGraphQLClient({ url, apiKey: 'secret-key' });

test('POSTs the printed document and variables to /graphql with the key; returns the data', async () => {
  answer = { status: 200, body: JSON.stringify({ data: { hello: 'hi web-01' } }) };
  const data = await client().request(Hello, { name: 'web-01' });
  assert.deepEqual(data, { hello: 'hi web-01' });
  const request = seen.at(-1);
  assert.equal(request?.method, 'POST');
  assert.equal(request?.url, '/graphql');
  assert.equal(request?.authorization, 'Bearer secret-key');
  assert.match(request?.body.query ?? '', /query Hello\(\$name: String\)/);
  assert.deepEqual(request?.body.variables, { name: 'web-01' });
});

test('GraphQL errors become a GraphQLRequestError with the code as sent and as catalogued', async () => {
  answer = {
    status: 200,
    body: JSON.stringify({
      data: null,
      errors: [
        { message: 'Client "web-09" is offline.', extensions: { code: 'CLIENT_OFFLINE' } },
        { message: 'second' },
      ],
    }),
  };
  const error = await client()
    .request(Hello, { name: 'x' })
    .then(
      () => assert.fail('expected an error'),
      (e: unknown) => e,
    );
  assert.ok(error instanceof GraphQLRequestError);
  assert.equal(error.message, 'Client "web-09" is offline.; second');
  assert.equal(error.code, 'CLIENT_OFFLINE');
  assert.equal(error.errorCode, ErrorCode.clientOffline);
  assert.equal(error.status, 200);

  answer = {
    status: 400,
    body: JSON.stringify({
      errors: [{ message: 'Cannot query field', extensions: { code: 'SOME_NEWER_CODE' } }],
    }),
  };
  const newer = await client()
    .request(Hello, { name: 'x' })
    .catch((e: unknown) => e);
  assert.ok(newer instanceof GraphQLRequestError);
  assert.equal(newer.code, 'SOME_NEWER_CODE');
  assert.equal(newer.errorCode, undefined, 'not a catalogue code');
  assert.equal(newer.status, 400);
});

test('an answer that is not JSON, or a failure status without errors, is an error naming the status', async () => {
  answer = { status: 502, body: '<html>Bad Gateway</html>' };
  const proxy = await client()
    .request(Hello, { name: 'x' })
    .catch((e: unknown) => e);
  assert.ok(proxy instanceof GraphQLRequestError);
  assert.equal(proxy.message, 'HTTP 502: <html>Bad Gateway</html>');
  assert.equal(proxy.code, undefined);

  answer = { status: 401, body: '{}' };
  const refused = await client()
    .request(Hello, { name: 'x' })
    .catch((e: unknown) => e);
  assert.ok(refused instanceof GraphQLRequestError);
  assert.equal(refused.message, 'HTTP 401');
  assert.equal(refused.status, 401);
});

test('an aborted signal abandons the request', async () => {
  answer = { status: 200, body: '{}', hang: true };
  const controller = new AbortController();
  const pending = client().request(Hello, { name: 'x' }, { signal: controller.signal });
  setImmediate(() => controller.abort());
  await assert.rejects(pending, { name: 'AbortError' });
  server.closeAllConnections();
});

test('endpoints: /graphql over http(s), ws:// or wss:// for subscriptions', () => {
  assert.equal(graphqlEndpoint('http://h:8765').toString(), 'http://h:8765/graphql');
  assert.equal(graphqlEndpoint('https://h/base/').toString(), 'https://h/graphql');
  assert.equal(websocketEndpoint('http://h:8765').toString(), 'ws://h:8765/graphql');
  assert.equal(websocketEndpoint('https://h').toString(), 'wss://h/graphql');
});

test('catalogueCode keeps the catalogue codes only', () => {
  for (const code of Object.values(ErrorCode)) assert.equal(catalogueCode(code), code);
  assert.equal(catalogueCode('SOME_NEWER_CODE'), undefined);
  assert.equal(catalogueCode(undefined), undefined);
});
