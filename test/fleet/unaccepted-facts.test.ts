// Issue 17, item 13 (facts): an agent presenting an unaccepted key for a known uuid comes online
// in quarantine, but what it reports about the machine (hostname, user, platform, the agent's
// own allowed paths, capabilities) does not overwrite the client's record: that is the
// newcomer's word, not the client's. Real fleet and store, real hub and agent tunnels, in process.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startInProcessFleet, type InProcessFleet } from '../support/in-process-fleet.js';
import { waitFor } from '../support/wait.js';

let f: InProcessFleet;

before(async () => {
  f = await startInProcessFleet();
});

after(async () => {
  await f.close();
});

test('facts reported under an unaccepted key do not overwrite the record', async () => {
  const real = await f.agent({
    facts: { hostname: 'real-box', username: 'deploy', capabilities: ['docker'] },
  });
  await real.stop();
  await waitFor(async () => (await f.fleet.clients.get(real.uuid)).online === false || undefined, {
    what: 'the real agent offline',
  });

  await f.agent({
    uuid: real.uuid,
    facts: {
      hostname: 'impostor-box',
      username: 'mallory',
      capabilities: ['everything'],
      allowedPaths: ['/'],
    },
  });
  const client = await f.fleet.clients.get(real.uuid);
  assert.equal(client.online, true);
  assert.equal(client.keyMismatch, true);
  assert.equal(client.hostname, 'real-box');
  assert.equal(client.username, 'deploy');
  assert.deepEqual(client.capabilities, ['docker']);
  assert.equal(client.agentAllowedPaths, null);
  // The connection itself is noted.
  assert.equal(client.connectionCount, 2);
});
