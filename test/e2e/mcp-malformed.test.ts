// Malformed tool calls over both transports, generated: unknown parameters, wrong types, missing
// required parameters, out-of-range numbers, bad enum values, huge strings and arrays, NUL bytes,
// unknown tools, unknown clients, arguments that are not an object. Each must come back as a
// clear isError result or a JSON-RPC protocol error; afterwards the fleet is exactly as before
// (no command ran, no setting changed) and the server still serves.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { MAX_TAG_CHARS } from '../../src/fleet/limits.js';
import { graphql } from '../../src/generated/gql.js';
import { createAgent, type TestAgent } from '../support/agent.js';
import { connectMcp, textOf, type Transport } from '../support/mcp.js';
import { killAll } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';

after(killAll);

const FleetSnapshotDocument = graphql(`
  query McpTestFleetSnapshot {
    clients(filter: { includeDecommissioned: true }) {
      uuid
      clientId
      displayName
      purpose
      tags {
        name
      }
      allowedPaths
      webhookUrl
      rateLimitRpm
      rateLimitConcurrent
      rateLimitMode
      cpuThreshold
      memoryThreshold
      diskThreshold
      resourceChecks
      keyMismatch
      decommissioned
      online
      recentCommands(limit: 100) {
        id
      }
    }
    tags {
      name
      clientCount
    }
  }
`);

const MARKER = `/tmp/etph-mcp-malformed-${process.pid}`;

type Kind = 'client' | 'text' | 'bool' | 'int' | 'percent' | 'labels' | 'paths' | 'mode';
interface Spec {
  name: string;
  /** Shaped like a valid call, aimed at a client that does not exist (or harmless). */
  base: Record<string, unknown>;
  fields: Record<string, Kind>;
  required: string[];
}

const GHOST = 'ghost-client-that-does-not-exist';
const specs: Spec[] = [
  {
    name: 'list_clients',
    base: {},
    fields: { online_only: 'bool', limit: 'int', cursor: 'text' },
    required: [],
  },
  {
    name: 'find_client',
    base: { query: 'x' },
    fields: {
      query: 'text',
      purpose: 'text',
      tags: 'labels',
      capabilities: 'labels',
      online_only: 'bool',
      limit: 'int',
      cursor: 'text',
    },
    required: [],
  },
  {
    name: 'describe_client',
    base: { uuid: GHOST },
    fields: { uuid: 'client' },
    required: ['uuid'],
  },
  {
    name: 'update_client',
    base: { uuid: GHOST, display_name: 'changed', tags: ['changed'] },
    fields: {
      uuid: 'client',
      display_name: 'text',
      purpose: 'text',
      tags: 'labels',
      allowed_paths: 'paths',
    },
    required: ['uuid'],
  },
  {
    name: 'select_client',
    base: { client_id: GHOST },
    fields: { client_id: 'client' },
    required: ['client_id'],
  },
  {
    name: 'configure_client',
    base: { uuid: GHOST, rate_limit_rpm: 5 },
    fields: {
      uuid: 'client',
      webhook_url: 'text',
      rate_limit_rpm: 'int',
      rate_limit_concurrent: 'int',
      rate_limit_mode: 'mode',
      cpu_threshold: 'percent',
      memory_threshold: 'percent',
      disk_threshold: 'percent',
      resource_checks: 'bool',
    },
    required: ['uuid'],
  },
  {
    name: 'get_rate_limit_stats',
    base: { uuid: GHOST },
    fields: { uuid: 'client' },
    required: ['uuid'],
  },
  { name: 'accept_key', base: { uuid: GHOST }, fields: { uuid: 'client' }, required: ['uuid'] },
  {
    name: 'run_command',
    base: { client_id: GHOST, cmd: `touch ${MARKER}` },
    fields: { client_id: 'client', cmd: 'text', cwd: 'text', timeout: 'int' },
    required: ['cmd'],
  },
  {
    name: 'get_client_metrics',
    base: { client_id: GHOST, summary: true },
    fields: { client_id: 'client', summary: 'bool' },
    required: [],
  },
  {
    name: 'fleet_health',
    base: { tags: ['x'] },
    fields: {
      query: 'text',
      purpose: 'text',
      tags: 'labels',
      capabilities: 'labels',
      online_only: 'bool',
      timeout: 'int',
      recently_offline_hours: 'int',
    },
    required: [],
  },
];

const huge = 'x'.repeat(300_000);
const wrongValues: Record<Kind, unknown[]> = {
  client: [123, true, null, [], {}, '', huge, `${GHOST}\u0000`, [GHOST], 0.5],
  text: [123, false, [], { a: 1 }, huge, 'a\u0000b', ['x'], -1],
  bool: ['true', 1, 0, 'yes', [], {}, 'false'],
  int: ['5', -1, 0, 1.5, 1e12, true, [], {}, -0.5, 2 ** 53],
  percent: [-1, 101, '50', true, [], 1e9],
  labels: [
    'production',
    [1],
    [null],
    [''],
    ['x'.repeat(MAX_TAG_CHARS + 1)],
    Array(1000).fill('t'),
    ['a\u0000'],
    { 0: 'a' },
    [[]],
  ],
  paths: [
    '/tmp',
    [1],
    [''],
    ['x'.repeat(5000)],
    Array(1000).fill('/tmp'),
    ['/tmp\u0000/etc'],
    true,
  ],
  mode: ['WARN', 'block', '', 1, true, ['warn'], 'warn\u0000'],
};

const unknownClients = [
  'nope',
  '00000000-0000-0000-0000-000000000000',
  "'; drop table client; --",
  '%',
  '*',
  ' ',
  '../../etc/passwd',
  'ＡＢＣ',
  '\u001b[31mred',
  'x'.repeat(256),
];

const unknownTools = [
  'list_client',
  'LIST_CLIENTS',
  'read_file',
  'write_file',
  'run_command ',
  ' run_command',
  'run-command',
  'tools/call',
  '../run_command',
  'x'.repeat(2000),
  'decommission_client',
  'mcp__etphonehome__run_command',
  'ℓist_clients',
  'exec',
  'shell',
];

interface Call {
  name: string;
  args: unknown;
  why: string;
}

function generate(): Call[] {
  const calls: Call[] = [];
  for (const spec of specs) {
    const add = (args: unknown, why: string) => calls.push({ name: spec.name, args, why });
    for (const extra of [
      'extra',
      'UUID',
      'clientId',
      '',
      'a\u0000b',
      'constructor',
      'timeout_ms',
      'cmd2',
    ]) {
      add({ ...spec.base, [extra]: 1 }, `unknown parameter ${JSON.stringify(extra)}`);
    }
    for (const [field, kind] of Object.entries(spec.fields)) {
      for (const value of wrongValues[kind])
        add({ ...spec.base, [field]: value }, `${field}=${JSON.stringify(value)?.slice(0, 40)}`);
    }
    for (const field of spec.required) {
      const args = { ...spec.base };
      delete args[field];
      add(args, `missing ${field}`);
    }
    const clientField = Object.entries(spec.fields).find(([, kind]) => kind === 'client')?.[0];
    if (clientField)
      for (const ghost of unknownClients)
        add({ ...spec.base, [clientField]: ghost }, `unknown client ${ghost.slice(0, 20)}`);
  }
  for (const name of unknownTools) calls.push({ name, args: {}, why: 'unknown tool' });
  return calls;
}

for (const transport of ['http', 'stdio'] as Transport[]) {
  describe(`malformed MCP tool calls (${transport})`, () => {
    let server: TestServer;
    const agents: TestAgent[] = [];

    before(async () => {
      server = await startServer({ openEnrollment: true });
      // Two clients online and nothing selected: a call that loses its client_id is ambiguous,
      // never run on someone.
      for (const tags of [['production'], ['staging']]) {
        const agent = await createAgent(server, { tags, purpose: 'original' });
        await agent.start();
        await agent.waitOnline(server);
        agents.push(agent);
      }
    });
    after(async () => {
      for (const agent of agents) await agent.close();
      await server?.close();
    });

    test('at least 500 malformed calls: each a clear error, nothing changed, server up', async (t) => {
      const before = await server.gql.request(FleetSnapshotDocument, {});
      const mcp = await connectMcp(server, transport);
      t.after(() => mcp.close());
      const calls = generate();
      assert.ok(calls.length >= 500, `${calls.length} generated calls`);
      let toolErrors = 0;
      let protocolErrors = 0;
      for (const call of calls) {
        let text: string;
        try {
          const result = await mcp.client.callTool({
            name: call.name,
            arguments: call.args as Record<string, unknown>,
          });
          assert.equal(
            result.isError,
            true,
            `${call.name} (${call.why}) should fail: ${textOf(result as never).slice(0, 300)}`,
          );
          text = textOf(result as never);
          toolErrors += 1;
        } catch (error) {
          assert.ok(error instanceof McpError, `${call.name} (${call.why}): ${String(error)}`);
          text = error.message;
          protocolErrors += 1;
        }
        assert.ok(
          text.length > 10 && text.length < 10_000,
          `${call.name} (${call.why}): a message of sensible size`,
        );
        assert.doesNotMatch(text, /\n\s+at .+:\d+:\d+/, 'no stack trace');
        assert.ok(
          !text.includes('\u0000') && !text.includes('\u001b'),
          'no NUL or escape in our text',
        );
        assert.match(
          text,
          /^(?:[A-Z_]+: |MCP error -?\d+: )|Input validation error|Unknown parameter|not found/,
          `${call.name} (${call.why}): a coded error: ${text.slice(0, 200)}`,
        );
      }
      // Arguments that are not an object at all: protocol errors.
      for (const args of ['string', 5, [1, 2], true]) {
        await assert.rejects(
          mcp.client.request(
            { method: 'tools/call', params: { name: 'run_command', arguments: args as never } },
            CallToolResultSchema,
          ),
          McpError,
        );
        protocolErrors += 1;
      }
      const after = await server.gql.request(FleetSnapshotDocument, {});
      assert.deepEqual(after, before, 'the fleet is unchanged');
      assert.equal(existsSync(MARKER), false, 'no command ran');
      // Still serving: a valid call works on the same session.
      assert.equal((await mcp.ok<{ total: number }>('list_clients')).total, 2);
      assert.equal((await fetch(`${server.url}/health`)).status, 200);
      console.log(
        `# ${transport}: ${calls.length + 4} malformed calls, ${toolErrors} isError results, ${protocolErrors} protocol errors`,
      );
    });
  });
}
