// Every error the GraphQL endpoint answers with carries a code of the catalogue (src/errors.ts,
// docs/errors.md), whatever went wrong and however the operation arrived: refusals before GraphQL
// runs (no key, wrong method or content type, a bad Content-Length, a chunked body), GraphQL's own
// checks (syntax, validation, variables, several operations without operationName) and our own
// (an unknown client, a NUL byte) — over HTTP and over graphql-ws, where yoga codes less itself.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { isErrorCode, errorCatalog, type ErrorCodeName } from '../../src/errors.js';
import { killAll } from '../support/processes.js';
import { startServer, wsClientFor, type TestServer } from '../support/server.js';

after(killAll);

interface Answer {
  status: number;
  errors: { message: string; extensions?: { code?: unknown } }[];
}

/** A raw HTTP request to /graphql (node:http, so nothing is normalised on the way). */
function send(
  server: TestServer,
  options: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${server.url}/graphql`,
      { method: options.method ?? 'POST', headers: options.headers ?? {} },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => {
          try {
            const json = JSON.parse(text) as { errors?: Answer['errors'] };
            resolve({ status: response.statusCode ?? 0, errors: json.errors ?? [] });
          } catch {
            reject(new Error(`not JSON (HTTP ${response.statusCode}): ${text.slice(0, 200)}`));
          }
        });
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

const json = (server: TestServer, body: unknown, extra: Record<string, string> = {}) => ({
  headers: {
    'content-type': 'application/json',
    authorization: `Bearer ${server.apiKey}`,
    ...extra,
  },
  body: JSON.stringify(body),
});

/** Operations that fail in GraphQL or in our checks, with the code each must carry. */
const OPERATIONS: { name: string; payload: Record<string, unknown>; code: ErrorCodeName }[] = [
  { name: 'syntax', payload: { query: '{ clients { ' }, code: 'GRAPHQL_PARSE_FAILED' },
  { name: 'unknown field', payload: { query: '{ nope }' }, code: 'GRAPHQL_VALIDATION_FAILED' },
  {
    name: 'variable of the wrong type',
    payload: {
      query:
        'query ($s: WebhookDeliveryStatus) { webhookDeliveries(filter: { status: $s }) { id } }',
      variables: { s: 'failed' },
    },
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'several operations, none named',
    payload: { query: 'query A { tags { name } } query B { tags { name } }' },
    code: 'OPERATION_RESOLUTION_FAILURE',
  },
  {
    name: 'unknown client',
    payload: { query: '{ rateLimitStats(id: "nobody-here") { mode } }' },
    code: 'NOT_FOUND',
  },
  {
    name: 'NUL byte',
    payload: {
      query: 'query ($q: String) { clients(filter: { query: $q }) { clientId } }',
      variables: { q: 'a\u0000b' },
    },
    code: 'BAD_USER_INPUT',
  },
];

test('every error carries a catalogue code, over HTTP and graphql-ws', async () => {
  const server = await startServer();
  const ws = wsClientFor(server);
  try {
    const seen: string[] = [];
    const check = (where: string, errors: Answer['errors'], code?: ErrorCodeName): void => {
      assert.ok(errors.length > 0, `${where}: an error`);
      for (const error of errors) {
        const given = error.extensions?.code;
        seen.push(String(given));
        assert.ok(isErrorCode(given), `${where}: ${JSON.stringify(error)}`);
        if (code) assert.equal(given, code, `${where}: ${error.message}`);
      }
    };

    // Refused before GraphQL runs: the code, and the catalogue's status where it has one.
    const noKey = await send(server, {
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    check('no key', noKey.errors, 'UNAUTHENTICATED');
    assert.equal(noKey.status, errorCatalog.UNAUTHENTICATED.httpStatus);
    const put = await send(server, {
      ...json(server, { query: '{ tags { name } }' }),
      method: 'PUT',
    });
    check('PUT', put.errors, 'BAD_REQUEST');
    const text = await send(server, {
      ...json(server, {}),
      headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'text/plain' },
      body: '{ tags { name } }',
    });
    check('text/plain', text.errors, 'BAD_REQUEST');
    const badLength = await send(
      server,
      json(server, { query: '{ tags { name } }' }, { 'content-length': '12, 12' }),
    );
    check('a bad Content-Length', badLength.errors);
    const get = await send(server, {
      method: 'GET',
      headers: { authorization: `Bearer ${server.apiKey}`, accept: 'application/json' },
    });
    check('GET without a query', get.errors);

    for (const { name, payload, code } of OPERATIONS) {
      const answer = await send(server, json(server, payload));
      check(`HTTP ${name}`, answer.errors, code);
      const errors = await new Promise<Answer['errors']>((resolve, reject) => {
        const collected: Answer['errors'] = [];
        ws.subscribe(payload as { query: string }, {
          next: (result) => collected.push(...((result.errors ?? []) as Answer['errors'])),
          error: (error) =>
            Array.isArray(error) ? resolve(error as Answer['errors']) : reject(error),
          complete: () => resolve(collected),
        });
      });
      check(`graphql-ws ${name}`, errors, code);
      if (code === 'OPERATION_RESOLUTION_FAILURE') {
        assert.match(answer.errors[0]?.message ?? '', /operationName must name one/);
        assert.match(errors[0]?.message ?? '', /holds the operations A, B; send operationName/);
      }
    }
    assert.ok(seen.length >= 2 * OPERATIONS.length + 5);
  } finally {
    await ws.dispose();
    await server.close();
  }
});
