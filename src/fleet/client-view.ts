// What every door (GraphQL, MCP, CLI) sees of a client: the stored record merged with the live
// link state and the effective settings (a client's own rate limits, or the server defaults).

import type { HealthConfig, ResourceThresholds } from './health.js';
import type { MetricsSummary } from '../protocol/rpc.js';
import type { Client } from '../store/entities/index.js';

export const HealthStatus = {
  healthy: 'HEALTHY',
  unhealthy: 'UNHEALTHY',
  unknown: 'UNKNOWN',
} as const;
export type HealthStatusName = (typeof HealthStatus)[keyof typeof HealthStatus];

export const RateLimitMode = { warn: 'WARN', enforce: 'ENFORCE', off: 'OFF' } as const;
export type RateLimitModeName = (typeof RateLimitMode)[keyof typeof RateLimitMode];

export interface RateLimitDefaults {
  rpm: number;
  concurrent: number;
  mode: RateLimitModeName;
}

/** What the server defaults a client's health settings to. */
export type HealthDefaults = Pick<HealthConfig, 'thresholds' | 'resourceChecks'>;

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

export interface ClientView {
  uuid: string;
  clientId: string;
  displayName: string | null;
  purpose: string | null;
  tags: string[];
  capabilities: string[];
  online: boolean;
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
  webhookUrl: string | null;
  /** Whether a per-client webhook secret is set (the secret itself is never shown). */
  hasWebhookSecret: boolean;
  rateLimitRpm: number;
  rateLimitConcurrent: number;
  rateLimitMode: RateLimitModeName;
  thresholds: ResourceThresholds;
  resourceChecks: boolean;
  lastHeartbeatAt: Date | null;
  heartbeatFailures: number;
  lastSample: { at: Date; metrics: MetricsSummary } | null;
  hostname: string;
  platform: string;
  platformRelease: string;
  arch: string;
  agentVersion: string;
  username: string;
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

function isRateLimitMode(value: string | null | undefined): value is RateLimitModeName {
  return value === 'WARN' || value === 'ENFORCE' || value === 'OFF';
}

/** A client's own limits where it has them, the server defaults otherwise. */
export function effectiveRateLimits(row: Client, defaults: RateLimitDefaults): RateLimitDefaults {
  return {
    rpm: row.rateLimitRpm ?? defaults.rpm,
    concurrent: row.rateLimitConcurrent ?? defaults.concurrent,
    mode: isRateLimitMode(row.rateLimitMode) ? row.rateLimitMode : defaults.mode,
  };
}

/** A client's own thresholds where it has them, the server defaults otherwise. */
export function effectiveThresholds(row: Client, defaults: HealthDefaults): ResourceThresholds {
  return {
    cpu: row.cpuThreshold ?? defaults.thresholds.cpu,
    memory: row.memoryThreshold ?? defaults.thresholds.memory,
    disk: row.diskThreshold ?? defaults.thresholds.disk,
  };
}

export function effectiveResourceChecks(row: Client, defaults: HealthDefaults): boolean {
  return row.resourceChecks ?? defaults.resourceChecks;
}

export function toClientView(
  row: Client,
  tags: string[],
  live: LiveState | undefined,
  defaults: RateLimitDefaults,
  healthDefaults: HealthDefaults,
): ClientView {
  const keyMismatch = row.pendingFingerprint !== null && row.pendingFingerprint !== undefined;
  const limits = effectiveRateLimits(row, defaults);
  return {
    uuid: row.uuid,
    clientId: row.clientId,
    displayName: row.displayName ?? null,
    purpose: row.purpose ?? null,
    tags: [...tags].sort(),
    capabilities: row.capabilities,
    online: live !== undefined,
    health: live?.health ?? HealthStatus.unknown,
    healthReason: live?.healthReason ?? null,
    healthSince: live?.healthSince ?? null,
    keyMismatch,
    publicKeyFingerprint: keyMismatch ? (row.pendingFingerprint as string) : row.keyFingerprint,
    trustedFingerprint: row.keyFingerprint,
    previousFingerprint: keyMismatch ? row.keyFingerprint : (row.previousFingerprint ?? null),
    keyMismatchAt: row.keyMismatchAt ?? null,
    keyAcceptedAt: row.keyAcceptedAt ?? null,
    keyAcceptedBy: row.keyAcceptedBy ?? null,
    allowedPaths: row.allowedPaths ?? null,
    agentAllowedPaths: row.agentAllowedPaths ?? null,
    webhookUrl: row.webhookUrl ?? null,
    hasWebhookSecret: Boolean(row.webhookSecret),
    rateLimitRpm: limits.rpm,
    rateLimitConcurrent: limits.concurrent,
    rateLimitMode: limits.mode,
    thresholds: effectiveThresholds(row, healthDefaults),
    resourceChecks: effectiveResourceChecks(row, healthDefaults),
    lastHeartbeatAt: live?.lastHeartbeatAt ?? null,
    heartbeatFailures: live?.heartbeatFailures ?? 0,
    lastSample: live?.lastSample ?? null,
    hostname: row.hostname,
    platform: row.platform,
    platformRelease: row.platformRelease,
    arch: row.arch,
    agentVersion: row.agentVersion,
    username: row.username,
    enrolledVia: row.enrolledVia,
    firstSeen: row.firstSeen,
    lastSeen: live ? new Date() : row.lastSeen,
    connectionCount: row.connectionCount,
    connectedAt: live?.connectedAt ?? null,
    lastConnectedAt: row.lastConnectedAt ?? null,
    lastDisconnectedAt: row.lastDisconnectedAt ?? null,
    remoteAddress: live?.remoteAddress ?? row.lastRemoteAddress ?? null,
    tunnelPort: live?.tunnelPort ?? null,
    decommissionedAt: row.decommissionedAt ?? null,
  };
}
