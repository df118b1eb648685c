// The server's own status (`GET /health`, index.ts's ServerHealth): version, uptime, database
// and how many clients are online of how many known. Counted when asked, nothing cached.

import type { Store } from '../store/index.js';

export function createServerStatus(deps: {
  store: Store;
  version: string;
  /** This server's name among the servers on one database. */
  server: string;
  registry: { readonly onlineCount: number };
}) {
  const startedAt = Date.now();
  return async () => ({
    status: 'ok' as const,
    version: deps.version,
    uptimeS: Math.round((Date.now() - startedAt) / 1000),
    server: deps.server,
    database: deps.store.dialect,
    clientsHeld: deps.registry.onlineCount,
    clients: { online: deps.registry.onlineCount, total: await deps.store.clients.count({}) },
  });
}
