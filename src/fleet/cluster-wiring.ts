// The cluster, wired (issue 14): this server's registration among the servers on one database
// (cluster/membership.ts) and the holds of clients by servers (cluster/holds.ts). Built before
// the registry, which asks the holds who is online elsewhere; they ask it back, lazily, what
// this server holds.

import { hostname } from 'node:os';
import type { Audit } from './audit.js';
import { createDrain } from './cluster/drain.js';
import { createHolds } from './cluster/holds.js';
import { createMembership } from './cluster/membership.js';
import { wirePeers } from './cluster/peers.js';
import type { FleetOptions } from './options.js';
import type { Gate } from './gate.js';
import type { Registry } from './registry.js';

export function wireCluster(deps: {
  options: FleetOptions;
  audit: Audit;
  /** The registry and the gate, once built (they are built after the cluster). */
  built: () => { registry: Registry; gate: Pick<Gate, 'inFlight' | 'acquireLocal'> };
}) {
  const { options } = deps;
  const logger = options.logger.child({ component: 'cluster' });
  const registry = (): Registry => deps.built().registry;
  const membership = createMembership({
    store: options.store,
    server: {
      ...(options.server ?? { name: hostname(), peerUrl: null }),
      version: options.version,
    },
    held: () => registry().heldCount,
    onDrain: () => drain.start(),
    logger,
  });
  const drain = createDrain({
    server: membership.name,
    registry: {
      heldUuids: () => registry().heldUuids(),
      moveOut: (uuid, notice) => registry().moveOut(uuid, notice),
    },
    inFlight: (uuid) => deps.built().gate.inFlight(uuid),
    logger,
  });
  const holds = createHolds({
    store: options.store,
    audit: deps.audit,
    membership,
    logger,
    heldHere: (uuid) => registry().heldHere(uuid),
    lost: (uuid, by) => registry().lost(uuid, by),
  });
  /** The other live server holding `uuid` and where its peers reach it; undefined when none. */
  const holderOf = (uuid: string): { server: string; peerUrl: string | null } | undefined => {
    const server = holds.elsewhere(uuid);
    return server === undefined ? undefined : { server, peerUrl: membership.peerUrlOf(server) };
  };
  // Calls for a client another server holds go to it (cluster/peers.ts).
  const peers = wirePeers({
    store: options.store,
    name: membership.name,
    holderOf,
    peerUrlFor: (server) => membership.peerUrlFor(server),
    localLink: (uuid) => registry().live(uuid)?.link,
    acquire: (...args) => deps.built().gate.acquireLocal(...args),
    logger: logger.child({ component: 'peer' }),
  });
  return {
    membership,
    holds,
    drain,
    holderOf,
    peers,
    /** What the registry needs of the cluster. */
    registryDeps: {
      server: membership.name,
      elsewhere: holds.elsewhere,
      elsewhereUuids: holds.elsewhereUuids,
      isAlive: membership.isAlive,
      routeTo: peers.routeTo,
    },
    /** Started and stopped with the fleet (run-state.ts): registration, then the holds. */
    run: {
      async start(): Promise<void> {
        await membership.start();
        await holds.start();
      },
      async stop(): Promise<void> {
        await drain.stop();
        peers.close();
        await holds.stop();
        await membership.stop();
      },
    },
  };
}
