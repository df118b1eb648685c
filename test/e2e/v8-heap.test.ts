// The V8 settings of src/lib/v8-heap.ts, as the real binaries make them (docs/BENCHMARKS.md,
// "Tunnels and shells"): the running agent turns incremental marking off and, on V8 13 (Node 24),
// counts external memory in the global limit, and says both in its start line; the server
// counts external memory the same way (where V8 has the flag) and keeps incremental marking.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { externalMemoryFlagKnown } from '../../src/lib/v8-heap.js';
import { createAgent } from '../support/agent.js';
import { killAll } from '../support/processes.js';
import { startServer } from '../support/server.js';

after(killAll);

test('the agent and the server say which V8 settings they run with', async () => {
  const server = await startServer({ openEnrollment: true });
  const agent = await createAgent(server);
  try {
    const listening = [...server.process.stdout, ...server.process.stderr]
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((entry) => entry['msg'] === 'server listening');
    assert.equal(listening?.['v8ExternalMemoryInGlobalLimit'], externalMemoryFlagKnown());
    await agent.start();
    const line = await agent.process!.waitForLine((l) => l.includes('"phonehome starting"'));
    const start = JSON.parse(line) as Record<string, unknown>;
    assert.equal(start['v8IncrementalMarking'], false, line);
    assert.equal(start['v8ExternalMemoryInGlobalLimit'], externalMemoryFlagKnown(), line);
    await agent.waitOnline(server);
  } finally {
    await agent.close();
    await server.close();
  }
});
