// A shell session's command is shown as runCommand's are: a secret typed in it (here a
// --password value) never reaches the session.opened / session.closed events or the sessions
// list, while the agent still runs the command as typed. In process: the real fleet, hub and an
// agent (test/support/fleet-harness.ts).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startFleetHarness, type FleetHarness } from '../support/fleet-harness.js';
import { waitFor } from '../support/wait.js';

let harness: FleetHarness;
let clientUuid: string;
before(async () => {
  harness = await startFleetHarness();
  clientUuid = (await harness.addAgent()).uuid;
});
after(async () => harness.close());

test('a secret in a shell command is redacted in its events and the sessions list', async () => {
  const since = harness.events.mark();
  const session = await harness.fleet.sessions.open(
    clientUuid,
    {
      command: 'echo "$0" --password=hunter2-secret',
      pty: false,
      cols: 80,
      rows: 24,
      origin: 'test',
    },
    harness.caller('test'),
  );
  assert.doesNotMatch(session.view().command ?? '', /hunter2/);
  assert.match(session.view().command ?? '', /--password=\[REDACTED\]/);
  harness.fleet.sessions.close(session.id, harness.caller('test'));
  const [closed] = await waitFor(
    async () => {
      const found = await harness.recorded({ type: 'session.closed', clientUuid }, since);
      return found.length > 0 ? found : null;
    },
    { what: 'session.closed' },
  );
  const [opened] = await harness.recorded({ type: 'session.opened', clientUuid }, since);
  for (const event of [opened, closed]) {
    assert.ok(event);
    assert.doesNotMatch(JSON.stringify(event.data), /hunter2/);
    assert.match(String(event.data['command']), /--password=\[REDACTED\]/);
  }
  const [listed] = await harness.fleet.sessions.list({}, 10);
  assert.doesNotMatch(listed?.command ?? '', /hunter2/);
});
