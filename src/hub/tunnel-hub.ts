// The tunnel hub: an embedded SSH server (ssh2; no system sshd) that agents phone home to.
// This is the only module that imports ssh2's Server.
//
//   agent ──TCP──▶ handshake gate ──▶ ssh2 transport ──▶ publickey auth
//                  (capacity, per-source  (host key:       (signature verified here,
//                   caps, deadlines from   ed25519)          fingerprint from that key,
//                   accept, fair slots)                      admission asked of `authorize`,
//                                                            reconnect churn throttled)
//        ◀── tcpip-forward accepted, no port bound ──┘
//   hub ── hello over a forwarded-tcpip channel ──▶ agent facts ──▶ onSession(session)
//
// Refusals the agent should understand carry a notice with a retry hint (../protocol/notice.ts):
// before the handshake when the hub is full, after authentication when the fleet or the churn
// throttle says no. Pieces: handshake-gate.ts (before authentication), authenticate.ts (one
// request), agent-connection.ts (one connection), agent-session.ts (calls), limits.ts.

import net from 'node:net';
import ssh2 from '../lib/ssh2.js';
import type { Logger } from 'pino';
import { raiseOpenFileLimit, readOpenFileLimits } from '../lib/open-files.js';
import type { Notice } from '../protocol/notice.js';
import type { AgentSession } from './agent-session.js';
import { handleConnection } from './agent-connection.js';
import type { AuthAttempt, AuthDecision } from './authenticate.js';
import { createHandshakeGate } from './handshake-gate.js';
import { signingHostKey } from './host-key.js';
import { computeCapacity, defaultHubLimits, type HubCapacity, type HubLimits } from './limits.js';
import { refuseSocket } from './refuse-socket.js';
import { createReloginThrottle } from './relogin-throttle.js';
import { createThrottledLogs } from './throttled-log.js';

export type { AuthAttempt, AuthDecision } from './authenticate.js';
export { defaultHubLimits, type HubCapacity, type HubLimits } from './limits.js';

export interface TunnelHubOptions<A> {
  hostKey: string;
  hubVersion: string;
  logger: Logger;
  authorize(attempt: AuthAttempt): Promise<AuthDecision<A>>;
  /** Called once the agent has said hello; a throw closes the session. */
  onSession(session: AgentSession<A>): Promise<void>;
  /**
   * A notice to turn every new connection away with, before any SSH work (a draining server);
   * null to admit as usual.
   */
  turnAway?: (() => Notice | null) | undefined;
  limits?: Partial<HubLimits>;
}

export interface TunnelHub {
  /** Raises the open-files limit if it can, sizes the capacity, then listens. */
  listen(host: string, port: number): Promise<net.AddressInfo>;
  close(): Promise<void>;
  /** Handshakes running now (key exchange and authentication). */
  readonly handshakesInProgress: number;
  /** Identified sockets waiting for a handshake slot. */
  readonly handshakesQueued: number;
  /** Connections held now: agents and sockets not yet authenticated. */
  readonly connections: number;
  /** How many connections the hub holds at most, and why (known once listening). */
  readonly capacity: HubCapacity;
}

export function createTunnelHub<A>(options: TunnelHubOptions<A>): TunnelHub {
  const limits: HubLimits = { ...defaultHubLimits, ...options.limits };
  const log = options.logger;
  const ident = `etphonehome_${options.hubVersion}`;
  let capacity = computeCapacity(limits, readOpenFileLimits(), 'not tried');

  const logs = createThrottledLogs(log, {
    intervalMs: limits.logIntervalMs,
    burst: limits.logBurst,
  });
  const refusedLogin = logs.create('login refused', 'warn');
  const throttledLogin = logs.create('login throttled', 'warn', 1);
  const gateLogs = {
    refused: logs.create('connection refused', 'warn'),
    timedOut: logs.create('handshake timed out', 'warn'),
    badIdent: logs.create('not an SSH client', 'info'),
  };
  const tooManyAttempts = logs.create('too many authentication attempts', 'warn');
  const throttle = createReloginThrottle(limits);

  const sshServer = new ssh2.Server(
    {
      hostKeys: [signingHostKey(options.hostKey)],
      ident,
      keepaliveInterval: limits.keepaliveIntervalMs,
      keepaliveCountMax: limits.keepaliveCountMax,
    },
    (connection, info) => {
      const entry = gate.take(info.ip, info.port);
      if (!entry) {
        log.error({ remoteAddress: info.ip }, 'SSH connection without a gate entry; closed');
        return connection.end();
      }
      handleConnection(connection, entry, {
        limits,
        hubVersion: options.hubVersion,
        authorize: options.authorize,
        onSession: options.onSession,
        throttle,
        logs: { refused: refusedLogin, throttled: throttledLogin, tooManyAttempts },
      });
    },
  );

  const gate = createHandshakeGate({
    limits,
    maxConnections: () => capacity.maxConnections,
    ident,
    logger: log,
    logs: gateLogs,
    startHandshake: (socket) => sshServer.injectSocket(socket),
  });

  const tcpServer = net.createServer((socket) => {
    const away = options.turnAway?.();
    if (away) return void refuseSocket(socket, away, ident);
    gate.admit(socket);
  });
  // Accepting fails with EMFILE when descriptors run out anyway (the reserve is for the rest of
  // the server, which may have used it): logged, never thrown — an unhandled 'error' would crash.
  const acceptFailed = logs.create('cannot accept a connection', 'error');

  return {
    listen(host, port) {
      const raise = raiseOpenFileLimit();
      capacity = computeCapacity(limits, raise.after, raise.outcome);
      log.info(
        {
          maxConnections: capacity.maxConnections,
          basis: capacity.basis,
          openFiles: capacity.openFiles,
          reservedDescriptors: capacity.reservedDescriptors,
        },
        'SSH hub capacity',
      );
      if (raise.outcome === 'failed') {
        log.warn(
          { openFiles: raise.after, err: raise.error },
          'cannot raise the open-files soft limit to the hard limit; fewer agents fit',
        );
      }
      return new Promise((resolve, reject) => {
        tcpServer.once('error', reject);
        tcpServer.listen(port, host, () => {
          tcpServer.off('error', reject);
          tcpServer.on('error', (error: NodeJS.ErrnoException) =>
            acceptFailed(
              error.code ?? 'error',
              log,
              { err: error.message },
              'cannot accept a connection',
            ),
          );
          resolve(tcpServer.address() as net.AddressInfo);
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        gate.closeAll();
        logs.stop();
        tcpServer.close(() => resolve());
      });
    },
    get handshakesInProgress() {
      return gate.inProgress;
    },
    get handshakesQueued() {
      return gate.queued;
    },
    get connections() {
      return gate.connections;
    },
    get capacity() {
      return capacity;
    },
  };
}
