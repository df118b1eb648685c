// Benchmark: throughput of a 1 GiB file each way, our transfers against OpenSSH `sftp`, in the
// same run on the same machine (issue 6). Usage:
//
//   npm run build && npx tsx bench/transfers.ts [--size-mib 1024] [--runs 3] [--json FILE]
//
// Methods, each run `--runs` times one at a time (the median is reported):
//   ours upload     GraphQL uploadFile: <data-dir>/transfers/file → the agent's disk, through a
//                   spawned `etphonehome server` (dist/) and a spawned `phonehome` agent, SHA-256
//                   verified at both ends, fsync'ed and renamed into place;
//   ours download   GraphQL downloadFile: the agent's file → <data-dir>/transfers, likewise;
//   sftp put / get  OpenSSH `sftp -b` against a throwaway `/usr/sbin/sshd -D` on a free loopback
//                   port (its own temp host key and config, run as the current user, the
//                   Debian sftp-server subsystem); no checksum, no fsync.
// Both write to the same file system from a warm page cache. Without sshd the sftp rows are
// skipped (Debian: apt-get update && apt-get install -y openssh-server openssh-client).

import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs, promisify } from 'node:util';
import { createAgent, type TestAgent } from '../test/support/agent.js';
import { DownloadFileDocument, UploadFileDocument } from '../test/support/file-operations.js';
import { startServer, type TestServer } from '../test/support/server.js';
import { createCleanups, machine, progress } from './common.js';
import { SSHD, startSshd } from './support/sshd.js';

const SFTP_SERVER = ['/usr/lib/openssh/sftp-server', '/usr/libexec/openssh/sftp-server'].find(
  (candidate) => existsSync(candidate),
);
const MiB = 1024 * 1024;
const run = promisify(execFile);
const cleanups = createCleanups();

interface Row {
  method: string;
  seconds: number[];
  mibPerSecond: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

async function timed(
  runs: number,
  sizeMib: number,
  method: string,
  body: () => Promise<void>,
): Promise<Row> {
  const seconds: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await body();
    seconds.push((performance.now() - start) / 1000);
    progress(`${method}: run ${i + 1}/${runs} ${seconds.at(-1)?.toFixed(2)} s`);
  }
  return { method, seconds, mibPerSecond: sizeMib / median(seconds) };
}

async function makeFile(file: string, bytes: number): Promise<string> {
  const hash = createHash('sha256');
  const handle = await open(file, 'w');
  try {
    const block = randomBytes(4 * MiB);
    for (let written = 0, n = 0; written < bytes; n++) {
      block.writeUInt32BE(n, 0);
      const part = block.subarray(0, Math.min(block.length, bytes - written));
      hash.update(part);
      await handle.write(part);
      written += part.length;
    }
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

/** A throwaway sshd with an sftp subsystem; returns the arguments `sftp` needs to reach it. */
async function startSftpSshd(tmp: string): Promise<string[]> {
  const sshd = await startSshd(join(tmp, 'openssh'), cleanups, [`Subsystem sftp ${SFTP_SERVER}`]);
  return sshd.clientArgs('-P');
}

async function sftpBatch(args: string[], tmp: string, command: string): Promise<void> {
  const batch = join(tmp, 'sftp-batch');
  await writeFile(batch, `${command}\n`);
  await run('sftp', ['-q', '-b', batch, ...args]);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'size-mib': { type: 'string', default: '1024' },
      runs: { type: 'string', default: '3' },
      json: { type: 'string' },
    },
  });
  const sizeMib = Number(values['size-mib']);
  const runs = Number(values.runs);
  if (!Number.isInteger(sizeMib) || sizeMib < 1 || !Number.isInteger(runs) || runs < 1)
    throw new Error('--size-mib and --runs take whole numbers from 1');
  const about = machine({ file: `${sizeMib} MiB`, runs: String(runs) });
  const tmp = await mkdtemp(join(os.tmpdir(), 'etph-bench-transfers-'));
  cleanups.add('temp dir', () => rm(tmp, { recursive: true, force: true }));
  const rows: Row[] = [];
  try {
    progress(`starting a server and an agent (${sizeMib} MiB file, ${runs} runs each)`);
    const server: TestServer = await startServer({
      openEnrollment: true,
      env: { ETPHONEHOME_LOG_LEVEL: 'info' },
    });
    cleanups.add('server', () => server.close());
    const agent: TestAgent = await createAgent(server, { displayName: 'bench-transfers' });
    cleanups.add('agent', () => agent.close());
    await agent.start();
    await agent.waitOnline(server);
    const source = join(server.dataDir, 'transfers', 'bench.bin');
    progress('writing the file');
    const sha = await makeFile(source, sizeMib * MiB);
    const remoteDir = join(tmp, 'agent-side');
    await mkdir(remoteDir);

    rows.push(
      await timed(runs, sizeMib, 'ours upload', async () => {
        await rm(join(remoteDir, 'up.bin'), { force: true });
        const { uploadFile } = await server.gql.request(UploadFileDocument, {
          clientId: agent.uuid,
          localPath: 'bench.bin',
          remotePath: join(remoteDir, 'up.bin'),
        });
        if (uploadFile.sha256 !== sha) throw new Error('upload checksum mismatch');
      }),
    );
    rows.push(
      await timed(runs, sizeMib, 'ours download', async () => {
        await rm(join(server.dataDir, 'transfers', 'down.bin'), { force: true });
        const { downloadFile } = await server.gql.request(DownloadFileDocument, {
          clientId: agent.uuid,
          remotePath: join(remoteDir, 'up.bin'),
          localPath: 'down.bin',
        });
        if (downloadFile.sha256 !== sha) throw new Error('download checksum mismatch');
      }),
    );

    if (existsSync(SSHD) && SFTP_SERVER !== undefined) {
      const sftpArgs = await startSftpSshd(tmp);
      rows.push(
        await timed(runs, sizeMib, 'sftp put', async () => {
          await rm(join(remoteDir, 'sftp-up.bin'), { force: true });
          await sftpBatch(sftpArgs, tmp, `put ${source} ${join(remoteDir, 'sftp-up.bin')}`);
        }),
      );
      rows.push(
        await timed(runs, sizeMib, 'sftp get', async () => {
          await rm(join(tmp, 'sftp-down.bin'), { force: true });
          await sftpBatch(
            sftpArgs,
            tmp,
            `get ${join(remoteDir, 'sftp-up.bin')} ${join(tmp, 'sftp-down.bin')}`,
          );
        }),
      );
    } else {
      progress(
        `sftp rows skipped: ${SSHD} or sftp-server is missing (Debian: apt-get update && apt-get install -y openssh-server openssh-client).`,
      );
    }
  } finally {
    await cleanups.unwind();
  }

  const lines = [
    ...Object.entries(about).map(([k, v]) => `${k}: ${v}`),
    '',
    '| method | median s | MiB/s | runs (s) |',
    '|---|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.method} | ${median(r.seconds).toFixed(2)} | ${r.mibPerSecond.toFixed(0)} | ${r.seconds.map((s) => s.toFixed(2)).join(', ')} |`,
    ),
  ];
  const find = (method: string) => rows.find((r) => r.method === method);
  const upload = find('ours upload');
  const download = find('ours download');
  const put = find('sftp put');
  const get = find('sftp get');
  if (upload && put)
    lines.push(
      '',
      `upload / sftp put throughput: ${(upload.mibPerSecond / put.mibPerSecond).toFixed(2)}×`,
    );
  if (download && get)
    lines.push(
      `download / sftp get throughput: ${(download.mibPerSecond / get.mibPerSecond).toFixed(2)}×`,
    );
  process.stdout.write(lines.join('\n') + '\n');
  if (values.json) await writeFile(values.json, JSON.stringify({ machine: about, rows }, null, 2));
}

main().catch(async (error: unknown) => {
  progress(`failed: ${(error as Error).stack ?? String(error)}`);
  await cleanups.unwind();
  process.exitCode = 1;
});
