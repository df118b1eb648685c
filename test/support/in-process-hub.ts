// A real tunnel hub and real agent tunnels (startTunnel) in the test's own process, over SSH on
// loopback, with their logs captured as JSON objects: for tests of the link's own behaviour
// (gate, refusals, notices, keepalives) without a server process.

import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import type { ReconnectWait } from '../../src/agent/reconnect.js';
import { startTunnel, type Tunnel, type TunnelOptions } from '../../src/agent/tunnel.js';
import type { AgentSession } from '../../src/hub/agent-session.js';
import {
  createTunnelHub,
  type TunnelHub,
  type TunnelHubOptions,
} from '../../src/hub/tunnel-hub.js';
import { generateEd25519KeyPair } from '../../src/lib/ssh-keygen.js';
import type { AgentFacts } from '../../src/protocol/rpc.js';
import type { Notice } from '../../src/protocol/notice.js';
import { waitFor } from './wait.js';

export interface CapturedLog {
  logger: Logger;
  /** Every line so far, parsed. */
  readonly lines: Array<Record<string, unknown>>;
  /** Every line so far, as written (to look for what must never be written). */
  readonly raw: string[];
  find(msg: string | RegExp): Array<Record<string, unknown>>;
}

export function captureLog(level = 'debug'): CapturedLog {
  const lines: Array<Record<string, unknown>> = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line === '') continue;
        raw.push(line);
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return {
    logger: pino({ level }, stream),
    lines,
    raw,
    find(msg) {
      return lines.filter((line) =>
        typeof msg === 'string' ? line['msg'] === msg : msg.test(String(line['msg'])),
      );
    },
  };
}

export interface InProcessHub {
  hub: TunnelHub;
  port: number;
  log: CapturedLog;
  sessions: Map<string, AgentSession<unknown>>;
  close(): Promise<void>;
}

export async function startHub(
  options: Partial<TunnelHubOptions<unknown>> & { port?: number } = {},
): Promise<InProcessHub> {
  const { port: wantedPort = 0, ...hubOptions } = options;
  const log = captureLog();
  const sessions = new Map<string, AgentSession<unknown>>();
  const hub = createTunnelHub<unknown>({
    hostKey: generateEd25519KeyPair().private,
    hubVersion: 'test',
    logger: log.logger,
    authorize: async () => ({ accept: true, admission: null }),
    onSession: async (session) => {
      sessions.set(session.identity.uuid, session);
      // Like the fleet: the first call after hello tells the agent it is registered.
      void session.call('heartbeat', {}, { timeoutMs: 10_000 }).catch(() => undefined);
      session.once('close', () => {
        if (sessions.get(session.identity.uuid) === session) sessions.delete(session.identity.uuid);
      });
    },
    ...hubOptions,
  });
  const port = (await hub.listen('127.0.0.1', wantedPort)).port;
  return { hub, port, log, sessions, close: () => hub.close() };
}

export function factsFor(uuid: string): AgentFacts {
  return {
    uuid,
    hostname: hostname(),
    platform: 'Linux',
    platformRelease: '',
    arch: 'x64',
    agentVersion: 'test',
    username: 'test',
    capabilities: [],
    allowedPaths: null,
    suggested: {},
  };
}

export interface InProcessAgent {
  uuid: string;
  tunnel: Tunnel;
  log: CapturedLog;
  /** Every wait between connections the reconnect loop chose. */
  waits: ReconnectWait[];
  notices: Notice[];
  stop(): Promise<void>;
}

export function startAgent(
  port: number,
  options: Partial<TunnelOptions> & { uuid?: string } = {},
): InProcessAgent {
  const uuid = options.uuid ?? randomUUID();
  const log = captureLog();
  const waits: InProcessAgent['waits'] = [];
  const notices: Notice[] = [];
  const tunnel = startTunnel({
    servers: [{ host: '127.0.0.1', port, pinnedFingerprint: null }],
    uuid,
    privateKey: generateEd25519KeyPair().private,
    enrollmentToken: null,
    allowedPaths: null,
    logger: log.logger,
    facts: async () => factsFor(uuid),
    onTrustFirstUse: async () => undefined,
    onRegistered: async () => undefined,
    // Fast retries: tests wait for outcomes, not for backoff windows.
    backoff: { baseMs: 50, capMs: 500, healthyMs: 60_000 },
    ...options,
    onWait: (wait) => {
      waits.push(wait);
      options.onWait?.(wait);
    },
    onNotice: (notice) => {
      notices.push(notice);
      options.onNotice?.(notice);
    },
  });
  return {
    uuid,
    tunnel,
    log,
    waits,
    notices,
    async stop() {
      tunnel.stop();
      await tunnel.done.catch(() => undefined);
    },
  };
}

/** The agent's session once the hub has handed it over. */
export function sessionOf(hub: InProcessHub, uuid: string, timeoutMs = 20_000) {
  return waitFor(() => hub.sessions.get(uuid), { timeoutMs, what: `session of ${uuid}` });
}
