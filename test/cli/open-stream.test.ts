// openCommandStream: the server's refusal of a /stream open becomes the CommandError that exits
// with its code's status (shell and forward share it); a failure to connect at all passes through.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openCommandStream } from '../../src/cli/open-stream.js';
import { CommandError } from '../../src/cli/output.js';
import { ErrorCode } from '../../src/errors.js';

test("a refused open is a CommandError with the server's code and message", async () => {
  const server = createServer((_req, res) => {
    res.writeHead(401, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ code: ErrorCode.unauthenticated, message: 'bad key' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    await assert.rejects(
      openCommandStream(
        { url: `http://127.0.0.1:${port}/`, apiKey: 'k' },
        { op: 'shell', client: 'x', pty: false, cols: 80, rows: 24 },
      ),
      (error: unknown) =>
        error instanceof CommandError &&
        error.code === ErrorCode.unauthenticated &&
        error.message === 'bad key',
    );
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test('a server that is not there is not a refusal: the error passes through', async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await assert.rejects(
    openCommandStream(
      { url: `http://127.0.0.1:${port}/`, apiKey: 'k' },
      { op: 'shell', client: 'x', pty: false, cols: 80, rows: 24 },
    ),
    (error: unknown) => !(error instanceof CommandError),
  );
});
