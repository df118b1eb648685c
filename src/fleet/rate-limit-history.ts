// Rate-limit statistics survive a restart: the breaches recorded before this process started
// (client.rate_limited events in the trail) are added once to the limiter's in-memory counters.

import type { Logger } from 'pino';
import type { Store } from '../store/index.js';
import { FleetEventType } from './event-types.js';
import type { RateLimiter, SeedCounts } from './rate-limit.js';

/** Seeds `limiter` from the trail; resolves when done (a failure is logged, not thrown). */
export async function loadBreachHistory(
  store: Store,
  limiter: RateLimiter,
  logger: Logger,
): Promise<void> {
  try {
    const counts = new Map<string, SeedCounts>();
    for (const row of await store.rateLimits.breachCounts(FleetEventType.rateLimited)) {
      let entry = counts.get(row.clientUuid);
      if (!entry) {
        entry = {
          rpmWarnings: 0,
          concurrentWarnings: 0,
          rpmRejections: 0,
          concurrentRejections: 0,
        };
        counts.set(row.clientUuid, entry);
      }
      const key: keyof SeedCounts = `${row.breach === 'concurrent' ? 'concurrent' : 'rpm'}${row.enforced ? 'Rejections' : 'Warnings'}`;
      entry[key] += row.count;
    }
    for (const [uuid, entry] of counts) limiter.seed(uuid, entry);
  } catch (error) {
    // Counting from zero beats refusing every call.
    logger.error({ err: error }, 'cannot count earlier rate-limit breaches');
  }
}
