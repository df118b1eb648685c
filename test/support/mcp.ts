// MCP clients for the tests: the SDK's own Client over Streamable HTTP (the server's /mcp) or
// over stdio (spawning `node dist/main.js mcp` against the server), plus small assertions on
// tool results.

import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ElicitRequestSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
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
  /**
   * Calls a tool that needs confirmation: the first call must answer with a plan and a
   * confirmation_token (nothing run), the same call with the token must succeed.
   */
  confirmed<T = Record<string, unknown>>(name: string, args?: Record<string, unknown>): Promise<T>;
  /** Calls a tool that must answer with a plan; returns its structuredContent. */
  plan(name: string, args?: Record<string, unknown>): Promise<PlanResult>;
  close(): Promise<void>;
}

export interface PlanResult {
  confirmation_required: true;
  confirmation_token: string;
  confirmation_expires_at: string;
  plan: { summary: string; targets: { client_id: string; online?: boolean }[] };
  [field: string]: unknown;
}

export interface McpClientOptions {
  apiKey?: string;
  /** Declares the elicitation capability and answers every request with this (and records it). */
  elicitation?: (request: { message: string }) => 'accept' | 'decline' | 'cancel';
}

export async function connectMcp(
  /** A server, or a balancer in front of several (its URL and a key they accept). */
  server: Pick<TestServer, 'url' | 'apiKey'>,
  transport: Transport,
  options: McpClientOptions = {},
): Promise<TestMcpClient> {
  const client = new Client(
    { name: 'etphonehome-tests', version: '0.0.0' },
    options.elicitation ? { capabilities: { elicitation: {} } } : {},
  );
  const answer = options.elicitation;
  if (answer) {
    client.setRequestHandler(ElicitRequestSchema, (request) => {
      const action = answer({ message: request.params.message });
      return action === 'accept' ? { action, content: {} } : { action };
    });
  }
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
  const mcp: TestMcpClient = {
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
    async plan(name, args) {
      const result = await call(name, args);
      assert.notEqual(result.isError, true, `${name} failed: ${textOf(result)}`);
      const plan = result.structuredContent as PlanResult | undefined;
      assert.equal(plan?.confirmation_required, true, `${name} should plan: ${textOf(result)}`);
      assert.match(plan.confirmation_token, /^ctk1\./);
      return plan;
    },
    async confirmed(name, args = {}) {
      const { confirmation_token } = await mcp.plan(name, args);
      return mcp.ok(name, { ...args, confirmation_token });
    },
    close: () => client.close(),
  };
  return mcp;
}

export function textOf(result: CallToolResult): string {
  return result.content.map((c) => (c.type === 'text' ? c.text : `[${c.type}]`)).join('\n');
}
