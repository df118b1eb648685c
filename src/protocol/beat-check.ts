// The agent's beat checked without zod: the hub takes one from every agent every interval (333 a
// second at 10,000 agents and 30 s), and zod's check of it was a tenth of what the idle server
// allocated (docs/BENCHMARKS.md, issue 13). The same rules as heartbeatResultSchema
// (./schemas.ts), written out: a beat either passes here and comes out as zod's would (unknown
// keys dropped), or is handed to zod, which decides and words the refusal. A name longer than its
// limit in UTF-16 units is handed on too (zod counts code points; such names are rare). A test
// holds the two to the same answers over a corpus of beats (test/protocol/beat-check.test.ts).

import type { HeartbeatResult, MetricsSummary } from './rpc.js';

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A finite number within [0, max] (zod's number rejects NaN and the infinities). */
const within = (value: unknown, max: number): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= max;

const withinOrNull = (value: unknown, max: number): value is number | null =>
  value === null || within(value, max);

const textUpTo = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.length <= max;

function metricsOf(value: Fields): MetricsSummary | null {
  const { hostname, platform, cpuPercent, memoryPercent, diskPercent, load1, uptimeS } = value;
  if (
    !textUpTo(hostname, 256) ||
    !textUpTo(platform, 64) ||
    !withinOrNull(cpuPercent, 100) ||
    !withinOrNull(memoryPercent, 100) ||
    !withinOrNull(diskPercent, 100) ||
    !withinOrNull(load1, 1e9) ||
    !withinOrNull(uptimeS, 1e12)
  )
    return null;
  return { hostname, platform, cpuPercent, memoryPercent, diskPercent, load1, uptimeS };
}

/**
 * The beat as heartbeatResultSchema would give it, or null when it does not plainly pass (then
 * zod decides).
 */
export function plainBeat(params: unknown): HeartbeatResult | null {
  if (!isObject(params)) return null;
  const { time, uptimeS, metrics } = params;
  if (!within(time, 1e15) || !within(uptimeS, 1e12)) return null;
  if (metrics === undefined) return 'metrics' in params ? null : { time, uptimeS };
  if (!isObject(metrics)) return null;
  const summary = metricsOf(metrics);
  return summary && { time, uptimeS, metrics: summary };
}
