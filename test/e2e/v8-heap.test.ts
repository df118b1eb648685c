// src/lib/v8-heap.ts as the real agent binary applies it (docs/BENCHMARKS.md, "V8's heap
// settings for the processes that carry bytes"): the running agent turns V8's incremental
// marking off and says so in its start line.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAgent } from '../support/agent.js';
import { killAll } from '../support/processes.js';
import { startServer } from '../support/server.js';

after(killAll);

test('a running agent says incremental marking is off', async () => {
  const server = await startServer({ openEnrollment: true });
  const agent = await createAgent(server);
  try {
    await agent.start();
    const line = await agent.process!.waitForLine((l) => l.includes('"phonehome starting"'));
    const start = JSON.parse(line) as Record<string, unknown>;
    assert.equal(start['v8IncrementalMarking'], false, line);
    await agent.waitOnline(server);
  } finally {
    await agent.close();
    await server.close();
  }
});
