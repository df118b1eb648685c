// The fleet service: the one place for policy, whatever door a request came through.
//
//   GraphQL resolvers ─┐
//   MCP tools ─────────┼─▶ Fleet ─▶ resolve client ─▶ guard (online, key pinned, …)
//   CLI (via GraphQL) ─┘            ─▶ call the agent ─▶ audit event ─▶ result
//
// Doors pass a Caller (who is asking, and a signal that fires when they give up) and get
// ClientViews, results, or AppErrors whose messages name the subject and the next step.

import type { Logger } from 'pino';
import { AppError, ErrorCode } from '../errors.js';
import type { AuthAttempt } from '../hub/tunnel-hub.js';
import { AgentCallError } from '../hub/errors.js';
import { createAsyncQueue } from '../lib/async-queue.js';
import { isAbsoluteOnAnyPlatform } from '../lib/paths.js';
import { redactSecrets } from '../lib/redact.js';
import { MAX_COMMAND_TIMEOUT_MS, type RpcMethods, type RunCommandResult } from '../protocol/rpc.js';
import { ClientEntity, EventEntity, type Client } from '../store/entities/index.js';
import type { Store } from '../store/orm.js';
import { createAdmission } from './admission.js';
import { createAudit } from './audit.js';
import type { AuthorizedKeys } from './authorized-keys.js';
import type { ClientView, RateLimitDefaults } from './client-view.js';
import {
  createToken,
  listTokens,
  revokeToken,
  type CreateTokenInput,
  type TokenView,
} from './enrollment-tokens.js';
import { createEventBus } from './event-bus.js';
import { FleetEventType, isFleetEventType, type FleetEvent } from './events.js';
import { createRegistry, type ClientFilter, type FleetSession } from './registry.js';
import { findOrCreateTags, invalidTagMessage, isValidTag } from './tags.js';

export type { ClientFilter } from './registry.js';

export interface Caller {
  /** Who is asking, for the audit trail: "graphql 127.0.0.1", "mcp session …". */
  actor: string;
  /** Fires when the caller gives up; in-flight agent work is then cancelled. */
  signal?: AbortSignal | undefined;
}

export interface RunCommandInput {
  cmd: string;
  cwd?: string | null | undefined;
  /** Seconds; default 300. */
  timeout?: number | null | undefined;
  env?: Readonly<Record<string, string>> | null | undefined;
}

export interface UpdateClientInput {
  displayName?: string | null | undefined;
  purpose?: string | null | undefined;
  /** Replaces the tag set. */
  tags?: readonly string[] | null | undefined;
  /** [] or null clears the restriction. */
  allowedPaths?: readonly string[] | null | undefined;
}

export interface EventFilter {
  events?: readonly string[] | null | undefined;
  clientId?: string | null | undefined;
  tags?: readonly string[] | null | undefined;
}

export interface FleetOptions {
  store: Store;
  logger: Logger;
  authorizedKeys: AuthorizedKeys;
  openEnrollment: boolean;
  rateLimitDefaults: RateLimitDefaults;
  version: string;
}

const MAX_COMMAND_BYTES = 256 * 1024;
const DEFAULT_TIMEOUT_S = 300;
/** Extra time the link waits beyond a command's own timeout (the agent kills at the deadline). */
const LINK_GRACE_MS = 15_000;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function bad(message: string): AppError {
  return new AppError(ErrorCode.badUserInput, message);
}

function ago(date: Date): string {
  const seconds = Math.max(0, Math.round((Date.now() - date.getTime()) / 1000));
  if (seconds < 90) return `${seconds} s ago`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 129_600) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86_400)} days ago`;
}

export function createFleet(options: FleetOptions) {
  const { store, logger } = options;
  const startedAt = Date.now();
  const bus = createEventBus();
  const audit = createAudit(store, bus, logger);
  const registry = createRegistry({
    store,
    audit,
    logger,
    rateLimitDefaults: options.rateLimitDefaults,
  });
  const authorize = createAdmission({
    store,
    authorizedKeys: options.authorizedKeys,
    openEnrollment: options.openEnrollment,
    onlineFingerprint: registry.onlineFingerprint,
    async onRefusedMismatch(attempt: AuthAttempt, pinned: string) {
      await audit.record(FleetEventType.keyMismatch, attempt.login.uuid, {
        previous_fingerprint: pinned,
        new_fingerprint: attempt.fingerprint,
        remote_address: attempt.remoteAddress,
        refused: true,
        reason: 'the client is online with its pinned key',
      });
    },
  });

  /** The client and its live session, or the error that says why it cannot be operated. */
  async function operable(
    ref: string,
    operation: string,
    caller: Caller,
  ): Promise<{ client: Client; session: FleetSession }> {
    const client = await registry.resolve(store.em.fork(), ref, { withTags: false });
    const session = registry.session(client.uuid);
    if (!session) {
      throw new AppError(
        ErrorCode.clientOffline,
        `Client "${client.clientId}" is offline (last seen ${ago(client.lastSeen)}). Call list_clients (GraphQL: clients(filter: {onlineOnly: true})) to see who is online.`,
        { uuid: client.uuid },
      );
    }
    if (client.pendingFingerprint) {
      await audit.record(
        FleetEventType.operationRefused,
        client.uuid,
        { operation, code: ErrorCode.keyMismatch, fingerprint: client.pendingFingerprint },
        caller.actor,
      );
      throw new AppError(
        ErrorCode.keyMismatch,
        `Client "${client.clientId}" connected with a different SSH key (${client.pendingFingerprint}; pinned: ${client.keyFingerprint}). Operations are refused until an operator verifies the new key and calls acceptKey(id: "${client.uuid}") (MCP: accept_key).`,
        {
          uuid: client.uuid,
          fingerprint: client.pendingFingerprint,
          pinnedFingerprint: client.keyFingerprint,
        },
      );
    }
    return { client, session };
  }

  /** Maps a failed agent call onto the error catalog. */
  function callFailure(error: unknown, client: Client, what: string): never {
    if (!(error instanceof AgentCallError)) throw error;
    switch (error.kind) {
      case 'timeout':
        throw new AppError(
          ErrorCode.timeout,
          `${what} on "${client.clientId}" timed out (${error.message}); it was cancelled on the client.`,
        );
      case 'aborted':
        throw new AppError(
          ErrorCode.timeout,
          `${what} on "${client.clientId}" was abandoned by the caller and cancelled on the client.`,
        );
      case 'closed':
        throw new AppError(
          ErrorCode.agentUnavailable,
          `The link to "${client.clientId}" broke during ${what} (${error.message}). Check that the client is back online and retry.`,
        );
      case 'protocol':
        throw new AppError(
          ErrorCode.agentUnavailable,
          `Client "${client.clientId}" sent an unusable reply to ${what}: ${error.message}.`,
        );
      case 'remote': {
        const code =
          error.remoteCode === 'PATH_DENIED'
            ? ErrorCode.pathDenied
            : error.remoteCode === 'NOT_FOUND'
              ? ErrorCode.notFound
              : error.remoteCode === 'BAD_USER_INPUT'
                ? ErrorCode.badUserInput
                : ErrorCode.agentError;
        throw new AppError(code, `Client "${client.clientId}": ${error.message}`, {
          agentCode: error.remoteCode,
        });
      }
    }
  }

  async function callAgent<M extends keyof RpcMethods>(
    ref: string,
    method: M,
    params: RpcMethods[M]['params'],
    timeoutMs: number,
    caller: Caller,
  ): Promise<{ client: Client; result: RpcMethods[M]['result'] }> {
    const { client, session } = await operable(ref, method, caller);
    try {
      const result = await session.call(method, params, { timeoutMs, signal: caller.signal });
      return { client, result };
    } catch (error) {
      callFailure(error, client, method);
    }
  }

  function validateCommand(input: RunCommandInput): {
    timeoutMs: number;
    env: Record<string, string> | undefined;
  } {
    if (typeof input.cmd !== 'string' || input.cmd.trim() === '')
      throw bad('cmd must be a non-empty command line.');
    if (Buffer.byteLength(input.cmd) > MAX_COMMAND_BYTES)
      throw bad(
        `cmd is longer than ${MAX_COMMAND_BYTES} bytes; put long scripts in a file and run that.`,
      );
    if (input.cmd.includes('\0')) throw bad('cmd must not contain NUL bytes.');
    const timeoutS = input.timeout ?? DEFAULT_TIMEOUT_S;
    if (!Number.isInteger(timeoutS) || timeoutS < 1 || timeoutS * 1000 > MAX_COMMAND_TIMEOUT_MS) {
      throw bad(
        `timeout must be a whole number of seconds from 1 to ${MAX_COMMAND_TIMEOUT_MS / 1000} (got ${String(input.timeout)}).`,
      );
    }
    if (input.cwd !== null && input.cwd !== undefined) {
      if (input.cwd.includes('\0') || input.cwd.length > 4096)
        throw bad('cwd must be a path of at most 4096 characters without NUL bytes.');
      if (!isAbsoluteOnAnyPlatform(input.cwd))
        throw bad(`cwd must be an absolute path (got "${input.cwd}").`);
    }
    let env: Record<string, string> | undefined;
    if (input.env) {
      const entries = Object.entries(input.env);
      if (entries.length > 256) throw bad('env has more than 256 variables.');
      for (const [name, value] of entries) {
        if (!ENV_NAME.test(name) || name.length > 256)
          throw bad(
            `env variable name "${name.slice(0, 64)}" is not valid (letters, digits, _; not starting with a digit).`,
          );
        if (typeof value !== 'string' || value.length > 64 * 1024 || value.includes('\0'))
          throw bad(`env variable ${name} must be a string under 64 KiB without NUL bytes.`);
      }
      env = Object.fromEntries(entries);
    }
    return { timeoutMs: timeoutS * 1000, env };
  }

  async function eventMatcher(
    filter: EventFilter,
  ): Promise<(event: FleetEvent) => Promise<boolean>> {
    const types = filter.events && filter.events.length > 0 ? new Set(filter.events) : null;
    for (const type of types ?? []) {
      if (!isFleetEventType(type)) {
        throw bad(
          `Unknown event type "${type}". Known: ${Object.values(FleetEventType).join(', ')}.`,
        );
      }
    }
    const uuid = filter.clientId
      ? (await registry.resolve(store.em.fork(), filter.clientId)).uuid
      : null;
    const tags = filter.tags && filter.tags.length > 0 ? [...new Set(filter.tags)] : null;
    return async (event) => {
      if (types && !types.has(event.type)) return false;
      if (uuid && event.clientUuid !== uuid) return false;
      if (tags) {
        const row = await store.em
          .fork()
          .findOne(ClientEntity, { uuid: event.clientUuid }, { populate: ['tags'] });
        const names = new Set(row?.tags.getItems().map((tag) => tag.name) ?? []);
        if (!tags.every((tag) => names.has(tag))) return false;
      }
      return true;
    };
  }

  return {
    // ── for the tunnel hub ──────────────────────────────────────────────────────────────
    authorize,
    attachSession: registry.attach,

    // ── queries ─────────────────────────────────────────────────────────────────────────
    async listClients(filter: ClientFilter = {}): Promise<ClientView[]> {
      for (const tag of filter.tags ?? [])
        if (tag.length > 128) throw bad('A tag is at most 128 characters.');
      if ((filter.query?.length ?? 0) > 256) throw bad('query is at most 256 characters.');
      const rows = await registry.list(store.em.fork(), filter);
      return rows.map(registry.view);
    },

    /** One client by uuid, clientId or unambiguous display name; null when none matches. */
    async findClient(ref: string): Promise<ClientView | null> {
      try {
        return registry.view(await registry.resolve(store.em.fork(), ref));
      } catch (error) {
        if (error instanceof AppError && error.code === ErrorCode.notFound) return null;
        throw error;
      }
    },

    async getClient(ref: string): Promise<ClientView> {
      return registry.view(await registry.resolve(store.em.fork(), ref));
    },

    async listEvents(
      filter: EventFilter,
      limit: number,
      before?: string | null,
    ): Promise<FleetEvent[]> {
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
        throw bad('limit must be from 1 to 1000.');
      if (before !== null && before !== undefined && !/^[1-9]\d{0,15}$/.test(before)) {
        throw bad(
          `before must be an event id (a positive whole number), got "${before.slice(0, 40)}".`,
        );
      }
      const beforeId = before ? Number(before) : null;
      const matches = await eventMatcher(filter);
      const em = store.em.fork();
      const out: FleetEvent[] = [];
      let cursor = beforeId ?? Number.MAX_SAFE_INTEGER;
      while (out.length < limit) {
        const where: Record<string, unknown> = { id: { $lt: cursor } };
        if (filter.events && filter.events.length > 0) where['type'] = { $in: [...filter.events] };
        const rows = await em.find(EventEntity, where, {
          orderBy: { id: 'desc' },
          limit: limit * 2,
        });
        if (rows.length === 0) break;
        for (const row of rows) {
          const event: FleetEvent = {
            id: row.id,
            type: row.type as FleetEvent['type'],
            clientUuid: row.clientUuid ?? '',
            at: row.at,
            data: row.data ?? {},
            actor: row.actor ?? null,
          };
          if (out.length < limit && (await matches(event))) out.push(event);
        }
        cursor = (rows[rows.length - 1] as { id: number }).id;
      }
      return out;
    },

    /** Live events matching `filter`, until the returned iterator is closed. */
    async subscribeEvents(filter: EventFilter): Promise<AsyncIterableIterator<FleetEvent>> {
      // On the bus first, so that nothing published while the filter resolves is missed.
      const source = bus.subscribe(() => true);
      let matches: (event: FleetEvent) => Promise<boolean>;
      try {
        matches = await eventMatcher(filter);
      } catch (error) {
        await source.return?.();
        throw error;
      }
      const out = createAsyncQueue<FleetEvent>({
        maxBuffered: 1000,
        onClose: () => void source.return?.(),
      });
      void (async () => {
        try {
          for await (const event of source) if (await matches(event)) out.push(event);
          out.end();
        } catch (error) {
          out.end(error as Error);
        }
      })();
      return out;
    },

    async health() {
      const total = await store.em.fork().count(ClientEntity, { decommissionedAt: null });
      return {
        status: 'ok' as const,
        version: options.version,
        uptimeS: Math.round((Date.now() - startedAt) / 1000),
        clients: { online: registry.onlineCount, total },
      };
    },

    // ── operations ──────────────────────────────────────────────────────────────────────
    async runCommand(
      ref: string,
      input: RunCommandInput,
      caller: Caller,
    ): Promise<RunCommandResult> {
      const { timeoutMs, env } = validateCommand(input);
      const { client, result } = await callAgent(
        ref,
        'run_command',
        { cmd: input.cmd, cwd: input.cwd ?? undefined, timeoutMs, env },
        timeoutMs + LINK_GRACE_MS,
        caller,
      );
      await audit.record(
        FleetEventType.commandExecuted,
        client.uuid,
        {
          command: redactSecrets(input.cmd),
          cwd: input.cwd ?? null,
          exit_code: result.returncode,
          duration_ms: Math.round(result.durationMs),
          timed_out: result.timedOut,
        },
        caller.actor,
      );
      return result;
    },

    /** Operator metadata: only the fields given change; a reconnect never touches them. */
    async updateClient(
      ref: string,
      input: UpdateClientInput,
      _caller: Caller,
    ): Promise<ClientView> {
      if (
        input.displayName !== undefined &&
        input.displayName !== null &&
        (input.displayName.trim() === '' || input.displayName.length > 256)
      ) {
        throw bad('displayName must be 1 to 256 characters (null clears it).');
      }
      if (input.purpose !== undefined && input.purpose !== null && input.purpose.length > 1024)
        throw bad('purpose is at most 1024 characters.');
      if (input.tags && input.tags.length > 64) throw bad('A client carries at most 64 tags.');
      for (const tag of input.tags ?? []) {
        if (!isValidTag(tag)) throw bad(invalidTagMessage(tag));
      }
      if (input.allowedPaths && input.allowedPaths.length > 256)
        throw bad('allowedPaths holds at most 256 directories.');
      for (const path of input.allowedPaths ?? []) {
        if (!isAbsoluteOnAnyPlatform(path) || path.includes('\0') || path.length > 4096) {
          throw bad(
            `allowedPaths entries must be absolute paths without NUL bytes (got "${path.slice(0, 100)}").`,
          );
        }
      }
      const em = store.em.fork();
      const client = await registry.resolve(em, ref);
      if (input.displayName !== undefined) client.displayName = input.displayName?.trim() ?? null;
      if (input.purpose !== undefined) client.purpose = input.purpose;
      if (input.tags !== undefined && input.tags !== null) {
        client.tags.set(await findOrCreateTags(em, input.tags));
      }
      if (input.allowedPaths !== undefined) {
        client.allowedPaths =
          input.allowedPaths && input.allowedPaths.length > 0
            ? [...new Set(input.allowedPaths)]
            : null;
      }
      await em.flush();
      return registry.view(client);
    },

    async acceptKey(ref: string, caller: Caller): Promise<ClientView> {
      const em = store.em.fork();
      const client = await registry.resolve(em, ref);
      if (!client.pendingFingerprint || !client.pendingPublicKey) {
        throw new AppError(
          ErrorCode.badUserInput,
          `Client "${client.clientId}" has no key change waiting: its pinned key ${client.keyFingerprint} is the one in use. Nothing to accept.`,
        );
      }
      const previous = client.keyFingerprint;
      client.previousFingerprint = previous;
      client.publicKey = client.pendingPublicKey;
      client.keyFingerprint = client.pendingFingerprint;
      client.pendingPublicKey = null;
      client.pendingFingerprint = null;
      client.keyAcceptedAt = new Date();
      client.keyAcceptedBy = caller.actor;
      await em.flush();
      await audit.record(
        FleetEventType.keyAccepted,
        client.uuid,
        {
          fingerprint: client.keyFingerprint,
          previous_fingerprint: previous,
          accepted_by: caller.actor,
        },
        caller.actor,
      );
      return registry.view(client);
    },

    async createEnrollmentToken(
      input: CreateTokenInput,
      caller: Caller,
    ): Promise<{ token: string; view: TokenView }> {
      if (
        input.maxUses !== null &&
        input.maxUses !== undefined &&
        (!Number.isInteger(input.maxUses) || input.maxUses < 1 || input.maxUses > 1_000_000)
      ) {
        throw bad('maxUses must be from 1 to 1,000,000, or null for unlimited.');
      }
      if (
        input.expiresInSeconds !== null &&
        input.expiresInSeconds !== undefined &&
        (!Number.isInteger(input.expiresInSeconds) ||
          input.expiresInSeconds < 60 ||
          input.expiresInSeconds > 366 * 86_400)
      ) {
        throw bad(
          'expiresInSeconds must be from 60 to 31,622,400 (366 days), or null for no expiry.',
        );
      }
      for (const tag of input.tags ?? []) {
        if (!isValidTag(tag)) throw bad(invalidTagMessage(tag));
      }
      if (
        (input.name?.length ?? 0) > 256 ||
        (input.displayName?.length ?? 0) > 256 ||
        (input.purpose?.length ?? 0) > 1024
      ) {
        throw bad('name and displayName are at most 256 characters, purpose at most 1024.');
      }
      return createToken(store.em.fork(), input, caller.actor);
    },

    listEnrollmentTokens(includeInactive: boolean): Promise<TokenView[]> {
      return listTokens(store.em.fork(), includeInactive);
    },

    revokeEnrollmentToken(id: string): Promise<TokenView> {
      return revokeToken(store.em.fork(), id);
    },

    /** Closes every agent session and records the disconnections (server shutdown). */
    disconnectAll(reason: string): Promise<void> {
      return registry.closeAll(reason);
    },
  };
}

export type Fleet = ReturnType<typeof createFleet>;
