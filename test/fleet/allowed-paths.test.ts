// Issue 17, items 18 and 19: allowed paths and the agent's own ceiling.
// - A command without cwd on a client with allowed paths starts in the first allowed path (the
//   agent's own working directory may lie outside all of them).
// - Allowed paths beyond the agent's ceiling are reported when set (on the client, in the
//   client.updated event, in the MCP tool's text); a refusal lists each root once.
// Real fleet and store, real hub, a real agent tunnel with real handlers, in process.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError, ErrorCode } from '../../src/errors.js';
import { startInProcessFleet, type InProcessFleet } from '../support/in-process-fleet.js';

let f: InProcessFleet;
let work: string;
let ceiling: string;
let outside: string;
const caller = { actor: 'test' };

before(async () => {
  work = await realpath(await mkdtemp(join(tmpdir(), 'etph-allowed-')));
  ceiling = join(work, 'ceiling');
  outside = join(work, 'outside');
  await mkdir(join(ceiling, 'app'), { recursive: true });
  await mkdir(outside);
  await writeFile(join(outside, 'secret.txt'), 'nope');
  f = await startInProcessFleet();
});

after(async () => {
  await f.close();
  await rm(work, { recursive: true, force: true });
});

test('a command without cwd starts in the first allowed path; with cwd, where it says', async () => {
  const agent = await f.agent({ facts: { hostname: 'cwd-box' } });
  const app = join(ceiling, 'app');
  await f.fleet.clients.update(agent.uuid, { allowedPaths: [app, outside] }, caller);

  const plain = await f.fleet.commands.run(agent.uuid, { cmd: 'pwd' }, caller);
  assert.equal(plain.stdout.trim(), app);
  const [event] = await f.fleet.events.list(
    { clientId: agent.uuid, events: ['command_executed'] },
    1,
  );
  assert.equal(event?.data['cwd'], app);
  assert.equal(event?.data['cwd_defaulted'], true);

  const there = await f.fleet.commands.run(agent.uuid, { cmd: 'pwd', cwd: outside }, caller);
  assert.equal(there.stdout.trim(), outside);

  // Without allowed paths, the agent's own directory, as before.
  await f.fleet.clients.update(agent.uuid, { allowedPaths: null }, caller);
  const free = await f.fleet.commands.run(agent.uuid, { cmd: 'pwd' }, caller);
  assert.equal(free.stdout.trim(), await realpath(process.cwd()));
});

test("allowed paths beyond the agent's ceiling are reported when set, and a refusal names each root once", async () => {
  const agent = await f.agent({
    facts: { hostname: 'ceiling-box', allowedPaths: [ceiling] },
    allowedPaths: [ceiling],
  });
  const updated = await f.fleet.clients.update(
    agent.uuid,
    { allowedPaths: [ceiling, join(ceiling, 'app'), outside] },
    caller,
  );
  assert.deepEqual(updated.allowedPathsBeyondAgent, [outside]);
  assert.deepEqual((await f.fleet.clients.get(agent.uuid)).allowedPathsBeyondAgent, [outside]);
  const [event] = await f.fleet.events.list(
    { clientId: agent.uuid, events: ['client.updated'] },
    1,
  );
  assert.deepEqual(event?.data['allowed_paths_beyond_agent'], [outside]);

  // Inside the server's list, outside the agent's ceiling: the agent refuses, naming each root once.
  await assert.rejects(
    f.fleet.files.read(agent.uuid, { path: join(outside, 'secret.txt') }, caller),
    (error: unknown) => {
      assert.ok(error instanceof AppError);
      assert.equal(error.code, ErrorCode.pathDenied);
      const listed =
        /outside the allowed paths: ([^.]*(?:\.[^ ][^.]*)*)\./.exec(error.message)?.[1] ?? '';
      const roots = listed.split(', ');
      assert.deepEqual(roots, [...new Set(roots)], `each root once: ${error.message}`);
      assert.ok(roots.includes(ceiling) && roots.includes(outside), error.message);
      return true;
    },
  );

  // Within the ceiling: nothing to report.
  const fits = await f.fleet.clients.update(
    agent.uuid,
    { allowedPaths: [join(ceiling, 'app')] },
    caller,
  );
  assert.deepEqual(fits.allowedPathsBeyondAgent, []);
  const [quiet] = await f.fleet.events.list(
    { clientId: agent.uuid, events: ['client.updated'] },
    1,
  );
  assert.equal(quiet?.data['allowed_paths_beyond_agent'], undefined);
});
