// The server's own status (`GET /health`, index.ts's ServerHealth): version, uptime, database
// how many clients this server holds, and how many are online (on any server) of how many known. Counted when asked, nothing cached.

import type { Store } from '../store/index.js';

export function createServerStatus(deps: {
  store: Store;
  version: string;
  /** This server's name among the servers on one database. */
  server: string;
  registry: { readonly heldCount: number; onlineUuids(): string[] };
  drain?: { readonly draining: boolean } | undefined;
}) {
  const startedAt = Date.now();
  return async () => ({
    status: deps.drain?.draining ? ('draining' as const) : ('ok' as const),
    version: deps.version,
    uptimeS: Math.round((Date.now() - startedAt) / 1000),
    server: deps.server,
    database: deps.store.dialect,
    clientsHeld: deps.registry.heldCount,
    clients: {
      online: deps.registry.onlineUuids().length,
      total: await deps.store.clients.count({}),
    },
  });
}
