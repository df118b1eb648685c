// Per-agent server memory: a fresh server, N simulated agents attached (bench/support/
// simulated-agents.ts), heap snapshots before and after (V8's own, written by the server on
// SIGUSR2), whose paths are printed: compare them by constructor in Chrome DevTools (Memory,
// "Comparison" view) to see what one attached idle agent costs. This script does not diff them.
//
//   npx tsx bench/agent-memory.ts [--agents N (300)] [--dir DIR (a temp dir)]
//
// RSS per agent is printed too (/proc/<pid>/status), after a forced settle of 5 s.

import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from '../test/support/server.js';
import { startSimulatedFleet } from './support/simulated-agents.js';

const { values: flags } = parseArgs({
  options: { agents: { type: 'string' }, dir: { type: 'string' } },
  strict: true,
});
const agentCount = Number(flags.agents ?? 300);
const dir = flags.dir ?? (await mkdtemp(join(tmpdir(), 'etph-heap-')));
const dataDir = await mkdtemp(join(tmpdir(), 'etph-heap-data-'));
const server = await startServer({
  dataDir,
  openEnrollment: true,
  env: {
    ETPHONEHOME_LOG_LEVEL: 'info',
    NODE_OPTIONS: `--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${dir} --expose-gc`,
  },
});
const pid = server.process.child.pid ?? 0;
const settle = (ms: number) => new Promise((done) => setTimeout(done, ms));
const rss = async () =>
  Number(/^VmRSS:\s+(\d+) kB/m.exec(await readFile(`/proc/${pid}/status`, 'utf8'))?.[1]) * 1024;

async function snapshot(): Promise<string> {
  const before = new Set(await readdir(dir));
  process.kill(pid, 'SIGUSR2');
  for (;;) {
    await settle(500);
    const fresh = (await readdir(dir)).filter((f) => !before.has(f) && f.endsWith('.heapsnapshot'));
    if (fresh.length) {
      // V8 writes the snapshot synchronously; the file is complete once it ends its JSON
      const file = join(dir, fresh[0] as string);
      for (;;) {
        const text = await readFile(file, 'utf8');
        if (text.endsWith(']}')) return file;
        await settle(1000);
      }
    }
  }
}

try {
  await settle(3000);
  const rssIdle = await rss();
  const first = await snapshot();
  const agents = await startSimulatedFleet({
    host: '127.0.0.1',
    sshPort: server.sshPort,
    count: agentCount,
    processes: 1,
    metricsDelayMs: 0,
  });
  console.log(`attached ${agents.report.connected} (failed ${agents.report.failed})`);
  await settle(8000);
  const rssAttached = await rss();
  const second = await snapshot();
  console.log(
    `RSS idle ${(rssIdle / 2 ** 20).toFixed(1)} MiB, attached ${(rssAttached / 2 ** 20).toFixed(1)} MiB, ` +
      `${((rssAttached - rssIdle) / 1024 / agentCount).toFixed(1)} KiB per agent`,
  );
  console.log(`snapshots: ${first} ${second}`);
  await agents.stop();
} finally {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
}
