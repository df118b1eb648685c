// The tunnel hub: an embedded SSH server (ssh2; no system sshd) that agents phone home to.
// This is the only module that imports ssh2's Server.
//
//   agent ──TCP──▶ handshake gate ──▶ ssh2 transport ──▶ publickey auth
//                  (≤ N at once,       (host key:        (signature verified here,
//                   queue, timeout)     ed25519)          fingerprint from that key,
//                                                         admission asked of `authorize`)
//        ◀── tcpip-forward accepted, no port bound ──┘
//   hub ── hello over a forwarded-tcpip channel ──▶ agent facts ──▶ onSession(session)
//
// Anything else an agent tries — sessions, direct-tcpip, a second forward, unknown global
// requests — is refused; an agent that keeps opening channels is disconnected. The hub holds no
// policy of its own: who may log in is the `authorize` callback's decision (the fleet service).

import net from 'node:net';
import ssh2, { type Connection, type AuthContext, type PublicKeyAuthContext } from 'ssh2';
import type { Logger } from 'pino';
import { fingerprintOf } from '../lib/fingerprint.js';
import { parseAgentLogin, type AgentLogin } from '../protocol/identity.js';
import { AgentSession } from './agent-session.js';
import { AgentCallError } from './errors.js';

export interface AuthAttempt {
  login: AgentLogin;
  /** OpenSSH one-line form: "<algo> <base64>". */
  publicKey: string;
  fingerprint: string;
  remoteAddress: string;
  /** False for the signature-less probe clients send first; true once the signature checked out. */
  verified: boolean;
}

export type AuthDecision<A> = { accept: true; admission: A } | { accept: false; reason: string };

export interface HubLimits {
  maxConcurrentHandshakes: number;
  maxQueuedHandshakes: number;
  handshakeTimeoutMs: number;
  helloTimeoutMs: number;
  maxRefusedChannels: number;
  keepaliveIntervalMs: number;
  keepaliveCountMax: number;
}

export const defaultHubLimits: HubLimits = {
  maxConcurrentHandshakes: 32,
  maxQueuedHandshakes: 1024,
  handshakeTimeoutMs: 30_000,
  helloTimeoutMs: 15_000,
  maxRefusedChannels: 64,
  // Longer than the default heartbeat verdict (3 × 30 s): an agent that stops answering is
  // reported unhealthy first, and cut off as dead about 30 s later.
  keepaliveIntervalMs: 30_000,
  keepaliveCountMax: 4,
};

export interface TunnelHubOptions<A> {
  hostKey: string;
  hubVersion: string;
  logger: Logger;
  authorize(attempt: AuthAttempt): Promise<AuthDecision<A>>;
  /** Called once the agent has said hello; a throw closes the session. */
  onSession(session: AgentSession<A>): Promise<void>;
  limits?: Partial<HubLimits>;
}

export interface TunnelHub {
  listen(host: string, port: number): Promise<net.AddressInfo>;
  close(): Promise<void>;
  readonly handshakesInProgress: number;
}

interface PendingHandshake {
  socket: net.Socket;
  release(): void;
}

export function createTunnelHub<A>(options: TunnelHubOptions<A>): TunnelHub {
  const limits = { ...defaultHubLimits, ...options.limits };
  const log = options.logger;
  const sockets = new Set<net.Socket>();
  const pending = new Map<string, PendingHandshake>();
  const queue: net.Socket[] = [];
  let active = 0;

  const sshServer = new ssh2.Server(
    {
      hostKeys: [options.hostKey],
      ident: `etphonehome_${options.hubVersion}`,
      keepaliveInterval: limits.keepaliveIntervalMs,
      keepaliveCountMax: limits.keepaliveCountMax,
    },
    (connection, info) => {
      const key = `${info.ip}:${info.port}`;
      handleConnection(connection, info.ip ?? 'unknown', pending.get(key));
    },
  );

  // ── Handshake gate ──────────────────────────────────────────────────────────────────────
  function admitSocket(socket: net.Socket): void {
    socket.setNoDelay(true);
    socket.on('error', () => undefined); // reported through ssh2 or the close below
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    if (active < limits.maxConcurrentHandshakes) startHandshake(socket);
    else if (queue.length < limits.maxQueuedHandshakes) queue.push(socket);
    else {
      log.warn({ remoteAddress: socket.remoteAddress }, 'handshake queue full; connection dropped');
      socket.destroy();
    }
  }

  function startHandshake(socket: net.Socket): void {
    if (socket.destroyed) return startNext();
    active += 1;
    const key = `${socket.remoteAddress}:${socket.remotePort}`;
    let released = false;
    const timer = setTimeout(() => {
      log.warn({ remoteAddress: socket.remoteAddress }, 'SSH handshake timed out');
      socket.destroy();
    }, limits.handshakeTimeoutMs);
    const release = (): void => {
      if (released) return;
      released = true;
      clearTimeout(timer);
      pending.delete(key);
      active -= 1;
      startNext();
    };
    pending.set(key, { socket, release });
    socket.once('close', release);
    sshServer.injectSocket(socket);
  }

  function startNext(): void {
    while (active < limits.maxConcurrentHandshakes && queue.length > 0) {
      const next = queue.shift();
      if (next && !next.destroyed) {
        startHandshake(next);
        return;
      }
    }
  }

  // ── One connection ──────────────────────────────────────────────────────────────────────
  function handleConnection(
    connection: Connection,
    remoteAddress: string,
    handshake: PendingHandshake | undefined,
  ): void {
    let admitted: { attempt: AuthAttempt; admission: A } | null = null;
    let forward: { bindAddr: string; bindPort: number } | null = null;
    let refusedChannels = 0;
    let session: AgentSession<A> | null = null;

    connection.on('error', (error) => {
      log.debug({ remoteAddress, err: error.message }, 'SSH connection error');
    });

    connection.on('authentication', (ctx: AuthContext) => {
      if (ctx.method !== 'publickey') return ctx.reject(['publickey']);
      authenticate(ctx, remoteAddress)
        .then((result) => {
          if (result === 'probe-ok') ctx.accept();
          else if (result === null) ctx.reject(['publickey']);
          else {
            admitted = result;
            ctx.accept();
          }
        })
        .catch((error: unknown) => {
          log.error({ err: error, remoteAddress }, 'authorization failed unexpectedly');
          ctx.reject(['publickey']);
        });
    });

    connection.on('ready', () => {
      handshake?.release();
      if (!admitted) return connection.end();
      const { attempt, admission } = admitted;
      const helloTimer = setTimeout(() => {
        log.warn(
          { uuid: attempt.login.uuid, remoteAddress },
          'agent did not request its reverse forward in time',
        );
        connection.end();
      }, limits.helloTimeoutMs);

      connection.on('request', (accept, reject, name, info) => {
        if (name !== 'tcpip-forward' || forward !== null || !accept) return reject?.();
        const forwardInfo = info as { bindAddr: string; bindPort: number };
        // Acknowledge without listening: the port only names the forward for forwardOut.
        const bindPort =
          forwardInfo.bindPort === 0
            ? 10_000 + Math.floor(Math.random() * 50_000)
            : forwardInfo.bindPort;
        forward = { bindAddr: forwardInfo.bindAddr, bindPort };
        accept(bindPort);
        session = new AgentSession(connection, forward, admission, {
          uuid: attempt.login.uuid,
          fingerprint: attempt.fingerprint,
          publicKey: attempt.publicKey,
          remoteAddress,
        });
        void greet(session, helloTimer);
      });
    });

    const refuseChannel = (reject: () => void, kind: string): void => {
      reject();
      refusedChannels += 1;
      if (refusedChannels === limits.maxRefusedChannels) {
        log.warn(
          { remoteAddress, kind, refusedChannels },
          'agent keeps opening channels; disconnecting',
        );
        connection.end();
      }
    };
    connection.on('session', (_accept, reject) => refuseChannel(reject, 'session'));
    connection.on('tcpip', (_accept, reject) => refuseChannel(reject, 'direct-tcpip'));

    connection.on('close', () => {
      handshake?.release();
    });

    async function greet(current: AgentSession<A>, helloTimer: NodeJS.Timeout): Promise<void> {
      try {
        const facts = await current.call(
          'hello',
          { hubVersion: options.hubVersion },
          {
            timeoutMs: limits.helloTimeoutMs,
          },
        );
        clearTimeout(helloTimer);
        if (facts.uuid !== current.identity.uuid) {
          log.warn(
            { uuid: current.identity.uuid, claimed: facts.uuid, remoteAddress },
            'agent claimed a UUID other than the one it logged in with; disconnecting',
          );
          return current.close('identity mismatch');
        }
        current.facts = facts;
        await options.onSession(current);
      } catch (error) {
        clearTimeout(helloTimer);
        const message = error instanceof AgentCallError ? error.message : String(error);
        log.warn(
          { uuid: current.identity.uuid, remoteAddress, err: message },
          'agent session refused',
        );
        current.close('hello failed');
      }
    }
  }

  async function authenticate(
    ctx: AuthContext,
    remoteAddress: string,
  ): Promise<'probe-ok' | { attempt: AuthAttempt; admission: A } | null> {
    const pk = ctx as PublicKeyAuthContext;
    const login = parseAgentLogin(ctx.username);
    const keyBlob = pk.key.data;
    const fingerprint = fingerprintOf(keyBlob);
    if (!login) {
      log.warn(
        { remoteAddress, fingerprint, username: ctx.username.slice(0, 80) },
        'login refused: not an agent login',
      );
      return null;
    }
    const parsed = ssh2.utils.parseKey(keyBlob);
    if (parsed instanceof Error || Array.isArray(parsed)) {
      log.warn({ remoteAddress, fingerprint }, 'login refused: unreadable public key');
      return null;
    }
    const signature = pk.signature;
    const verified = signature !== undefined;
    if (verified) {
      // ssh2 leaves the signature check to us: without it anyone knowing a public key gets in.
      const ok = pk.blob !== undefined && parsed.verify(pk.blob, signature, pk.hashAlgo) === true;
      if (!ok) {
        log.warn({ remoteAddress, fingerprint, uuid: login.uuid }, 'login refused: bad signature');
        return null;
      }
    }
    const attempt: AuthAttempt = {
      login,
      publicKey: `${pk.key.algo} ${keyBlob.toString('base64')}`,
      fingerprint,
      remoteAddress,
      verified,
    };
    const decision = await options.authorize(attempt);
    if (!decision.accept) {
      // Clients probe before signing; a refused probe is the usual (and only) sign of a
      // stranger's key, so both stages are logged.
      log.warn(
        {
          remoteAddress,
          fingerprint,
          uuid: login.uuid,
          reason: decision.reason,
          stage: verified ? 'signed' : 'probe',
        },
        'login refused',
      );
      return null;
    }
    return verified ? { attempt, admission: decision.admission } : 'probe-ok';
  }

  const tcpServer = net.createServer(admitSocket);

  return {
    listen(host, port) {
      return new Promise((resolve, reject) => {
        tcpServer.once('error', reject);
        tcpServer.listen(port, host, () => {
          tcpServer.off('error', reject);
          resolve(tcpServer.address() as net.AddressInfo);
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        queue.length = 0;
        tcpServer.close(() => resolve());
      });
    },
    get handshakesInProgress() {
      return active;
    },
  };
}
