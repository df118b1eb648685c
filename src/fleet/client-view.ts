// What every door (GraphQL, MCP, CLI) sees of a client: the stored record merged with the live
// link state and the effective settings (a client's own rate limits, or the server defaults).

import { isWithinRoot } from '../lib/paths.js';
import type { MetricsSummary } from '../protocol/rpc.js';
import type { ClientRecord, MachineFacts } from '../store/index.js';
import {
  effectiveRateLimits,
  effectiveResourceChecks,
  effectiveThresholds,
  type HealthDefaults,
  type RateLimitDefaults,
  type RateLimitModeName,
  type ResourceThresholds,
} from './settings.js';
import { screamingEnum, type ValueOf } from '../lib/screaming-enum.js';

export const HealthStatus = screamingEnum('healthy', 'unhealthy', 'unknown');
export type HealthStatusName = ValueOf<typeof HealthStatus>;

/** The record's health, when its holder wrote a status this server knows. */
function recordedHealth(row: ClientRecord): HealthStatusName | null {
  return row.health === HealthStatus.healthy || row.health === HealthStatus.unhealthy
    ? row.health
    : null;
}

/** What is known of an online client beyond its record: its link and its health. */
export interface LiveState {
  connectedAt: Date;
  remoteAddress: string;
  tunnelPort: number;
  health: HealthStatusName;
  healthReason: string | null;
  healthSince: Date;
  /** The last heartbeat answered, and how many failed in a row since. */
  lastHeartbeatAt: Date | null;
  heartbeatFailures: number;
  /** The metrics summary sampled with the last heartbeat (resource checks on). */
  lastSample: { at: Date; metrics: MetricsSummary } | null;
}

/** The server defaults a view fills in for settings a client does not have. */
export interface ViewDefaults {
  rateLimit: RateLimitDefaults;
  health: HealthDefaults;
}

export interface ClientView extends MachineFacts {
  uuid: string;
  clientId: string;
  displayName: string | null;
  purpose: string | null;
  tags: string[];
  capabilities: string[];
  online: boolean;
  /** The server holding the client's tunnel (`--server-name`); null when offline. */
  heldBy: string | null;
  health: HealthStatusName;
  healthReason: string | null;
  healthSince: Date | null;
  keyMismatch: boolean;
  publicKeyFingerprint: string;
  trustedFingerprint: string;
  previousFingerprint: string | null;
  keyMismatchAt: Date | null;
  keyAcceptedAt: Date | null;
  keyAcceptedBy: string | null;
  allowedPaths: string[] | null;
  agentAllowedPaths: string[] | null;
  /** Allowed paths outside the agent's own ceiling: the agent refuses everything there. */
  allowedPathsBeyondAgent: string[];
  /** Only in configureClient's answer: the webhookUrl just set does not resolve now. */
  webhookUrlWarning?: string;
  webhookUrl: string | null;
  /** Whether a per-client webhook secret is set (the secret itself is never shown). */
  hasWebhookSecret: boolean;
  rateLimitRpm: number;
  rateLimitConcurrent: number;
  rateLimitMode: RateLimitModeName;
  thresholds: ResourceThresholds;
  resourceChecks: boolean;
  /** Port-forward rules the server allows for this client (empty: none). */
  forwardTargets: string[];
  lastHeartbeatAt: Date | null;
  heartbeatFailures: number;
  lastSample: { at: Date; metrics: MetricsSummary } | null;
  enrolledVia: string;
  firstSeen: Date;
  lastSeen: Date;
  connectionCount: number;
  connectedAt: Date | null;
  lastConnectedAt: Date | null;
  lastDisconnectedAt: Date | null;
  remoteAddress: string | null;
  tunnelPort: number | null;
  decommissionedAt: Date | null;
}

/** Just the machine facts of `source` (an agent's hello, a record). */
export function machineFacts(source: MachineFacts): MachineFacts {
  return {
    hostname: source.hostname,
    platform: source.platform,
    platformRelease: source.platformRelease,
    arch: source.arch,
    agentVersion: source.agentVersion,
    username: source.username,
  };
}

/** The entries of `paths` that lie inside none of `ceiling` (none when there is no ceiling). */
export function pathsBeyond(
  paths: readonly string[] | null,
  ceiling: readonly string[] | null,
): string[] {
  if (!paths || !ceiling || ceiling.length === 0) return [];
  return paths.filter((path) => !ceiling.some((root) => isWithinRoot(path, root)));
}

/**
 * `live` is this server's state of a client it holds; `holder` the server holding it (this one,
 * or another live one: then the client is online without this server's live state).
 */
export function toClientView(
  row: ClientRecord,
  live: LiveState | undefined,
  defaults: ViewDefaults,
  holder: string | null = null,
): ClientView {
  const online = live !== undefined || holder !== null;
  const keyMismatch = row.pendingFingerprint !== null;
  const limits = effectiveRateLimits(row, defaults.rateLimit);
  return {
    uuid: row.uuid,
    clientId: row.clientId,
    displayName: row.displayName,
    purpose: row.purpose,
    tags: row.tags,
    capabilities: row.capabilities,
    online,
    heldBy: online ? holder : null,
    // Held elsewhere: as its holder last wrote it (./health.ts), without heartbeat times.
    health:
      live?.health ??
      (online ? (recordedHealth(row) ?? HealthStatus.unknown) : HealthStatus.unknown),
    healthReason: live
      ? live.healthReason
      : online && recordedHealth(row)
        ? row.healthReason
        : null,
    healthSince: live ? live.healthSince : online && recordedHealth(row) ? row.healthSince : null,
    keyMismatch,
    publicKeyFingerprint: row.pendingFingerprint ?? row.keyFingerprint,
    trustedFingerprint: row.keyFingerprint,
    previousFingerprint: keyMismatch ? row.keyFingerprint : row.previousFingerprint,
    keyMismatchAt: row.keyMismatchAt,
    keyAcceptedAt: row.keyAcceptedAt,
    keyAcceptedBy: row.keyAcceptedBy,
    allowedPaths: row.allowedPaths,
    agentAllowedPaths: row.agentAllowedPaths,
    allowedPathsBeyondAgent: pathsBeyond(row.allowedPaths, row.agentAllowedPaths),
    webhookUrl: row.webhookUrl,
    hasWebhookSecret: Boolean(row.webhookSecret),
    rateLimitRpm: limits.rpm,
    rateLimitConcurrent: limits.concurrent,
    rateLimitMode: limits.mode,
    thresholds: effectiveThresholds(row, defaults.health),
    resourceChecks: effectiveResourceChecks(row, defaults.health),
    forwardTargets: row.forwardTargets ?? [],
    lastHeartbeatAt: live?.lastHeartbeatAt ?? null,
    heartbeatFailures: live?.heartbeatFailures ?? 0,
    lastSample: live?.lastSample ?? null,
    ...machineFacts(row),
    enrolledVia: row.enrolledVia,
    firstSeen: row.firstSeen,
    lastSeen: online ? new Date() : row.lastSeen,
    connectionCount: row.connectionCount,
    connectedAt: live?.connectedAt ?? (online ? row.lastConnectedAt : null),
    lastConnectedAt: row.lastConnectedAt,
    lastDisconnectedAt: row.lastDisconnectedAt,
    remoteAddress: live?.remoteAddress ?? row.lastRemoteAddress,
    tunnelPort: live?.tunnelPort ?? null,
    decommissionedAt: row.decommissionedAt,
  };
}
