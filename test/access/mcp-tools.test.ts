// MCP sessions list only the tools their key's role allows (a VIEWER lists nothing that changes
// anything), over Streamable HTTP; every tool names its fleet operation (src/mcp/access.ts); and
// the fleet still refuses a call a role does not allow, whatever the door.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ruleOf, type FleetOperation } from '../../src/fleet/access.js';
import { roleAllows, roleNames } from '../../src/fleet/index.js';
import { toolOperations, toolRole } from '../../src/mcp/access.js';
import { tools } from '../../src/mcp/tools/index.js';
import { startInProcessServer, type InProcessServer } from '../support/in-process-server.js';
import { connectMcp } from '../support/mcp.js';
import type { TestServer } from '../support/server.js';

let server: InProcessServer;
const asTestServer = (apiKey: string): TestServer =>
  ({ url: server.url.replace(/\/graphql$/, ''), apiKey }) as unknown as TestServer;

before(async () => {
  server = await startInProcessServer();
});
after(async () => server.close());

test('every tool names the fleet operation it performs', () => {
  const missing = tools.map((t) => t.name).filter((name) => !(name in toolOperations));
  assert.deepEqual(missing, [], 'tools without a line in src/mcp/access.ts');
  const stale = Object.keys(toolOperations).filter((name) => !tools.some((t) => t.name === name));
  assert.deepEqual(stale, []);
});

test('a VIEWER lists no tool that changes anything', () => {
  for (const tool of tools) {
    if (roleAllows('VIEWER', toolRole(tool.name)) && tool.name !== 'select_client')
      assert.equal(tool.annotations.readOnlyHint, true, `${tool.name} is listed for viewers`);
  }
});

for (const role of roleNames) {
  test(`an MCP session of a ${role} key lists exactly the tools the matrix allows it`, async () => {
    const { secret } = await server.createKey({ name: `mcp ${role}`, role });
    const mcp = await connectMcp(asTestServer(secret), 'http');
    try {
      const listed = (await mcp.client.listTools()).tools.map((t) => t.name).sort();
      const expected = tools
        .filter((t) => roleAllows(role, toolRole(t.name)))
        .map((t) => t.name)
        .sort();
      assert.deepEqual(listed, expected);
      if (role === 'VIEWER') {
        assert.ok(!listed.includes('run_command'));
        assert.ok(listed.includes('list_clients'));
      }
      // A tool that is not listed cannot be called either.
      const hidden = tools.find((t) => !listed.includes(t.name));
      if (hidden) {
        const result = await mcp.client.callTool({ name: hidden.name, arguments: {} });
        assert.equal(result.isError, true);
        // Not there at all for this key (an input error would mean it is registered).
        assert.match(JSON.stringify(result.content), /not found/i);
      }
    } finally {
      await mcp.close();
    }
  });
}

test('the roles of the tools follow the fleet matrix', () => {
  for (const [name, operation] of Object.entries(toolOperations)) {
    if (operation) assert.equal(toolRole(name), ruleOf(operation as FleetOperation));
  }
});
