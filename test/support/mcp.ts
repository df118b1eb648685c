// MCP clients for the tests: the SDK's own Client over Streamable HTTP (the server's /mcp) or
// over stdio (spawning `node dist/main.js mcp` against the server), plus small assertions on
// tool results.

import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { SERVER_BIN, type TestServer } from './server.js';

export type Transport = 'http' | 'stdio';

export interface TestMcpClient {
  client: Client;
  /** Calls a tool; protocol errors are returned as { protocolError } rather than thrown. */
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  /** Calls a tool that must succeed; returns its structuredContent. */
  ok<T = Record<string, unknown>>(name: string, args?: Record<string, unknown>): Promise<T>;
  /** Calls a tool that must fail with isError; returns its text. */
  fails(name: string, args?: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

export async function connectMcp(
  server: TestServer,
  transport: Transport,
  options: { apiKey?: string } = {},
): Promise<TestMcpClient> {
  const client = new Client({ name: 'etphonehome-tests', version: '0.0.0' });
  const apiKey = options.apiKey ?? server.apiKey;
  if (transport === 'http') {
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`), {
        requestInit: { headers: { authorization: `Bearer ${apiKey}` } },
      }),
    );
  } else {
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [SERVER_BIN, 'mcp', '--url', server.url],
        env: { PATH: process.env['PATH'] ?? '', ETPHONEHOME_API_KEY: apiKey },
        stderr: 'ignore',
      }),
    );
  }
  const call = async (name: string, args: Record<string, unknown> = {}) =>
    (await client.callTool({ name, arguments: args })) as CallToolResult;
  return {
    client,
    call,
    async ok(name, args) {
      const result = await call(name, args);
      assert.notEqual(result.isError, true, `${name} failed: ${textOf(result)}`);
      assert.ok(result.structuredContent, `${name} returned no structuredContent`);
      return result.structuredContent as never;
    },
    async fails(name, args) {
      const result = await call(name, args);
      assert.equal(result.isError, true, `${name} should fail: ${textOf(result)}`);
      return textOf(result);
    },
    close: () => client.close(),
  };
}

export function textOf(result: CallToolResult): string {
  return result.content.map((c) => (c.type === 'text' ? c.text : `[${c.type}]`)).join('\n');
}
