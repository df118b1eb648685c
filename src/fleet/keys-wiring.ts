// API keys, wired: what each key holds open (so revoking it ends them) and the keys themselves,
// which resolve a named client within the caller's scope.

import type { Logger } from 'pino';
import type { Store } from '../store/index.js';
import type { Audit } from './audit.js';
import type { Fleet } from './surface.js';
import { resolveInScope } from './guard.js';
import { createHoldings } from './holdings.js';
import { createKeys } from './keys.js';
import type { FleetOptions } from './options.js';
import type { Registry } from './registry.js';

export function wireKeys(deps: {
  store: Store;
  registry: Pick<Registry, 'resolve'>;
  options: Pick<FleetOptions, 'bootstrapKey'>;
  logger: Logger;
  audit?: Audit;
}) {
  const { store, registry, logger } = deps;
  const holdings = createHoldings({ store, logger });
  return createKeys({
    store,
    logger,
    holdings,
    bootstrapKey: deps.options.bootstrapKey,
    audit: deps.audit,
    async resolveClient(ref, caller) {
      const scope = caller.principal?.scope;
      return (scope ? await resolveInScope(store, scope, ref) : await registry.resolve(ref)).uuid;
    },
  });
}

/** The keys as the Fleet declares them (their stop() is the run state's). */
export function keysApi(keys: ReturnType<typeof wireKeys>): Fleet['keys'] {
  const { create, list, revoke, authenticate, hold } = keys;
  return { create, list, revoke, authenticate, hold };
}
