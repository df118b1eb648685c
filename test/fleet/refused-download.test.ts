// Issue 17, item 13 (downloads): a download the client refuses before sending a byte (no such
// file) leaves nothing on the server — no partial file, none of the directories it created —
// while a directory that existed before stays. Real fleet and store, real hub, a real agent
// tunnel with real handlers, in process.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startInProcessFleet, type InProcessFleet } from '../support/in-process-fleet.js';

let f: InProcessFleet;
let root: string;
const caller = { actor: 'test' };

before(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), 'etph-refused-')));
  await mkdir(join(root, 'kept'));
  f = await startInProcessFleet({ transferRoots: [root] });
});

after(async () => {
  await f.close();
  await rm(root, { recursive: true, force: true });
});

test('a refused download leaves no partial file and no directory it created', async () => {
  const agent = await f.agent();
  await assert.rejects(
    f.fleet.transfers.download(
      agent.uuid,
      { remotePath: join(root, 'no-such-file'), localPath: join(root, 'new', 'deeper', 'out.bin') },
      caller,
    ),
    // The agent's own refusal (the file is not there), after the server prepared the target.
    { code: 'NOT_FOUND' },
  );
  await assert.rejects(
    f.fleet.transfers.download(
      agent.uuid,
      { remotePath: join(root, 'no-such-file'), localPath: join(root, 'kept', 'out.bin') },
      caller,
    ),
    { code: 'NOT_FOUND' },
  );
  assert.deepEqual(await readdir(root), ['kept']);
  assert.deepEqual(await readdir(join(root, 'kept')), []);
});
