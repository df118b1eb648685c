// Issue 17 item 12: a full disk. The store and the transfer root live on a small tmpfs (a real
// file system that really fills up: this test mounts one, and is skipped where mounting is not
// allowed — it needs root), filled to the last block. A command then runs on the client but its
// event cannot be written: the answer is NOT_RECORDED, saying that it ran and with its exit
// code (not INTERNAL_SERVER_ERROR, which invites a retry that runs it twice). A download whose
// server-side write hits ENOSPC is reported as a full disk, not as "the link broke". With space
// again, both work. Real fleet, SQLite store, hub and agent tunnel, in process.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, open, rm, rmdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFleetHarness, type FleetHarness } from '../support/fleet-harness.js';
import { expectAppError } from '../support/app-error.js';

let mountPoint: string;
let mounted = false;
let h: FleetHarness | null = null;

function tryMount(dir: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m,mode=0700', 'tmpfs', dir], {
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
}

/** Writes a filler file until the file system refuses another byte. */
async function fill(path: string): Promise<void> {
  const handle = await open(path, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) await handle.write(chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  }
  try {
    for (;;) await handle.write(chunk, 0, 512); // the last partial blocks
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    await handle.close();
  }
}

before(async () => {
  mountPoint = await mkdtemp(join(tmpdir(), 'etph-full-disk-'));
  mounted = tryMount(mountPoint);
  if (!mounted) return;
  await mkdir(join(mountPoint, 'store'));
  await mkdir(join(mountPoint, 'transfers'));
  h = await startFleetHarness({
    storeDir: join(mountPoint, 'store'),
    transferRoots: [join(mountPoint, 'transfers')],
  });
});

after(async () => {
  await h?.close();
  if (mounted) execFileSync('umount', ['-l', mountPoint]);
  await rmdir(mountPoint).catch(() => undefined);
});

test('a full disk: NOT_RECORDED for a command that ran, ENOSPC for a download', async (t) => {
  if (!h) return t.skip('cannot mount a tmpfs here (needs root): no full disk to test with');
  const agent = await h.addAgent({ hostname: 'disk-01' });
  const source = join(h.dir, 'big.bin');
  await writeFile(source, Buffer.alloc(2 * 1024 * 1024, 7));
  const filler = join(mountPoint, 'filler');
  await fill(filler);

  // The command line is long, so its event needs fresh pages the store cannot get.
  const marker = join(h.dir, 'ran');
  const long = `touch ${marker} # ${'x'.repeat(64 * 1024)}`;
  const error = await expectAppError(
    h.fleet.commands.run('disk-01', { cmd: long }, h.caller()),
    'NOT_RECORDED',
    /run_command ran on client "disk-01", but the server could not record it .*Do not retry/,
  );
  assert.equal(error.details?.['ran'], true);
  assert.equal(error.details?.['returncode'], 0);
  await open(marker, 'r').then((handle) => handle.close()); // it did run

  const refused = await expectAppError(
    h.fleet.transfers.download(
      agent.uuid,
      { remotePath: source, localPath: join(mountPoint, 'transfers', 'big.bin') },
      h.caller(),
    ),
    'BAD_USER_INPUT',
    /The server's disk is full \(writing .*big\.bin.*code ENOSPC\)/,
  );
  assert.doesNotMatch(refused.message, /link broke/);

  // Room again: the store records and the download completes.
  await rm(filler);
  const ok = await h.fleet.commands.run('disk-01', { cmd: 'true' }, h.caller());
  assert.equal(ok.returncode, 0);
  const done = await h.fleet.transfers.download(
    agent.uuid,
    { remotePath: source, localPath: join(mountPoint, 'transfers', 'big.bin') },
    h.caller(),
  );
  assert.equal(done.state, 'completed');
  assert.equal(done.bytesDone, 2 * 1024 * 1024);
});
