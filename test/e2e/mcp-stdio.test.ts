// `etphonehome mcp` as a process: its help, and what an assistant sees when the server it
// bridges to is unreachable or refuses the key — tool errors that say what to fix, not a crash.
// It exits when its stdin closes.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { connectMcp, textOf } from '../support/mcp.js';
import { killAll } from '../support/processes.js';
import { SERVER_BIN, startServer, type TestServer } from '../support/server.js';

after(killAll);
const run = promisify(execFile);

async function bridge(url: string, apiKey: string): Promise<Client> {
  const client = new Client({ name: 'stdio-tests', version: '0' });
  await client.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: [SERVER_BIN, 'mcp', '--url', url],
      env: { PATH: process.env['PATH'] ?? '', ETPHONEHOME_API_KEY: apiKey },
      stderr: 'ignore',
    }),
  );
  return client;
}

describe('etphonehome mcp (stdio)', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ openEnrollment: true });
  });
  after(async () => server?.close());

  test('--help shows how to use it', async () => {
    const { stdout } = await run(process.execPath, [SERVER_BIN, 'mcp', '--help']);
    assert.match(stdout, /Usage: etphonehome mcp \[--url URL\]/);
    assert.match(stdout, /ETPHONEHOME_API_KEY/);
  });

  test('an unreachable server: tool errors naming the URL and what to check', async () => {
    const client = await bridge('http://127.0.0.1:9', 'whatever-key');
    try {
      const result = await client.callTool({ name: 'list_clients', arguments: {} });
      assert.equal(result.isError, true);
      assert.match(
        textOf(result as never),
        /^SERVER_UNREACHABLE: Cannot reach the ET Phone Home server at http:\/\/127\.0\.0\.1:9 .*--url/,
      );
    } finally {
      await client.close();
    }
  });

  test('a wrong key: UNAUTHENTICATED with where the key lives', async () => {
    const client = await bridge(server.url, 'not-the-key');
    try {
      const result = await client.callTool({ name: 'list_clients', arguments: {} });
      assert.equal(result.isError, true);
      assert.match(textOf(result as never), /^UNAUTHENTICATED: .*API key/);
    } finally {
      await client.close();
    }
  });

  test('it exits when stdin closes', async () => {
    const child = spawn(process.execPath, [SERVER_BIN, 'mcp', '--url', server.url], {
      env: { PATH: process.env['PATH'] ?? '', ETPHONEHOME_API_KEY: server.apiKey },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    child.stdin.end();
    assert.equal(await exited, 0);
    assert.equal(stdout, '', 'nothing but protocol on stdout');
  });

  test('the server keeps serving MCP over HTTP beside it', async () => {
    const mcp = await connectMcp(server, 'http');
    assert.equal((await mcp.ok<{ total: number }>('list_clients')).total, 0);
    await mcp.close();
  });
});
