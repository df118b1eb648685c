// Port forwards to what a client can reach (issue 16), `ssh -L` style: a tunnel is opened once
// through the gate (client online, key accepted, rate-limit permit, the per-client cap) and then
// carries TCP connections, each a stream channel of its own through the agent's connection
// (protocol/stream.ts). The target is bounded twice: the client's server-side forwardTargets,
// checked here when the tunnel opens (nothing reaches the agent otherwise), and the agent's own
// allowed_forwards, checked by the agent before each connection (FORWARD_DENIED either way). Audited as tunnel.opened / tunnel.closed (target,
// connections, bytes, duration). A tunnel knows the Caller that opened it; it ends at once, with
// all its connections, when its client's link ends or it is closed.

import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import { AppError, ErrorCode } from '../../errors.js';
import type { AgentStream } from '../../hub/agent-session.js';
import {
  findForwardRule,
  formatTarget,
  isValidTargetHost,
  normaliseHost,
  parseForwardRules,
} from '../../protocol/forward-target.js';
import type { ClientRecord } from '../../store/index.js';
import { actorOf, type Audit } from '../audit.js';
import type { Caller } from '../caller.js';
import { FleetEventType } from '../event-types.js';
import type { Gate } from '../gate.js';
import {
  MAX_TUNNEL_CONNECTIONS,
  MAX_TUNNELS_PER_CLIENT,
  STREAM_OPEN_TIMEOUT_MS,
} from '../limits.js';

export interface OpenTunnelInput {
  /** The target as seen from the client. */
  host: string;
  port: number;
  /** Where the operator listens ("127.0.0.1:8080"): shown in lists only. */
  listen?: string | undefined;
}

export interface TunnelView {
  id: string;
  clientUuid: string;
  clientId: string;
  actor: string;
  host: string;
  port: number;
  listen: string | null;
  openedAt: Date;
  /** Connections carried so far, and open now. */
  connections: number;
  activeConnections: number;
  bytesIn: number;
  bytesOut: number;
}

/** One forwarded TCP connection: the agent's channel, and counters the door feeds. */
export interface TunnelConnection extends AgentStream {
  /** Bytes carried towards the client (in) and back (out). */
  count(bytesIn: number, bytesOut: number): void;
  close(): void;
}

/** An open tunnel. Event: close(reason). */
export interface Tunnel extends EventEmitter {
  readonly id: string;
  readonly caller: Caller;
  view(): TunnelView;
  /** A new connection to the target; FORWARD_DENIED, AGENT_* or NOT_FOUND when it cannot. */
  connect(): Promise<TunnelConnection>;
  close(reason: string): void;
}

export interface TunnelDeps {
  gate: Gate;
  audit: Audit;
  logger: Logger;
}

export function checkTarget(host: string, port: number): void {
  if (!isValidTargetHost(host))
    throw new AppError(
      ErrorCode.badUserInput,
      `Forward target host "${host.slice(0, 100)}" is not a host name or address. Give host:port, e.g. 127.0.0.1:5432 or db.internal:5432.`,
      { host },
    );
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new AppError(
      ErrorCode.badUserInput,
      `Forward target port ${port} is out of range: use 1-65535.`,
      { port },
    );
}

/** FORWARD_DENIED unless a rule of the client's forwardTargets admits host:port. */
export function checkForwardTargets(client: ClientRecord, host: string, port: number): void {
  const target = formatTarget(host, port);
  const texts = client.forwardTargets ?? [];
  const rules = parseForwardRules(texts);
  const allowed = 'problem' in rules ? [] : rules;
  if (findForwardRule(allowed, host, port)) return;
  const how = `Change them with configureClient(input: {forwardTargets}) or "etphonehome clients configure ${client.clientId} --forward-targets host:port,…".`;
  throw new AppError(
    ErrorCode.forwardDenied,
    allowed.length === 0
      ? `Client "${client.clientId}" allows no port forwards (its forwardTargets on the server are empty); refused ${target}. ${how}`
      : `${target} is outside client "${client.clientId}"'s forwardTargets (${allowed.map((r) => r.text).join(', ')}). ${how}`,
    { rule: 'forwardTargets', target, allowed: allowed.map((r) => r.text) },
  );
}

export function createTunnels(deps: TunnelDeps) {
  const open = new Map<string, Tunnel>();

  async function openTunnel(ref: string, given: OpenTunnelInput, caller: Caller): Promise<Tunnel> {
    checkTarget(given.host, given.port);
    // "[::1]" is accepted as "::1": what the agent dials and the rules compare is the bare host.
    const input = { ...given, host: normaliseHost(given.host) };
    const admitted = await deps.gate.admit(ref, 'forward', caller);
    const { client, link } = admitted;
    admitted.release();
    checkForwardTargets(client, input.host, input.port);
    const mine = [...open.values()].filter((t) => t.view().clientUuid === client.uuid).length;
    if (mine >= MAX_TUNNELS_PER_CLIENT)
      throw new AppError(
        ErrorCode.rateLimited,
        `Client "${client.clientId}" has ${MAX_TUNNELS_PER_CLIENT} tunnels open (the most per client). Close one (closeTunnel, etphonehome tunnels close ID) and retry.`,
        { limit: 'tunnels', max: MAX_TUNNELS_PER_CLIENT },
      );

    const id = `tun_${randomBytes(12).toString('base64url')}`;
    const view: TunnelView = {
      id,
      clientUuid: client.uuid,
      clientId: client.clientId,
      actor: caller.actor,
      host: input.host,
      port: input.port,
      listen: input.listen ?? null,
      openedAt: new Date(),
      connections: 0,
      activeConnections: 0,
      bytesIn: 0,
      bytesOut: 0,
    };
    const log = deps.logger.child({ tunnel: id, clientId: client.clientId });
    const channels = new Set<AgentStream['channel']>();
    const tunnel = new EventEmitter() as Tunnel & EventEmitter;
    let ended = false;
    const unsubscribe = link.onClose((reason) =>
      tunnel.close(`the client's link ended (${reason})`),
    );
    const target = formatTarget(input.host, input.port);

    Object.assign(tunnel, {
      id,
      caller,
      view: () => ({ ...view }),
      async connect(): Promise<TunnelConnection> {
        if (ended)
          throw new AppError(ErrorCode.notFound, `Tunnel "${id}" is closed; open a new one.`, {
            id,
          });
        if (channels.size >= MAX_TUNNEL_CONNECTIONS)
          throw new AppError(
            ErrorCode.rateLimited,
            `Tunnel "${id}" carries ${MAX_TUNNEL_CONNECTIONS} connections (the most at once); retry when one ends.`,
            { limit: 'tunnel_connections', max: MAX_TUNNEL_CONNECTIONS },
          );
        let stream: AgentStream;
        try {
          stream = await link.openStream(
            { kind: 'forward', host: input.host, port: input.port },
            { timeoutMs: STREAM_OPEN_TIMEOUT_MS, signal: caller.signal },
          );
        } catch (error) {
          throw await deps.gate.failure(error, client, 'forward', caller);
        }
        if (ended) {
          stream.channel.destroy();
          throw new AppError(ErrorCode.notFound, `Tunnel "${id}" closed meanwhile.`, { id });
        }
        channels.add(stream.channel);
        view.connections++;
        view.activeConnections++;
        stream.channel.once('close', () => {
          channels.delete(stream.channel);
          view.activeConnections--;
        });
        return {
          ...stream,
          count(bytesIn: number, bytesOut: number) {
            view.bytesIn += bytesIn;
            view.bytesOut += bytesOut;
          },
          close: () => stream.channel.destroy(),
        };
      },
      close(reason: string): void {
        if (ended) return;
        ended = true;
        unsubscribe();
        open.delete(id);
        for (const channel of channels) channel.destroy();
        tunnel.emit('close', reason);
        log.info({ reason, connections: view.connections }, 'tunnel closed');
        void deps.audit
          .record(
            FleetEventType.tunnelClosed,
            client.uuid,
            {
              tunnel_id: id,
              principal: caller.principal?.name ?? caller.actor,
              target,
              listen: view.listen,
              connections: view.connections,
              bytes_in: view.bytesIn,
              bytes_out: view.bytesOut,
              duration_ms: Date.now() - view.openedAt.getTime(),
              reason,
            },
            actorOf(caller),
          )
          .catch((error: unknown) => log.error({ err: error }, 'tunnel.closed not recorded'));
      },
    });
    open.set(id, tunnel);
    await deps.audit.record(
      FleetEventType.tunnelOpened,
      client.uuid,
      {
        tunnel_id: id,
        principal: caller.principal?.name ?? caller.actor,
        target,
        listen: view.listen,
      },
      actorOf(caller),
    );
    log.info({ target }, 'tunnel opened');
    return tunnel;
  }

  return {
    open: openTunnel,
    /** An open tunnel by id; NOT_FOUND otherwise. */
    get(id: string): Tunnel {
      const tunnel = open.get(id);
      if (!tunnel)
        throw new AppError(
          ErrorCode.notFound,
          `No open tunnel "${id}". List the open ones with tunnels (CLI: etphonehome tunnels list).`,
          { id },
        );
      return tunnel;
    },
    list(): TunnelView[] {
      return [...open.values()].map((tunnel) => tunnel.view());
    },
    closeAll(reason: string): void {
      for (const tunnel of [...open.values()]) tunnel.close(reason);
    },
  };
}

export type Tunnels = ReturnType<typeof createTunnels>;
