// The wiring of the fleet service: which part gets which collaborator. No policy here — each
// part owns its own (index.ts declares the surface; gate.ts is the policy pipeline).
//
//   store ◀── registry (records, who is online) ◀── gate (resolve, guard, permit, call, map)
//     │          ▲ attach (hub)      │ health monitor      │ commands, files, transfers,
//     │          │                   ▼                     ▼ metrics, fleetHealth, jobs
//     └── audit (event + outbox rows) ──▶ event bus ──▶ events (subscriptions), webhooks worker
//
// On PostgreSQL the bus is fed by cluster/event-relay.ts from the trail (every server's events).
// Everything is created here and nothing is global: several fleets may run in one process (the
// in-process test harness), each on its own store.

import { hostname } from 'node:os';
import type { Logger } from 'pino';
import { createAudit } from './audit.js';
import { clientsApi } from './clients-wiring.js';
import { createClientQueries } from './clients.js';
import { createCommands } from './commands.js';
import { createConfirmations } from './confirmations.js';
import { createEventRelay } from './cluster/event-relay.js';
import { createEventBus } from './event-bus.js';
import { createEvents } from './events.js';
import { createFiles } from './files.js';
import { createFleetHealth } from './fleet-health.js';
import { createGate } from './gate.js';
import { wireAdmission } from './admission-wiring.js';
import { wireCluster } from './cluster-wiring.js';
import { guardFleet } from './guard.js';
import { keysApi, wireKeys } from './keys-wiring.js';
import type { FleetOptions } from './options.js';
import type { Fleet } from './surface.js';
import { createHealthMonitor } from './health.js';
import { createIdempotency } from './idempotency.js';
import { createBulkJobs, jobsApi } from './jobs/bulk-jobs.js';
import { createLoaders } from './loaders.js';
import { createMetrics } from './metrics.js';
import { wireReach } from './reach/reach.js';
import { createRegistry } from './registry.js';
import { createRunState } from './run-state.js';
import { createServerStatus } from './server-status.js';
import { createLastSeenKeeper } from './last-seen.js';
import { storedHealthSettings } from './settings.js';
import { createTags } from './tags.js';
import { createTokens } from './tokens.js';
import { createTransfers } from './transfers/transfers.js';
import { createTrustedDocuments } from './trusted-documents.js';
import { createWebhooks, webhooksApi } from './webhooks/webhooks.js';

export type { FleetOptions } from './options.js';

/** Builds every part of the fleet; index.ts's createFleet checks the result against `Fleet`. */
export function assembleFleet(options: FleetOptions): Fleet {
  const { store, logger } = options;
  const componentLog = (component: string): Logger => logger.child({ component });
  const bus = createEventBus();
  const relay = createEventRelay({ store, bus, logger: componentLog('cluster') });

  // The webhook service resolves client names through the registry, which needs the audit,
  // which needs the webhook outbox: the registry is looked up when a name is resolved.
  const webhookService = options.webhooks
    ? createWebhooks({
        store,
        logger: componentLog('webhooks'),
        ...options.webhooks,
        version: options.version,
        server: options.server?.name ?? hostname(),
        resolveClient: (ref) => registry.resolve(ref),
      })
    : null;
  const audit = createAudit({
    store,
    bus,
    logger: componentLog('audit'),
    outbox: webhookService ?? undefined,
    onRecorded: options.onEventRecorded,
    publishes: !relay.relays,
  });
  const monitor = createHealthMonitor({
    config: options.health,
    audit,
    clients: store.clients,
    settingsOf: storedHealthSettings(store.clients, options.health),
  });
  const cluster = wireCluster({ options, audit, built: () => ({ registry, gate }) });
  const registry = createRegistry({
    store,
    audit,
    logger,
    defaults: { rateLimit: options.rateLimitDefaults, health: options.health },
    onAttached: monitor.watch,
    ...cluster.registryDeps,
  });
  const { name: server, servers } = cluster.membership;
  const registryLog = componentLog('registry');
  const lastSeen = createLastSeenKeeper({ store, audit, registry, server, logger: registryLog });
  const gate = createGate({
    store,
    registry,
    audit,
    rateLimitDefaults: options.rateLimitDefaults,
    logger: componentLog('gate'),
  });
  const queries = createClientQueries({ store, registry, gate });
  const idempotency = createIdempotency({ store, server, logger: componentLog('idempotency') });
  const { select, get: current } = queries;
  const commands = createCommands({ gate, idempotency, select, current });
  const jobs = createBulkJobs({
    store,
    server,
    logger: componentLog('jobs'),
    idempotency,
    select: queries.select,
    run: commands.run,
    // `keys` is wired below; a job starts only once the fleet is built.
    hold: (principal, end) => keys.hold(principal, end),
  });
  const metrics = createMetrics({ gate, registry });
  const { refusedKeys, authorize } = wireAdmission({
    options,
    audit,
    registry,
    logger: componentLog,
  });

  const events = createEvents({ store, bus, registry });
  const reach = wireReach({
    gate,
    audit,
    events,
    registry,
    options,
    logger: componentLog('reach'),
    // `keys` is wired below; a shell opens only once the fleet is built.
    hold: (principal, end) => keys.hold(principal, end),
  });

  const keys = wireKeys({ store, registry, options, logger: componentLog('keys'), audit });
  const transfers = createTransfers({
    gate,
    idempotency,
    audit,
    logger: componentLog('transfers'),
    transferRoots: options.transferRoots ?? [],
  });

  const fleet: Fleet = {
    clients: clientsApi({
      store,
      audit,
      registry,
      queries,
      run: commands.run,
      assertUrlAllowed: webhookService?.assertUrlAllowed,
    }),
    tags: createTags(store),
    commands,
    files: createFiles(gate, idempotency),
    transfers: { ...transfers, list: async () => transfers.list() },
    jobs: jobsApi(jobs),
    events,
    sessions: reach.sessions,
    shells: reach.shells,
    tunnels: reach.tunnels,
    metrics: {
      get: metrics.get,
      subscribe: metrics.subscribe,
      fleetHealth: createFleetHealth({
        store,
        gate,
        registry,
        queryOf: queries.queryOf,
        defaultMaxAgeSeconds: 2 * options.health.heartbeatIntervalS,
      }),
    },
    webhooks: webhooksApi(webhookService),
    tokens: createTokens(store),
    agents: { authorize, attach: registry.attach, turnAway: cluster.drain.turnAway },
    keys: keysApi(keys),
    documents: createTrustedDocuments({ store, settings: options.trustedDocuments }),
    actingAs: (principal) => guardFleet(fleet, { store, view: registry.view }, principal),
    caughtUp: () => store.sync?.() ?? Promise.resolve(),
    health: createServerStatus({ store, version: options.version, server, registry, ...cluster }),
    createLoaders: () => createLoaders(store, registry.view),
    cluster: { servers, peerUpgrade: cluster.peers.handleUpgrade },
    confirmations: createConfirmations({ store, ttlS: options.confirmationTtlS }),
    ...createRunState({
      monitor,
      lastSeen,
      jobs,
      idempotency,
      webhooks: webhookService,
      membership: cluster.run,
      relay,
      reach,
      flushers: [refusedKeys, keys],
      closeLinks: (reason) => registry.closeAll(reason),
    }),
  };
  return fleet;
}
