// `etphonehome files get <client>:<path> <local>` and `files put <local> <client>:<path>` end to
// end (issue 16): the real CLI process, the real server and a real agent; files move between
// the operator's machine and the client through /stream, never the server's disk. Matching
// SHA-256 both ways; resumes after a .part with the right prefix (get) and after the agent's
// partial file (put), with only the rest sent (the file_accessed event's bytes_sent); a .part
// whose bytes are not the file's prefix starts over and still yields the right file; refusals
// (allowed paths, unknown, offline, viewer key, scoped-away client) with nothing written.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAgent, type TestAgent } from '../support/agent.js';
import { execFile, execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { promisify } from 'node:util';
import { cliEnv, runCli, spawnCli, type CliResult } from '../support/cli.js';
import { UpdateClientDocument } from '../support/operations.js';
import { killAll, rssBytes } from '../support/processes.js';
import { SERVER_BIN, startServer, type TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';

after(killAll);
const run = promisify(execFile);

/** Bytes of the big file (384 MiB; FILES_STREAM_BIG_MIB=1024 for the 1 GiB run). */
const BIG_BYTES = Number(process.env['FILES_STREAM_BIG_MIB'] ?? 384) * 1024 * 1024;

function hasScript(): boolean {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Writes `size` bytes (a random MiB repeated) and returns their SHA-256. */
async function writeBig(file: string, size: number): Promise<string> {
  const block = randomBytes(1024 * 1024);
  const hash = createHash('sha256');
  const out = createWriteStream(file);
  for (let written = 0; written < size; written += block.length) {
    const piece = block.subarray(0, Math.min(block.length, size - written));
    hash.update(piece);
    if (!out.write(piece)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  return hash.digest('hex');
}
const MiB = 1024 * 1024;
const sha = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

interface Result {
  state: string;
  direction: string;
  sha256: string;
  bytesDone: number;
  resumedFrom: number;
  bytesSent: number;
  localPath: string;
  transferId: string;
}

interface EventRow {
  event: string;
  actorKeyName?: string | null;
  data: Record<string, unknown>;
}

describe('etphonehome files get/put between this machine and a client', () => {
  let server: TestServer;
  let agent: TestAgent;
  let remote: string;
  let local: string;

  const ok = async (args: string[], env: Record<string, string> = {}): Promise<Result> => {
    const result = await runCli(server, ['files', ...args, '--json'], env);
    assert.equal(result.code, 0, result.stderr);
    return JSON.parse(result.stdout) as Result;
  };
  const eventOf = async (transferId: string): Promise<EventRow> => {
    const result = await runCli(server, ['events', '--events', 'file_accessed', '--json']);
    const rows = JSON.parse(result.stdout) as EventRow[];
    const row = rows.find((e) => e.data['transfer_id'] === transferId);
    assert.ok(row, `no file_accessed event for ${transferId}: ${result.stdout.slice(0, 500)}`);
    return row;
  };

  before(async () => {
    server = await startServer({ openEnrollment: true });
    agent = await createAgent(server, { displayName: 'files-stream', tags: ['stream'] });
    await agent.start();
    await agent.waitOnline(server);
    remote = await realpath(await mkdtemp(join(tmpdir(), 'etph-stream-remote-')));
    local = await realpath(await mkdtemp(join(tmpdir(), 'etph-stream-local-')));
  });
  after(async () => {
    await agent?.close();
    await server?.close();
    // Its files run to GiBs: left behind, repeated runs fill the disk.
    for (const dir of [remote, local]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('get and put a few MiB with matching SHA-256; the server stores nothing', async () => {
    const content = randomBytes(5 * MiB + 123);
    await writeFile(join(remote, 'five.bin'), content);
    const got = await ok([
      'get',
      `files-stream:${join(remote, 'five.bin')}`,
      join(local, 'five.bin'),
    ]);
    assert.equal(got.state, 'COMPLETED');
    assert.equal(got.direction, 'DOWNLOAD');
    assert.equal(got.sha256, sha(content));
    assert.equal(got.bytesSent, content.length);
    assert.deepEqual(await readFile(join(local, 'five.bin')), content);
    await assert.rejects(stat(join(local, 'five.bin.part')), /ENOENT/);

    // Into a directory: the remote name is kept.
    await mkdir(join(local, 'into'));
    await ok(['get', `files-stream:${join(remote, 'five.bin')}`, join(local, 'into')]);
    assert.deepEqual(await readFile(join(local, 'into', 'five.bin')), content);

    const upload = randomBytes(3 * MiB + 7);
    await writeFile(join(local, 'up.bin'), upload);
    const put = await ok([
      'put',
      join(local, 'up.bin'),
      `files-stream:${join(remote, 'sub', 'dir')}/`,
      '--create-parents',
    ]);
    assert.equal(put.direction, 'UPLOAD');
    assert.equal(put.sha256, sha(upload));
    assert.deepEqual(await readFile(join(remote, 'sub', 'dir', 'up.bin')), upload);
    assert.deepEqual(await readdir(join(remote, 'sub', 'dir')), ['up.bin']);

    // The event names the principal and the bytes sent; nothing landed in the transfer root.
    const event = await eventOf(put.transferId);
    assert.equal(event.data['operation'], 'upload_file');
    assert.equal(event.data['via'], 'stream');
    assert.equal(event.data['bytes_sent'], upload.length);
    assert.equal(typeof event.data['principal'], 'string');
    assert.deepEqual(await readdir(join(server.dataDir, 'transfers')).catch(() => []), []);

    // Plain output: one line with the arrow and the hash.
    const plain = await runCli(server, [
      'files',
      'get',
      `files-stream:${join(remote, 'five.bin')}`,
      join(local, 'plain.bin'),
    ]);
    assert.equal(plain.code, 0, plain.stderr);
    assert.match(
      plain.stdout,
      /files-stream:.*five\.bin → .*plain\.bin: 5\.0 MiB in .*sha256 [0-9a-f]{64}/,
    );
  });

  test('a get resumes after a .part holding the right prefix: only the rest is sent', async () => {
    const content = randomBytes(6 * MiB);
    await writeFile(join(remote, 'resume.bin'), content);
    const held = 4 * MiB + 5;
    await writeFile(join(local, 'resume.bin.part'), content.subarray(0, held));
    const got = await ok([
      'get',
      `files-stream:${join(remote, 'resume.bin')}`,
      join(local, 'resume.bin'),
    ]);
    assert.equal(got.resumedFrom, held);
    assert.equal(got.bytesSent, content.length - held);
    assert.equal(got.sha256, sha(content));
    assert.deepEqual(await readFile(join(local, 'resume.bin')), content);
    const event = await eventOf(got.transferId);
    assert.equal(event.data['resumed_from'], held);
    assert.equal(event.data['bytes_sent'], content.length - held);
  });

  test('a .part that is not the file’s prefix is detected: the get starts over, right file', async () => {
    const content = randomBytes(2 * MiB);
    await writeFile(join(remote, 'corrupt.bin'), content);
    const wrong = Buffer.from(content.subarray(0, MiB));
    wrong[1000] = (wrong[1000] ?? 0) ^ 0xff;
    await writeFile(join(local, 'corrupt.bin.part'), wrong);
    const got = await ok([
      'get',
      `files-stream:${join(remote, 'corrupt.bin')}`,
      join(local, 'corrupt.bin'),
    ]);
    assert.equal(got.resumedFrom, 0);
    assert.equal(got.bytesSent, content.length);
    assert.deepEqual(await readFile(join(local, 'corrupt.bin')), content);
    // A .part longer than the file is not a prefix either.
    await writeFile(join(local, 'corrupt2.bin.part'), randomBytes(3 * MiB));
    const again = await ok([
      'get',
      `files-stream:${join(remote, 'corrupt.bin')}`,
      join(local, 'corrupt2.bin'),
    ]);
    assert.equal(again.resumedFrom, 0);
    assert.deepEqual(await readFile(join(local, 'corrupt2.bin')), content);
  });

  test('a put resumes after what the client already holds: only the rest is sent', async () => {
    const content = randomBytes(5 * MiB);
    await writeFile(join(local, 'resume-up.bin'), content);
    const held = 3 * MiB + 1;
    // What an interrupted put leaves on the client: the partial file beside the target.
    await writeFile(join(remote, '.resume-up.bin.etph-partial'), content.subarray(0, held));
    const put = await ok([
      'put',
      join(local, 'resume-up.bin'),
      `files-stream:${join(remote, 'resume-up.bin')}`,
    ]);
    assert.equal(put.resumedFrom, held);
    assert.equal(put.bytesSent, content.length - held);
    assert.deepEqual(await readFile(join(remote, 'resume-up.bin')), content);
    const event = await eventOf(put.transferId);
    assert.equal(event.data['bytes_sent'], content.length - held);

    // A partial file that is not this file's prefix: everything is sent again.
    const bad = Buffer.from(content.subarray(0, MiB));
    bad[7] = (bad[7] ?? 0) ^ 1;
    await writeFile(join(remote, '.resume-up.bin.etph-partial'), bad);
    const over = await ok([
      'put',
      join(local, 'resume-up.bin'),
      `files-stream:${join(remote, 'resume-up.bin')}`,
    ]);
    assert.equal(over.resumedFrom, 0);
    assert.deepEqual(await readFile(join(remote, 'resume-up.bin')), content);
  });

  test('a path outside the allowed paths is refused with nothing written', async () => {
    const inside = join(remote, 'inside');
    await mkdir(inside, { recursive: true });
    await writeFile(join(remote, 'secret.txt'), 'secret');
    await server.gql.request(UpdateClientDocument, {
      id: agent.uuid,
      input: { allowedPaths: [inside] },
    });
    try {
      const get = await runCli(server, [
        'files',
        'get',
        `files-stream:${join(remote, 'secret.txt')}`,
        join(local, 'secret.txt'),
      ]);
      assert.equal(get.code, 6, get.stderr);
      assert.match(get.stderr, /PATH_DENIED|outside the allowed paths/);
      assert.match(get.stderr, /inside/);
      await assert.rejects(stat(join(local, 'secret.txt')), /ENOENT/);

      await writeFile(join(local, 'evil.txt'), 'evil');
      const put = await runCli(server, [
        'files',
        'put',
        join(local, 'evil.txt'),
        `files-stream:${join(remote, 'evil.txt')}`,
      ]);
      assert.equal(put.code, 6, put.stderr);
      assert.match(put.stderr, /outside the allowed paths/);
      assert.deepEqual(
        (await readdir(remote)).filter((name) => name.includes('evil')),
        [],
      );
    } finally {
      await server.gql.request(UpdateClientDocument, {
        id: agent.uuid,
        input: { allowedPaths: null },
      });
    }
  });

  test('a killed get resumes after its .part; memory stays flat; the bar on a terminal', async () => {
    const big = join(remote, 'big.bin');
    const digest = await writeBig(big, BIG_BYTES);
    const target = join(local, 'big.bin');
    const serverBefore = await rssBytes(server.process.child.pid as number);
    const cli = spawnCli(server, ['files', 'get', `files-stream:${big}`, target, '--json']);
    let cliPeak = 0;
    let serverPeak = 0;
    let held = 0;
    await waitFor(
      async () => {
        cliPeak = Math.max(cliPeak, await rssBytes(cli.child.pid as number).catch(() => 0));
        serverPeak = Math.max(serverPeak, await rssBytes(server.process.child.pid as number));
        held = (await stat(`${target}.part`).catch(() => ({ size: 0 }))).size;
        return held >= BIG_BYTES / 3;
      },
      { what: 'a third of the file in the .part', timeoutMs: 600_000, intervalMs: 10 },
    );
    await cli.kill('SIGKILL');
    await cli.exited;
    held = (await stat(`${target}.part`)).size;
    assert.ok(held > 0 && held < BIG_BYTES, `the killed get left ${held} bytes`);
    await assert.rejects(stat(target), /ENOENT/);
    // No whole-file buffering: neither the CLI nor the server grows with the file.
    assert.ok(cliPeak < BIG_BYTES / 2, `CLI resident ${cliPeak} bytes`);
    assert.ok(
      serverPeak - serverBefore < BIG_BYTES / 4,
      `server grew ${serverPeak - serverBefore}`,
    );

    if (hasScript()) {
      // The resumed get, on a terminal: the bar on stderr, the line saying what was kept.
      const command = [process.execPath, SERVER_BIN, 'files', 'get', `files-stream:${big}`, target]
        .map((part) => `'${part}'`)
        .join(' ');
      const { stdout } = await run('script', ['-qfec', command, '/dev/null'], {
        env: cliEnv(server),
        maxBuffer: 16 * 1024 * 1024,
      });
      assert.match(
        stdout,
        /\[[#-]+\]\s+\d+%\s+[\d.]+ \w?i?B \/ [\d.]+ [MG]iB\s+[\d.]+ \w?i?B\/s\s+ETA/,
      );
      assert.match(stdout, /big\.bin: [\d.]+ [MG]iB in .*resumed after/);
    } else {
      const got = await ok(['get', `files-stream:${big}`, target]);
      assert.ok(got.resumedFrom >= held, `resumed from ${got.resumedFrom}, held ${held}`);
      assert.equal(got.bytesSent, BIG_BYTES - got.resumedFrom);
    }
    const events = JSON.parse(
      (await runCli(server, ['events', '--events', 'file_accessed', '--json'])).stdout,
    ) as EventRow[];
    const resumed = events.find(
      (e) => e.data['path'] === big && e.data['operation'] === 'download_file',
    );
    assert.ok(resumed, 'the resumed get is an event');
    assert.ok(Number(resumed.data['resumed_from']) >= held, JSON.stringify(resumed.data));
    assert.equal(resumed.data['sha256'], digest);
    const copy = createHash('sha256');
    for await (const chunk of createReadStream(target)) copy.update(chunk as Buffer);
    assert.equal(copy.digest('hex'), digest);
  });

  test('unknown and offline clients, a viewer key and a scoped-away key are refused', async () => {
    await writeFile(join(remote, 'r.txt'), 'r');
    await writeFile(join(local, 'w.txt'), 'w');
    const expect = (result: CliResult, code: number, pattern: RegExp): void => {
      assert.equal(result.code, code, result.stderr);
      assert.match(result.stderr, pattern);
    };
    const get = (client: string, env: Record<string, string> = {}) =>
      runCli(
        server,
        [
          'files',
          'get',
          `${client}:${join(remote, 'r.txt')}`,
          join(local, 'r.txt'),
          '--retries',
          '0',
        ],
        env,
      );
    const put = (client: string, env: Record<string, string> = {}) =>
      runCli(
        server,
        [
          'files',
          'put',
          join(local, 'w.txt'),
          `${client}:${join(remote, 'w.txt')}`,
          '--retries',
          '0',
        ],
        env,
      );

    expect(await get('no-such-client'), 3, /NOT_FOUND|No client/);
    expect(await put('no-such-client'), 3, /NOT_FOUND|No client/);

    const offline = await createAgent(server, { displayName: 'files-stream-off' });
    await offline.start();
    await offline.waitOnline(server);
    await offline.stop();
    try {
      const off = await get(offline.uuid);
      assert.match(off.stderr, /offline/);
      assert.notEqual(off.code, 0);
      assert.match((await put(offline.uuid)).stderr, /offline/);
    } finally {
      await offline.close();
    }

    const key = async (args: string[]): Promise<string> => {
      const created = await runCli(server, ['keys', 'create', ...args, '--json']);
      assert.equal(created.code, 0, created.stderr);
      return (JSON.parse(created.stdout) as { secret: string }).secret;
    };
    const viewer = { ETPHONEHOME_API_KEY: await key(['--name', 'fs-viewer', '--role', 'VIEWER']) };
    expect(await get('files-stream', viewer), 11, /FORBIDDEN|needs the OPERATOR role/);
    expect(await put('files-stream', viewer), 11, /FORBIDDEN|needs the OPERATOR role/);

    const scoped = {
      ETPHONEHOME_API_KEY: await key([
        '--name',
        'fs-scoped',
        '--role',
        'OPERATOR',
        '--tags',
        'elsewhere',
      ]),
    };
    expect(await get('files-stream', scoped), 3, /NOT_FOUND|No client/);
    expect(await put('files-stream', scoped), 3, /NOT_FOUND|No client/);
    await assert.rejects(stat(join(local, 'r.txt')), /ENOENT/);
    await assert.rejects(stat(join(remote, 'w.txt')), /ENOENT/);

    // A key scoped to the client's tag may.
    const inScope = {
      ETPHONEHOME_API_KEY: await key(['--name', 'fs-in', '--role', 'OPERATOR', '--tags', 'stream']),
    };
    assert.equal((await get('files-stream', inScope)).code, 0);
    assert.equal(await readFile(join(local, 'r.txt'), 'utf8'), 'r');
  });
});
