// get_metrics: the host's metrics, in full or as the summary the hub's health checks poll.

import { collectMetrics } from '../metrics.js';
import type { Handler } from './types.js';

export const getMetrics: Handler<'get_metrics'> = (params) =>
  collectMetrics({ summary: params.summary ?? false });
