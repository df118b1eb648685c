// The wiring of the fleet service: which part gets which collaborator. No policy here — each
// part owns its own (index.ts declares the surface; gate.ts is the policy pipeline).
//
//   store ◀── registry (records, who is online) ◀── gate (resolve, guard, permit, call, map)
//     │          ▲ attach (hub)      │ health monitor      │ commands, files, transfers,
//     │          │                   ▼                     ▼ metrics, fleetHealth, jobs
//     └── audit (event + outbox rows) ──▶ event bus ──▶ events (subscriptions), webhooks worker
//
// Everything is created here and nothing is global: several fleets may run in one process (the
// in-process test harness), each on its own store.

import { hostname } from 'node:os';
import { createMembership } from './cluster/membership.js';
import type { Logger } from 'pino';
import type { Store } from '../store/index.js';
import { createAdmission } from './admission.js';
import { createAudit } from './audit.js';
import type { AuthorizedKeys } from './authorized-keys.js';
import { createClientChanges } from './client-changes.js';
import { createClientQueries } from './clients.js';
import { createCommands } from './commands.js';
import { createDecommissioning } from './decommission.js';
import { createEventBus } from './event-bus.js';
import type { FleetEvent } from './event-types.js';
import { createEvents } from './events.js';
import { createFiles } from './files.js';
import { createFleetHealth } from './fleet-health.js';
import { createGate } from './gate.js';
import { guardFleet, resolveInScope } from './guard.js';
import { createHoldings } from './holdings.js';
import type { Fleet } from './index.js';
import { createKeys } from './keys.js';
import { createHealthMonitor } from './health.js';
import { createIdempotency } from './idempotency.js';
import { createBulkJobs } from './jobs/bulk-jobs.js';
import { createLoaders } from './loaders.js';
import { createMetrics } from './metrics.js';
import { createReach } from './reach/reach.js';
import type { RecordingOptions } from './reach/recording.js';
import { createRefusedKeys } from './refused-keys.js';
import { createRegistry } from './registry.js';
import { createLastSeenKeeper } from './last-seen.js';
import {
  effectiveResourceChecks,
  effectiveThresholds,
  type HealthConfig,
  type RateLimitDefaults,
} from './settings.js';
import { createTags } from './tags.js';
import { createTokens } from './tokens.js';
import { createTransfers } from './transfers/transfers.js';
import type { WebhookSettings } from './webhooks/settings.js';
import { createWebhooks, webhooksApi } from './webhooks/webhooks.js';

export interface FleetOptions {
  store: Store;
  /** The fleet's logger; each component logs through a child (`component: 'gate'` …). */
  logger: Logger;
  authorizedKeys: AuthorizedKeys;
  openEnrollment: boolean;
  rateLimitDefaults: RateLimitDefaults;
  health: HealthConfig;
  version: string;
  /** Where transfers may read and write on the server (real paths); the first takes relative ones. */
  transferRoots?: readonly string[] | undefined;
  /** Webhook delivery; absent = no webhooks (unit tests). */
  webhooks?: { settings: WebhookSettings; globalSecret: string } | undefined;
  /** Shell session recordings (asciicast); absent = sessions are not recorded. */
  recording?: RecordingOptions | undefined;
  /** This server among the servers on one database; default: the hostname, no peer URL. */
  server?: { name: string; peerUrl: string | null } | undefined;
  /** The bootstrap admin key's secret (first start or ETPHONEHOME_API_KEY); absent: none. */
  bootstrapKey?: string | undefined;
  /** Told of every recorded event in chain order (ETPHONEHOME_AUDIT_LOG). */
  onEventRecorded?: ((event: FleetEvent) => void) | undefined;
}

/** Builds every part of the fleet; index.ts's createFleet checks the result against `Fleet`. */
export function assembleFleet(options: FleetOptions): Fleet {
  const { store, logger } = options;
  const componentLog = (component: string): Logger => logger.child({ component });
  const startedAt = Date.now();
  const bus = createEventBus();

  // The webhook service resolves client names through the registry, which needs the audit,
  // which needs the webhook outbox: the registry is looked up when a name is resolved.
  const webhookService = options.webhooks
    ? createWebhooks({
        store,
        logger: componentLog('webhooks'),
        ...options.webhooks,
        version: options.version,
        resolveClient: (ref) => registry.resolve(ref),
      })
    : null;
  const audit = createAudit({
    store,
    bus,
    logger: componentLog('audit'),
    outbox: webhookService ?? undefined,
    onRecorded: options.onEventRecorded,
  });
  const monitor = createHealthMonitor({
    config: options.health,
    audit,
    async settingsOf(uuid) {
      const row = await store.clients.get(uuid);
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
    defaults: { rateLimit: options.rateLimitDefaults, health: options.health },
    onAttached: monitor.watch,
  });
  const lastSeen = createLastSeenKeeper({
    store,
    audit,
    logger: componentLog('registry'),
    registry,
  });

  const gate = createGate({
    store,
    registry: registry,
    audit,
    rateLimitDefaults: options.rateLimitDefaults,
    logger: componentLog('gate'),
  });
  const queries = createClientQueries({ store, registry: registry, gate });
  const idempotency = createIdempotency({ store, logger: componentLog('idempotency') });
  const commands = createCommands({
    gate,
    idempotency,
    select: queries.select,
    current: queries.get,
  });
  const jobs = createBulkJobs({
    store,
    logger: componentLog('jobs'),
    idempotency,
    select: queries.select,
    run: commands.run,
  });
  const changes = createClientChanges({
    store,
    audit,
    registry: registry,
    queryOf: queries.queryOf,
    assertUrlAllowed: webhookService?.assertUrlAllowed,
  });
  const lifecycle = createDecommissioning({
    store,
    audit,
    registry: registry,
    run: commands.run,
  });
  const metrics = createMetrics({ gate, registry: registry });
  const membership = createMembership({
    store,
    server: {
      ...(options.server ?? { name: hostname(), peerUrl: null }),
      version: options.version,
    },
    held: () => registry.onlineCount,
    logger: componentLog('cluster'),
  });
  const refusedKeys = createRefusedKeys({ audit, logger: componentLog('admission') });
  const authorize = createAdmission({
    store,
    authorizedKeys: options.authorizedKeys,
    openEnrollment: options.openEnrollment,
    onlineFingerprint: registry.onlineFingerprint,
    onRefusedKey: refusedKeys.refused,
  });

  const events = createEvents({ store, bus, registry: registry });
  const reach = createReach({
    gate,
    audit,
    logger: componentLog('reach'),
    recording: options.recording ?? null,
    listEvents: (filter, limit) => events.list(filter, limit),
    resolve: (ref) => registry.resolve(ref),
    clientIdOf: async (uuid) => (await registry.resolve(uuid).catch(() => null))?.clientId ?? uuid,
  });

  const holdings = createHoldings({ store, logger: componentLog('keys') });
  const keys = createKeys({
    store,
    logger: componentLog('keys'),
    holdings,
    bootstrapKey: options.bootstrapKey,
    async resolveClient(ref, caller) {
      const scope = caller.principal?.scope;
      return (scope ? await resolveInScope(store, scope, ref) : await registry.resolve(ref)).uuid;
    },
  });
  const transfers = createTransfers({
    gate,
    idempotency,
    audit,
    logger: componentLog('transfers'),
    transferRoots: options.transferRoots ?? [],
  });

  const fleet: Fleet = {
    clients: {
      list: queries.list,
      page: queries.page,
      get: queries.get,
      find: queries.find,
      rateLimitStats: queries.rateLimitStats,
      ...changes,
      ...lifecycle,
    },
    tags: createTags(store),
    commands,
    files: createFiles(gate, idempotency),
    transfers: {
      upload: transfers.upload,
      download: transfers.download,
      subscribe: transfers.subscribe,
      list: async () => transfers.list(),
    },
    jobs: {
      startBulkCommand: jobs.start,
      get: jobs.get,
      results: jobs.results,
      cancel: jobs.cancel,
      subscribe: jobs.subscribe,
    },
    events,
    sessions: reach.sessions,
    tunnels: reach.tunnels,
    metrics: {
      get: metrics.get,
      subscribe: metrics.subscribe,
      fleetHealth: createFleetHealth({
        store,
        gate,
        registry: registry,
        queryOf: queries.queryOf,
        defaultMaxAgeSeconds: 2 * options.health.heartbeatIntervalS,
      }),
    },
    webhooks: webhooksApi(webhookService),
    tokens: createTokens(store),
    agents: { authorize, attach: registry.attach },
    keys: {
      create: keys.create,
      list: keys.list,
      revoke: keys.revoke,
      authenticate: keys.authenticate,
      hold: keys.hold,
    },
    actingAs: (principal) => guardFleet(fleet, { store, view: registry.view }, principal),

    async health() {
      return {
        status: 'ok' as const,
        version: options.version,
        uptimeS: Math.round((Date.now() - startedAt) / 1000),
        server: membership.name,
        database: store.dialect,
        clientsHeld: registry.onlineCount,
        clients: {
          online: registry.onlineCount,
          total: await store.clients.count({}),
        },
      };
    },
    createLoaders: () => createLoaders(store, registry.view),
    cluster: { servers: membership.servers },
    async start(): Promise<void> {
      await membership.start();
      await lastSeen.closeLeftOpen();
      lastSeen.start();
      // What a crash left running: jobs and idempotency keys end INTERRUPTED (with several
      // servers on one database, issue 14 limits this to the server's own).
      await jobs.recover();
      await idempotency.recover();
      await webhookService?.start();
      reach.start();
    },
    async disconnectAll(reason: string): Promise<void> {
      monitor.stop();
      // Jobs first: their unfinished clients are recorded as interrupted, not as broken links.
      await jobs.stop();
      reach.stop(reason);
      await registry.closeAll(reason);
    },
    async stop(): Promise<void> {
      monitor.stop();
      await refusedKeys.stop();
      await lastSeen.stop();
      await jobs.stop();
      await keys.stop();
      await webhookService?.stop();
      await membership.stop();
    },
  };
  return fleet;
}
