// upload_file and download_file handlers in process, driving the exchange of
// protocol/transfer.ts by hand: a fresh transfer, a resume after matching bytes, a restart when
// the bytes already there differ, and a checksum mismatch that replaces nothing.

import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sendDownload } from '../../src/agent/handlers/download-file.js';
import { AgentError, type HandlerContext } from '../../src/agent/handlers/types.js';
import { receiveUpload } from '../../src/agent/handlers/upload-file.js';
import { createStreamReader, writeWithBackpressure } from '../../src/lib/stream-reader.js';

const sha = (data: Buffer): string => createHash('sha256').update(data).digest('hex');
const context: HandlerContext = { signal: new AbortController().signal, allowedPaths: null };

/** Both directions of a channel: the handler's link, and the hub's ends. */
function channel() {
  const toAgent = new PassThrough();
  const toHub = new PassThrough();
  const hub = createStreamReader(toHub);
  return {
    link: {
      reader: createStreamReader(toAgent),
      write: (chunk: Buffer | string) => writeWithBackpressure(toHub, chunk),
    },
    send: (chunk: Buffer | string) => writeWithBackpressure(toAgent, chunk),
    readLine: async () => JSON.parse(await hub.readLine(1 << 20)) as Record<string, unknown>,
    readBytes: async (count: number) => {
      const parts: Buffer[] = [];
      await hub.readBytes(count, (chunk) => void parts.push(Buffer.from(chunk)));
      return Buffer.concat(parts);
    },
  };
}

const content = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7) % 256));

let dir: string;
before(async () => {
  dir = await realpath(await mkdtemp(path.join(os.tmpdir(), 'etph-transfer-')));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs an upload, the hub starting where `choose` says; returns the handler's outcome. */
async function upload(
  target: string,
  choose: (offset: number, prefix: string) => number,
  trailer?: string,
) {
  const c = channel();
  const running = receiveUpload({ path: target, size: content.length }, context, c.link);
  running.catch(() => undefined);
  const ready = (await c.readLine())['ready'] as { offset: number; prefixSha256: string };
  const start = choose(ready.offset, ready.prefixSha256);
  await c.send(JSON.stringify({ start }) + '\n');
  await c.send(content.subarray(start));
  await c.send(JSON.stringify({ sha256: trailer ?? sha(content) }) + '\n');
  return { ready, result: running };
}

describe('upload_file', () => {
  test('a fresh upload lands whole, verified, with no partial file left', async () => {
    const target = path.join(dir, 'fresh.bin');
    const { ready, result } = await upload(target, () => 0);
    assert.equal(ready.offset, 0);
    const done = await result;
    assert.deepEqual(
      { ...done, path: undefined },
      { path: undefined, size: content.length, sha256: sha(content), resumedFrom: 0 },
    );
    assert.deepEqual(await readFile(target), content);
    assert.deepEqual(await readdir(dir), ['fresh.bin']);
  });

  test('matching bytes already there are kept; different ones are sent again', async () => {
    const target = path.join(dir, 'resume.bin');
    await writeFile(path.join(dir, '.resume.bin.etph-partial'), content.subarray(0, 100_000));
    const kept = await upload(target, (offset, prefix) =>
      prefix === sha(content.subarray(0, offset)) ? offset : 0,
    );
    assert.equal(kept.ready.offset, 100_000);
    assert.equal((await kept.result).resumedFrom, 100_000);
    assert.deepEqual(await readFile(target), content);

    const wrong = Buffer.from(content.subarray(0, 50_000));
    wrong[10] = wrong[10]! ^ 0xff;
    await writeFile(path.join(dir, '.resume.bin.etph-partial'), wrong);
    const restarted = await upload(target, (offset, prefix) =>
      prefix === sha(content.subarray(0, offset)) ? offset : 0,
    );
    assert.equal(restarted.ready.offset, 50_000);
    assert.equal((await restarted.result).resumedFrom, 0);
    assert.deepEqual(await readFile(target), content);
  });

  test('a checksum mismatch replaces nothing', async () => {
    const target = path.join(dir, 'mismatch.bin');
    await writeFile(target, 'old');
    const { result } = await upload(target, () => 0, '0'.repeat(64));
    await assert.rejects(result, (error: unknown) => {
      assert.ok(error instanceof AgentError);
      assert.equal(error.code, 'FAILED');
      assert.match(error.message, /nothing was replaced/);
      return true;
    });
    assert.equal(await readFile(target, 'utf8'), 'old');
  });
});

describe('download_file', () => {
  test('sends the whole file, or only the rest after a matching prefix', async () => {
    const file = path.join(dir, 'source.bin');
    await writeFile(file, content);
    for (const [offset, prefix, expectedStart] of [
      [0, undefined, 0],
      [123_456, sha(content.subarray(0, 123_456)), 123_456],
      [123_456, sha(Buffer.from('something else')), 0],
    ] as const) {
      const c = channel();
      const running = sendDownload(
        { path: file, offset, ...(prefix ? { prefixSha256: prefix } : {}) },
        context,
        c.link,
      );
      const ready = (await c.readLine())['ready'] as { size: number; start: number };
      assert.deepEqual(ready, { size: content.length, start: expectedStart });
      const bytes = await c.readBytes(content.length - expectedStart);
      assert.deepEqual(bytes, content.subarray(expectedStart));
      const done = await running;
      assert.equal(done.sha256, sha(content));
      assert.equal(done.resumedFrom, expectedStart);
    }
  });
});
