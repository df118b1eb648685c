// Benchmark: webhook delivery (issue 4). Usage:
//
//   npx tsx bench/webhooks.ts [--burst 5000] [--rate 500] [--seconds 10] [--json FILE]
//
// In-process, on a temp SQLite file: the real audit path (event row + outbox row in one
// transaction), the real worker and sender, signed deliveries over HTTP to a local receiver
// (node:http on loopback, answering 200 at once). Measured:
//   burst    record N command_executed events one after another with the worker stopped
//            (events per second with their outbox rows), then start the worker: deliveries
//            per second (worker start → last arrival);
//   paced    record events at a fixed rate (default 500/s for 10 s): enqueue-to-delivery
//            latency (just before audit.record → the receiver has the body), p50/p90/p99;
//   isolated the paced run again while a second client's events (--dead-rate, default 50/s)
//            go to a dead endpoint (a listener that accepts and never answers; each attempt
//            waits out the 10 s timeout): the healthy endpoint's latency should not move.

import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net, { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { createAudit } from '../src/fleet/audit.js';
import { createEventBus } from '../src/fleet/event-bus.js';
import { readWebhookSettings } from '../src/fleet/webhooks/settings.js';
import { generateSecret } from '../src/fleet/webhooks/sign.js';
import { createWebhooks } from '../src/fleet/webhooks/webhooks.js';
import { openStore } from '../src/store/open.js';
import type { ClientRecord } from '../src/store/index.js';
import { machine, progress } from './common.js';
import { summarize, type Summary } from './stats.js';

const { values } = parseArgs({
  options: {
    burst: { type: 'string', default: '5000' },
    rate: { type: 'string', default: '500' },
    seconds: { type: 'string', default: '10' },
    'dead-rate': { type: 'string', default: '50' },
    json: { type: 'string' },
  },
});
const burst = Number(values.burst);
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const deadRate = Number(values['dead-rate']);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

const dir = await mkdtemp(join(tmpdir(), 'etph-bench-webhooks-'));
const arrivals = new Map<string, number>();
// The receiver runs in its own process (as a real one would), and reports arrival times on
// the shared clock (performance.timeOrigin + now()) over IPC, batched.
const RECEIVER = `
const http = require('node:http');
let batch = [];
setInterval(() => { if (batch.length) { process.send(batch); batch = []; } }, 20);
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    batch.push([body.data.command, performance.timeOrigin + performance.now()]);
    res.end('ok');
  });
});
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
`;
const receiver = spawn(process.execPath, ['-e', RECEIVER], {
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const receiverPort = await new Promise<number>((resolve) => {
  receiver.on('message', (message: { port?: number } | [string, number][]) => {
    if (Array.isArray(message)) {
      for (const [command, at] of message) if (!arrivals.has(command)) arrivals.set(command, at);
    } else if (message.port) resolve(message.port);
  });
});
const now = () => performance.timeOrigin + performance.now();
const dead = net.createServer(() => undefined); // accepts, never answers
const deadPort = await listen(dead);

const store = await openStore({ file: join(dir, 'bench.db') });
const logger = pino({ level: 'silent' });
const settings = readWebhookSettings({
  ETPHONEHOME_WEBHOOK_URL: `http://127.0.0.1:${receiverPort}/hook`,
  ETPHONEHOME_WEBHOOK_ALLOW_PRIVATE: '1',
});
const webhooks = createWebhooks({
  store,
  logger,
  settings,
  server: 'bench',
  globalSecret: generateSecret(),
  resolveClient: () => Promise.reject(new Error('not used')),
  version: 'bench',
});
const audit = createAudit({ store, bus: createEventBus(), logger, outbox: webhooks });
await webhooks.start();

function client(uuid: string, webhookUrl: string | null): ClientRecord {
  const now = new Date();
  return {
    uuid,
    clientId: `bench-${uuid.slice(-4)}`,
    displayName: 'Bench',
    purpose: null,
    tags: [],
    allowedPaths: null,
    webhookUrl,
    webhookSecret: null,
    rateLimitRpm: null,
    rateLimitConcurrent: null,
    rateLimitMode: null,
    cpuThreshold: null,
    memoryThreshold: null,
    diskThreshold: null,
    resourceChecks: null,
    forwardTargets: null,
    decommissionedAt: null,
    hostname: 'bench',
    platform: '',
    platformRelease: '',
    arch: '',
    agentVersion: '',
    username: '',
    capabilities: [],
    agentAllowedPaths: null,
    publicKey: 'ssh-ed25519 AAAA',
    keyFingerprint: `SHA256:${uuid}`,
    pendingPublicKey: null,
    pendingFingerprint: null,
    previousFingerprint: null,
    keyMismatchAt: null,
    keyAcceptedAt: null,
    keyAcceptedBy: null,
    enrolledVia: 'bench',
    firstSeen: now,
    lastSeen: now,
    connectionCount: 0,
    lastConnectedAt: null,
    lastDisconnectedAt: null,
    lastRemoteAddress: null,
    heldBy: null,
    heldConnection: null,
    health: null,
    healthReason: null,
    healthSince: null,
  };
}
const healthy = '00000000-0000-0000-0000-00000000000a';
const stuck = '00000000-0000-0000-0000-00000000000b';
await store.clients.insert(client(healthy, null));
await store.clients.insert(client(stuck, `http://127.0.0.1:${deadPort}/never`));

function record(uuid: string, command: string) {
  return audit.record('command_executed', uuid, {
    command,
    cwd: null,
    exit_code: 0,
    duration_ms: 3,
    timed_out: false,
  });
}

async function waitAll(commands: string[], timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!commands.every((c) => arrivals.has(c))) {
    if (Date.now() > deadline) throw new Error('deliveries missing after the deadline');
    await sleep(5);
  }
}

// Burst: record with the worker stopped (the outbox fills), then start it and drain.
progress(`burst: ${burst} events`);
await webhooks.stop();
const burstCommands = Array.from({ length: burst }, (_, i) => `burst-${i}`);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const recordCpu = cpu();
const recordStart = now();
for (const command of burstCommands) await record(healthy, command);
const enqueuedMs = now() - recordStart;
const recordCpuMs = cpu() - recordCpu;
const drainStart = now();
const drainCpu = cpu();
await webhooks.start();
await waitAll(burstCommands);
const burstMs = Math.max(...burstCommands.map((c) => arrivals.get(c)!)) - drainStart;
const drainCpuMs = cpu() - drainCpu;

async function paced(
  tag: string,
  alsoStuck: boolean,
): Promise<{ summary: Summary; achieved: number }> {
  const total = rate * seconds;
  const sent = new Map<string, number>();
  const start = now();
  const pending: Promise<unknown>[] = [];
  for (let i = 0; i < total; i += 1) {
    const due = start + (i * 1000) / rate;
    const wait = due - now();
    if (wait > 1) await sleep(wait);
    const command = `${tag}-${i}`;
    sent.set(command, now());
    pending.push(record(healthy, command));
    // The dead endpoint's events, at deadRate per second among them.
    if (alsoStuck && Math.floor(((i + 1) * deadRate) / rate) > Math.floor((i * deadRate) / rate))
      pending.push(record(stuck, `${tag}-stuck-${i}`));
  }
  await Promise.all(pending);
  const achieved = total / ((now() - start) / 1000);
  await waitAll([...sent.keys()]);
  return {
    summary: summarize([...sent].map(([c, t]) => arrivals.get(c)! - t)),
    achieved,
  };
}

progress(`paced: ${rate}/s for ${seconds} s`);
const steady = await paced('paced', false);
progress(`isolated: ${rate}/s to the receiver and ${deadRate}/s to a dead endpoint`);
const isolated = await paced('isolated', true);

await webhooks.stop();
await store.close();
receiver.kill();
dead.close();
await rm(dir, { recursive: true, force: true });

const f = (n: number) => n.toFixed(1);
const report = {
  machine: machine(),
  burst: {
    events: burst,
    enqueuePerSecond: Math.round(burst / (enqueuedMs / 1000)),
    deliveriesPerSecond: Math.round(burst / (burstMs / 1000)),
    recordCpuUsPerEvent: Math.round((recordCpuMs * 1000) / burst),
    deliverCpuUsPerEvent: Math.round((drainCpuMs * 1000) / burst),
  },
  paced: { rate, seconds, achievedRate: Math.round(steady.achieved), latencyMs: steady.summary },
  isolated: {
    rate,
    deadRate,
    seconds,
    achievedRate: Math.round(isolated.achieved),
    latencyMs: isolated.summary,
  },
};
console.log(JSON.stringify(report.machine));
console.log(
  `burst: ${burst} events recorded one after another (event + outbox row) at ${report.burst.enqueuePerSecond}/s; the outbox then drained at ${report.burst.deliveriesPerSecond} deliveries/s (worker start → last arrival)`,
);
console.log(
  `server CPU per event: ${report.burst.recordCpuUsPerEvent} µs to record (event + outbox row), ${report.burst.deliverCpuUsPerEvent} µs to deliver (sign, POST, record the outcome)`,
);
for (const [name, row] of [
  ['paced', steady],
  [`paced + ${deadRate}/s to a dead endpoint`, isolated],
] as const) {
  const s = row.summary;
  console.log(
    `${name}: ${Math.round(row.achieved)} events/s recorded; enqueue→delivery p50 ${f(s.p50)} ms, p90 ${f(s.p90)} ms, p99 ${f(s.p99)} ms, max ${f(s.max)} ms (n=${s.count})`,
  );
}
if (values.json) writeFileSync(values.json, JSON.stringify(report, null, 2));
