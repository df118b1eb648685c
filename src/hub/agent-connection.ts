// One SSH connection from accept-by-ssh2 to close: authentication requests (bounded in number),
// the agent's reverse forward, `hello`, and the hand-over of the session to `onSession`; or,
// for a refusal the agent should hear, a notice and the end.
//
// Anything else an agent tries — sessions, direct-tcpip, a second forward, unknown global
// requests — is refused; an agent that keeps opening channels is disconnected. A connection the
// hub ends is destroyed if the peer does not close it within closeGraceMs, and a keepalive
// timeout destroys it at once: a frozen peer never acknowledges the end, and waiting for its FIN
// kept a dead agent "online" for as long as it stayed frozen (issue 17 item 10).

import type { AuthContext, Connection } from 'ssh2';
import type { Logger } from 'pino';
import type { Notice } from '../protocol/notice.js';
import { AgentSession, type SessionLink } from './agent-session.js';
import { authenticate, type AuthAttempt, type AuthDeps } from './authenticate.js';
import { AgentCallError } from './errors.js';
import type { GateEntry } from './handshake-gate.js';
import type { HubLimits } from './limits.js';
import type { ThrottledLog } from './throttled-log.js';
import { boundLogger } from '../lib/bound-logger.js';

export interface ConnectionDeps<A> extends AuthDeps<A> {
  limits: HubLimits;
  hubVersion: string;
  onSession(session: AgentSession<A>): Promise<void>;
  logs: AuthDeps<A>['logs'] & { tooManyAttempts: ThrottledLog };
}

type Admitted<A> =
  | { kind: 'session'; attempt: AuthAttempt; admission: A }
  | { kind: 'notice'; attempt: AuthAttempt; notice: Notice };

export function handleConnection<A>(
  connection: Connection,
  entry: GateEntry,
  deps: ConnectionDeps<A>,
): void {
  const { limits } = deps;
  const { remoteAddress, socket } = entry;
  let log: Logger = entry.log;
  let admitted: Admitted<A> | null = null;
  let forward: { bindAddr: string; bindPort: number } | null = null;
  let refusedChannels = 0;
  let authAttempts = 0;
  let ending = false;
  let graceTimer: NodeJS.Timeout | undefined;

  const endLink = (): void => {
    if (ending) return;
    ending = true;
    connection.end();
    graceTimer = setTimeout(() => socket.destroy(), limits.closeGraceMs);
    graceTimer.unref();
  };
  socket.once('close', () => clearTimeout(graceTimer));

  connection.on('error', (error: Error & { level?: string }) => {
    if (error.level === 'client-timeout') {
      // ssh2 only half-closes here; a frozen peer never answers with its FIN.
      log.warn({ err: error.message }, 'keepalive timeout: the agent stopped answering; cut off');
      socket.destroy();
      return;
    }
    log.debug({ err: error.message }, 'SSH connection error');
  });

  connection.on('authentication', (ctx: AuthContext) => {
    authAttempts += 1;
    if (authAttempts > limits.maxAuthAttempts) {
      if (authAttempts === limits.maxAuthAttempts + 1) {
        deps.logs.tooManyAttempts(
          entry.source,
          log,
          { attempts: authAttempts - 1 },
          'too many authentication attempts on one connection; disconnecting',
        );
      }
      ctx.reject([]);
      endLink();
      return;
    }
    if (ctx.method !== 'publickey') return ctx.reject(['publickey']);
    authenticate(ctx, { remoteAddress, source: entry.source, log }, deps)
      .then((outcome) => {
        if (outcome.kind === 'refused') return ctx.reject(['publickey']);
        if (outcome.kind !== 'probe-ok') {
          admitted = outcome;
          log = boundLogger(entry.log, { uuid: outcome.attempt.login.uuid });
        }
        ctx.accept();
      })
      .catch((error: unknown) => {
        log.error({ err: error }, 'authorization failed unexpectedly');
        ctx.reject(['publickey']);
      });
  });

  connection.on('ready', () => {
    entry.authenticated();
    if (!admitted) return endLink();
    const current = admitted;
    const helloTimer = setTimeout(() => {
      log.warn('agent did not request its reverse forward in time');
      endLink();
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
      const link: SessionLink = { end: endLink, logger: log };
      const { attempt } = current;
      const session = new AgentSession<A | null>(
        connection,
        forward,
        current.kind === 'session' ? current.admission : null,
        {
          uuid: attempt.login.uuid,
          fingerprint: attempt.fingerprint,
          publicKey: attempt.publicKey,
          remoteAddress,
        },
        link,
      );
      if (current.kind === 'notice') {
        clearTimeout(helloTimer);
        session.close(`refused: ${current.notice.code}`, current.notice);
        return;
      }
      void greet(session as AgentSession<A>, helloTimer);
    });
  });

  const refuseChannel = (reject: () => void, kind: string): void => {
    reject();
    refusedChannels += 1;
    if (refusedChannels === limits.maxRefusedChannels) {
      log.warn({ kind, refusedChannels }, 'agent keeps opening channels; disconnecting');
      endLink();
    }
  };
  connection.on('session', (_accept, reject) => refuseChannel(reject, 'session'));
  connection.on('tcpip', (_accept, reject) => refuseChannel(reject, 'direct-tcpip'));

  async function greet(current: AgentSession<A>, helloTimer: NodeJS.Timeout): Promise<void> {
    try {
      const facts = await current.call(
        'hello',
        { hubVersion: deps.hubVersion },
        { timeoutMs: limits.helloTimeoutMs },
      );
      clearTimeout(helloTimer);
      if (facts.uuid !== current.identity.uuid) {
        log.warn(
          { claimed: facts.uuid },
          'agent claimed a UUID other than the one it logged in with; disconnecting',
        );
        return current.close('identity mismatch');
      }
      current.facts = facts;
      await deps.onSession(current);
    } catch (error) {
      clearTimeout(helloTimer);
      const message = error instanceof AgentCallError ? error.message : String(error);
      log.warn({ err: message }, 'agent session refused');
      current.close('hello failed');
    }
  }
}
