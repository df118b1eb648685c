// `etphonehome files ls|get|put` against a real server and agent: plain and --json output, the
// progress bar with rate and ETA on a terminal (through script(1)'s pseudo-terminal), and the
// exit status of a refused path.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes, createHash } from 'node:crypto';
import { mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createAgent, type TestAgent } from '../support/agent.js';
import { killAll } from '../support/processes.js';
import { SERVER_BIN, startServer, type TestServer } from '../support/server.js';
import { UpdateClientDocument } from '../support/operations.js';
import { TransferProgressSubscription } from '../support/file-operations.js';

after(killAll);
const run = promisify(execFile);

function hasScript(): boolean {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('etphonehome files', () => {
  let server: TestServer;
  let agent: TestAgent;
  let work: string;
  let env: NodeJS.ProcessEnv;
  const cli = (args: string[]) => run(process.execPath, [SERVER_BIN, 'files', ...args], { env });

  before(async () => {
    server = await startServer({ openEnrollment: true });
    agent = await createAgent(server, { displayName: 'cli-files' });
    await agent.start();
    await agent.waitOnline(server);
    work = await realpath(await mkdtemp(join(tmpdir(), 'etph-cli-files-')));
    env = { ...process.env, ETPHONEHOME_URL: server.url, ETPHONEHOME_API_KEY: server.apiKey };
  });
  after(async () => {
    await agent.close();
    await server.close();
    // Its files run to hundreds of MB: left behind, repeated runs fill the disk.
    if (work) await rm(work, { recursive: true, force: true });
  });

  test('put, ls and get, plain and --json', async () => {
    const content = randomBytes(2 * 1024 * 1024);
    const sha = createHash('sha256').update(content).digest('hex');
    await writeFile(join(server.dataDir, 'transfers', 'payload.bin'), content);
    const put = await cli([
      'put',
      'cli-files',
      'payload.bin',
      join(work, 'in', 'payload.bin'),
      '--create-parents',
    ]);
    assert.match(
      put.stdout,
      /server:.*payload\.bin → [^:]+:.*payload\.bin: 2\.0 MiB in .* sha256 [0-9a-f]{64}/,
    );
    assert.ok(put.stdout.includes(sha));

    const ls = await cli(['ls', 'cli-files', join(work, 'in')]);
    assert.match(
      ls.stdout,
      /^TYPE\s+SIZE\s+MODIFIED\s+NAME\nfile\s+2097152\s+\S+\s+payload\.bin\n$/,
    );
    const lsJson = JSON.parse(
      (await cli(['ls', 'cli-files', join(work, 'in'), '--json'])).stdout,
    ) as {
      entries: { name: string }[];
    };
    assert.deepEqual(
      lsJson.entries.map((e) => e.name),
      ['payload.bin'],
    );

    const get = JSON.parse(
      (
        await cli([
          'get',
          'cli-files',
          join(work, 'in', 'payload.bin'),
          'copies/back.bin',
          '--json',
        ])
      ).stdout,
    ) as { sha256: string; state: string; direction: string };
    assert.equal(get.sha256, sha);
    assert.equal(get.state, 'COMPLETED');
    assert.equal(get.direction, 'DOWNLOAD');
    assert.deepEqual(
      await readFile(join(server.dataDir, 'transfers', 'copies', 'back.bin')),
      content,
    );
    // get without a server path keeps the remote name.
    await cli(['get', 'cli-files', join(work, 'in', 'payload.bin')]);
    assert.deepEqual(await readFile(join(server.dataDir, 'transfers', 'payload.bin')), content);
  });

  test('a refused path exits with status 6 and names the allowed paths', async () => {
    await server.gql.request(UpdateClientDocument, {
      id: agent.uuid,
      input: { allowedPaths: [join(work, 'in')] },
    });
    try {
      await assert.rejects(
        cli(['get', 'cli-files', '/etc/hostname']),
        (error: Error & { code: number; stderr: string }) => {
          assert.equal(error.code, 6);
          assert.match(error.stderr, /outside the allowed paths.*\/in/);
          return true;
        },
      );
    } finally {
      await server.gql.request(UpdateClientDocument, {
        id: agent.uuid,
        input: { allowedPaths: null },
      });
    }
  });

  test('a transfer whose link breaks is retried and resumes', async () => {
    const size = 256 * 1024 * 1024;
    await writeFile(join(server.dataDir, 'transfers', 'cut.bin'), Buffer.alloc(size, 5));
    const progress = await server.subscribe(TransferProgressSubscription, {
      transferId: 'cli-cut',
    });
    const running = cli([
      'put',
      'cli-files',
      'cut.bin',
      join(work, 'cut.bin'),
      '--id',
      'cli-cut',
      '--json',
    ]);
    await progress.next((d) => d.transferProgress.bytesDone > size / 4, 60_000);
    await agent.stop('SIGKILL');
    progress.close();
    await agent.start();
    const { stdout, stderr } = await running;
    const result = JSON.parse(stdout) as { state: string; resumedFrom: number; bytesDone: number };
    assert.equal(result.state, 'COMPLETED');
    assert.ok(result.resumedFrom > 0, `resumed from ${result.resumedFrom}`);
    assert.equal(result.bytesDone, size);
    assert.match(stderr, /Retrying in \d+ s \(1\/3\)/);
    await agent.waitOnline(server);
  });

  test(
    'on a terminal a progress bar shows rate and ETA',
    { skip: !hasScript() && 'no script(1)' },
    async () => {
      const size = 256 * 1024 * 1024;
      await writeFile(join(server.dataDir, 'transfers', 'big.bin'), Buffer.alloc(size, 7));
      const command = [
        process.execPath,
        SERVER_BIN,
        'files',
        'put',
        'cli-files',
        'big.bin',
        join(work, 'big.bin'),
      ]
        .map((part) => `'${part}'`)
        .join(' ');
      const { stdout } = await run('script', ['-qfec', command, '/dev/null'], {
        env,
        maxBuffer: 16 * 1024 * 1024,
      });
      assert.match(
        stdout,
        /\[[#-]+\]\s+\d+%\s+[\d.]+ \w?i?B \/ 256\.0 MiB\s+[\d.]+ \w?i?B\/s\s+ETA/,
      );
      assert.match(stdout, /→ [^:]+:.*big\.bin: 256\.0 MiB/);
    },
  );
});
