// The agent's link home: one outbound SSH connection, kept up forever.
//
//   agent ──TCP (noDelay)──▶ server:2222   verify host key (pinned, or trust on first use)
//         ──publickey auth──▶               username "<uuid>[+<enrollment token>]"
//         ──tcpip-forward──▶                the server binds nothing; it opens channels back
//         ◀── forwarded-tcpip channel ──── one JSON-RPC call each → serveChannel, or the call
//                                          line: small calls, many on one channel
//
// Reconnects through ./reconnect.ts (exponential backoff, full jitter, base 1 s, cap 30 s — 4 s for
// the first minute of refused dials —, reset after a healthy minute; never sooner than the
// server's retry hint). The server states its decisions in notices (../protocol/notice.ts) —
// busy, throttled, decommissioned, key refused, quarantined, replaced — and the agent logs them
// in its words (./notices.ts). A changed server host key is fatal: the agent stops with a message
// saying how to re-pin, rather than talk to a server it cannot trust.

import net from 'node:net';
import ssh2 from '../lib/ssh2.js';
import type { Logger } from 'pino';
import { coalesceWrites } from '../lib/coalesce-writes.js';
import { fingerprintOf } from '../lib/fingerprint.js';
import { formatAgentLogin } from '../protocol/identity.js';
import { NoticeCode, parseNoticeGreeting, type Notice } from '../protocol/notice.js';
import type { AgentFacts } from '../protocol/rpc.js';
import { keepaliveOnSilence, type LinkSilence } from './keepalive.js';
import { logNotice } from './notices.js';
import {
  runReconnectLoop,
  type BackoffTiming,
  type LinkOutcome,
  type ReconnectWait,
} from './reconnect.js';
import { serveChannel } from './rpc-server.js';
import { serverKey, type ServerAddress } from './servers.js';

/**
 * SSH keepalives to the server: one after 40 s without a byte from it, and the link is cut after
 * 2 unanswered (120 s, as the server cuts a silent agent). ./keepalive.ts makes ssh2 wait for
 * silence, as OpenSSH's client does. 40 s is longer than the server's heartbeats (30 s ± 10 %):
 * while they arrive, the agent sends none; while the agent sends its own (./beats.ts), each one
 * holds them off, and an unanswered beat is what cuts a dead link.
 */
export const AGENT_KEEPALIVE = { intervalMs: 40_000, countMax: 2 } as const;

/** How long stopping waits for the server to close the connection before dropping it. */
const STOP_GRACE_MS = 2000;

export interface TunnelOptions {
  /**
   * Where to phone home: one server, or the servers of one cluster, each with its pinned host
   * key fingerprint (null = trust on first use). Tried from a random one, the next on each
   * reconnect.
   */
  servers: readonly (ServerAddress & { pinnedFingerprint: string | null })[];
  uuid: string;
  privateKey: string;
  enrollmentToken: string | null;
  allowedPaths: readonly string[] | null;
  /** The owner's ceiling on port forwards (config.yaml allowed_forwards); null = none. */
  allowedForwards?: readonly string[] | null | undefined;
  logger: Logger;
  facts(): Promise<AgentFacts>;
  /** First contact with an unpinned server ("host:port"): persist its fingerprint. */
  onTrustFirstUse(server: string, fingerprint: string): Promise<void>;
  /** Picks the first server to try and draws the reconnect jitter (tests); default: Math.random. */
  random?: () => number;
  /** Once the server has registered this agent (a used enrollment token is no longer needed). */
  onRegistered(): Promise<void>;
  backoff?: BackoffTiming;
  /** Told before each wait between connections (tests, simulators). */
  onWait?(wait: ReconnectWait): void;
  /** Told each notice the server sends (after it is logged). */
  onNotice?(notice: Notice): void;
  /**
   * Give up on a connection that is not authenticated within this (default 25 s: a little longer
   * than the hub's own 20 s bound, so the hub's answer — a notice — arrives first).
   */
  readyTimeoutMs?: number;
  /** SSH keepalives to the server (default AGENT_KEEPALIVE: 40 s of silence, 2 unanswered: cut). */
  keepalive?: { intervalMs: number; countMax: number };
  /** false: offer no call line (../protocol/call-line.ts), like an agent from before it (tests). */
  callLine?: boolean;
  /** Told the method of each request the agent serves, after it is checked (tests). */
  onRequest?(method: string): void;
}

export class HostKeyChangedError extends Error {
  constructor(
    readonly server: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(
      `The host key of ${server} changed: pinned ${expected}, presented ${actual}. ` +
        'Refusing to connect: someone may be impersonating the server. If the server was ' +
        `reinstalled on purpose, verify the new fingerprint with its operator, then run ` +
        `"phonehome --server-fingerprint ${actual}" (or remove the entry from known_servers in config.yaml).`,
    );
    this.name = 'HostKeyChangedError';
  }
}

export interface Tunnel {
  /** Resolves when stopped; rejects with HostKeyChangedError when the server key changed. */
  readonly done: Promise<void>;
  stop(): void;
}

/**
 * What outlives one connection: each server's pinned key (after first use), the unused token,
 * and which server the next connection tries.
 */
interface TunnelState {
  pinned: Map<string, string | null>;
  token: string | null;
  next: number;
}

export function startTunnel(options: TunnelOptions): Tunnel {
  const log = options.logger;
  if (options.servers.length === 0) throw new Error('startTunnel: no server to phone home to');
  const server = options.servers.map(serverKey).join(',');
  const state: TunnelState = {
    pinned: new Map(options.servers.map((s) => [serverKey(s), s.pinnedFingerprint])),
    token: options.enrollmentToken,
    // Agents of one cluster start spread over its servers.
    next: Math.floor((options.random ?? Math.random)() * options.servers.length),
  };
  const stopping = new AbortController();
  const done = runReconnectLoop({
    connect: (signal) => connectOnce(options, state, signal),
    signal: stopping.signal,
    ...(options.backoff ? { backoff: options.backoff } : {}),
    ...(options.random ? { random: options.random } : {}),
    onWait(wait) {
      log.info(
        {
          server,
          delayMs: wait.delayMs,
          attempt: wait.attempt,
          ...(wait.retryAfterMs === undefined ? {} : { retryAfterMs: wait.retryAfterMs }),
          ...(wait.refused ? { refused: true } : {}),
        },
        'reconnecting',
      );
      options.onWait?.(wait);
    },
  });
  // A fatal error (host key) stops the loop; make sure nothing keeps running after it.
  done.catch(() => stopping.abort());
  return {
    done,
    stop() {
      stopping.abort();
    },
  };
}

/** One connection, from dial to close. Rejects only with HostKeyChangedError. */
function connectOnce(
  options: TunnelOptions,
  state: TunnelState,
  signal: AbortSignal,
): Promise<LinkOutcome> {
  const log = options.logger;
  const target = options.servers[state.next % options.servers.length] as ServerAddress;
  state.next += 1;
  const server = serverKey(target);
  const keepalive = options.keepalive ?? AGENT_KEEPALIVE;
  return new Promise((resolve, reject) => {
    let connectedAt = 0;
    let hostKeyChange: HostKeyChangedError | null = null;
    let presentedFingerprint: string | null = null;
    let notice: Notice | null = null;
    const client = new ssh2.Client();
    const socket = net.connect({ host: target.host, port: target.port });
    socket.setNoDelay(true);
    // ssh2 writes one socket write per packet: a turn's packets go out as one writev.
    coalesceWrites(socket);
    socket.on('error', () => undefined); // reported through the client below

    const heard = (said: Notice): void => {
      // Every notice but quarantine comes with the end of the connection: it is the reason.
      if (said.code !== NoticeCode.quarantined) notice = said;
      logNotice(log, server, said);
      options.onNotice?.(said);
    };
    let sshStarted = false;
    let refused = false;
    // Stopping ends an SSH connection politely; a dial not yet handed to ssh2 is just dropped.
    // A frozen server never answers the end: the socket goes anyway after a short grace.
    const onStop = (): void => {
      if (sshStarted) client.end();
      else socket.destroy();
      setTimeout(() => socket.destroy(), STOP_GRACE_MS).unref();
    };
    signal.addEventListener('abort', onStop, { once: true });

    let registered = false;
    const onRequest = (method: string): void => {
      options.onRequest?.(method);
      // The server calls nothing but hello until it has registered this agent.
      if (registered || method === 'hello') return;
      registered = true;
      log.info({ server }, 'registered by the server');
      if (state.token !== null) {
        state.token = null;
        options
          .onRegistered()
          .catch((error: unknown) => log.error({ err: error }, 'cannot save the config'));
      }
    };
    // A dead connection does not always close its channels: transfers also watch this.
    const linkClosed = new AbortController();
    let silence: LinkSilence | undefined; // once the link is up
    const link = {
      silentForMs: () => silence?.silentForMs() ?? 0,
      holdKeepalives: () => silence?.holdKeepalives(),
      cut: (reason: string) => {
        log.warn({ server, reason }, 'the server stopped answering; dialing again');
        socket.destroy();
      },
    };
    client.on('tcp connection', (_info, accept) => {
      const channel = accept();
      void serveChannel(channel, {
        linkClosed: linkClosed.signal,
        logger: log,
        allowedPaths: options.allowedPaths,
        allowedForwards: options.allowedForwards ?? null,
        facts: options.facts,
        onRequest,
        onNotice: heard,
        callLine: options.callLine,
        link,
      });
    });

    // Lines before the server's identification: a refusal before any handshake (server busy).
    client.on('greeting', (text: string) => {
      const said = parseNoticeGreeting(text);
      if (said) heard(said);
    });

    client.on('ready', () => {
      connectedAt = Date.now();
      silence = keepaliveOnSilence(client, socket, keepalive.intervalMs);
      client.forwardIn('127.0.0.1', 0, (error) => {
        if (error) {
          log.error({ server, err: error.message }, 'server refused the reverse forward');
          client.end();
          return;
        }
        if (!notice) log.info({ server }, 'connected; waiting for calls');
      });
      if ((state.pinned.get(server) ?? null) === null && presentedFingerprint) {
        const fingerprint = presentedFingerprint;
        state.pinned.set(server, fingerprint);
        log.warn({ server, fingerprint }, 'trusting this server key on first use and pinning it');
        options
          .onTrustFirstUse(server, fingerprint)
          .catch((error: unknown) => log.error({ err: error }, 'cannot save the config'));
      }
    });

    client.on('error', (error: Error & { level?: string }) => {
      if (hostKeyChange || notice) return; // said better elsewhere
      if (error.level === 'client-authentication') {
        log.error(
          { server, uuid: options.uuid },
          'the server refused this agent: its key is not authorized there. Ask the operator to add it (phonehome --show-key) to authorized_keys, or enroll with a token (--enroll).',
        );
      } else {
        log.warn({ server, err: error.message }, 'connection failed');
      }
    });

    let finished = false;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      signal.removeEventListener('abort', onStop);
      linkClosed.abort();
      if (hostKeyChange) return reject(hostKeyChange);
      // A notice's session (refused, told why) is not a link that was up.
      if (connectedAt && !notice) log.warn({ server }, 'disconnected');
      resolve({
        connectedForMs: connectedAt ? Date.now() - connectedAt : 0,
        retryAfterMs: notice?.retryAfterMs,
        refused,
      });
    };
    client.on('close', finish);
    socket.once('close', () => {
      if (!sshStarted) finish(); // ssh2 reports its own sockets' close as the client's
    });

    socket.once('connect', () => {
      if (signal.aborted) return void socket.destroy();
      sshStarted = true;
      client.connect({
        sock: socket,
        username: formatAgentLogin({ uuid: options.uuid, enrollmentToken: state.token }),
        privateKey: options.privateKey,
        readyTimeout: options.readyTimeoutMs ?? 25_000,
        keepaliveInterval: keepalive.intervalMs,
        keepaliveCountMax: keepalive.countMax,
        hostVerifier: (key: Buffer) => {
          presentedFingerprint = fingerprintOf(key);
          const pinned = state.pinned.get(server) ?? null;
          if (pinned !== null && pinned !== presentedFingerprint) {
            hostKeyChange = new HostKeyChangedError(server, pinned, presentedFingerprint);
            return false;
          }
          return true;
        },
      });
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      if (sshStarted) return; // ssh2 owns the socket now and reports through 'error'/'close'
      refused = error.code === 'ECONNREFUSED';
      log.warn({ server, err: error.message }, 'cannot reach the server');
      finish(); // never connected: take the same reconnect path
    });
    if (signal.aborted) socket.destroy();
  });
}
