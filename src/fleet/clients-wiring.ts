// The clients group as the Fleet declares it: reads (./clients.ts), changes to metadata and
// settings (./client-changes.ts), and decommissioning (./decommission.ts), over one store.

import { createClientChanges, type ClientChangesDeps } from './client-changes.js';
import type { createClientQueries } from './clients.js';
import { createDecommissioning, type DecommissionDeps } from './decommission.js';
import type { Fleet } from './surface.js';

export function clientsApi(
  deps: Omit<ClientChangesDeps, 'queryOf' | 'registry'> &
    Pick<DecommissionDeps, 'run' | 'registry'> & {
      queries: ReturnType<typeof createClientQueries>;
    },
): Fleet['clients'] {
  const { queries, registry } = deps;
  return {
    list: queries.list,
    page: queries.page,
    get: queries.get,
    find: queries.find,
    rateLimitStats: queries.rateLimitStats,
    ...createClientChanges({ ...deps, queryOf: queries.queryOf }),
    ...createDecommissioning({ store: deps.store, audit: deps.audit, registry, run: deps.run }),
  };
}
