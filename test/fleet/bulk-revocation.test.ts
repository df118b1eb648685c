// Issue 15: revoking a key cancels the running bulk jobs it started. A key's bulk job holds the
// key (fleet.keys.hold), so revoking it cancels the job as cancelBulkJob would: the command is
// killed on the agents and the job ends CANCELLED. A job started by another key runs on. In
// process: the real fleet, hub and agents (test/support/fleet-harness.ts).

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startFleetHarness, type FleetHarness } from '../support/fleet-harness.js';
import { isAlive } from '../support/processes.js';
import { waitFor } from '../support/wait.js';

let harness: FleetHarness;
before(async () => {
  harness = await startFleetHarness();
  await harness.addAgents(2, { tags: ['revoke-jobs'] });
});
after(async () => harness.close());

test("revoking a key cancels its running bulk jobs; another key's job runs on", async () => {
  const { fleet } = harness;
  const admin = harness.caller('test');
  const made = async (name: string) => {
    const created = await fleet.keys.create({ name, role: 'OPERATOR' }, admin);
    const principal = await fleet.keys.authenticate(created.secret);
    // As a door calls: the fleet as the key may use it, and the key on each caller.
    return { id: created.apiKey.id, acting: fleet.actingAs(principal), principal };
  };
  const revoked = await made('revoked operator');
  const kept = await made('kept operator');
  const start = (key: typeof revoked, cmd: string) =>
    key.acting.jobs.startBulkCommand(
      { tags: ['revoke-jobs'] },
      { cmd, parallelism: 2 },
      { ...harness.caller('test'), principal: key.principal },
    );
  const pids = join(harness.dir, 'revoked-pids');
  const doomed = await start(revoked, `echo $$ >> ${pids}; exec sleep 300`);
  const survivor = await start(kept, 'sleep 2 && echo done');
  assert.equal(doomed.status, 'RUNNING');
  const running = await waitFor(
    async () => {
      const lines = (await readFile(pids, 'utf8').catch(() => '')).trim().split('\n');
      return lines.length === 2 ? lines.map(Number) : null;
    },
    { what: 'the command to start on both clients' },
  );
  for (const pid of running) assert.ok(isAlive(pid), 'the command runs');

  await fleet.keys.revoke(revoked.id, admin);
  const cancelled = await waitFor(
    async () => {
      const job = await fleet.jobs.get(doomed.id);
      return job.status === 'RUNNING' ? null : job;
    },
    { what: 'the revoked key’s job to end' },
  );
  assert.equal(cancelled.status, 'CANCELLED');
  assert.equal(cancelled.succeeded, 0, 'the sleeps were killed, not waited out');
  await waitFor(() => running.every((pid) => !isAlive(pid)), {
    what: 'the revoked key’s commands to be killed on the agents',
  });

  const finished = await waitFor(
    async () => {
      const job = await fleet.jobs.get(survivor.id);
      return job.status === 'RUNNING' ? null : job;
    },
    { what: 'the other key’s job to finish', timeoutMs: 60_000 },
  );
  assert.equal(finished.status, 'COMPLETED');
  assert.equal(finished.succeeded, 2);
  // Each client's command is recorded as the key's: a job's calls carry its principal.
  const ran = await harness.recorded({
    type: 'command_executed',
    where: (event) => event.data['command'] === 'sleep 2 && echo done',
  });
  assert.equal(ran.length, 2);
  for (const event of ran) assert.equal(event.actorKeyName, 'kept operator');
});
