// Large transfers end to end: 1 GiB each way with matching SHA-256, and a 2 GiB transfer during
// which the server's resident memory grows by less than 64 MB — with the server's V8 heap limited
// far below the file size (NODE_OPTIONS --max-old-space-size), so nothing can buffer the file.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, open, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAgent, type TestAgent } from '../support/agent.js';
import { killAll, rssBytes } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';
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

/** Samples a process's RSS until stopped; returns the peak. */
function sampleRss(pid: number): { stop(): Promise<number> } {
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      peak = Math.max(peak, await rssBytes(pid).catch(() => 0));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return peak;
    },
  };
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
    'a 2 GiB transfer grows server RSS by less than 64 MB (heap limit 192 MB)',
    { timeout: 900_000 },
    async () => {
      const remote = join(work, 'two-gib.bin');
      const expected = await makeFile(remote, 2 * GiB);
      const pid = server.process.child.pid;
      assert.ok(pid !== undefined);
      // Settle first: the baseline is the server at rest with its agent connected.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const baseline = await rssBytes(pid);
      const sampler = sampleRss(pid);
      const down = await server.gql.request(DownloadFileDocument, {
        clientId: agent.uuid,
        remotePath: remote,
        localPath: 'two-gib.bin',
      });
      const peak = await sampler.stop();
      assert.equal(down.downloadFile.sha256, expected);
      const growthMb = (peak - baseline) / MiB;
      assert.ok(
        growthMb < 64,
        `server RSS grew by ${growthMb.toFixed(1)} MB (baseline ${(baseline / MiB).toFixed(1)} MB)`,
      );
      console.log(
        `# 2 GiB download: server RSS ${(baseline / MiB).toFixed(1)} MB → peak ${(peak / MiB).toFixed(1)} MB (+${growthMb.toFixed(1)} MB)`,
      );
      await rm(remote);

      // And the other way: the server reads the 2 GiB file it received and sends it back.
      const baselineUp = await rssBytes(pid);
      const samplerUp = sampleRss(pid);
      const up = await server.gql.request(UploadFileDocument, {
        clientId: agent.uuid,
        localPath: 'two-gib.bin',
        remotePath: remote,
      });
      const peakUp = await samplerUp.stop();
      assert.equal(up.uploadFile.sha256, expected);
      const growthUpMb = (peakUp - baselineUp) / MiB;
      assert.ok(
        growthUpMb < 64,
        `server RSS grew by ${growthUpMb.toFixed(1)} MB during the upload`,
      );
      console.log(
        `# 2 GiB upload: server RSS ${(baselineUp / MiB).toFixed(1)} MB → peak ${(peakUp / MiB).toFixed(1)} MB (+${growthUpMb.toFixed(1)} MB)`,
      );
      await rm(join(server.dataDir, 'transfers', 'two-gib.bin'));
      await rm(remote);
    },
  );
});
