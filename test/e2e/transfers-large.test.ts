// Large transfers end to end: 1 GiB each way with matching SHA-256, and 2 GiB each way with the
// server's V8 heap limited far below the file size (NODE_OPTIONS --max-old-space-size), so nothing
// can buffer the file. Its resident memory is watched beside how far the file has come: past the
// first quarter it grows by less than 64 MB (nothing grows with the file), and from rest by less
// than 160 MB. The first quarter is the streaming working set: buffers that died waiting for a
// collection (V8 lets about 64 MB of them gather) and the allocator keeping what they freed —
// +51 MB from a fresh server on Node 20, +108 MB on Node 24 (docs/design/0002).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, open, realpath, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAgent, type TestAgent } from '../support/agent.js';
import { killAll, rssBytes } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';
import { partialName } from '../../src/protocol/transfer.js';
import { DownloadFileDocument, UploadFileDocument } from '../support/file-operations.js';

after(killAll);

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
const HEAP_LIMIT_MB = 192;

/** Writes `size` bytes of non-repeating content and returns its SHA-256. */
async function makeFile(file: string, size: number): Promise<string> {
  const hash = createHash('sha256');
  const handle = await open(file, 'w');
  try {
    const block = randomBytes(4 * MiB);
    for (let written = 0, n = 0; written < size; n++) {
      block.writeUInt32BE(n, 0); // every block differs
      const part = block.subarray(0, Math.min(block.length, size - written));
      hash.update(part);
      await handle.write(part);
      written += part.length;
    }
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 4 * MiB }))
    hash.update(chunk as Buffer);
  return hash.digest('hex');
}

interface RssSample {
  rss: number;
  /** How much of the file had arrived (the receiving side's partial file). */
  arrived: number;
}

/** Samples a process's RSS beside the length of a growing file, until stopped. */
function sampleRss(pid: number, growing: string): { stop(): Promise<RssSample[]> } {
  const samples: RssSample[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const rss = await rssBytes(pid).catch(() => 0);
      const arrived = await stat(growing).then(
        (info) => info.size,
        () => 0,
      );
      samples.push({ rss, arrived });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return samples;
    },
  };
}

/**
 * Asserts what a transfer of `size` bytes did to the server's RSS, from `atRest` before it: past
 * its first quarter it grew by less than 64 MB, and from rest by less than 160 MB.
 */
function assertFlat(what: string, size: number, atRest: number, samples: RssSample[]): void {
  const peakOf = (list: RssSample[]): number => Math.max(0, ...list.map((s) => s.rss));
  const peak = peakOf(samples);
  const warm = peakOf(samples.filter((s) => s.arrived <= size / 4));
  const mb = (bytes: number): string => (bytes / MiB).toFixed(1);
  console.log(
    `# 2 GiB ${what}: server RSS at rest ${mb(atRest)} MB, first quarter ${mb(warm)} MB, peak ${mb(peak)} MB (${samples.length} samples)`,
  );
  assert.ok(
    samples.some((s) => s.arrived > size / 2),
    'the sampler saw the file arrive',
  );
  assert.ok(warm > 0, 'the sampler saw the first quarter');
  assert.ok(
    peak - warm < 64 * MiB,
    `server RSS grew by ${mb(peak - warm)} MB after the first quarter of the ${what} (${mb(warm)} → ${mb(peak)} MB)`,
  );
  assert.ok(
    peak - atRest < 160 * MiB,
    `server RSS grew by ${mb(peak - atRest)} MB during the ${what} (${mb(atRest)} → ${mb(peak)} MB)`,
  );
}

describe('large transfers', { skip: process.platform !== 'linux' && 'RSS from /proc' }, () => {
  let server: TestServer;
  let agent: TestAgent;
  let work: string;

  before(async () => {
    server = await startServer({
      openEnrollment: true,
      env: { NODE_OPTIONS: `--max-old-space-size=${HEAP_LIMIT_MB}` },
    });
    work = await realpath(await mkdtemp(join(tmpdir(), 'etph-large-')));
    agent = await createAgent(server, { displayName: 'large' });
    await agent.start();
    await agent.waitOnline(server);
  });
  after(async () => {
    await agent.close();
    await server.close();
    await rm(work, { recursive: true, force: true });
  });

  test('1 GiB up and 1 GiB down, SHA-256 matching at both ends', { timeout: 600_000 }, async () => {
    const source = join(server.dataDir, 'transfers', 'one-gib.bin');
    const expected = await makeFile(source, GiB);
    const remote = join(work, 'one-gib.bin');
    const up = await server.gql.request(UploadFileDocument, {
      clientId: agent.uuid,
      localPath: 'one-gib.bin',
      remotePath: remote,
    });
    assert.equal(up.uploadFile.sha256, expected);
    assert.equal(up.uploadFile.totalBytes, GiB);
    await rm(source);
    assert.equal(await sha256Of(remote), expected);

    const down = await server.gql.request(DownloadFileDocument, {
      clientId: agent.uuid,
      remotePath: remote,
      localPath: 'back.bin',
    });
    assert.equal(down.downloadFile.sha256, expected);
    await rm(remote);
    const back = join(server.dataDir, 'transfers', 'back.bin');
    assert.equal(await sha256Of(back), expected);
    await rm(back);
  });

  test(
    'a 2 GiB transfer each way: past the first quarter server RSS grows by less than 64 MB (heap limit 192 MB)',
    { timeout: 900_000 },
    async () => {
      const remote = join(work, 'two-gib.bin');
      const expected = await makeFile(remote, 2 * GiB);
      const pid = server.process.child.pid;
      assert.ok(pid !== undefined);
      // Settle first: at rest is the server with its agent connected.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const atRest = await rssBytes(pid);
      const sampler = sampleRss(pid, join(server.dataDir, 'transfers', partialName('two-gib.bin')));
      const down = await server.gql.request(DownloadFileDocument, {
        clientId: agent.uuid,
        remotePath: remote,
        localPath: 'two-gib.bin',
      });
      const samples = await sampler.stop();
      assert.equal(down.downloadFile.sha256, expected);
      assertFlat('download', 2 * GiB, atRest, samples);
      await rm(remote);

      // And the other way: the server reads the 2 GiB file it received and sends it back.
      const atRestUp = await rssBytes(pid);
      const samplerUp = sampleRss(pid, join(work, partialName('two-gib.bin')));
      const up = await server.gql.request(UploadFileDocument, {
        clientId: agent.uuid,
        localPath: 'two-gib.bin',
        remotePath: remote,
      });
      const samplesUp = await samplerUp.stop();
      assert.equal(up.uploadFile.sha256, expected);
      assertFlat('upload', 2 * GiB, atRestUp, samplesUp);
      await rm(join(server.dataDir, 'transfers', 'two-gib.bin'));
      await rm(remote);
    },
  );
});
