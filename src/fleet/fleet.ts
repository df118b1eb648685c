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
import { createEvents } from './events.js';
import { createFiles } from './files.js';
import { createFleetHealth } from './fleet-health.js';
import { createGate } from './gate.js';
import { createHealthMonitor } from './health.js';
import { createIdempotency } from './idempotency.js';
import { createBulkJobs } from './jobs/bulk-jobs.js';
import { createLoaders } from './loaders.js';
import { createMetrics } from './metrics.js';
import { createRegistry } from './registry.js';
import { createLastSeenKeeper } from './last-seen.js';
import { recordRefusedMismatch } from './key-mismatch-audit.js';
import { createRunState } from './run-state.js';
import { createServerStatus } from './server-status.js';
import { storedHealthSettings, type HealthConfig, type RateLimitDefaults } from './settings.js';
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
}

/** Builds every part of the fleet; index.ts's createFleet checks the result against `Fleet`. */
export function assembleFleet(options: FleetOptions) {
  const { store, logger } = options;
  const componentLog = (component: string): Logger => logger.child({ component });
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
  });
  const monitor = createHealthMonitor({
    config: options.health,
    audit,
    settingsOf: storedHealthSettings(store.clients, options.health),
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
  const authorize = createAdmission({
    store,
    authorizedKeys: options.authorizedKeys,
    openEnrollment: options.openEnrollment,
    onlineFingerprint: registry.onlineFingerprint,
    onRefusedMismatch: recordRefusedMismatch(audit),
  });

  return {
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
    transfers: createTransfers({
      gate,
      idempotency,
      audit,
      logger: componentLog('transfers'),
      transferRoots: options.transferRoots ?? [],
    }),
    jobs: {
      startBulkCommand: jobs.start,
      get: jobs.get,
      results: jobs.results,
      cancel: jobs.cancel,
      subscribe: jobs.subscribe,
    },
    events: createEvents({ store, bus, registry: registry }),
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

    health: createServerStatus({ store, version: options.version, registry }),
    createLoaders: () => createLoaders(store, registry.view),
    ...createRunState({
      monitor,
      lastSeen,
      jobs,
      idempotency,
      webhooks: webhookService,
      closeLinks: (reason) => registry.closeAll(reason),
    }),
  };
}
