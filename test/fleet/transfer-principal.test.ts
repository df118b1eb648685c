// Issue 15: every event names its principal — file transfers too. A download made with a key is
// recorded as a file_accessed event carrying that key's id and name (as runCommand's events do).
// In process: the real fleet, hub and an agent (test/support/fleet-harness.ts).

import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startFleetHarness, type FleetHarness } from '../support/fleet-harness.js';

let harness: FleetHarness;
let roots: string;
before(async () => {
  roots = await mkdtemp(join(tmpdir(), 'etph-transfer-principal-'));
  harness = await startFleetHarness({ transferRoots: [roots] });
});
after(async () => {
  await harness.close();
  await rm(roots, { recursive: true, force: true });
});

test('a download made with a key is recorded as that key’s', async () => {
  const agent = await harness.addAgent();
  const { fleet } = harness;
  const created = await fleet.keys.create(
    { name: 'mover', role: 'OPERATOR' },
    harness.caller('test'),
  );
  const principal = await fleet.keys.authenticate(created.secret);
  const source = join(harness.dir, 'source.txt');
  await writeFile(source, 'moved\n');
  const since = harness.events.mark();
  const done = await fleet
    .actingAs(principal)
    .transfers.download(
      agent.uuid,
      { remotePath: source, localPath: join(roots, 'copy.txt') },
      { ...harness.caller('test'), principal },
    );
  assert.equal(done.state, 'completed');
  const [event] = await harness.recorded({ type: 'file_accessed', clientUuid: agent.uuid }, since);
  assert.ok(event, 'the download is recorded');
  assert.equal(event.data['operation'], 'download_file');
  assert.equal(event.actorKeyId, created.apiKey.id);
  assert.equal(event.actorKeyName, 'mover');
});
