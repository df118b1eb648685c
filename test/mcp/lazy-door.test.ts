// The lazy MCP door over a real HTTP server: the first request loads the door and is served by
// it; a load that fails answers 500 (JSON-RPC, nothing loaded) and the next request tries again;
// once closed, requests get 503 and nothing is loaded, and the loaded door is closed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { lazyMcpDoor, type McpDoor } from '../../src/mcp/lazy-door.js';

test('loads on the first request, again after a failed load, never after close', async () => {
  let loads = 0;
  let closedDoors = 0;
  const served: string[] = [];
  const door = lazyMcpDoor(pino({ level: 'silent' }), async () => {
    loads += 1;
    if (loads === 1) throw new Error('module missing');
    const loaded: McpDoor = {
      handle(req: IncomingMessage, res: ServerResponse) {
        served.push(req.url ?? '');
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      },
      async close() {
        closedDoors += 1;
      },
    };
    return loaded;
  });
  const server = createServer((req, res) => door.handle(req, res));
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`;
  try {
    const failed = await fetch(url, { method: 'POST', body: '{}' });
    assert.equal(failed.status, 500);
    const error = (await failed.json()) as { jsonrpc: string; error: { message: string } };
    assert.equal(error.jsonrpc, '2.0');
    assert.match(error.error.message, /could not be loaded; the server log has the details/);

    const ok = await fetch(url, { method: 'POST', body: '{}' });
    assert.equal(ok.status, 200);
    await fetch(url, { method: 'POST', body: '{}' });
    assert.equal(loads, 2, 'loaded again after the failure, then kept');
    assert.deepEqual(served, ['/mcp', '/mcp']);

    await door.close();
    assert.equal(closedDoors, 1);
    const late = await fetch(url, { method: 'POST', body: '{}' });
    assert.equal(late.status, 503);
    assert.match(
      ((await late.json()) as { error: { message: string } }).error.message,
      /shutting down/,
    );
    assert.equal(loads, 2, 'nothing loaded after close');
  } finally {
    server.close();
  }
});
