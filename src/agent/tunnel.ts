// The agent's link home: one outbound SSH connection, kept up forever.
//
//   agent ──TCP (noDelay)──▶ server:2222   verify host key (pinned, or trust on first use)
//         ──publickey auth──▶               username "<uuid>[+<enrollment token>]"
//         ──tcpip-forward──▶                the server binds nothing; it opens channels back
//         ◀── forwarded-tcpip channel ──── one JSON-RPC call each → serveChannel
//
// Reconnects with exponential backoff and full jitter (base 1 s, cap 60 s; reset after a
// healthy minute). A changed server host key is fatal: the agent stops with a message saying
// how to re-pin, rather than talk to a server it cannot trust.

import net from 'node:net';
import ssh2 from 'ssh2';
import type { Logger } from 'pino';
import { createBackoff } from '../lib/backoff.js';
import { fingerprintOf } from '../lib/fingerprint.js';
import { formatAgentLogin } from '../protocol/identity.js';
import type { AgentFacts } from '../protocol/rpc.js';
import { serveChannel } from './rpc-server.js';

export interface TunnelOptions {
  host: string;
  port: number;
  uuid: string;
  privateKey: string;
  /** The pinned host key fingerprint; null = trust on first use. */
  pinnedFingerprint: string | null;
  enrollmentToken: string | null;
  allowedPaths: readonly string[] | null;
  logger: Logger;
  facts(): Promise<AgentFacts>;
  /** First contact with an unpinned server: persist its fingerprint. */
  onTrustFirstUse(fingerprint: string): Promise<void>;
  /** Once the server has registered this agent (a used enrollment token is no longer needed). */
  onRegistered(): Promise<void>;
  backoff?: { baseMs: number; capMs: number; healthyMs: number };
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

export function startTunnel(options: TunnelOptions): Tunnel {
  const log = options.logger;
  const timing = options.backoff ?? { baseMs: 1000, capMs: 60_000, healthyMs: 60_000 };
  const backoff = createBackoff({ baseMs: timing.baseMs, capMs: timing.capMs });
  const server = `${options.host}:${options.port}`;
  let pinned = options.pinnedFingerprint;
  let token = options.enrollmentToken;
  let stopped = false;
  let current: ssh2.Client | null = null;
  let retryTimer: NodeJS.Timeout | undefined;
  let resolveDone!: () => void;
  let rejectDone!: (error: Error) => void;
  const done = new Promise<void>((resolve, reject) => {
    resolveDone = resolve;
    rejectDone = reject;
  });

  function scheduleReconnect(connectedForMs: number): void {
    if (stopped) return;
    if (connectedForMs >= timing.healthyMs) backoff.reset();
    const delay = backoff.nextDelayMs();
    log.info({ server, delayMs: delay, attempt: backoff.attempts }, 'reconnecting');
    retryTimer = setTimeout(connect, delay);
  }

  function connect(): void {
    if (stopped) return;
    let connectedAt = 0;
    let hostKeyChange: HostKeyChangedError | null = null;
    let presentedFingerprint: string | null = null;
    const client = new ssh2.Client();
    current = client;
    const socket = net.connect({ host: options.host, port: options.port });
    socket.setNoDelay(true);
    socket.on('error', () => undefined); // reported through the client below

    let registered = false;
    const onRequest = (method: string): void => {
      // The server calls nothing but hello until it has registered this agent.
      if (registered || method === 'hello') return;
      registered = true;
      log.info({ server }, 'registered by the server');
      if (token !== null) {
        token = null;
        options
          .onRegistered()
          .catch((error: unknown) => log.error({ err: error }, 'cannot save the config'));
      }
    };
    // A dead connection does not always close its channels: transfers also watch this.
    const linkClosed = new AbortController();
    client.on('tcp connection', (_info, accept) => {
      const channel = accept();
      void serveChannel(channel, {
        linkClosed: linkClosed.signal,
        logger: log,
        allowedPaths: options.allowedPaths,
        facts: options.facts,
        onRequest,
      });
    });

    client.on('ready', () => {
      connectedAt = Date.now();
      client.forwardIn('127.0.0.1', 0, (error) => {
        if (error) {
          log.error({ server, err: error.message }, 'server refused the reverse forward');
          client.end();
          return;
        }
        log.info({ server }, 'connected; waiting for calls');
      });
      if (pinned === null && presentedFingerprint) {
        const fingerprint = presentedFingerprint;
        pinned = fingerprint;
        log.warn({ server, fingerprint }, 'trusting this server key on first use and pinning it');
        options
          .onTrustFirstUse(fingerprint)
          .catch((error: unknown) => log.error({ err: error }, 'cannot save the config'));
      }
    });

    client.on('error', (error: Error & { level?: string }) => {
      if (hostKeyChange) return;
      if (error.level === 'client-authentication') {
        log.error(
          { server, uuid: options.uuid },
          'the server refused this agent: its key is not authorized there. Ask the operator to add it (phonehome --show-key) to authorized_keys, or enroll with a token (--enroll).',
        );
      } else {
        log.warn({ server, err: error.message }, 'connection failed');
      }
    });

    client.on('close', () => {
      linkClosed.abort();
      if (current === client) current = null;
      if (hostKeyChange) {
        stopped = true;
        rejectDone(hostKeyChange);
        return;
      }
      if (connectedAt) log.warn({ server }, 'disconnected');
      if (stopped) return resolveDone();
      scheduleReconnect(connectedAt ? Date.now() - connectedAt : 0);
    });

    let sshStarted = false;
    socket.once('connect', () => {
      sshStarted = true;
      client.connect({
        sock: socket,
        username: formatAgentLogin({ uuid: options.uuid, enrollmentToken: token }),
        privateKey: options.privateKey,
        readyTimeout: 30_000,
        keepaliveInterval: 15_000,
        keepaliveCountMax: 4,
        hostVerifier: (key: Buffer) => {
          presentedFingerprint = fingerprintOf(key);
          if (pinned !== null && pinned !== presentedFingerprint) {
            hostKeyChange = new HostKeyChangedError(server, pinned, presentedFingerprint);
            return false;
          }
          return true;
        },
      });
    });
    socket.once('error', (error) => {
      if (sshStarted) return; // ssh2 owns the socket now and reports through 'error'/'close'
      log.warn({ server, err: error.message }, 'cannot reach the server');
      client.emit('close'); // never connected: take the same reconnect path
    });
  }

  connect();
  return {
    done,
    stop() {
      if (stopped) return;
      stopped = true;
      clearTimeout(retryTimer);
      if (current) current.end();
      else resolveDone();
    },
  };
}
