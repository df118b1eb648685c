// The /mcp endpoint as a door: bearer auth (constant-time check, never from the URL), Origin
// checked against DNS rebinding, sessions (required after initialize, ended by DELETE, closed
// when idle, capped), body limits and bad JSON — each refusal a clear JSON-RPC error, the server
// still serving afterwards.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { connectMcp } from '../support/mcp.js';
import { killAll } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';
import { sleep } from '../support/wait.js';

after(killAll);

const initialize = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: {
    protocolVersion: '2025-06-18',
    capabilities: {},
    clientInfo: { name: 'raw', version: '0' },
  },
};

describe('MCP over HTTP: the door', () => {
  let server: TestServer;
  const post = (body: unknown, headers: Record<string, string> = {}, path = '/mcp') =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        authorization: `Bearer ${server.apiKey}`,
        ...headers,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const jsonError = async (response: Response) => {
    const body = (await response.json()) as {
      jsonrpc: string;
      error: { code: number; message: string };
    };
    assert.equal(body.jsonrpc, '2.0');
    return body.error;
  };
  const openSession = async (): Promise<string> => {
    const response = await post(initialize);
    assert.equal(response.status, 200);
    await response.text();
    const id = response.headers.get('mcp-session-id');
    assert.ok(id);
    return id;
  };

  before(async () => {
    server = await startServer({
      openEnrollment: true,
      env: {
        ETPHONEHOME_MCP_MAX_SESSIONS: '4',
        ETPHONEHOME_MCP_SESSION_IDLE_S: '2',
        ETPHONEHOME_MCP_ALLOWED_ORIGINS: 'https://ops.example.com',
      },
    });
  });
  after(async () => server?.close());

  test('no key, a wrong key, a key in the query string: 401 with a clear JSON-RPC error', async () => {
    const none = await post(initialize, { authorization: '' });
    assert.equal(none.status, 401);
    assert.equal(none.headers.get('www-authenticate'), 'Bearer');
    assert.match(
      (await jsonError(none)).message,
      /Authorization: Bearer <key>.*never accepted in the URL/,
    );
    const wrong = await post(initialize, { authorization: 'Bearer not-the-key' });
    assert.equal(wrong.status, 401);
    assert.match((await jsonError(wrong)).message, /API key is not valid/);
    const almost = await post(initialize, { authorization: `Bearer ${server.apiKey}x` });
    assert.equal(almost.status, 401);
    const inUrl = await post(
      initialize,
      { authorization: '' },
      `/mcp?api_key=${server.apiKey}&access_token=${server.apiKey}`,
    );
    assert.equal(inUrl.status, 401);
    await inUrl.text();
    // The SDK client with a wrong key fails to connect.
    await assert.rejects(connectMcp(server, 'http', { apiKey: 'wrong' }));
  });

  test('a foreign browser Origin is refused even with the key; own and configured origins pass', async () => {
    const foreign = await post(initialize, { origin: 'http://evil.example:8765' });
    assert.equal(foreign.status, 403);
    assert.match((await jsonError(foreign)).message, /Origin .* is not allowed/);
    const rebinding = await post(initialize, { origin: `http://attacker.test:${server.httpPort}` });
    assert.equal(rebinding.status, 403);
    await rebinding.text();
    const own = await post(initialize, { origin: `http://127.0.0.1:${server.httpPort}` });
    assert.equal(own.status, 200);
    await own.text();
    const localhost = await post(initialize, { origin: `http://localhost:${server.httpPort}` });
    assert.equal(localhost.status, 200);
    await localhost.text();
    const configured = await post(initialize, { origin: 'https://ops.example.com' });
    assert.equal(configured.status, 200);
    await configured.text();
  });

  test('sessions: required after initialize, unknown ids 404, DELETE ends one', async () => {
    const toolsList = { jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} };
    const noSession = await post(toolsList);
    assert.equal(noSession.status, 400);
    assert.match((await jsonError(noSession)).message, /no Mcp-Session-Id header/);
    const unknown = await post(toolsList, { 'mcp-session-id': 'no-such-session' });
    assert.equal(unknown.status, 404);
    assert.match((await jsonError(unknown)).message, /Session not found.*initialize/);
    const id = await openSession();
    await (
      await post(
        { jsonrpc: '2.0', method: 'notifications/initialized' },
        { 'mcp-session-id': id, 'mcp-protocol-version': '2025-06-18' },
      )
    ).text();
    const listed = await post(toolsList, {
      'mcp-session-id': id,
      'mcp-protocol-version': '2025-06-18',
    });
    assert.equal(listed.status, 200);
    assert.match(await listed.text(), /list_clients/);
    const deleted = await fetch(`${server.url}/mcp`, {
      method: 'DELETE',
      headers: {
        authorization: `Bearer ${server.apiKey}`,
        'mcp-session-id': id,
        'mcp-protocol-version': '2025-06-18',
      },
    });
    assert.equal(deleted.status, 200);
    await deleted.text();
    const gone = await post(toolsList, { 'mcp-session-id': id });
    assert.equal(gone.status, 404);
    await gone.text();
  });

  test('bad bodies: not JSON, too large, wrong method', async () => {
    const notJson = await post('{"jsonrpc": "2.0", ');
    assert.equal(notJson.status, 400);
    assert.equal((await jsonError(notJson)).code, -32700);
    const huge = await post({ ...initialize, padding: 'x'.repeat(2 * 1024 * 1024) });
    assert.equal(huge.status, 413);
    assert.match((await jsonError(huge)).message, /over \d+ bytes/);
    // Without a Content-Length (chunked), the cap is found while reading: still a 413, and the
    // client, still sending, reads it rather than a reset connection.
    const chunked = await postChunked(server.url, server.apiKey, 2 * 1024 * 1024);
    assert.equal(chunked.status, 413);
    assert.match(chunked.body, /Request body over \d+ bytes/);
    const put = await fetch(`${server.url}/mcp`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${server.apiKey}` },
      body: '{}',
    });
    assert.equal(put.status, 405);
    await put.text();
  });

  test('idle sessions are closed; open sessions are capped', async () => {
    const idle = await openSession();
    await sleep(4500);
    const expired = await post(
      { jsonrpc: '2.0', id: 3, method: 'tools/list' },
      { 'mcp-session-id': idle },
    );
    assert.equal(expired.status, 404, 'the idle session was closed');
    await expired.text();
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(await openSession());
    const refused = await post(initialize);
    assert.equal(refused.status, 503);
    assert.match((await jsonError(refused)).message, /Too many open MCP sessions \(4\)/);
    for (const id of ids) {
      await (
        await fetch(`${server.url}/mcp`, {
          method: 'DELETE',
          headers: { authorization: `Bearer ${server.apiKey}`, 'mcp-session-id': id },
        })
      ).text();
    }
    const again = await openSession();
    assert.ok(again, 'room again after DELETE');
  });

  test('the server is still up and serving MCP and GraphQL', async () => {
    assert.equal((await fetch(`${server.url}/health`)).status, 200);
    const mcp = await connectMcp(server, 'http');
    assert.equal((await mcp.ok<{ total: number }>('list_clients')).total, 0);
    await mcp.close();
  });
});

/** POSTs `bytes` of JSON to /mcp in 64 KiB chunks (no Content-Length); the status and body. */
function postChunked(
  url: string,
  apiKey: string,
  bytes: number,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${url}/mcp`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        authorization: `Bearer ${apiKey}`,
      },
    });
    request.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (text: string) => (body += text));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    const chunk = Buffer.alloc(64 * 1024, 'x');
    request.write('{"padding": "');
    const send = (left: number): void => {
      if (left <= 0) {
        request.end('"}');
        return;
      }
      if (request.write(chunk)) send(left - chunk.length);
      else request.once('drain', () => send(left - chunk.length));
    };
    send(bytes);
  });
}
