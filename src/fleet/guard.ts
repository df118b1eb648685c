// The fleet as one API key sees it. Every operation first checks the key's role against the
// matrix (./access.ts: FORBIDDEN naming the role needed); then, for a scoped key, the scope:
// a client outside it does not exist — left out of lists, counts, tags, events, subscriptions,
// deliveries, transfers and fleetHealth, and NOT_FOUND when named (never FORBIDDEN, which would
// confirm it exists). The scope is evaluated at each call against the clients' tags as they are
// then (a tag change moves a client in or out at once); a list costs one extra condition in
// its query, a named client one lookup.

export { resolveInScope } from './scope-guard.js';

import { AppError, ErrorCode } from '../errors.js';
import { quote } from '../lib/quote.js';
import type { ClientRecord, Store } from '../store/index.js';
import { requireRole, type FleetOperation } from './access.js';
import { checked, filtered, resolveInScope } from './scope-guard.js';
import type { ClientFilter } from './client-filter.js';
import type { ClientView } from './client-view.js';
import type { EventFilter } from './events.js';
import type { Fleet } from './surface.js';
import { createLoaders } from './loaders.js';
import { inScope, type Principal } from './principal.js';

export interface GuardDeps {
  store: Store;
  view: (row: ClientRecord) => ClientView;
}

/** The fleet as `principal` may see and use it. */
export function guardFleet(fleet: Fleet, deps: GuardDeps, principal: Principal): Fleet {
  const { store } = deps;
  const scope = principal.scope;
  const role = (operation: FleetOperation): void => requireRole(principal, operation);

  if (!scope) {
    return {
      clients: checked(fleet.clients, 'clients', principal),
      tags: checked(fleet.tags, 'tags', principal),
      commands: checked(fleet.commands, 'commands', principal),
      files: checked(fleet.files, 'files', principal),
      transfers: checked(fleet.transfers, 'transfers', principal),
      events: checked(fleet.events, 'events', principal),
      metrics: checked(fleet.metrics, 'metrics', principal),
      webhooks: checked(fleet.webhooks, 'webhooks', principal),
      tokens: checked(fleet.tokens, 'tokens', principal),
      keys: checked(fleet.keys, 'keys', principal),
      documents: checked(fleet.documents, 'documents', principal),
      agents: checked(fleet.agents, 'agents', principal),
      jobs: checked(fleet.jobs, 'jobs', principal),
      sessions: checked(fleet.sessions, 'sessions', principal),
      shells: checked(fleet.shells, 'shells', principal),
      tunnels: checked(fleet.tunnels, 'tunnels', principal),
      cluster: checked(fleet.cluster, 'cluster', principal),
      confirmations: checked(fleet.confirmations, 'confirmations', principal),
      ...fleetFunctions(),
    };
  }

  // ── a scoped key ───────────────────────────────────────────────────────────────────────────
  const visible = (client: { uuid: string; tags: readonly string[] }): boolean =>
    inScope(scope, client);
  const uuidOf = async (ref: string): Promise<string> =>
    (await resolveInScope(store, scope, ref)).uuid;
  const scoped = (filter: ClientFilter | undefined): ClientFilter => ({
    ...(filter ?? {}),
    tags: [...new Set([...(filter?.tags ?? []), ...scope.tags])],
    ...(scope.clientUuids ? { clientUuids: scope.clientUuids } : {}),
  });
  /** The uuids of every client in scope (decommissioned included: their history stays). */
  const scopedUuids = async (): Promise<string[]> =>
    (
      await store.clients.list({
        tags: scope.tags,
        includeDecommissioned: true,
        ...(scope.clientUuids ? { uuidIn: scope.clientUuids } : {}),
      })
    ).map((row) => row.uuid);
  const uuidVisible = async (uuid: string | null | undefined): Promise<boolean> => {
    if (!uuid) return false;
    const row = await store.clients.get(uuid);
    return row !== null && visible(row);
  };
  const eventFilter = async <F extends EventFilter>(filter: F): Promise<F> => ({
    ...filter,
    ...(filter.clientId ? { clientId: await uuidOf(filter.clientId) } : {}),
  });
  const liveVisible = async (event: Parameters<Fleet['events']['liveEventClient']>[0]) => {
    const client = await fleet.events.liveEventClient(event);
    return client ? visible(client) : uuidVisible(event.clientUuid);
  };
  const deliveryNotFound = (id: string): AppError =>
    new AppError(
      ErrorCode.notFound,
      `No webhook delivery has id ${quote(id, 80)}. Call webhookDeliveries to list them.`,
    );
  const deliveryInScope = async (id: string): Promise<void> => {
    const delivery = await fleet.webhooks.get(id);
    if (!(await uuidVisible(delivery.clientUuid))) throw deliveryNotFound(id);
  };
  const unscopedOnly = (what: string): never => {
    throw new AppError(
      ErrorCode.forbidden,
      `${what} needs a key over the whole fleet; the API key ${quote(principal.name)} is scoped.`,
    );
  };

  const clients: Fleet['clients'] = {
    list: (filter) => fleet.clients.list(scoped(filter)),
    page: (filter, first, after) => fleet.clients.page(scoped(filter), first, after),
    get: async (ref) => fleet.clients.get(await uuidOf(ref)),
    async find(ref) {
      try {
        return await fleet.clients.get(await uuidOf(ref));
      } catch (error) {
        if (error instanceof AppError && error.code === ErrorCode.notFound) return null;
        throw error;
      }
    },
    rateLimitStats: async (ref) => fleet.clients.rateLimitStats(await uuidOf(ref)),
    update: async (ref, input, caller) => fleet.clients.update(await uuidOf(ref), input, caller),
    configure: async (ref, input, caller) =>
      fleet.clients.configure(await uuidOf(ref), input, caller),
    updateMany: (filter, input, caller) => fleet.clients.updateMany(scoped(filter), input, caller),
    acceptKey: async (ref, caller) => fleet.clients.acceptKey(await uuidOf(ref), caller),
    decommission: async (ref, input, caller) =>
      fleet.clients.decommission(await uuidOf(ref), input, caller),
    restore: async (ref, caller) => fleet.clients.restore(await uuidOf(ref), caller),
  };

  const tags: Fleet['tags'] = {
    async list() {
      const rows = await store.clients.list(scoped({}));
      return [...new Set(rows.flatMap((row) => row.tags))].sort().map((name) => ({ name }));
    },
    async find(name) {
      const found = await fleet.tags.find(name);
      if (!found) return null;
      const rows = await store.clients.list(scoped({ tags: [name] }), { limit: 1 });
      return rows.length > 0 ? found : null;
    },
  };

  // A job is the key's when the filter it ran with lies inside the scope (a scoped key's own
  // jobs always do: their filter was narrowed at start); any other is NOT_FOUND.
  const jobNotFound = (id: string): AppError =>
    new AppError(ErrorCode.notFound, `No bulk job has id ${quote(id, 80)}.`);
  const jobInScope = async (id: string): Promise<void> => {
    const job = await fleet.jobs.get(id);
    const filter = job.filter as { tags?: unknown; clientUuids?: unknown };
    const tags = Array.isArray(filter.tags) ? (filter.tags as string[]) : [];
    const uuids = Array.isArray(filter.clientUuids) ? (filter.clientUuids as string[]) : null;
    const tagsFit = scope.tags.every((tag) => tags.includes(tag));
    const uuidsFit =
      !scope.clientUuids || (uuids !== null && uuids.every((u) => scope.clientUuids?.includes(u)));
    if (!tagsFit || !uuidsFit) throw jobNotFound(id);
  };
  const sessionNotFound = (what: string, id: string): AppError =>
    new AppError(ErrorCode.notFound, `No ${what} has id ${quote(id, 80)}.`);
  const sessionInScope = async (id: string): Promise<void> => {
    const view = await fleet.sessions.find(id);
    if (!view || !(await uuidVisible(view.clientUuid))) throw sessionNotFound('session', id);
  };
  const visibleUuids = async (uuids: readonly string[]): Promise<Set<string>> =>
    new Set((await store.clients.getMany([...new Set(uuids)])).filter(visible).map((r) => r.uuid));

  const guarded: Fleet = {
    clients,
    tags,
    jobs: {
      startBulkCommand: (filter, input, caller) =>
        fleet.jobs.startBulkCommand(scoped(filter), input, caller),
      async get(id) {
        await jobInScope(id);
        return fleet.jobs.get(id);
      },
      async results(id, first, after) {
        await jobInScope(id);
        return fleet.jobs.results(id, first, after);
      },
      async cancel(id, caller) {
        await jobInScope(id);
        return fleet.jobs.cancel(id, caller);
      },
      async subscribe(id, after) {
        await jobInScope(id);
        return fleet.jobs.subscribe(id, after);
      },
    },
    sessions: {
      open: async (ref, input, caller) => fleet.sessions.open(await uuidOf(ref), input, caller),
      // Ids are unguessable and listed only in scope: a session or tunnel is driven by its id.
      get: (id) => fleet.sessions.get(id),
      async list(filter, limit) {
        const named = filter.clientId ? { clientId: await uuidOf(filter.clientId) } : {};
        const rows = await fleet.sessions.list({ ...filter, ...named }, limit);
        const seen = await visibleUuids(rows.map((r) => r.clientUuid));
        return rows.filter((r) => seen.has(r.clientUuid));
      },
      async find(id) {
        const view = await fleet.sessions.find(id);
        return view && (await uuidVisible(view.clientUuid)) ? view : null;
      },
      close: (id, caller) => fleet.sessions.close(id, caller),
      async recording(id) {
        await sessionInScope(id);
        return fleet.sessions.recording(id);
      },
    },
    // A shell is its key's (fleet/reach/shells.ts): opening it names a client in scope.
    shells: {
      ...fleet.shells,
      open: async (ref, input, caller) => fleet.shells.open(await uuidOf(ref), input, caller),
    },
    tunnels: {
      open: async (ref, input, caller) => fleet.tunnels.open(await uuidOf(ref), input, caller),
      get: (id) => fleet.tunnels.get(id),
      async list() {
        const all = await fleet.tunnels.list();
        const seen = await visibleUuids(all.map((t) => t.clientUuid));
        return all.filter((t) => seen.has(t.clientUuid));
      },
      close: (id, caller) => fleet.tunnels.close(id, caller),
    },
    cluster: fleet.cluster,
    confirmations: fleet.confirmations,
    commands: {
      run: async (ref, input, caller) => fleet.commands.run(await uuidOf(ref), input, caller),
      runOnClients: (filter, input, parallelism, caller) =>
        fleet.commands.runOnClients(scoped(filter), input, parallelism, caller),
    },
    files: {
      read: async (ref, input, caller) => fleet.files.read(await uuidOf(ref), input, caller),
      write: async (ref, input, caller) => fleet.files.write(await uuidOf(ref), input, caller),
      list: async (ref, input, caller) => fleet.files.list(await uuidOf(ref), input, caller),
    },
    transfers: {
      upload: async (ref, input, caller) =>
        fleet.transfers.upload(await uuidOf(ref), input, caller),
      download: async (ref, input, caller) =>
        fleet.transfers.download(await uuidOf(ref), input, caller),
      streamDownload: async (ref, input, caller) =>
        fleet.transfers.streamDownload(await uuidOf(ref), input, caller),
      streamUpload: async (ref, input, caller) =>
        fleet.transfers.streamUpload(await uuidOf(ref), input, caller),
      // Progress of a transfer on a client outside the scope never arrives.
      subscribe: (transferId) =>
        filtered(fleet.transfers.subscribe(transferId), (progress) =>
          uuidVisible(progress.clientUuid),
        ),
      async list() {
        const all = await fleet.transfers.list();
        const rows = await store.clients.getMany([...new Set(all.map((t) => t.clientUuid))]);
        const seen = new Set(rows.filter(visible).map((row) => row.uuid));
        return all.filter((t) => seen.has(t.clientUuid));
      },
    },
    events: {
      list: async (filter, limit, before) =>
        fleet.events.list(
          { ...(await eventFilter(filter)), clientUuids: await scopedUuids() },
          limit,
          before,
        ),
      subscribe: async (filter, after) =>
        filtered(await fleet.events.subscribe(await eventFilter(filter), after), liveVisible),
      subscribeStatus: async (ref) => fleet.events.subscribeStatus(await uuidOf(ref)),
      subscribeRateLimitWarnings: async (filter) =>
        filtered(
          await fleet.events.subscribeRateLimitWarnings(await eventFilter(filter)),
          liveVisible,
        ),
      liveEventClient: async (event) => {
        const client = await fleet.events.liveEventClient(event);
        return client && visible(client) ? client : null;
      },
    },
    metrics: {
      get: async (ref, summary, caller) => fleet.metrics.get(await uuidOf(ref), summary, caller),
      subscribe: async (ref, options, caller) =>
        fleet.metrics.subscribe(await uuidOf(ref), options, caller),
      fleetHealth: (filter, options, caller) =>
        fleet.metrics.fleetHealth(scoped(filter), options, caller),
    },
    webhooks: {
      async list(filter, limit) {
        const named = filter.clientId ? { clientId: await uuidOf(filter.clientId) } : {};
        const inScopeUuids = new Set(await scopedUuids());
        const rows = await fleet.webhooks.list({ ...filter, ...named }, limit);
        return rows.filter((row) => row.clientUuid !== null && inScopeUuids.has(row.clientUuid));
      },
      async get(id) {
        await deliveryInScope(id);
        return fleet.webhooks.get(id);
      },
      async replay(id) {
        await deliveryInScope(id);
        return fleet.webhooks.replay(id);
      },
      async replayFailed(filter) {
        if (!filter.clientId)
          throw new AppError(
            ErrorCode.badUserInput,
            `The API key ${quote(principal.name)} is scoped: replay the failed deliveries of one client at a time (pass clientId).`,
          );
        return fleet.webhooks.replayFailed({ ...filter, clientId: await uuidOf(filter.clientId) });
      },
      async discard(filter) {
        if (!filter.clientId)
          throw new AppError(
            ErrorCode.badUserInput,
            `The API key ${quote(principal.name)} is scoped: discard the deliveries of one client at a time (pass clientId).`,
          );
        return fleet.webhooks.discard({ ...filter, clientId: await uuidOf(filter.clientId) });
      },
      async sendTest(input) {
        if (!input.clientId) return unscopedOnly('A test delivery to a URL of your choice');
        return fleet.webhooks.sendTest({ ...input, clientId: await uuidOf(input.clientId) });
      },
      async subscribeFailures(filter) {
        const named = filter.clientId ? { clientId: await uuidOf(filter.clientId) } : {};
        return filtered(await fleet.webhooks.subscribeFailures({ ...filter, ...named }), (a) =>
          uuidVisible(a.delivery.clientUuid),
        );
      },
    },
    tokens: {
      create: () => unscopedOnly('An enrollment token (it admits clients of any tags)'),
      list: () => unscopedOnly('Listing enrollment tokens'),
      revoke: () => unscopedOnly('Revoking an enrollment token'),
    },
    keys: fleet.keys,
    documents: {
      // What runs is the whole server's business: a scoped key may not change it.
      register: () => unscopedOnly('Registering a trusted document'),
      list: () => fleet.documents.list(),
      remove: () => unscopedOnly('Removing a trusted document'),
      admit: (hash, caller) => fleet.documents.admit(hash, caller),
    },
    agents: fleet.agents,
    ...fleetFunctions(),
  };
  return {
    clients: checked(guarded.clients, 'clients', principal),
    tags: checked(guarded.tags, 'tags', principal),
    commands: checked(guarded.commands, 'commands', principal),
    files: checked(guarded.files, 'files', principal),
    transfers: checked(guarded.transfers, 'transfers', principal),
    events: checked(guarded.events, 'events', principal),
    metrics: checked(guarded.metrics, 'metrics', principal),
    webhooks: checked(guarded.webhooks, 'webhooks', principal),
    tokens: checked(guarded.tokens, 'tokens', principal),
    keys: checked(guarded.keys, 'keys', principal),
    documents: checked(guarded.documents, 'documents', principal),
    agents: checked(guarded.agents, 'agents', principal),
    jobs: checked(guarded.jobs, 'jobs', principal),
    sessions: checked(guarded.sessions, 'sessions', principal),
    shells: checked(guarded.shells, 'shells', principal),
    tunnels: checked(guarded.tunnels, 'tunnels', principal),
    cluster: checked(guarded.cluster, 'cluster', principal),
    confirmations: checked(guarded.confirmations, 'confirmations', principal),
    ...fleetFunctions(),
  };

  function fleetFunctions(): Pick<
    Fleet,
    'health' | 'caughtUp' | 'createLoaders' | 'actingAs' | 'start' | 'disconnectAll' | 'stop'
  > {
    return {
      caughtUp: () => {
        role('fleet.caughtUp');
        return fleet.caughtUp();
      },
      health: () => {
        role('fleet.health');
        return fleet.health();
      },
      createLoaders: () => {
        role('fleet.createLoaders');
        return scope
          ? createLoaders(store, deps.view, (row) => inScope(scope, row))
          : fleet.createLoaders();
      },
      actingAs: () => {
        role('fleet.actingAs');
        return fleet;
      },
      start: () => {
        role('fleet.start');
        return fleet.start();
      },
      disconnectAll: (reason) => {
        role('fleet.disconnectAll');
        return fleet.disconnectAll(reason);
      },
      stop: () => {
        role('fleet.stop');
        return fleet.stop();
      },
    };
  }
}
