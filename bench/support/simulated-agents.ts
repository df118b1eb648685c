// Simulated agents for fleet-scale benchmarks: N lightweight agents that speak the real wire
// protocol to a running server (started with --open-enrollment), without N agent processes.
//
//   simulated agent ──TCP (noDelay)──▶ hub:ssh   username "<uuid>" (formatAgentLogin), own
//                   ──publickey auth──▶          ed25519 key (src/lib/ssh-keygen.ts)
//                   ──tcpip-forward 127.0.0.1:0─▶
//                   ◀── forwarded-tcpip channel ── one JSON-RPC request line → one reply line
//                   ◀── the call line (as the agent, unless callLine: false) ── many of them
//                   ──▶ its own beats on the line once asked (`beats`, as the agent, through
//                       the agent's own src/agent/beats.ts; unless beats: false)
//
// Each agent answers `hello` with AgentFacts, `heartbeat` with {time, uptimeS} (plus the metrics
// summary when asked; its own beats carry the same), `get_metrics` with a canned summary or full form after a short delay
// (250 ms by default, like the real agent's CPU sample), `run_command` as a real agent running
// `true` (exit 0, no output); anything else gets "method not found".
// Figures are deterministic per agent index, and every `hotEvery.cpu`-th agent (and so on) is
// over the default thresholds (CPU 80 %, memory 85 %, disk 85 %), so a benchmark can check what
// fleetHealth flags. The hub admits 32 handshakes at once; agents connect at most `waveSize` at a
// time. With `reconnect`, an agent whose link ends dials again through the agent's own reconnect
// loop (src/agent/reconnect.ts), honouring the retry hints of the server's notices — what the
// storm benchmark (bench/scale.ts) measures. startSimulatedFleet spreads the agents over child processes (this file, forked with the
// same tsx loader) so one event loop does not serve them all.

import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { Client as Ssh2Client, ClientChannel } from 'ssh2';
import ssh2 from '../../src/lib/ssh2.js';
import { generateEd25519KeyPair } from '../../src/lib/ssh-keygen.js';
import { readLine, readLines } from '../../src/lib/line-reader.js';
import {
  BEATS_FEATURE,
  BEATS_METHOD,
  CALL_LINE_FEATURE,
  CALL_LINE_METHOD,
  CANCEL_METHOD,
} from '../../src/protocol/call-line.js';
import { startBeats, type BeatLink, type BeatSender } from '../../src/agent/beats.js';
import { runReconnectLoop, type LinkOutcome } from '../../src/agent/reconnect.js';
import { keepaliveOnSilence } from '../../src/agent/keepalive.js';
import { AGENT_KEEPALIVE } from '../../src/agent/tunnel.js';
import { formatAgentLogin } from '../../src/protocol/identity.js';
import { parseNoticeGreeting } from '../../src/protocol/notice.js';
import {
  MAX_MESSAGE_BYTES,
  replyLine,
  RpcErrorCode,
  type AgentFacts,
  type BeatsParams,
  type HeartbeatResult,
  type MetricsSummary,
  type RpcReplyBody,
} from '../../src/protocol/rpc.js';
import { agentFactsSchema, metricsSummarySchema } from '../../src/protocol/schemas.js';
import { VERSION } from '../../src/version.js';
import { TRUE_COMMAND_RESULT } from '../../test/support/scripted-replies.js';

export interface SimulatedAgentsOptions {
  host: string;
  sshPort: number;
  count: number;
  /** Index of the first agent (names and figures follow the index); default 0. */
  firstIndex?: number;
  /** Agents connecting at once (the hub's handshake gate admits 32); default 32. */
  waveSize?: number;
  /** Delay before answering get_metrics (and heartbeat with metrics); default 250 ms. */
  metricsDelayMs?: number;
  /** Every n-th agent is over that threshold (0: none); default cpu 10, memory 25, disk 50. */
  hotEvery?: { cpu: number; memory: number; disk: number };
  /** Connection attempts per agent before it counts as failed; default 3. */
  attempts?: number;
  /** Whether a heartbeat asked for metrics carries them (false: like an agent that cannot
   * sample, so the server holds no sample for it); default true. */
  heartbeatMetrics?: boolean;
  /** After attaching, reconnect whenever the link ends with the agent's own reconnect loop
   * (src/agent/reconnect.ts), as real agents do after a server restart; default false. */
  reconnect?: boolean;
  /** Send SSH keepalives as the agent does (src/agent/tunnel.ts AGENT_KEEPALIVE); default true. */
  keepalive?: boolean;
  /** Offer the call line (src/protocol/call-line.ts), as the agent does; default true. false:
   * like agents from before it, a channel per call. */
  callLine?: boolean;
  /** Send its own heartbeats when the server asks (`beats`), as the agent does; default true.
   * false: like agents from before them, each heartbeat asked for. */
  beats?: boolean;
  /**
   * Source addresses the agents dial from, spread by index: 1 (default) dials from the host's
   * usual address; n > 1 binds agent i to 127.0.0.(2 + i mod n) — loopback answers all of
   * 127/8 — so the hub sees n sources, as a fleet spread over n sites (or NATs) would be.
   */
  sources?: number;
}

export interface SimulatedAgentsReport {
  connected: number;
  failed: number;
  /** Milliseconds from the first connection to the last forward accepted. */
  attachMs: number;
  /** Per agent: TCP connect to reverse forward accepted (handshake + auth + forward). */
  handshakeMs: number[];
  /** First error messages of failed attempts (at most 5). */
  errors: string[];
}

export interface SimulatedAgentsCounters {
  /** Requests answered, by method; `heartbeat` counts every heartbeat given, asked or sent by
   * itself, and `beat` the ones it sent by itself. */
  calls: Record<string, number>;
  /** Agents whose connection closed after attaching (the server dropped them). */
  dropped: number;
  /** Resident memory of the process(es) running the agents, summed. */
  rssBytes: number;
  /** Per agent, when the server last registered it (epoch ms; 0: never). */
  registeredAt: number[];
  /**
   * Waits of the reconnect loops: how many a server's retry hint set, and how many followed a
   * refused dial (nothing listening); the others followed a link that failed otherwise (closed
   * in the handshake without a hint, a timeout) or ended.
   */
  waits: Waits;
}

export interface SimulatedAgents {
  readonly report: SimulatedAgentsReport;
  counters(): Promise<SimulatedAgentsCounters>;
  stop(): Promise<void>;
}

const DEFAULT_HOT_EVERY = { cpu: 10, memory: 25, disk: 50 };
const HOT = { cpu: 95.5, memory: 92.5, disk: 91.5 };

/** The figures agent `index` reports; stable, so a run can be checked. */
export function simulatedFigures(
  index: number,
  hotEvery: SimulatedAgentsOptions['hotEvery'] = DEFAULT_HOT_EVERY,
): { cpuPercent: number; memoryPercent: number; diskPercent: number } {
  const hot = (every: number) => every > 0 && index % every === every - 1;
  const spread = (seed: number, low: number, high: number) =>
    Math.round((low + ((index * seed) % 97) * ((high - low) / 97)) * 10) / 10;
  return {
    cpuPercent: hot(hotEvery.cpu) ? HOT.cpu : spread(31, 2, 60),
    memoryPercent: hot(hotEvery.memory) ? HOT.memory : spread(17, 20, 70),
    diskPercent: hot(hotEvery.disk) ? HOT.disk : spread(13, 10, 75),
  };
}

/** How many of agents [0, count) are over each threshold. */
export function expectedHot(
  count: number,
  hotEvery: SimulatedAgentsOptions['hotEvery'] = DEFAULT_HOT_EVERY,
): { cpu: number; memory: number; disk: number } {
  const over = (every: number) => (every > 0 ? Math.floor(count / every) : 0);
  return { cpu: over(hotEvery.cpu), memory: over(hotEvery.memory), disk: over(hotEvery.disk) };
}

export function simulatedName(index: number): string {
  return `sim-${String(index).padStart(5, '0')}`;
}

interface SimulatedRequest {
  id: number | null;
  method: string;
  params: Record<string, unknown>;
  malformed: boolean;
}

function parseSimulatedRequest(line: string): SimulatedRequest {
  try {
    const request = JSON.parse(line) as { id?: unknown; method?: unknown; params?: unknown };
    return {
      id: typeof request.id === 'number' ? request.id : null,
      method: typeof request.method === 'string' ? request.method : '',
      params: (request.params ?? {}) as Record<string, unknown>,
      malformed: false,
    };
  } catch {
    return { id: null, method: '', params: {}, malformed: true };
  }
}

// ── one agent ───────────────────────────────────────────────────────────────────────────────

interface Waits {
  total: number;
  hinted: number;
  refused: number;
}

interface AgentContext {
  options: Required<Omit<SimulatedAgentsOptions, 'firstIndex' | 'count'>>;
  calls: Map<string, number>;
  waits: Waits;
  startedAt: number;
}

class SimulatedAgent {
  readonly uuid = randomUUID();
  readonly key = generateEd25519KeyPair(`bench@${os.hostname()}`);
  readonly name: string;
  readonly figures: ReturnType<typeof simulatedFigures>;
  private client: Ssh2Client | null = null;
  attached = false;
  dropped = false;
  /** When the server last registered this agent: its first call after hello (epoch ms). */
  registeredAt = 0;
  private helloAnswered = false;
  /** The current link, for its beats: how long the server has been silent, and its end. */
  private link: BeatLink | null = null;
  private stopping = false;
  private readonly abort = new AbortController();
  private firstLinkEnded: Promise<LinkOutcome> | null = null;

  constructor(
    readonly index: number,
    private readonly context: AgentContext,
  ) {
    this.name = simulatedName(index);
    this.figures = simulatedFigures(index, context.options.hotEvery);
  }

  /** Resolves with the handshake time once the hub accepted the reverse forward. */
  connect(): Promise<number> {
    const link = this.dial();
    this.firstLinkEnded = link.ended;
    return link.attached;
  }

  /**
   * After the first attach: reconnects whenever the link ends, with the agent's own loop
   * (src/agent/reconnect.ts: full-jitter backoff, the server's retry hints honoured).
   */
  startReconnecting(): void {
    let first = this.firstLinkEnded;
    void runReconnectLoop({
      signal: this.abort.signal,
      connect: async () => {
        if (first) {
          const ended = first;
          first = null;
          return ended;
        }
        const link = this.dial();
        link.attached.catch(() => undefined);
        return link.ended;
      },
      onWait: (wait) => {
        this.context.waits.total += 1;
        if (wait.retryAfterMs !== undefined) this.context.waits.hinted += 1;
        else if (wait.refused) this.context.waits.refused += 1;
      },
    });
  }

  /** One connection: `attached` once the forward is accepted, `ended` when it closes. */
  private dial(): { attached: Promise<number>; ended: Promise<LinkOutcome> } {
    const { host, sshPort } = this.context.options;
    let resolveEnded: (outcome: LinkOutcome) => void = () => undefined;
    const ended = new Promise<LinkOutcome>((resolve) => (resolveEnded = resolve));
    const attached = new Promise<number>((resolve, reject) => {
      const started = performance.now();
      const client = new ssh2.Client();
      this.client = client;
      let settled = false;
      let readyAt = 0;
      let retryAfterMs: number | undefined;
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        client.end();
        reject(error);
      };
      const { sources } = this.context.options;
      const socket = net.connect({
        host,
        port: sshPort,
        ...(sources > 1 ? { localAddress: `127.0.0.${2 + (this.index % sources)}` } : {}),
      });
      socket.setNoDelay(true);
      let refused = false;
      socket.on('error', (error: NodeJS.ErrnoException) => {
        if (!readyAt && error.code === 'ECONNREFUSED') refused = true;
        fail(error);
      });
      client.on('error', (error) => fail(error));
      client.on('greeting', (text: string) => {
        const notice = parseNoticeGreeting(text);
        if (notice?.retryAfterMs !== undefined) retryAfterMs = notice.retryAfterMs;
      });
      const end = () =>
        resolveEnded({
          connectedForMs: readyAt ? performance.now() - readyAt : 0,
          retryAfterMs,
          refused,
        });
      // A refused dial never reaches ssh2 (no client close): the socket's close ends it too.
      socket.once('close', end);
      client.on('close', () => {
        if (!settled) fail(new Error('connection closed during the handshake'));
        else if (this.attached && !this.stopping) this.dropped = true;
        end();
      });
      client.on('tcp connection', (_info, accept) => {
        void this.serve(accept());
      });
      client.on('ready', () => {
        readyAt = performance.now();
        const silence = keepaliveOnSilence(
          client,
          socket,
          this.context.options.keepalive ? AGENT_KEEPALIVE.intervalMs : 0,
        );
        this.link = { ...silence, cut: () => socket.destroy() };
        client.forwardIn('127.0.0.1', 0, (error) => {
          if (error) return fail(error);
          settled = true;
          this.attached = true;
          resolve(performance.now() - started);
        });
      });
      socket.once('connect', () => {
        client.connect({
          sock: socket,
          username: formatAgentLogin({ uuid: this.uuid, enrollmentToken: null }),
          privateKey: this.key.private,
          readyTimeout: 120_000,
          // As the agent: its keepalives (none with `keepalive: false`).
          keepaliveInterval: this.context.options.keepalive ? AGENT_KEEPALIVE.intervalMs : 0,
          keepaliveCountMax: AGENT_KEEPALIVE.countMax,
          hostVerifier: () => true,
        });
      });
    });
    return { attached, ended };
  }

  stop(): Promise<void> {
    this.stopping = true;
    this.abort.abort();
    const client = this.client;
    if (client === null) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, 2000);
      client.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      client.end();
    });
  }

  private async serve(channel: ClientChannel): Promise<void> {
    channel.on('error', () => undefined);
    let line: string;
    try {
      line = await readLine(channel, MAX_MESSAGE_BYTES);
    } catch {
      channel.destroy();
      return;
    }
    const request = parseSimulatedRequest(line);
    if (request.method === CALL_LINE_METHOD) {
      // As the real agent: the channel becomes the call line, answered line by line (cancels
      // are ignored: every simulated call is short).
      const send = (id: number | null, body: RpcReplyBody) => {
        if (!channel.destroyed && channel.writable) channel.write(replyLine(id, body));
      };
      send(request.id, { result: {} });
      let beats: BeatSender | undefined;
      channel.once('close', () => beats?.stop());
      readLines(
        channel,
        MAX_MESSAGE_BYTES,
        (next) => {
          const call = parseSimulatedRequest(next);
          if (call.method === CANCEL_METHOD) return;
          if (call.method === '' && !call.malformed && call.id !== null) return; // a beat's answer
          void this.answer(call).then((body) => {
            send(call.id, body);
            const link = this.link;
            if (call.method !== BEATS_METHOD || !('result' in body) || link === null) return;
            // As the agent: its own beats from now on, through the agent's own sender.
            const params = call.params as unknown as BeatsParams;
            beats?.stop();
            beats = startBeats(params, {
              sample: () => this.heartbeat(params.metrics === true, ['heartbeat', 'beat']),
              write: (line) => {
                if (!channel.destroyed && channel.writable) channel.write(line);
              },
              link,
            });
          });
        },
        () => channel.destroy(),
      );
      return;
    }
    // As the real agent: keep draining, so the hub's close is seen.
    channel.on('data', () => undefined);
    channel.resume();
    const body = await this.answer(request);
    if (!channel.destroyed && channel.writable) channel.end(replyLine(request.id, body));
  }

  private async answer(request: SimulatedRequest): Promise<RpcReplyBody> {
    const { method, params } = request;
    if (request.malformed)
      return { error: { code: RpcErrorCode.parseError, message: 'request is not a JSON object' } };
    const calls = this.context.calls;
    calls.set(method, (calls.get(method) ?? 0) + 1);
    // As the real agent: the server calls nothing but hello until it has registered the agent.
    if (method === 'hello') this.helloAnswered = true;
    else if (this.helloAnswered) {
      this.helloAnswered = false;
      this.registeredAt = Date.now();
    }
    switch (method) {
      case 'hello':
        return { result: this.facts() };
      case 'heartbeat':
        return { result: await this.heartbeat(params['metrics'] === true, []) };
      case BEATS_METHOD:
        if (!this.context.options.beats || !this.context.options.callLine) break;
        return { result: await this.heartbeat(params['metrics'] === true, ['heartbeat']) };
      case 'run_command':
        // Like a real agent running `true`: exit 0, nothing printed.
        return { result: TRUE_COMMAND_RESULT };
      case 'get_metrics': {
        const summary = await this.summaryAfterDelay();
        return { result: params['summary'] === true ? summary : this.fullMetrics(summary) };
      }
    }
    return {
      error: {
        code: RpcErrorCode.methodNotFound,
        message: `unknown method "${method.slice(0, 64)}"`,
      },
    };
  }

  /** A heartbeat's result, as the agent's handler gives it, counted under `countAs`. */
  private async heartbeat(metrics: boolean, countAs: string[]): Promise<HeartbeatResult> {
    const calls = this.context.calls;
    for (const name of countAs) calls.set(name, (calls.get(name) ?? 0) + 1);
    const summary =
      metrics && this.context.options.heartbeatMetrics ? await this.summaryAfterDelay() : null;
    return { time: Date.now(), uptimeS: this.uptimeS(), ...(summary ? { metrics: summary } : {}) };
  }

  private facts(): AgentFacts {
    return agentFactsSchema.parse({
      uuid: this.uuid,
      hostname: this.name,
      platform: 'Linux',
      platformRelease: os.release(),
      arch: os.arch(),
      agentVersion: VERSION,
      username: 'bench',
      capabilities: ['bench', 'git'],
      allowedPaths: null,
      suggested: {
        displayName: this.name,
        purpose: 'simulated agent (bench)',
        tags: ['bench', `group-${this.index % 4}`],
      },
      ...(this.context.options.callLine
        ? {
            features: this.context.options.beats
              ? [CALL_LINE_FEATURE, BEATS_FEATURE]
              : [CALL_LINE_FEATURE],
          }
        : {}),
    } satisfies AgentFacts);
  }

  private uptimeS(): number {
    return 86_400 + Math.floor((Date.now() - this.context.startedAt) / 1000);
  }

  private async summaryAfterDelay(): Promise<MetricsSummary> {
    const delayMs = this.context.options.metricsDelayMs;
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    return metricsSummarySchema.parse({
      hostname: this.name,
      platform: 'linux',
      cpuPercent: this.figures.cpuPercent,
      memoryPercent: this.figures.memoryPercent,
      diskPercent: this.figures.diskPercent,
      load1: Math.round(this.figures.cpuPercent * 4) / 100,
      uptimeS: this.uptimeS(),
    }) as MetricsSummary;
  }

  /** The full form, shaped as src/agent/metrics.ts's collectMetrics. */
  private fullMetrics(summary: MetricsSummary): Record<string, unknown> {
    const gib = 2 ** 30;
    const usage = (totalBytes: number, percent: number) => {
      const usedBytes = Math.round((totalBytes * percent) / 100);
      return { totalBytes, usedBytes, freeBytes: totalBytes - usedBytes, percent };
    };
    return {
      hostname: summary.hostname,
      platform: summary.platform,
      platformRelease: os.release(),
      arch: os.arch(),
      uptimeS: summary.uptimeS,
      bootTime: new Date(Date.now() - (summary.uptimeS ?? 0) * 1000).toISOString(),
      cpu: { usagePercent: summary.cpuPercent, cores: 4, load: [summary.load1, 0.5, 0.4] },
      memory: usage(16 * gib, this.figures.memoryPercent),
      swap: usage(2 * gib, 1.5),
      disks: [
        {
          mount: '/',
          device: '/dev/vda1',
          fsType: 'ext4',
          ...usage(100 * gib, this.figures.diskPercent),
        },
      ],
      network: [
        { interface: 'lo', rxBytes: 1_000_000, txBytes: 1_000_000 },
        { interface: 'eth0', rxBytes: 9_000_000 + this.index, txBytes: 3_000_000 + this.index },
      ],
      processCount: 120,
    };
  }
}

// ── many agents in this process ─────────────────────────────────────────────────────────────

/** Starts `count` agents here, at most `waveSize` connecting at once; resolves when all tried. */
export async function startSimulatedAgents(
  options: SimulatedAgentsOptions,
): Promise<SimulatedAgents> {
  const context: AgentContext = {
    options: {
      host: options.host,
      sshPort: options.sshPort,
      waveSize: options.waveSize ?? 32,
      metricsDelayMs: options.metricsDelayMs ?? 250,
      hotEvery: options.hotEvery ?? DEFAULT_HOT_EVERY,
      attempts: options.attempts ?? 3,
      heartbeatMetrics: options.heartbeatMetrics ?? true,
      reconnect: options.reconnect ?? false,
      callLine: options.callLine ?? true,
      beats: options.beats ?? true,
      keepalive: options.keepalive ?? true,
      sources: options.sources ?? 1,
    },
    calls: new Map(),
    waits: { total: 0, hinted: 0, refused: 0 },
    startedAt: Date.now(),
  };
  const firstIndex = options.firstIndex ?? 0;
  const agents = Array.from(
    { length: options.count },
    (_, i) => new SimulatedAgent(firstIndex + i, context),
  );
  const report: SimulatedAgentsReport = {
    connected: 0,
    failed: 0,
    attachMs: 0,
    handshakeMs: [],
    errors: [],
  };
  const started = performance.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < agents.length) {
      const agent = agents[next++] as SimulatedAgent;
      for (let attempt = 1; ; attempt += 1) {
        try {
          report.handshakeMs.push(await agent.connect());
          report.connected += 1;
          break;
        } catch (error) {
          if (report.errors.length < 5) report.errors.push((error as Error).message);
          if (attempt >= context.options.attempts) {
            report.failed += 1;
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
        }
      }
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(context.options.waveSize, agents.length) }, worker),
  );
  report.attachMs = performance.now() - started;
  if (context.options.reconnect)
    for (const agent of agents) if (agent.attached) agent.startReconnecting();
  return {
    report,
    counters: async () => ({
      calls: Object.fromEntries(context.calls),
      dropped: agents.filter((agent) => agent.dropped).length,
      rssBytes: process.memoryUsage().rss,
      registeredAt: agents.map((agent) => agent.registeredAt),
      waits: { ...context.waits },
    }),
    async stop() {
      await Promise.all(agents.map((agent) => agent.stop()));
    },
  };
}

// ── many agents over child processes ────────────────────────────────────────────────────────

type ParentMessage =
  { type: 'start'; options: SimulatedAgentsOptions } | { type: 'counters' } | { type: 'stop' };
type ChildMessage =
  | { type: 'started'; report: SimulatedAgentsReport }
  | { type: 'counters'; counters: SimulatedAgentsCounters }
  | { type: 'stopped' }
  | { type: 'failed'; message: string };

const WORKER_ENV = 'ETPH_BENCH_SIMULATED_AGENTS_WORKER';

/**
 * Starts `count` agents spread over `processes` child processes (1: in this process), each
 * connecting at most `waveSize / processes` at a time so that together they fill the hub's
 * handshake gate.
 */
export async function startSimulatedFleet(
  options: SimulatedAgentsOptions & { processes: number },
): Promise<SimulatedAgents> {
  const { processes, ...agentOptions } = options;
  if (processes <= 1) return startSimulatedAgents(agentOptions);
  const waveSize = Math.max(1, Math.ceil((options.waveSize ?? 32) / processes));
  const children: { child: ChildProcess; inbox: ChildMessage[]; waiters: (() => void)[] }[] = [];
  const receive = async (
    entry: (typeof children)[number],
    type: ChildMessage['type'],
  ): Promise<ChildMessage> => {
    for (;;) {
      const index = entry.inbox.findIndex((m) => m.type === type || m.type === 'failed');
      if (index >= 0) {
        const [message] = entry.inbox.splice(index, 1) as [ChildMessage];
        if (message.type === 'failed') throw new Error(`simulated agents: ${message.message}`);
        return message;
      }
      if (entry.child.exitCode !== null || entry.child.signalCode !== null) {
        throw new Error('a simulated-agents process exited');
      }
      await new Promise<void>((resolve) => entry.waiters.push(resolve));
    }
  };
  const firstIndex = options.firstIndex ?? 0;
  let assigned = 0;
  for (let p = 0; p < processes; p += 1) {
    const count = Math.floor((options.count * (p + 1)) / processes) - assigned;
    const child = fork(fileURLToPath(import.meta.url), [], {
      env: { ...process.env, [WORKER_ENV]: '1' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const entry = { child, inbox: [] as ChildMessage[], waiters: [] as (() => void)[] };
    const wake = () => entry.waiters.splice(0).forEach((resolve) => resolve());
    child.on('message', (message: ChildMessage) => {
      entry.inbox.push(message);
      wake();
    });
    child.on('exit', wake);
    children.push(entry);
    child.send({
      type: 'start',
      options: { ...agentOptions, count, firstIndex: firstIndex + assigned, waveSize },
    } satisfies ParentMessage);
    assigned += count;
  }
  const stopChildren = async () => {
    await Promise.all(
      children.map(async (entry) => {
        if (entry.child.exitCode !== null || entry.child.signalCode !== null) return;
        entry.child.send({ type: 'stop' } satisfies ParentMessage);
        const timer = setTimeout(() => entry.child.kill('SIGKILL'), 10_000);
        await new Promise((resolve) => entry.child.once('exit', resolve));
        clearTimeout(timer);
      }),
    );
  };
  let reports: SimulatedAgentsReport[];
  try {
    reports = await Promise.all(
      children.map(async (entry) => {
        const message = await receive(entry, 'started');
        return (message as Extract<ChildMessage, { type: 'started' }>).report;
      }),
    );
  } catch (error) {
    await stopChildren();
    throw error;
  }
  const report: SimulatedAgentsReport = {
    connected: reports.reduce((sum, r) => sum + r.connected, 0),
    failed: reports.reduce((sum, r) => sum + r.failed, 0),
    attachMs: Math.max(...reports.map((r) => r.attachMs)),
    handshakeMs: reports.flatMap((r) => r.handshakeMs),
    errors: reports.flatMap((r) => r.errors).slice(0, 5),
  };
  return {
    report,
    async counters() {
      const all = await Promise.all(
        children.map(async (entry) => {
          entry.child.send({ type: 'counters' } satisfies ParentMessage);
          const message = await receive(entry, 'counters');
          return (message as Extract<ChildMessage, { type: 'counters' }>).counters;
        }),
      );
      const calls: Record<string, number> = {};
      for (const counters of all) {
        for (const [method, n] of Object.entries(counters.calls)) {
          calls[method] = (calls[method] ?? 0) + n;
        }
      }
      return {
        calls,
        dropped: all.reduce((sum, c) => sum + c.dropped, 0),
        rssBytes: all.reduce((sum, c) => sum + c.rssBytes, 0),
        registeredAt: all.flatMap((c) => c.registeredAt),
        waits: {
          total: all.reduce((sum, c) => sum + c.waits.total, 0),
          hinted: all.reduce((sum, c) => sum + c.waits.hinted, 0),
          refused: all.reduce((sum, c) => sum + c.waits.refused, 0),
        },
      };
    },
    stop: stopChildren,
  };
}

// ── the child process ───────────────────────────────────────────────────────────────────────

if (process.env[WORKER_ENV] === '1' && process.send !== undefined) {
  let agents: SimulatedAgents | null = null;
  const send = (message: ChildMessage) => process.send?.(message);
  process.on('message', (message: ParentMessage) => {
    void (async () => {
      try {
        if (message.type === 'start') {
          agents = await startSimulatedAgents(message.options);
          send({ type: 'started', report: agents.report });
        } else if (message.type === 'counters') {
          send({ type: 'counters', counters: (await agents?.counters()) ?? emptyCounters() });
        } else {
          await agents?.stop();
          send({ type: 'stopped' });
          process.disconnect();
          process.exit(0);
        }
      } catch (error) {
        send({ type: 'failed', message: (error as Error).message });
      }
    })();
  });
  process.on('disconnect', () => process.exit(0));
}

function emptyCounters(): SimulatedAgentsCounters {
  return {
    calls: {},
    dropped: 0,
    rssBytes: process.memoryUsage().rss,
    registeredAt: [],
    waits: { total: 0, hinted: 0, refused: 0 },
  };
}
