// heartbeat: proves the agent is alive and answering, and gives the hub the agent's clock, so
// clock skew between hub and machine can be spotted. With `metrics: true` it also samples the
// metrics summary, which the hub compares to the client's resource thresholds.

import os from 'node:os';
import type { MetricsSummary } from '../../protocol/rpc.js';
import { collectMetrics } from '../metrics.js';
import type { Handler } from './types.js';

export const heartbeat: Handler<'heartbeat'> = async (params) => ({
  time: Date.now(),
  uptimeS: os.uptime(),
  ...(params.metrics
    ? { metrics: (await collectMetrics({ summary: true })) as unknown as MetricsSummary }
    : {}),
});
