// The gate: the one policy pipeline every operation that reaches an agent goes through,
// whatever door it came from (commands, files, transfers, metrics, fleetHealth).
//
//   resolve the client ─▶ online? (CLIENT_OFFLINE) ─▶ key accepted? (KEY_MISMATCH, recorded)
//     ─▶ paths inside allowedPaths? (PATH_DENIED, recorded) ─▶ rate-limit permit (./permits.ts:
//     breaches recorded; RATE_LIMITED in ENFORCE mode) ─▶ call the agent through its AgentLink
//     ─▶ success: the operation's event (command_executed, file_accessed …); NOT_RECORDED
//        when the store cannot write it (it ran: ./not-recorded.ts)
//     └▶ failure: agent refusals recorded, mapped through one table (failures.ts)
//
// Transfers hold the link for longer than one call: they `admit`, stream through the link, and
// map their failure with `failure`; `call` is admit + one call + release.

import type { Logger } from 'pino';
import { AppError, ErrorCode, named, nextStep, Operation } from '../errors.js';
import { AgentCallError } from '../hub/errors.js';
import { isWithinRoot } from '../lib/paths.js';
import { AgentErrorCode, type RpcMethods } from '../protocol/rpc.js';
import type { ClientRecord, Store } from '../store/index.js';
import type { AgentLink } from './agent-link.js';
import { actorOf, type Audit } from './audit.js';
import type { Caller } from './caller.js';
import { FleetEventType, type FleetEventTypeName } from './event-types.js';
import { NOT_HELD } from './cluster/peer-protocol.js';
import { mapAgentFailure } from './failures.js';
import { recordRan } from './not-recorded.js';
import { createPermits } from './permits.js';
import { MAX_PATH_LENGTH } from './limits.js';
import type { Registry } from './registry.js';
import type { RateLimitDefaults } from './settings.js';

/** A path an operation touches, and what to call it in a refusal ("cwd", "remotePath" …). */
export interface PathCheck {
  path: string;
  what: string;
}

/** The paths an operation touches; a function when they depend on the client. */
export type PathChecks = readonly PathCheck[] | ((client: ClientRecord) => readonly PathCheck[]);

/** A client that passed the gate: its record, its link, and the permit to release. */
export interface Admitted {
  client: ClientRecord;
  link: AgentLink;
  /** Returns the rate-limit permit (a second call does nothing). */
  release(): void;
}

/** One call of an agent method through the gate. */
export interface AgentCall<M extends keyof RpcMethods> {
  method: M;
  /** The call's parameters; a function when they depend on the client (a default cwd). */
  params: RpcMethods[M]['params'] | ((client: ClientRecord) => RpcMethods[M]['params']);
  timeoutMs: number;
  /** Checked against allowedPaths; when given, the client's roots go along for the agent. */
  paths?: PathChecks | undefined;
  /** The event that records a success. */
  record?:
    | ((
        client: ClientRecord,
        result: RpcMethods[M]['result'],
      ) => { type: FleetEventTypeName; data: Record<string, unknown> })
    | undefined;
}

/** How often a call follows a client that moved on between servers before giving up. */
const MAX_NOT_HELD_RETRIES = 3;

export interface GateDeps {
  store: Store;
  registry: Pick<Registry, 'resolve' | 'linkWhenSettled' | 'linkAfterRefusal'>;
  audit: Audit;
  rateLimitDefaults: RateLimitDefaults;
  logger: Logger;
}

function ago(date: Date): string {
  const seconds = Math.max(0, Math.round((Date.now() - date.getTime()) / 1000));
  if (seconds < 90) return `${seconds} s ago`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 129_600) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86_400)} days ago`;
}

export function createGate(deps: GateDeps) {
  const { audit, logger } = deps;

  const refused = (
    client: ClientRecord,
    caller: Caller,
    data: Record<string, unknown>,
  ): Promise<unknown> =>
    audit.record(FleetEventType.operationRefused, client.uuid, data, actorOf(caller));
  const permits = createPermits({ ...deps, refused });

  /** The client and its link, or the error that says why it cannot be operated. */
  async function operable(
    ref: string | ClientRecord,
    operation: string,
    caller: Caller,
  ): Promise<{ client: ClientRecord; link: AgentLink }> {
    // A record the caller just loaded (fleetHealth's online clients) saves a lookup per client.
    const client = typeof ref === 'string' ? await deps.registry.resolve(ref) : ref;
    const link = await deps.registry.linkWhenSettled(client, caller.signal);
    if (!link) {
      const online = nextStep(Operation.listOnlineClients);
      throw new AppError(
        ErrorCode.clientOffline,
        `Client "${client.clientId}" is offline (last seen ${ago(client.lastSeen)}). Call ${named(online)} to see who is online.`,
        { uuid: client.uuid },
        [online],
      );
    }
    if (client.pendingFingerprint) {
      await refused(client, caller, {
        operation,
        code: ErrorCode.keyMismatch,
        fingerprint: client.pendingFingerprint,
      });
      const accept = nextStep(Operation.acceptKey, client);
      throw new AppError(
        ErrorCode.keyMismatch,
        `Client "${client.clientId}" connected with a different SSH key (${client.pendingFingerprint}; pinned: ${client.keyFingerprint}). Operations are refused until an operator verifies the new key and accepts it: ${named(accept)}.`,
        {
          uuid: client.uuid,
          fingerprint: client.pendingFingerprint,
          pinnedFingerprint: client.keyFingerprint,
        },
        [accept],
      );
    }
    return { client, link };
  }

  /** PATH_DENIED (recorded as a refused operation) unless `path` lies in the allowed paths. */
  async function checkPath(
    client: ClientRecord,
    { path, what }: PathCheck,
    operation: string,
    caller: Caller,
  ): Promise<void> {
    const roots = client.allowedPaths ?? [];
    if (roots.length === 0 || roots.some((root) => isWithinRoot(path, root))) return;
    await refused(client, caller, { operation, code: ErrorCode.pathDenied, path });
    const change = nextStep(Operation.updateAllowedPaths, client);
    throw new AppError(
      ErrorCode.pathDenied,
      `${what} "${path}" is outside the allowed paths of "${client.clientId}": ${roots.join(', ')}. Use a path inside one of them, or change them with ${named(change)}.`,
      { path, allowedPaths: roots },
      [change],
    );
  }

  /** An agent's own PATH_DENIED, recorded as a refused operation (the server's are too). */
  async function recordAgentRefusal(
    client: ClientRecord,
    operation: string,
    error: unknown,
    caller: Caller,
  ): Promise<void> {
    if (!(error instanceof AgentCallError) || error.remoteCode !== AgentErrorCode.pathDenied)
      return;
    await refused(client, caller, {
      operation,
      code: ErrorCode.pathDenied,
      // The agent's words: kept only as a path of sane length (it may be hostile).
      path:
        typeof error.remoteData?.['path'] === 'string'
          ? error.remoteData['path'].slice(0, MAX_PATH_LENGTH)
          : null,
      refused_by: 'agent',
    });
  }

  async function admit(
    ref: string | ClientRecord,
    operation: string,
    caller: Caller,
    paths: PathChecks = [],
  ): Promise<Admitted> {
    const { client, link } = await operable(ref, operation, caller);
    for (const path of typeof paths === 'function' ? paths(client) : paths)
      await checkPath(client, path, operation, caller);
    return { client, link, release: await permits.permit(client, link, operation, caller) };
  }

  /** The error to throw for a failure of an admitted operation (agent refusals recorded). */
  async function failure(
    error: unknown,
    client: ClientRecord,
    operation: string,
    caller: Caller,
  ): Promise<unknown> {
    await recordAgentRefusal(client, operation, error, caller);
    return mapAgentFailure(error, client.clientId, operation);
  }

  /**
   * Calls through `link`; when the server it routes to no longer holds the client (it moved on:
   * a drain, a reconnect elsewhere), the call never reached an agent, so it goes again where the
   * client is now, once this server has heard where that is.
   */
  async function callWhereHeld<Result>(
    link: AgentLink,
    client: ClientRecord,
    signal: AbortSignal | undefined,
    attempt: (link: AgentLink) => Promise<Result>,
  ): Promise<Result> {
    // The record the call was routed by (the next route: the record read just before it).
    let routed = client;
    for (let tries = 1; ; tries += 1) {
      try {
        return await attempt(link);
      } catch (error) {
        const notHeld = error instanceof AgentCallError && error.remoteCode === NOT_HELD;
        if (!notHeld || tries >= MAX_NOT_HELD_RETRIES) throw error;
        await deps.store.sync?.();
        // The holder let the client go before it wrote so: routed again at once, the call would
        // find the same holder and the same answer. It waits for the hold to move on.
        const next = await deps.registry.linkAfterRefusal(routed, signal);
        if (!next) throw error;
        routed = (await deps.store.clients.get(client.uuid)) ?? routed;
        link = next;
      }
    }
  }

  async function call<M extends keyof RpcMethods>(
    ref: string | ClientRecord,
    caller: Caller,
    request: AgentCall<M>,
  ): Promise<{ client: ClientRecord; result: RpcMethods[M]['result'] }> {
    const { client, link } = await operable(ref, request.method, caller);
    const paths =
      typeof request.paths === 'function' ? request.paths(client) : (request.paths ?? []);
    for (const path of paths) await checkPath(client, path, request.method, caller);
    let result: RpcMethods[M]['result'];
    try {
      const given = typeof request.params === 'function' ? request.params(client) : request.params;
      // The agent enforces the client's allowedPaths too, symlinks resolved, at the moment of use.
      const params =
        paths.length > 0 ? { ...given, roots: client.allowedPaths ?? undefined } : given;
      const options = { timeoutMs: request.timeoutMs, signal: caller.signal };
      result = await callWhereHeld(link, client, caller.signal, (link) =>
        permits.permittedCall(link, client, caller, request.method, params, options),
      );
    } catch (error) {
      // A rate-limit refusal is the limiter's own error (recorded already), passed on as is.
      throw await failure(error, client, request.method, caller);
    }
    const event = request.record?.(client, result);
    if (event) {
      const returncode = (result as { returncode?: unknown }).returncode;
      await recordRan(
        audit,
        logger,
        { ...event, clientUuid: client.uuid, actor: actorOf(caller) },
        {
          operation: request.method,
          clientId: client.clientId,
          ...(typeof returncode === 'number' ? { outcome: { returncode } } : {}),
        },
      );
    }
    return { client, result };
  }

  return {
    admit,
    call,
    failure,
    acquireLocal: permits.acquireLocal,
    rateLimitFigures: permits.figures,
    inFlight: permits.inFlight,
  };
}

export type Gate = ReturnType<typeof createGate>;
