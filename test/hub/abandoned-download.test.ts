// A download the hub abandons while the agent waits for the SSH window (the hub stopped reading,
// then closed the channel: a caller gone, a routed transfer cancelled on another server) ends on
// the agent: its file is closed. A channel the agent never read would never report the close.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, open, readdir, readlink, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadReadySchema } from '../../src/protocol/transfer.js';
import { sessionOf, startAgent, startHub } from '../support/in-process-hub.js';
import { waitFor } from '../support/wait.js';

const MiB = 1024 * 1024;

/** Whether this process (the agent runs in it) has `file` open. */
async function isOpen(file: string): Promise<boolean> {
  const fds = await readdir('/proc/self/fd').catch(() => []);
  const targets = await Promise.all(
    fds.map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')),
  );
  return targets.includes(file);
}

const cleanups: Array<() => Promise<void> | void> = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

test(
  'a download closed by the hub while the agent waits for the window closes the agent’s file',
  { skip: process.platform !== 'linux' && 'open files from /proc' },
  async () => {
    const dir = await realpath(await mkdtemp(join(tmpdir(), 'etph-abandoned-')));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, 'big.bin');
    const handle = await open(file, 'w');
    // Far more than the SSH window and the channel's buffers hold.
    await handle.truncate(64 * MiB);
    await handle.close();

    const hub = await startHub();
    cleanups.push(() => hub.close());
    const agent = startAgent(hub.port);
    cleanups.push(() => agent.stop());
    const session = await sessionOf(hub, agent.uuid);

    const transfer = await session.openTransfer('download_file', { path: file, offset: 0 });
    const { size } = (await transfer.readControl(downloadReadySchema)).ready;
    assert.equal(size, 64 * MiB);
    await transfer.reader.readBytes(MiB, () => undefined);
    // The hub reads no more: its buffer fills, the window closes, the agent waits in a write.
    await waitFor(() => transfer.bytes.readableLength >= transfer.bytes.readableHighWaterMark, {
      what: 'the hub side of the channel to fill',
    });
    assert.ok(await isOpen(file), 'the agent is still sending the file');
    transfer.close();
    await waitFor(async () => !(await isOpen(file)), {
      what: 'the agent to close the file once the hub left',
    });
  },
);
