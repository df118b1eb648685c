// The fleet service: the one place for policy, whatever door a request came through.
//
//   GraphQL resolvers ─┐
//   MCP tools ─────────┼─▶ Fleet ─▶ resolve client ─▶ guard (online, key pinned, …)
//   CLI (via GraphQL) ─┘            ─▶ call the agent ─▶ audit event ─▶ result
//
// Doors pass a Caller (who is asking, and a signal that fires when they give up) and get
// ClientViews, results, or AppErrors whose messages name the subject and the next step.

import type { EntityManager } from '@mikro-orm/sqlite';
import type { Logger } from 'pino';
import { AppError, ErrorCode } from '../errors.js';
import type { AuthAttempt } from '../hub/tunnel-hub.js';
import { AgentCallError } from '../hub/errors.js';
import { createAsyncQueue } from '../lib/async-queue.js';
import { mapWithConcurrency } from '../lib/map-with-concurrency.js';
import { isWithinRoot } from '../lib/paths.js';
import { quote } from '../lib/quote.js';
import { redactSecrets } from '../lib/redact.js';
import type { RpcMethods, RunCommandResult } from '../protocol/rpc.js';
import { ClientEntity, EventEntity, type Client } from '../store/entities/index.js';
import type { Store } from '../store/orm.js';
import { createAdmission } from './admission.js';
import { createAudit } from './audit.js';
import type { AuthorizedKeys } from './authorized-keys.js';
import type { HealthConfig } from './health.js';
import {
  effectiveRateLimits,
  effectiveResourceChecks,
  effectiveThresholds,
  type ClientView,
  type RateLimitDefaults,
} from './client-view.js';
import {
  createToken,
  listTokens,
  revokeToken,
  type CreateTokenInput,
  type TokenView,
} from './enrollment-tokens.js';
import { createEventBus } from './event-bus.js';
import { createFileOperations, recordAgentRefusal } from './files.js';
import { createTransfers } from './transfers.js';
import { FleetEventType, isFleetEventType, type FleetEvent } from './events.js';
import { createHealthMonitor } from './health.js';
import {
  DEFAULT_STOP_COMMAND,
  LINK_GRACE_MS,
  MAX_BULK_TARGETS,
  MAX_LIST_CLIENTS,
  MAX_PAGE_SIZE,
} from './limits.js';
import { createLoaders } from './loaders.js';
import { createMetricsService } from './metrics-service.js';
import {
  createRateLimiter,
  type Permit,
  type RateLimitBreach,
  type RateLimitFigures,
  type SeedCounts,
} from './rate-limit.js';
import { createRegistry, type ClientFilter, type FleetSession } from './registry.js';
import { findOrCreateTags, withAllTags } from './tags.js';
import {
  asRateLimitMode,
  bad,
  failureOf,
  validateBulkFilter,
  validateCommand,
  validateFilter,
  validateMetadata,
  validateSettings,
  validateTags,
  validateTokenInput,
  type SettingsInput,
} from './validation.js';
import type { WebhookSettings } from './webhooks/settings.js';
import { createWebhooks } from './webhooks/webhooks.js';

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

export type ConfigureClientInput = SettingsInput;

export interface UpdateClientsInput {
  addTags?: readonly string[] | null | undefined;
  removeTags?: readonly string[] | null | undefined;
}

export interface DecommissionInput {
  /** Run `stopCommand` on the client first when it is online (default true). */
  stopService?: boolean | null | undefined;
  stopCommand?: string | null | undefined;
  reason?: string | null | undefined;
}

/** An expected failure reported as data: the AppError's code and message. */
export interface OperationFailure {
  code: string;
  message: string;
}

/** The outcome of one client's part in a bulk operation: a result or an error. */
export interface ClientOutcome<T> {
  client: ClientView;
  result: T | null;
  error: OperationFailure | null;
}

/** What decommissionClient's stop command did (null when it did not run). */
export interface ServiceStop {
  result: RunCommandResult | null;
  error: OperationFailure | null;
}

export interface RateLimitStats extends RateLimitFigures {
  client: ClientView;
  rpmLimit: number;
  concurrentLimit: number;
  mode: ClientView['rateLimitMode'];
}

export interface StatusChange {
  /** The event that changed it, or "current" for the state when the subscription began. */
  cause: string;
  at: Date;
  client: ClientView;
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
  health: HealthConfig;
  version: string;
  /** Where transfers may read and write on the server (real paths); the first takes relative ones. */
  transferRoots?: string[];
  /** Webhook delivery; absent = no webhooks (unit tests). */
  webhooks?: { settings: WebhookSettings; globalSecret: string } | undefined;
}

/** Events that change whether a client is online, healthy or usable. */
const STATUS_EVENTS: ReadonlySet<string> = new Set([
  FleetEventType.connected,
  FleetEventType.disconnected,
  FleetEventType.keyMismatch,
  FleetEventType.keyAccepted,
  FleetEventType.unhealthy,
  FleetEventType.recovered,
  FleetEventType.decommissioned,
  FleetEventType.restored,
]);

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
  const webhooks = options.webhooks
    ? createWebhooks({
        store,
        logger,
        ...options.webhooks,
        version: options.version,
        resolveClient: (ref) => registry.resolve(store.em.fork(), ref, { withTags: false }),
      })
    : null;
  const audit = createAudit(store, bus, logger, webhooks ?? undefined);
  const monitor = createHealthMonitor({
    config: options.health,
    audit,
    logger,
    async settingsOf(uuid) {
      const row = await store.em.fork().findOne(ClientEntity, { uuid });
      return row
        ? {
            thresholds: effectiveThresholds(row, options.health),
            resourceChecks: effectiveResourceChecks(row, options.health),
          }
        : { thresholds: options.health.thresholds, resourceChecks: false };
    },
  });
  const registry = createRegistry({
    store,
    audit,
    logger,
    rateLimitDefaults: options.rateLimitDefaults,
    healthDefaults: options.health,
    onAttached: monitor.watch,
  });
  // Work shared by every subscriber of one published event (the client as it is now, its tags),
  // so that delivering an event to 1,000 subscribers costs one lookup, not 1,000.
  const eventClients = new WeakMap<FleetEvent, Promise<Client | null>>();
  function clientOfLiveEvent(event: FleetEvent): Promise<Client | null> {
    let found = eventClients.get(event);
    if (!found) {
      found = store.em
        .fork()
        .findOne(ClientEntity, { uuid: event.clientUuid }, { populate: ['tags'] });
      eventClients.set(event, found);
    }
    return found;
  }
  const liveEvents = new WeakSet<FleetEvent>();

  const limiter = createRateLimiter({
    onBreach(uuid, breach, limits, enforced) {
      logger.warn(
        { uuid, breach, rpm: limits.rpm, concurrent: limits.concurrent, mode: limits.mode },
        enforced ? 'rate limit: request refused' : 'rate limit exceeded (warn mode: request runs)',
      );
    },
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
    ref: string | Client,
    operation: string,
    caller: Caller,
  ): Promise<{ client: Client; session: FleetSession }> {
    // A row the caller just loaded (fleetHealth's online clients) saves a lookup per client.
    const client =
      typeof ref === 'string'
        ? await registry.resolve(store.em.fork(), ref, { withTags: false })
        : ref;
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

  /** PATH_DENIED (recorded as a refused operation) unless `path` lies in the allowed paths. */
  async function assertAllowedPath(
    client: Client,
    path: string,
    what: string,
    operation: string,
    caller: Caller,
  ): Promise<void> {
    const roots = client.allowedPaths ?? [];
    if (roots.length === 0 || roots.some((root) => isWithinRoot(path, root))) return;
    await audit.record(
      FleetEventType.operationRefused,
      client.uuid,
      { operation, code: ErrorCode.pathDenied, path },
      caller.actor,
    );
    throw new AppError(
      ErrorCode.pathDenied,
      `${what} "${path}" is outside the allowed paths of "${client.clientId}": ${roots.join(', ')}. Use a path inside one of them, or change allowedPaths with updateClient (MCP: update_client).`,
      { path, allowedPaths: roots },
    );
  }

  /**
   * Resolves and guards the client, checks the paths, takes a rate-limit permit (recording a
   * breach as client.rate_limited, warned or refused).
   */
  async function admit(
    ref: string | Client,
    method: string,
    caller: Caller,
    paths: { path: string; what: string }[] = [],
  ): Promise<{ client: Client; session: FleetSession; release: () => void }> {
    const { client, session } = await operable(ref, method, caller);
    for (const { path, what } of paths) await assertAllowedPath(client, path, what, method, caller);
    await seededCounts;
    const limits = effectiveRateLimits(client, options.rateLimitDefaults);
    let permit: Permit;
    try {
      permit = limiter.acquire(client.uuid, client.clientId, limits);
    } catch (error) {
      if (error instanceof AppError && error.code === ErrorCode.rateLimited) {
        const limit = error.details?.['limit'] as RateLimitBreach;
        await recordBreach(client, method, limit, limits, true, caller);
        await audit.record(
          FleetEventType.operationRefused,
          client.uuid,
          { operation: method, code: ErrorCode.rateLimited, ...error.details },
          caller.actor,
        );
      }
      throw error;
    }
    try {
      for (const breach of permit.breaches)
        await recordBreach(client, method, breach, limits, false, caller);
    } catch (error) {
      permit.release();
      throw error;
    }
    return { client, session, release: permit.release };
  }

  async function callAgent<M extends keyof RpcMethods>(
    ref: string | Client,
    method: M,
    params: RpcMethods[M]['params'],
    timeoutMs: number,
    caller: Caller,
    paths: { path: string; what: string }[] = [],
  ): Promise<{ client: Client; result: RpcMethods[M]['result'] }> {
    const { client, session, release } = await admit(ref, method, caller, paths);
    try {
      // The agent enforces the client's allowedPaths too, symlinks resolved, at the moment of use.
      const sent =
        paths.length > 0 ? { ...params, roots: client.allowedPaths ?? undefined } : params;
      const result = await session.call(method, sent, { timeoutMs, signal: caller.signal });
      return { client, result };
    } catch (error) {
      await recordAgentRefusal(audit, client, method, error, caller);
      callFailure(error, client, method);
    } finally {
      release();
    }
  }

  /** Records one rate-limit breach (client.rate_limited), warned or refused. */
  async function recordBreach(
    client: Client,
    operation: string,
    limit: RateLimitBreach,
    limits: RateLimitDefaults,
    enforced: boolean,
    caller: Caller,
  ): Promise<void> {
    const figures = limiter.figures(client.uuid);
    await audit.record(
      FleetEventType.rateLimited,
      client.uuid,
      {
        limit,
        enforced,
        mode: limits.mode,
        operation,
        requests_per_minute: figures.requestsPerMinute,
        current_concurrent: figures.currentConcurrent,
        rpm_limit: limits.rpm,
        concurrent_limit: limits.concurrent,
      },
      caller.actor,
    );
  }

  // The breach counts recorded before this process started, added once to the limiter's
  // in-memory counters (one grouped query at start): rate-limit statistics survive a restart.
  const seededCounts: Promise<void> = (async () => {
    const rows = await store.em
      .fork()
      .getConnection()
      .execute<{ uuid: string; breach: string; enforced: number | boolean; n: number }[]>(
        `select client_uuid as uuid, json_extract(data, '$.limit') as breach,
                json_extract(data, '$.enforced') as enforced, count(*) as n
           from event where type = ? group by 1, 2, 3`,
        [FleetEventType.rateLimited],
      );
    const counts = new Map<string, SeedCounts>();
    for (const row of rows) {
      let entry = counts.get(row.uuid);
      if (!entry) {
        entry = {
          rpmWarnings: 0,
          concurrentWarnings: 0,
          rpmRejections: 0,
          concurrentRejections: 0,
        };
        counts.set(row.uuid, entry);
      }
      const key =
        `${row.breach === 'concurrent' ? 'concurrent' : 'rpm'}${row.enforced ? 'Rejections' : 'Warnings'}` as keyof SeedCounts;
      entry[key] += Number(row.n);
    }
    for (const [uuid, entry] of counts) limiter.seed(uuid, entry);
  })().catch((error: unknown) => {
    // Counting from zero beats refusing every call.
    logger.error({ err: error }, 'cannot count earlier rate-limit breaches');
  });

  const metrics = createMetricsService({ store, registry, callAgent });

  async function runCommand(
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
      input.cwd ? [{ path: input.cwd, what: 'cwd' }] : [],
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
  }

  /** A fresh view of one client (by any name), e.g. after a change. */
  async function currentView(ref: string): Promise<ClientView> {
    return registry.view(await registry.resolve(store.em.fork(), ref));
  }

  /** Saves an operator's change and records it (client.updated) when something changed. */
  async function saveChange(
    em: EntityManager,
    client: Client,
    changed: Record<string, unknown>,
    caller: Caller,
  ): Promise<ClientView> {
    await em.flush();
    if (Object.keys(changed).length > 0)
      await audit.record(FleetEventType.updated, client.uuid, changed, caller.actor);
    return registry.view(client);
  }

  /** An event filter, checked, with its client resolved; null parts match anything. */
  async function resolveEventFilter(filter: EventFilter): Promise<{
    types: string[] | null;
    uuid: string | null;
    tags: string[] | null;
  }> {
    if ((filter.events?.length ?? 0) > 64 || (filter.tags?.length ?? 0) > 64)
      throw bad('An event filter names at most 64 events and 64 tags.');
    for (const tag of filter.tags ?? [])
      if (tag.length > 128) throw bad('A tag is at most 128 characters.');
    const types = filter.events && filter.events.length > 0 ? [...new Set(filter.events)] : null;
    for (const type of types ?? []) {
      if (!isFleetEventType(type)) {
        throw bad(
          `Unknown event type ${quote(type)}. Known: ${Object.values(FleetEventType).join(', ')}.`,
        );
      }
    }
    const uuid =
      filter.clientId !== null && filter.clientId !== undefined
        ? (await registry.resolve(store.em.fork(), filter.clientId)).uuid
        : null;
    const tags = filter.tags && filter.tags.length > 0 ? [...new Set(filter.tags)] : null;
    return { types, uuid, tags };
  }

  /** Whether a live event (from the bus) passes a resolved filter; tags as they are now. */
  function liveEventMatcher({
    types,
    uuid,
    tags,
  }: Awaited<ReturnType<typeof resolveEventFilter>>): (event: FleetEvent) => Promise<boolean> {
    return async (event) => {
      if (types && !types.includes(event.type)) return false;
      if (uuid && event.clientUuid !== uuid) return false;
      if (tags) {
        const row = await clientOfLiveEvent(event);
        const names = new Set(row?.tags.getItems().map((tag) => tag.name) ?? []);
        if (!tags.every((tag) => names.has(tag))) return false;
      }
      return true;
    };
  }

  const files = createFileOperations({ audit, callAgent });
  const transfers = createTransfers({
    audit,
    admit,
    callFailure,
    logger,
    transferRoots: options.transferRoots ?? [],
  });

  const fleet = {
    ...files,
    ...transfers,
    // ── for the tunnel hub ──────────────────────────────────────────────────────────────
    authorize,
    attachSession: registry.attach,

    // ── queries ─────────────────────────────────────────────────────────────────────────
    async listClients(filter: ClientFilter = {}): Promise<ClientView[]> {
      validateFilter(filter);
      const em = store.em.fork();
      const rows = await registry.list(em, filter, { limit: MAX_LIST_CLIENTS + 1 });
      if (rows.length > MAX_LIST_CLIENTS) {
        const total = await registry.count(em, filter);
        throw bad(
          `${total} clients match; a list returns at most ${MAX_LIST_CLIENTS}. Narrow the filter, or page through them with clientsConnection(filter, first, after).`,
          { total },
        );
      }
      return rows.map(registry.view);
    },

    /**
     * One page of clients in clientId order: up to `first` after the clientId `after`, whether
     * more follow, and how many match in all.
     */
    async pageClients(
      filter: ClientFilter,
      first: number,
      after: string | null,
    ): Promise<{ clients: ClientView[]; hasNextPage: boolean; totalCount: () => Promise<number> }> {
      validateFilter(filter);
      if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE)
        throw bad(`first must be from 0 to ${MAX_PAGE_SIZE} (got ${first}).`);
      const em = store.em.fork();
      const rows =
        first === 0
          ? []
          : await registry.list(em, filter, { afterClientId: after, limit: first + 1 });
      return {
        clients: rows.slice(0, first).map(registry.view),
        hasNextPage:
          first === 0
            ? (await registry.list(em, filter, { afterClientId: after, limit: 1 })).length > 0
            : rows.length > first,
        totalCount: () => registry.count(store.em.fork(), filter),
      };
    },

    /** Tags carried by at least one (not decommissioned) client, by name. */
    async listTags(): Promise<{ name: string }[]> {
      const rows = await store.em
        .fork()
        .getConnection()
        .execute<{ name: string }[]>(
          `select distinct t.name as name from tag t
             join client_tag ct on ct.tag_id = t.id
             join client c on c.uuid = ct.client_uuid and c.decommissioned_at is null
           order by t.name`,
        );
      return rows.map((row) => ({ name: row.name }));
    },

    async findTag(name: string): Promise<{ name: string } | null> {
      if (name.length > 128) throw bad('A tag is at most 128 characters.');
      const count = await store.em
        .fork()
        .getConnection()
        .execute<{ count: number }[]>(
          `select count(*) as count from tag t
             join client_tag ct on ct.tag_id = t.id
             join client c on c.uuid = ct.client_uuid and c.decommissioned_at is null
           where t.name = ?`,
          [name],
        );
      return Number(count[0]?.count ?? 0) > 0 ? { name } : null;
    },

    async rateLimitStats(ref: string): Promise<RateLimitStats> {
      const client = await currentView(ref);
      await seededCounts;
      return {
        client,
        rpmLimit: client.rateLimitRpm,
        concurrentLimit: client.rateLimitConcurrent,
        mode: client.rateLimitMode,
        ...limiter.figures(client.uuid),
      };
    },

    /**
     * The client of an event delivered by a subscription, looked up once for all subscribers;
     * null for events that did not come live from the bus (use the request's loaders).
     */
    async liveEventClient(event: FleetEvent): Promise<ClientView | null> {
      if (!liveEvents.has(event)) return null;
      const row = await clientOfLiveEvent(event);
      return row ? registry.view(row) : null;
    },

    /** Batching loaders for one request (see loaders.ts). */
    createLoaders() {
      return createLoaders(store, registry);
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

    /** One client by uuid, clientId or unambiguous display name; NOT_FOUND otherwise. */
    getClient: currentView,

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
      const { types, uuid, tags } = await resolveEventFilter(filter);
      const qb = store.em
        .fork()
        .createQueryBuilder(EventEntity, 'e')
        .select('*')
        .orderBy({ id: 'desc' })
        .limit(limit);
      if (before) qb.andWhere({ id: { $lt: Number(before) } });
      if (types) qb.andWhere({ type: { $in: types } });
      if (uuid) qb.andWhere({ clientUuid: uuid });
      if (tags) qb.andWhere(...withAllTags('e.client_uuid', tags));
      const rows = await qb.getResultList();
      return rows.map((row) => ({
        id: row.id,
        type: row.type as FleetEvent['type'],
        clientUuid: row.clientUuid ?? '',
        at: row.at,
        data: row.data ?? {},
        actor: row.actor ?? null,
      }));
    },

    /** Live events matching `filter`, until the returned iterator is closed. */
    async subscribeEvents(filter: EventFilter): Promise<AsyncIterableIterator<FleetEvent>> {
      // On the bus first, so that nothing published while the filter resolves is missed.
      const source = bus.subscribe(() => true);
      let matches: (event: FleetEvent) => Promise<boolean>;
      try {
        matches = liveEventMatcher(await resolveEventFilter(filter));
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
          for await (const event of source) {
            liveEvents.add(event);
            if (await matches(event)) out.push(event);
          }
          out.end();
        } catch (error) {
          out.end(error as Error);
        }
      })();
      return out;
    },

    /** One client's online/health/key state: now, then on every change, until closed. */
    async subscribeClientStatus(ref: string): Promise<AsyncIterableIterator<StatusChange>> {
      const source = bus.subscribe((event) => STATUS_EVENTS.has(event.type));
      let first: ClientView;
      try {
        first = await currentView(ref);
      } catch (error) {
        await source.return?.();
        throw error;
      }
      const out = createAsyncQueue<StatusChange>({
        maxBuffered: 1000,
        onClose: () => void source.return?.(),
      });
      out.push({ cause: 'current', at: new Date(), client: first });
      void (async () => {
        try {
          for await (const event of source) {
            if (event.clientUuid !== first.uuid) continue;
            const row = await clientOfLiveEvent(event);
            if (row) out.push({ cause: event.type, at: event.at, client: registry.view(row) });
          }
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

    /** Live rate-limit breaches (client.rate_limited events) matching the filter. */
    subscribeRateLimitWarnings(filter: Omit<EventFilter, 'events'>) {
      return fleet.subscribeEvents({ ...filter, events: [FleetEventType.rateLimited] });
    },

    // ── metrics and health ──────────────────────────────────────────────────────────────
    clientMetrics: metrics.clientMetrics,
    subscribeMetrics: metrics.subscribeMetrics,
    fleetHealth: metrics.fleetHealth,

    // ── operations ──────────────────────────────────────────────────────────────────────
    runCommand,

    /** Operator metadata: only the fields given change; a reconnect never touches them. */
    async updateClient(ref: string, input: UpdateClientInput, caller: Caller): Promise<ClientView> {
      validateMetadata(input);
      const em = store.em.fork();
      const client = await registry.resolve(em, ref);
      const changed: Record<string, unknown> = {};
      if (input.displayName !== undefined) {
        client.displayName = input.displayName?.trim() ?? null;
        changed['display_name'] = client.displayName;
      }
      if (input.purpose !== undefined) {
        client.purpose = input.purpose;
        changed['purpose'] = input.purpose;
      }
      if (input.tags !== undefined && input.tags !== null) {
        client.tags.set(await findOrCreateTags(em, input.tags));
        changed['tags'] = [...new Set(input.tags)].sort();
      }
      if (input.allowedPaths !== undefined) {
        client.allowedPaths =
          input.allowedPaths && input.allowedPaths.length > 0
            ? [...new Set(input.allowedPaths)]
            : null;
        changed['allowed_paths'] = client.allowedPaths;
      }
      return saveChange(em, client, changed, caller);
    },

    /** Operational settings: webhook and rate limits. null (or "" for the URL) restores the default. */
    async configureClient(
      ref: string,
      input: ConfigureClientInput,
      caller: Caller,
    ): Promise<ClientView> {
      const { webhookUrl, webhookSecret } = validateSettings(input);
      if (webhookUrl) await webhooks?.assertUrlAllowed(webhookUrl);
      const em = store.em.fork();
      const client = await registry.resolve(em, ref);
      const changed: Record<string, unknown> = {};
      if (webhookUrl !== undefined) {
        client.webhookUrl = webhookUrl;
        changed['webhook_url'] = webhookUrl;
      }
      if (webhookSecret !== undefined) {
        client.webhookSecret = webhookSecret;
        changed['webhook_secret'] = webhookSecret === null ? 'cleared' : 'set'; // never the secret
      }
      if (input.rateLimitRpm !== undefined) {
        client.rateLimitRpm = input.rateLimitRpm;
        changed['rate_limit_rpm'] = input.rateLimitRpm;
      }
      if (input.rateLimitConcurrent !== undefined) {
        client.rateLimitConcurrent = input.rateLimitConcurrent;
        changed['rate_limit_concurrent'] = input.rateLimitConcurrent;
      }
      if (input.rateLimitMode !== undefined) {
        client.rateLimitMode = asRateLimitMode(input.rateLimitMode);
        changed['rate_limit_mode'] = input.rateLimitMode;
      }
      if (input.cpuThreshold !== undefined) {
        client.cpuThreshold = input.cpuThreshold;
        changed['cpu_threshold'] = input.cpuThreshold;
      }
      if (input.memoryThreshold !== undefined) {
        client.memoryThreshold = input.memoryThreshold;
        changed['memory_threshold'] = input.memoryThreshold;
      }
      if (input.diskThreshold !== undefined) {
        client.diskThreshold = input.diskThreshold;
        changed['disk_threshold'] = input.diskThreshold;
      }
      if (input.resourceChecks !== undefined) {
        client.resourceChecks = input.resourceChecks;
        changed['resource_checks'] = input.resourceChecks;
      }
      return saveChange(em, client, changed, caller);
    },

    /**
     * The guide's decommissioning in one call: stop the agent's service if asked (and the
     * client is online), clear its webhook, mark it decommissioned and cut its link. The record
     * and its history stay; it no longer appears in lists and may not connect until restored.
     */
    async decommissionClient(
      ref: string,
      input: DecommissionInput,
      caller: Caller,
    ): Promise<{ client: ClientView; serviceStop: ServiceStop | null }> {
      if ((input.reason?.length ?? 0) > 1024) throw bad('reason is at most 1024 characters.');
      const stopCommand = input.stopCommand ?? DEFAULT_STOP_COMMAND;
      const stopService = input.stopService ?? true;
      // Checked even when it will not run: a bad argument is refused, never ignored.
      validateCommand({ cmd: stopCommand, timeout: 60 });
      const target = await registry.resolve(store.em.fork(), ref);
      if (target.decommissionedAt) {
        throw bad(
          `Client "${target.clientId}" was already decommissioned on ${target.decommissionedAt.toISOString()}. Call restoreClient to bring it back.`,
        );
      }
      let serviceStop: ServiceStop | null = null;
      if (stopService && registry.session(target.uuid)) {
        try {
          serviceStop = {
            result: await runCommand(target.uuid, { cmd: stopCommand, timeout: 60 }, caller),
            error: null,
          };
        } catch (error) {
          serviceStop = { result: null, error: failureOf(error) };
        }
      }
      const em = store.em.fork();
      const client = await registry.resolve(em, target.uuid);
      const now = new Date();
      const previousWebhook = client.webhookUrl ?? null;
      client.webhookUrl = null;
      client.decommissionedAt = now;
      await em.flush();
      await audit.record(
        FleetEventType.decommissioned,
        client.uuid,
        {
          reason: input.reason ?? null,
          webhook_cleared: previousWebhook !== null,
          stop_command: serviceStop ? redactSecrets(stopCommand) : null,
          stop_exit_code: serviceStop?.result?.returncode ?? null,
          stop_error: serviceStop?.error?.code ?? null,
        },
        caller.actor,
      );
      registry.session(client.uuid)?.close('decommissioned');
      return { client: registry.view(client), serviceStop };
    },

    /** Undoes decommissionClient: the client may connect again and appears in lists. */
    async restoreClient(ref: string, caller: Caller): Promise<ClientView> {
      const em = store.em.fork();
      const client = await registry.resolve(em, ref);
      if (!client.decommissionedAt)
        throw bad(`Client "${client.clientId}" is not decommissioned; nothing to restore.`);
      client.decommissionedAt = null;
      await em.flush();
      await audit.record(FleetEventType.restored, client.uuid, {}, caller.actor);
      return registry.view(client);
    },

    /** Adds and removes tags on every client matching `filter`, in one transaction. */
    async updateClients(
      filter: ClientFilter,
      input: UpdateClientsInput,
      caller: Caller,
    ): Promise<ClientView[]> {
      validateBulkFilter(filter);
      validateTags('addTags', input.addTags);
      validateTags('removeTags', input.removeTags);
      const add = [...new Set(input.addTags ?? [])];
      const remove = new Set(input.removeTags ?? []);
      if (add.length === 0 && remove.size === 0) throw bad('Give addTags or removeTags (or both).');
      const both = add.filter((tag) => remove.has(tag));
      if (both.length > 0) throw bad(`Tags both added and removed: ${both.join(', ')}.`);
      const changed = await store.em.fork().transactional(async (em) => {
        const clients = await registry.list(em, filter, { limit: MAX_BULK_TARGETS + 1 });
        if (clients.length > MAX_BULK_TARGETS)
          throw bad(
            `The filter matches more than ${MAX_BULK_TARGETS} clients; a bulk update takes at most ${MAX_BULK_TARGETS}. Narrow the filter.`,
          );
        const adding = await findOrCreateTags(em, add);
        for (const client of clients) {
          for (const tag of client.tags.getItems())
            if (remove.has(tag.name)) client.tags.remove(tag);
          for (const tag of adding) client.tags.add(tag);
        }
        return clients;
      });
      for (const client of changed) {
        await audit.record(
          FleetEventType.updated,
          client.uuid,
          {
            tags: client.tags
              .getItems()
              .map((tag) => tag.name)
              .sort(),
            bulk: true,
          },
          caller.actor,
        );
      }
      return changed.map(registry.view);
    },

    /**
     * Runs one command on every client matching `filter`, at most `parallelism` at a time; one
     * outcome per client (offline or refused clients get an error, the others a result).
     */
    async runCommandOnClients(
      filter: ClientFilter,
      input: RunCommandInput,
      parallelism: number,
      caller: Caller,
    ): Promise<ClientOutcome<RunCommandResult>[]> {
      validateBulkFilter(filter);
      validateCommand(input);
      if (!Number.isInteger(parallelism) || parallelism < 1 || parallelism > 64)
        throw bad(`parallelism must be from 1 to 64 (got ${parallelism}).`);
      const targets = (
        await registry.list(store.em.fork(), filter, { limit: MAX_BULK_TARGETS + 1 })
      ).map(registry.view);
      if (targets.length > MAX_BULK_TARGETS)
        throw bad(
          `The filter matches more than ${MAX_BULK_TARGETS} clients; a bulk command takes at most ${MAX_BULK_TARGETS}. Narrow the filter.`,
        );
      return mapWithConcurrency(targets, parallelism, async (client) => {
        if (caller.signal?.aborted) {
          return {
            client,
            result: null,
            error: { code: ErrorCode.timeout, message: 'Not started: the caller gave up.' },
          };
        }
        try {
          return { client, result: await runCommand(client.uuid, input, caller), error: null };
        } catch (error) {
          return { client: await currentView(client.uuid), result: null, error: failureOf(error) };
        }
      });
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
      validateTokenInput(input);
      return createToken(store.em.fork(), input, caller.actor);
    },

    listEnrollmentTokens(includeInactive: boolean): Promise<TokenView[]> {
      return listTokens(store.em.fork(), includeInactive);
    },

    revokeEnrollmentToken(id: string): Promise<TokenView> {
      return revokeToken(store.em.fork(), id);
    },

    /** Webhook deliveries: list, replay, test, failures (null when webhooks are off). */
    webhooks,

    /** Closes every agent session and records the disconnections (server shutdown). */
    disconnectAll(reason: string): Promise<void> {
      monitor.stop();
      return registry.closeAll(reason);
    },
  };
  return fleet;
}

export type Fleet = ReturnType<typeof createFleet>;
