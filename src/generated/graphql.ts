/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Event names as enum values: CLIENT_CONNECTED is "client.connected", COMMAND_EXECUTED is "command_executed", and so on. */
export type ClientEventType =
  /** "client.connected" */
  | 'CLIENT_CONNECTED'
  /** "client.decommissioned" */
  | 'CLIENT_DECOMMISSIONED'
  /** "client.disconnected" */
  | 'CLIENT_DISCONNECTED'
  /** "client.key_accepted" */
  | 'CLIENT_KEY_ACCEPTED'
  /** "client.key_mismatch" */
  | 'CLIENT_KEY_MISMATCH'
  /** "client.rate_limited" */
  | 'CLIENT_RATE_LIMITED'
  /** "client.recovered" */
  | 'CLIENT_RECOVERED'
  /** "client.restored" */
  | 'CLIENT_RESTORED'
  /** "client.unhealthy" */
  | 'CLIENT_UNHEALTHY'
  /** "client.updated" */
  | 'CLIENT_UPDATED'
  /** "command_executed" */
  | 'COMMAND_EXECUTED'
  /** "file_accessed" */
  | 'FILE_ACCESSED'
  /** "operation_refused" */
  | 'OPERATION_REFUSED';

/** Every given condition must hold. */
export type ClientFilter = {
  /** The client must have ALL of these capabilities. */
  capabilities?: Array<string> | null | undefined;
  /** Also match decommissioned clients (left out by default). */
  includeDecommissioned?: boolean | null | undefined;
  /** true: only clients whose new key waits for acceptKey; false: only those without one. */
  keyMismatch?: boolean | null | undefined;
  /** Only clients online now. */
  onlineOnly?: boolean | null | undefined;
  /** Case-insensitive substring of the purpose. */
  purpose?: string | null | undefined;
  /** Case-insensitive substring of display name, purpose, hostname or clientId. */
  query?: string | null | undefined;
  /** The client must carry ALL of these tags. */
  tags?: Array<string> | null | undefined;
};

/** Operational settings; only the fields given change. null restores the server default. */
export type ConfigureClientInput = {
  /** CPU percent (0–100) above which the client is flagged; null for the default. */
  cpuThreshold?: number | null | undefined;
  /** Fullest-disk percent (0–100) above which it is flagged; null for the default. */
  diskThreshold?: number | null | undefined;
  /** Memory percent (0–100) above which it is flagged; null for the default. */
  memoryThreshold?: number | null | undefined;
  /** Requests allowed in flight at once (1 to 10,000); null for the server default. */
  rateLimitConcurrent?: number | null | undefined;
  /** WARN, ENFORCE or OFF; null for the server default. */
  rateLimitMode?: RateLimitMode | null | undefined;
  /** Requests allowed in a rolling 60-second window (1 to 1,000,000); null for the server default. */
  rateLimitRpm?: number | null | undefined;
  /** Whether crossing a threshold makes the client UNHEALTHY (sampled with each heartbeat); null for the server default (ETPHONEHOME_RESOURCE_CHECKS). */
  resourceChecks?: boolean | null | undefined;
  /** http(s) endpoint for this client’s events, overriding the global one; "" or null clears it back to the global ETPHONEHOME_WEBHOOK_URL. */
  webhookUrl?: string | null | undefined;
};

/** Options of a new enrollment token; all optional. */
export type CreateEnrollmentTokenInput = {
  /** Display name for the client that enrolls. */
  displayName?: string | null | undefined;
  /** Lifetime in seconds (default 86400; null for none). */
  expiresInSeconds?: number | null | undefined;
  /** Enrollments admitted (default 1; null for unlimited). */
  maxUses?: number | null | undefined;
  /** What the token is for (up to 256 characters). */
  name?: string | null | undefined;
  /** Purpose for the client that enrolls. */
  purpose?: string | null | undefined;
  /** Tags for the client that enrolls. */
  tags?: Array<string> | null | undefined;
};

/** One environment variable for a command. */
export type EnvironmentVariableInput = {
  /** Variable name (letters, digits, _). */
  name: string;
  /** Its value. */
  value: string;
};

/** Every given condition must hold. */
export type EventFilter = {
  /** Only events of this client (uuid, clientId or display name). */
  clientId?: string | number | null | undefined;
  /** Only these event names (client.connected, client.disconnected, client.key_mismatch, client.key_accepted, client.unhealthy, client.recovered, client.rate_limited, command_executed, file_accessed, operation_refused, client.updated, client.decommissioned, client.restored). */
  events?: Array<string> | null | undefined;
  /** Only events of clients carrying ALL of these tags. */
  tags?: Array<string> | null | undefined;
  /** Only these event types (the enum form of `events`; both may be given). */
  types?: Array<ClientEventType> | null | undefined;
};

/** How file content travels in the API. */
export type FileEncoding =
  /** Base64 of the raw bytes: safe for any content. */
  | 'BASE64'
  /** UTF-8 text (reading a file that is not UTF-8 fails). */
  | 'TEXT';

/** What a directory entry is (symbolic links are reported, never followed). */
export type FileType =
  /** A directory. */
  | 'DIRECTORY'
  /** A regular file. */
  | 'FILE'
  /** A device, socket or FIFO. */
  | 'OTHER'
  /** A symbolic link. */
  | 'SYMLINK';

/** A client's health as the server sees it. */
export type HealthStatus =
  /** Online and answering. */
  | 'HEALTHY'
  /** Online but failing health checks or over a resource threshold; see healthReason. */
  | 'UNHEALTHY'
  /** Offline: nothing is known about its health now. */
  | 'UNKNOWN';

/** Which limit a request went over. */
export type RateLimitKind =
  /** Requests in flight at once. */
  | 'CONCURRENT'
  /** Requests in the rolling 60-second window. */
  | 'RPM';

/** What happens when a client goes over its rate limits. */
export type RateLimitMode =
  /** The excess request is refused with RATE_LIMITED and a retry time. */
  | 'ENFORCE'
  /** No rate limiting. */
  | 'OFF'
  /** The request runs; a warning is logged and counted (the default). */
  | 'WARN';

/** A resource with a threshold. */
export type Resource =
  /** CPU usage over a short sample. */
  | 'CPU'
  /** The fullest real disk. */
  | 'DISK'
  /** Memory in use (reclaimable cache counts as free). */
  | 'MEMORY';

/** Which way a transfer goes. */
export type TransferDirection =
  /** Client → server (downloadFile). */
  | 'DOWNLOAD'
  /** Server → client (uploadFile). */
  | 'UPLOAD';

/** Where a transfer stands. */
export type TransferState =
  /** Verified (SHA-256) and renamed into place. */
  | 'COMPLETED'
  /** Stopped; see error. The bytes already there are kept for a resume. */
  | 'FAILED'
  /** Bytes are moving (or about to). */
  | 'RUNNING';

/** Operator metadata; only the fields given change, and a reconnect never overwrites them. */
export type UpdateClientInput = {
  /** Absolute directories file operations and command cwd must stay in; [] or null clears the restriction. */
  allowedPaths?: Array<string> | null | undefined;
  /** Human-friendly name (null clears it). */
  displayName?: string | null | undefined;
  /** Role or function (null clears it). */
  purpose?: string | null | undefined;
  /** The complete new tag set ([] removes all tags). */
  tags?: Array<string> | null | undefined;
};

/** Tag changes applied to every matching client. */
export type UpdateClientsInput = {
  /** Tags to add (kept if present). */
  addTags?: Array<string> | null | undefined;
  /** Tags to remove (if present). */
  removeTags?: Array<string> | null | undefined;
};

export type CliTransferFieldsFragment = { transferId: string, clientId: string, direction: TransferDirection, remotePath: string, localPath: string, state: TransferState, bytesDone: number, totalBytes: number | null, resumedFrom: number, rateBytesPerSecond: number, etaSeconds: number | null, sha256: string | null, startedAt: string, finishedAt: string | null };

export type CliListFilesQueryVariables = Exact<{
  clientId: string | number;
  path: string;
}>;


export type CliListFilesQuery = { listFiles: { path: string, truncated: boolean, entries: Array<{ name: string, type: FileType, size: number, mtime: string, mode: number }> } };

export type CliDownloadFileMutationVariables = Exact<{
  clientId: string | number;
  remotePath: string;
  localPath: string;
  transferId?: string | number | null | undefined;
}>;


export type CliDownloadFileMutation = { downloadFile: { transferId: string, clientId: string, direction: TransferDirection, remotePath: string, localPath: string, state: TransferState, bytesDone: number, totalBytes: number | null, resumedFrom: number, rateBytesPerSecond: number, etaSeconds: number | null, sha256: string | null, startedAt: string, finishedAt: string | null } };

export type CliUploadFileMutationVariables = Exact<{
  clientId: string | number;
  localPath: string;
  remotePath: string;
  transferId?: string | number | null | undefined;
  createParents?: boolean | null | undefined;
}>;


export type CliUploadFileMutation = { uploadFile: { transferId: string, clientId: string, direction: TransferDirection, remotePath: string, localPath: string, state: TransferState, bytesDone: number, totalBytes: number | null, resumedFrom: number, rateBytesPerSecond: number, etaSeconds: number | null, sha256: string | null, startedAt: string, finishedAt: string | null } };

export type CliTransferProgressSubscriptionVariables = Exact<{
  transferId: string | number;
}>;


export type CliTransferProgressSubscription = { transferProgress: { bytesDone: number, totalBytes: number | null, rateBytesPerSecond: number, etaSeconds: number | null, state: TransferState } };

export type TokenFieldsFragment = { id: string, prefix: string, name: string | null, displayName: string | null, purpose: string | null, tags: Array<string>, maxUses: number | null, uses: number, expiresAt: string | null, createdAt: string, revokedAt: string | null, active: boolean };

export type CliCreateEnrollmentTokenMutationVariables = Exact<{
  input?: CreateEnrollmentTokenInput | null | undefined;
}>;


export type CliCreateEnrollmentTokenMutation = { createEnrollmentToken: { token: string, enrollmentToken: { id: string, prefix: string, name: string | null, displayName: string | null, purpose: string | null, tags: Array<string>, maxUses: number | null, uses: number, expiresAt: string | null, createdAt: string, revokedAt: string | null, active: boolean } } };

export type CliEnrollmentTokensQueryVariables = Exact<{
  includeInactive?: boolean | null | undefined;
}>;


export type CliEnrollmentTokensQuery = { enrollmentTokens: Array<{ id: string, prefix: string, name: string | null, displayName: string | null, purpose: string | null, tags: Array<string>, maxUses: number | null, uses: number, expiresAt: string | null, createdAt: string, revokedAt: string | null, active: boolean }> };

export type CliRevokeEnrollmentTokenMutationVariables = Exact<{
  id: string | number;
}>;


export type CliRevokeEnrollmentTokenMutation = { revokeEnrollmentToken: { id: string, prefix: string, name: string | null, displayName: string | null, purpose: string | null, tags: Array<string>, maxUses: number | null, uses: number, expiresAt: string | null, createdAt: string, revokedAt: string | null, active: boolean } };

export type GuideDescribeQueryVariables = Exact<{
  id: string | number;
}>;


export type GuideDescribeQuery = { client: { uuid: string, clientId: string, displayName: string | null, purpose: string | null, capabilities: Array<string>, hostname: string, platform: string, online: boolean, webhookUrl: string | null, rateLimitRpm: number, rateLimitConcurrent: number, rateLimitMode: RateLimitMode, allowedPaths: Array<string> | null, decommissioned: boolean, decommissionedAt: string | null, tags: Array<{ name: string }>, recentEvents: Array<{ event: string }>, recentCommands: Array<{ data: unknown }> } | null };

export type GuideConfigureMutationVariables = Exact<{
  id: string | number;
  input: ConfigureClientInput;
}>;


export type GuideConfigureMutation = { configureClient: { webhookUrl: string | null, rateLimitRpm: number, rateLimitConcurrent: number, rateLimitMode: RateLimitMode } };

export type GuideStatsQueryVariables = Exact<{
  id: string | number;
}>;


export type GuideStatsQuery = { rateLimitStats: { requestsPerMinute: number, currentConcurrent: number, rpmLimit: number, concurrentLimit: number, rpmWarnings: number, concurrentWarnings: number, rpmRejections: number, concurrentRejections: number, mode: RateLimitMode, client: { uuid: string } } };

export type GuidePageQueryVariables = Exact<{
  filter?: ClientFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type GuidePageQuery = { clientsConnection: { totalCount: number, edges: Array<{ cursor: string, node: { clientId: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type GuideTagsQueryVariables = Exact<{ [key: string]: never; }>;


export type GuideTagsQuery = { tags: Array<{ name: string, clientCount: number, clients: Array<{ uuid: string }> }> };

export type GuideTagQueryVariables = Exact<{
  name: string;
}>;


export type GuideTagQuery = { tag: { name: string, clientCount: number } | null };

export type GuideBulkUpdateMutationVariables = Exact<{
  filter: ClientFilter;
  input: UpdateClientsInput;
}>;


export type GuideBulkUpdateMutation = { updateClients: { count: number, clients: Array<{ uuid: string, tags: Array<{ name: string }> }> } };

export type GuideBulkRunMutationVariables = Exact<{
  filter: ClientFilter;
  cmd: string;
  parallelism?: number | null | undefined;
}>;


export type GuideBulkRunMutation = { runCommandOnClients: { total: number, succeeded: number, failed: number, results: Array<{ client: { uuid: string, online: boolean }, result: { stdout: string, returncode: number } | null, error: { code: string, message: string } | null }> } };

export type GuideDecommissionMutationVariables = Exact<{
  id: string | number;
  stopService?: boolean | null | undefined;
  stopCommand?: string | null | undefined;
  reason?: string | null | undefined;
}>;


export type GuideDecommissionMutation = { decommissionClient: { client: { uuid: string, online: boolean, decommissioned: boolean, webhookUrl: string | null }, serviceStop: { result: { returncode: number } | null, error: { code: string, message: string } | null } | null } };

export type GuideRestoreMutationVariables = Exact<{
  id: string | number;
}>;


export type GuideRestoreMutation = { restoreClient: { decommissioned: boolean } };

export type GuideStatusSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type GuideStatusSubscription = { clientStatus: { cause: string, timestamp: string, client: { uuid: string, online: boolean, health: HealthStatus } } };

export type GuideUpdateMutationVariables = Exact<{
  id: string | number;
  input: UpdateClientInput;
}>;


export type GuideUpdateMutation = { updateClient: { uuid: string, displayName: string | null, purpose: string | null, allowedPaths: Array<string> | null, tags: Array<{ name: string }> } };

export type GuideEventsOfClientQueryVariables = Exact<{
  clientId: string | number;
}>;


export type GuideEventsOfClientQuery = { events: Array<{ event: string }> };

export type GuideFleetStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type GuideFleetStatusQuery = { clients: Array<{ uuid: string, online: boolean, keyMismatch: boolean, health: HealthStatus, lastDisconnectedAt: string | null }> };

export type HealthOfClientQueryVariables = Exact<{
  id: string | number;
}>;


export type HealthOfClientQuery = { client: { online: boolean, health: HealthStatus, healthReason: string | null, healthSince: string | null, lastHeartbeatAt: string | null, heartbeatFailures: number, resourceChecks: boolean, cpuThreshold: number, memoryThreshold: number, diskThreshold: number, lastResourceSample: unknown, recentEvents: Array<{ event: string, data: unknown }> } | null };

export type HealthEventsSubscriptionVariables = Exact<{
  filter?: EventFilter | null | undefined;
}>;


export type HealthEventsSubscription = { clientEvents: { event: string, timestamp: string, data: unknown, client: { uuid: string, online: boolean, health: HealthStatus, healthReason: string | null } } };

export type MetricsOfClientQueryVariables = Exact<{
  id: string | number;
  summary?: boolean | null | undefined;
}>;


export type MetricsOfClientQuery = { clientMetrics: unknown };

export type MetricsStreamSubscriptionVariables = Exact<{
  id: string | number;
  summary?: boolean | null | undefined;
  intervalS?: number | null | undefined;
}>;


export type MetricsStreamSubscription = { clientMetrics: { timestamp: string, metrics: unknown, error: { code: string, message: string } | null, client: { uuid: string, online: boolean } } };

export type FleetHealthOfTestsQueryVariables = Exact<{
  filter?: ClientFilter | null | undefined;
  timeoutS?: number | null | undefined;
}>;


export type FleetHealthOfTestsQuery = { fleetHealth: { total: number, online: number, offline: number, keyMismatches: number, unhealthy: number, recentlyOffline: number, recentlyOfflineHours: number, sampled: number, failed: number, durationMs: number, collectedAt: string, samples: Array<{ cpuPercent: number | null, memoryPercent: number | null, diskPercent: number | null, load1: number | null, summary: unknown, client: { uuid: string }, over: Array<{ resource: Resource, percent: number, threshold: number }>, thresholds: { cpu: number, memory: number, disk: number }, error: { code: string } | null }>, overCpu: Array<{ client: { uuid: string } }>, overMemory: Array<{ memoryPercent: number | null, client: { uuid: string } }>, overDisk: Array<{ diskPercent: number | null, client: { uuid: string } }>, keyMismatchClients: Array<{ uuid: string }>, recentlyOfflineClients: Array<{ uuid: string }>, unhealthyClients: Array<{ uuid: string }> } };

export type RateLimitsStatsQueryVariables = Exact<{
  id: string | number;
}>;


export type RateLimitsStatsQuery = { rateLimitStats: { requestsPerMinute: number, currentConcurrent: number, rpmLimit: number, concurrentLimit: number, rpmWarnings: number, concurrentWarnings: number, rpmRejections: number, concurrentRejections: number, mode: RateLimitMode } };

export type RateLimitsWarningsSubscriptionVariables = Exact<{
  clientId?: string | number | null | undefined;
}>;


export type RateLimitsWarningsSubscription = { rateLimitWarnings: { id: string, limit: RateLimitKind, enforced: boolean, mode: RateLimitMode, operation: string, requestsPerMinute: number, currentConcurrent: number, rpmLimit: number, concurrentLimit: number, client: { uuid: string } } };

export type TestReadFileQueryVariables = Exact<{
  clientId: string | number;
  path: string;
  encoding?: FileEncoding | null | undefined;
}>;


export type TestReadFileQuery = { readFile: { path: string, content: string, encoding: FileEncoding, size: number, mtime: string, mode: number } };

export type TestWriteFileMutationVariables = Exact<{
  clientId: string | number;
  path: string;
  content: string;
  encoding?: FileEncoding | null | undefined;
  createParents?: boolean | null | undefined;
}>;


export type TestWriteFileMutation = { writeFile: { path: string, size: number } };

export type TestListFilesQueryVariables = Exact<{
  clientId: string | number;
  path: string;
}>;


export type TestListFilesQuery = { listFiles: { path: string, truncated: boolean, entries: Array<{ name: string, type: FileType, size: number }> } };

export type TransferFieldsFragment = { transferId: string, clientId: string, direction: TransferDirection, remotePath: string, localPath: string, state: TransferState, bytesDone: number, totalBytes: number | null, resumedFrom: number, rateBytesPerSecond: number, etaSeconds: number | null, sha256: string | null, error: { code: string, message: string } | null };

export type TestUploadFileMutationVariables = Exact<{
  clientId: string | number;
  localPath: string;
  remotePath: string;
  transferId?: string | number | null | undefined;
  createParents?: boolean | null | undefined;
}>;


export type TestUploadFileMutation = { uploadFile: { transferId: string, clientId: string, direction: TransferDirection, remotePath: string, localPath: string, state: TransferState, bytesDone: number, totalBytes: number | null, resumedFrom: number, rateBytesPerSecond: number, etaSeconds: number | null, sha256: string | null, error: { code: string, message: string } | null } };

export type TestDownloadFileMutationVariables = Exact<{
  clientId: string | number;
  remotePath: string;
  localPath: string;
  transferId?: string | number | null | undefined;
}>;


export type TestDownloadFileMutation = { downloadFile: { transferId: string, clientId: string, direction: TransferDirection, remotePath: string, localPath: string, state: TransferState, bytesDone: number, totalBytes: number | null, resumedFrom: number, rateBytesPerSecond: number, etaSeconds: number | null, sha256: string | null, error: { code: string, message: string } | null } };

export type TestTransferProgressSubscriptionVariables = Exact<{
  transferId: string | number;
}>;


export type TestTransferProgressSubscription = { transferProgress: { transferId: string, clientId: string, direction: TransferDirection, remotePath: string, localPath: string, state: TransferState, bytesDone: number, totalBytes: number | null, resumedFrom: number, rateBytesPerSecond: number, etaSeconds: number | null, sha256: string | null, error: { code: string, message: string } | null } };

export type TestFileEventsQueryVariables = Exact<{
  clientId?: string | number | null | undefined;
}>;


export type TestFileEventsQuery = { events: Array<{ id: string, event: string, data: unknown }> };

export type TestClientFieldsFragment = { uuid: string, clientId: string, displayName: string | null, purpose: string | null, capabilities: Array<string>, online: boolean, health: HealthStatus, keyMismatch: boolean, publicKeyFingerprint: string, trustedFingerprint: string, previousFingerprint: string | null, keyAcceptedAt: string | null, keyAcceptedBy: string | null, hostname: string, platform: string, arch: string, agentVersion: string, username: string, enrolledVia: string, firstSeen: string, lastSeen: string, connectionCount: number, connectedAt: string | null, allowedPaths: Array<string> | null, webhookUrl: string | null, rateLimitRpm: number, rateLimitConcurrent: number, rateLimitMode: RateLimitMode, tags: Array<{ name: string }> };

export type TestClientsQueryVariables = Exact<{
  filter?: ClientFilter | null | undefined;
}>;


export type TestClientsQuery = { clients: Array<{ uuid: string, clientId: string, displayName: string | null, purpose: string | null, capabilities: Array<string>, online: boolean, health: HealthStatus, keyMismatch: boolean, publicKeyFingerprint: string, trustedFingerprint: string, previousFingerprint: string | null, keyAcceptedAt: string | null, keyAcceptedBy: string | null, hostname: string, platform: string, arch: string, agentVersion: string, username: string, enrolledVia: string, firstSeen: string, lastSeen: string, connectionCount: number, connectedAt: string | null, allowedPaths: Array<string> | null, webhookUrl: string | null, rateLimitRpm: number, rateLimitConcurrent: number, rateLimitMode: RateLimitMode, tags: Array<{ name: string }> }> };

export type TestClientQueryVariables = Exact<{
  id: string | number;
}>;


export type TestClientQuery = { client: { uuid: string, clientId: string, displayName: string | null, purpose: string | null, capabilities: Array<string>, online: boolean, health: HealthStatus, keyMismatch: boolean, publicKeyFingerprint: string, trustedFingerprint: string, previousFingerprint: string | null, keyAcceptedAt: string | null, keyAcceptedBy: string | null, hostname: string, platform: string, arch: string, agentVersion: string, username: string, enrolledVia: string, firstSeen: string, lastSeen: string, connectionCount: number, connectedAt: string | null, allowedPaths: Array<string> | null, webhookUrl: string | null, rateLimitRpm: number, rateLimitConcurrent: number, rateLimitMode: RateLimitMode, tags: Array<{ name: string }> } | null };

export type TestRunCommandMutationVariables = Exact<{
  clientId: string | number;
  cmd: string;
  cwd?: string | null | undefined;
  timeout?: number | null | undefined;
  env?: Array<EnvironmentVariableInput> | EnvironmentVariableInput | null | undefined;
}>;


export type TestRunCommandMutation = { runCommand: { stdout: string, stderr: string, returncode: number, timedOut: boolean, truncated: boolean, durationMs: number } };

export type TestAcceptKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type TestAcceptKeyMutation = { acceptKey: { uuid: string, clientId: string, displayName: string | null, purpose: string | null, capabilities: Array<string>, online: boolean, health: HealthStatus, keyMismatch: boolean, publicKeyFingerprint: string, trustedFingerprint: string, previousFingerprint: string | null, keyAcceptedAt: string | null, keyAcceptedBy: string | null, hostname: string, platform: string, arch: string, agentVersion: string, username: string, enrolledVia: string, firstSeen: string, lastSeen: string, connectionCount: number, connectedAt: string | null, allowedPaths: Array<string> | null, webhookUrl: string | null, rateLimitRpm: number, rateLimitConcurrent: number, rateLimitMode: RateLimitMode, tags: Array<{ name: string }> } };

export type TestUpdateClientMutationVariables = Exact<{
  id: string | number;
  input: UpdateClientInput;
}>;


export type TestUpdateClientMutation = { updateClient: { uuid: string, clientId: string, displayName: string | null, purpose: string | null, capabilities: Array<string>, online: boolean, health: HealthStatus, keyMismatch: boolean, publicKeyFingerprint: string, trustedFingerprint: string, previousFingerprint: string | null, keyAcceptedAt: string | null, keyAcceptedBy: string | null, hostname: string, platform: string, arch: string, agentVersion: string, username: string, enrolledVia: string, firstSeen: string, lastSeen: string, connectionCount: number, connectedAt: string | null, allowedPaths: Array<string> | null, webhookUrl: string | null, rateLimitRpm: number, rateLimitConcurrent: number, rateLimitMode: RateLimitMode, tags: Array<{ name: string }> } };

export type TestEventsQueryVariables = Exact<{
  filter?: EventFilter | null | undefined;
  limit?: number | null | undefined;
  before?: string | number | null | undefined;
}>;


export type TestEventsQuery = { events: Array<{ id: string, event: string, timestamp: string, data: unknown, actor: string | null, client: { uuid: string, clientId: string } }> };

export type TestClientEventsSubscriptionVariables = Exact<{
  filter?: EventFilter | null | undefined;
}>;


export type TestClientEventsSubscription = { clientEvents: { id: string, event: string, timestamp: string, data: unknown, client: { uuid: string, clientId: string, online: boolean, keyMismatch: boolean } } };

export type TestCreateTokenMutationVariables = Exact<{
  input?: CreateEnrollmentTokenInput | null | undefined;
}>;


export type TestCreateTokenMutation = { createEnrollmentToken: { token: string, enrollmentToken: { id: string, prefix: string, uses: number, maxUses: number | null, active: boolean } } };

export type TestTokensQueryVariables = Exact<{
  includeInactive?: boolean | null | undefined;
}>;


export type TestTokensQuery = { enrollmentTokens: Array<{ id: string, prefix: string, name: string | null, uses: number, maxUses: number | null, active: boolean, revokedAt: string | null }> };

export type TestRevokeTokenMutationVariables = Exact<{
  id: string | number;
}>;


export type TestRevokeTokenMutation = { revokeEnrollmentToken: { id: string, active: boolean, revokedAt: string | null } };

export type TestConfigureClientMutationVariables = Exact<{
  id: string | number;
  input: ConfigureClientInput;
}>;


export type TestConfigureClientMutation = { configureClient: { uuid: string, clientId: string, displayName: string | null, purpose: string | null, capabilities: Array<string>, online: boolean, health: HealthStatus, keyMismatch: boolean, publicKeyFingerprint: string, trustedFingerprint: string, previousFingerprint: string | null, keyAcceptedAt: string | null, keyAcceptedBy: string | null, hostname: string, platform: string, arch: string, agentVersion: string, username: string, enrolledVia: string, firstSeen: string, lastSeen: string, connectionCount: number, connectedAt: string | null, allowedPaths: Array<string> | null, webhookUrl: string | null, rateLimitRpm: number, rateLimitConcurrent: number, rateLimitMode: RateLimitMode, tags: Array<{ name: string }> } };

export const CliTransferFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliTransferFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Transfer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transferId"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"remotePath"}},{"kind":"Field","name":{"kind":"Name","value":"localPath"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"bytesDone"}},{"kind":"Field","name":{"kind":"Name","value":"totalBytes"}},{"kind":"Field","name":{"kind":"Name","value":"resumedFrom"}},{"kind":"Field","name":{"kind":"Name","value":"rateBytesPerSecond"}},{"kind":"Field","name":{"kind":"Name","value":"etaSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<CliTransferFieldsFragment, unknown>;
export const TokenFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TokenFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"maxUses"}},{"kind":"Field","name":{"kind":"Name","value":"uses"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]} as unknown as DocumentNode<TokenFieldsFragment, unknown>;
export const TransferFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TransferFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Transfer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transferId"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"remotePath"}},{"kind":"Field","name":{"kind":"Name","value":"localPath"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"bytesDone"}},{"kind":"Field","name":{"kind":"Name","value":"totalBytes"}},{"kind":"Field","name":{"kind":"Name","value":"resumedFrom"}},{"kind":"Field","name":{"kind":"Name","value":"rateBytesPerSecond"}},{"kind":"Field","name":{"kind":"Name","value":"etaSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<TransferFieldsFragment, unknown>;
export const TestClientFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TestClientFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Client"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"}},{"kind":"Field","name":{"kind":"Name","value":"online"}},{"kind":"Field","name":{"kind":"Name","value":"health"}},{"kind":"Field","name":{"kind":"Name","value":"keyMismatch"}},{"kind":"Field","name":{"kind":"Name","value":"publicKeyFingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"trustedFingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"previousFingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"keyAcceptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"keyAcceptedBy"}},{"kind":"Field","name":{"kind":"Name","value":"hostname"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"arch"}},{"kind":"Field","name":{"kind":"Name","value":"agentVersion"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"enrolledVia"}},{"kind":"Field","name":{"kind":"Name","value":"firstSeen"}},{"kind":"Field","name":{"kind":"Name","value":"lastSeen"}},{"kind":"Field","name":{"kind":"Name","value":"connectionCount"}},{"kind":"Field","name":{"kind":"Name","value":"connectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"allowedPaths"}},{"kind":"Field","name":{"kind":"Name","value":"webhookUrl"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimitRpm"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimitConcurrent"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimitMode"}}]}}]} as unknown as DocumentNode<TestClientFieldsFragment, unknown>;
export const CliListFilesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CliListFiles"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"path"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listFiles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}},{"kind":"Argument","name":{"kind":"Name","value":"path"},"value":{"kind":"Variable","name":{"kind":"Name","value":"path"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"mtime"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}}]}}]}}]}}]} as unknown as DocumentNode<CliListFilesQuery, CliListFilesQueryVariables>;
export const CliDownloadFileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliDownloadFile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"remotePath"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"localPath"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"transferId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"downloadFile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}},{"kind":"Argument","name":{"kind":"Name","value":"remotePath"},"value":{"kind":"Variable","name":{"kind":"Name","value":"remotePath"}}},{"kind":"Argument","name":{"kind":"Name","value":"localPath"},"value":{"kind":"Variable","name":{"kind":"Name","value":"localPath"}}},{"kind":"Argument","name":{"kind":"Name","value":"transferId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"transferId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliTransferFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliTransferFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Transfer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transferId"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"remotePath"}},{"kind":"Field","name":{"kind":"Name","value":"localPath"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"bytesDone"}},{"kind":"Field","name":{"kind":"Name","value":"totalBytes"}},{"kind":"Field","name":{"kind":"Name","value":"resumedFrom"}},{"kind":"Field","name":{"kind":"Name","value":"rateBytesPerSecond"}},{"kind":"Field","name":{"kind":"Name","value":"etaSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<CliDownloadFileMutation, CliDownloadFileMutationVariables>;
export const CliUploadFileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliUploadFile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"localPath"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"remotePath"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"transferId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"createParents"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uploadFile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}},{"kind":"Argument","name":{"kind":"Name","value":"localPath"},"value":{"kind":"Variable","name":{"kind":"Name","value":"localPath"}}},{"kind":"Argument","name":{"kind":"Name","value":"remotePath"},"value":{"kind":"Variable","name":{"kind":"Name","value":"remotePath"}}},{"kind":"Argument","name":{"kind":"Name","value":"transferId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"transferId"}}},{"kind":"Argument","name":{"kind":"Name","value":"createParents"},"value":{"kind":"Variable","name":{"kind":"Name","value":"createParents"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliTransferFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliTransferFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Transfer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transferId"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"remotePath"}},{"kind":"Field","name":{"kind":"Name","value":"localPath"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"bytesDone"}},{"kind":"Field","name":{"kind":"Name","value":"totalBytes"}},{"kind":"Field","name":{"kind":"Name","value":"resumedFrom"}},{"kind":"Field","name":{"kind":"Name","value":"rateBytesPerSecond"}},{"kind":"Field","name":{"kind":"Name","value":"etaSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<CliUploadFileMutation, CliUploadFileMutationVariables>;
export const CliTransferProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"CliTransferProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"transferId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transferProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"transferId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"transferId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bytesDone"}},{"kind":"Field","name":{"kind":"Name","value":"totalBytes"}},{"kind":"Field","name":{"kind":"Name","value":"rateBytesPerSecond"}},{"kind":"Field","name":{"kind":"Name","value":"etaSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<CliTransferProgressSubscription, CliTransferProgressSubscriptionVariables>;
export const CliCreateEnrollmentTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliCreateEnrollmentToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateEnrollmentTokenInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createEnrollmentToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"enrollmentToken"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TokenFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TokenFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"maxUses"}},{"kind":"Field","name":{"kind":"Name","value":"uses"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]} as unknown as DocumentNode<CliCreateEnrollmentTokenMutation, CliCreateEnrollmentTokenMutationVariables>;
export const CliEnrollmentTokensDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CliEnrollmentTokens"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"includeInactive"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollmentTokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"includeInactive"},"value":{"kind":"Variable","name":{"kind":"Name","value":"includeInactive"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TokenFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TokenFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"maxUses"}},{"kind":"Field","name":{"kind":"Name","value":"uses"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]} as unknown as DocumentNode<CliEnrollmentTokensQuery, CliEnrollmentTokensQueryVariables>;
export const CliRevokeEnrollmentTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliRevokeEnrollmentToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeEnrollmentToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TokenFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TokenFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"maxUses"}},{"kind":"Field","name":{"kind":"Name","value":"uses"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]} as unknown as DocumentNode<CliRevokeEnrollmentTokenMutation, CliRevokeEnrollmentTokenMutationVariables>;
export const GuideDescribeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GuideDescribe"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"}},{"kind":"Field","name":{"kind":"Name","value":"hostname"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"online"}},{"kind":"Field","name":{"kind":"Name","value":"webhookUrl"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimitRpm"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimitConcurrent"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimitMode"}},{"kind":"Field","name":{"kind":"Name","value":"allowedPaths"}},{"kind":"Field","name":{"kind":"Name","value":"decommissioned"}},{"kind":"Field","name":{"kind":"Name","value":"decommissionedAt"}},{"kind":"Field","name":{"kind":"Name","value":"recentEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"event"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recentCommands"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"data"}}]}}]}}]}}]} as unknown as DocumentNode<GuideDescribeQuery, GuideDescribeQueryVariables>;
export const GuideConfigureDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GuideConfigure"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConfigureClientInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"configureClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookUrl"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimitRpm"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimitConcurrent"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimitMode"}}]}}]}}]} as unknown as DocumentNode<GuideConfigureMutation, GuideConfigureMutationVariables>;
export const GuideStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GuideStats"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rateLimitStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requestsPerMinute"}},{"kind":"Field","name":{"kind":"Name","value":"currentConcurrent"}},{"kind":"Field","name":{"kind":"Name","value":"rpmLimit"}},{"kind":"Field","name":{"kind":"Name","value":"concurrentLimit"}},{"kind":"Field","name":{"kind":"Name","value":"rpmWarnings"}},{"kind":"Field","name":{"kind":"Name","value":"concurrentWarnings"}},{"kind":"Field","name":{"kind":"Name","value":"rpmRejections"}},{"kind":"Field","name":{"kind":"Name","value":"concurrentRejections"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}}]}}]}}]} as unknown as DocumentNode<GuideStatsQuery, GuideStatsQueryVariables>;
export const GuidePageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GuidePage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientsConnection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<GuidePageQuery, GuidePageQueryVariables>;
export const GuideTagsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GuideTags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"clientCount"}},{"kind":"Field","name":{"kind":"Name","value":"clients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}}]}}]}}]}}]} as unknown as DocumentNode<GuideTagsQuery, GuideTagsQueryVariables>;
export const GuideTagDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GuideTag"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tag"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"clientCount"}}]}}]}}]} as unknown as DocumentNode<GuideTagQuery, GuideTagQueryVariables>;
export const GuideBulkUpdateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GuideBulkUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFilter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateClientsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateClients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"clients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GuideBulkUpdateMutation, GuideBulkUpdateMutationVariables>;
export const GuideBulkRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GuideBulkRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFilter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cmd"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"parallelism"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runCommandOnClients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"cmd"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cmd"}}},{"kind":"Argument","name":{"kind":"Name","value":"parallelism"},"value":{"kind":"Variable","name":{"kind":"Name","value":"parallelism"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"online"}}]}},{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stdout"}},{"kind":"Field","name":{"kind":"Name","value":"returncode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GuideBulkRunMutation, GuideBulkRunMutationVariables>;
export const GuideDecommissionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GuideDecommission"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"stopService"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"stopCommand"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decommissionClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"stopService"},"value":{"kind":"Variable","name":{"kind":"Name","value":"stopService"}}},{"kind":"Argument","name":{"kind":"Name","value":"stopCommand"},"value":{"kind":"Variable","name":{"kind":"Name","value":"stopCommand"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"online"}},{"kind":"Field","name":{"kind":"Name","value":"decommissioned"}},{"kind":"Field","name":{"kind":"Name","value":"webhookUrl"}}]}},{"kind":"Field","name":{"kind":"Name","value":"serviceStop"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"returncode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GuideDecommissionMutation, GuideDecommissionMutationVariables>;
export const GuideRestoreDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GuideRestore"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restoreClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decommissioned"}}]}}]}}]} as unknown as DocumentNode<GuideRestoreMutation, GuideRestoreMutationVariables>;
export const GuideStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"GuideStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cause"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"online"}},{"kind":"Field","name":{"kind":"Name","value":"health"}}]}}]}}]}}]} as unknown as DocumentNode<GuideStatusSubscription, GuideStatusSubscriptionVariables>;
export const GuideUpdateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GuideUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateClientInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"allowedPaths"}}]}}]}}]} as unknown as DocumentNode<GuideUpdateMutation, GuideUpdateMutationVariables>;
export const GuideEventsOfClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GuideEventsOfClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"event"}}]}}]}}]} as unknown as DocumentNode<GuideEventsOfClientQuery, GuideEventsOfClientQueryVariables>;
export const GuideFleetStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GuideFleetStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"online"}},{"kind":"Field","name":{"kind":"Name","value":"keyMismatch"}},{"kind":"Field","name":{"kind":"Name","value":"health"}},{"kind":"Field","name":{"kind":"Name","value":"lastDisconnectedAt"}}]}}]}}]} as unknown as DocumentNode<GuideFleetStatusQuery, GuideFleetStatusQueryVariables>;
export const HealthOfClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HealthOfClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"online"}},{"kind":"Field","name":{"kind":"Name","value":"health"}},{"kind":"Field","name":{"kind":"Name","value":"healthReason"}},{"kind":"Field","name":{"kind":"Name","value":"healthSince"}},{"kind":"Field","name":{"kind":"Name","value":"lastHeartbeatAt"}},{"kind":"Field","name":{"kind":"Name","value":"heartbeatFailures"}},{"kind":"Field","name":{"kind":"Name","value":"resourceChecks"}},{"kind":"Field","name":{"kind":"Name","value":"cpuThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"memoryThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"diskThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"lastResourceSample"}},{"kind":"Field","name":{"kind":"Name","value":"recentEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"data"}}]}}]}}]}}]} as unknown as DocumentNode<HealthOfClientQuery, HealthOfClientQueryVariables>;
export const HealthEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"HealthEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EventFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"data"}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"online"}},{"kind":"Field","name":{"kind":"Name","value":"health"}},{"kind":"Field","name":{"kind":"Name","value":"healthReason"}}]}}]}}]}}]} as unknown as DocumentNode<HealthEventsSubscription, HealthEventsSubscriptionVariables>;
export const MetricsOfClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MetricsOfClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"summary"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientMetrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"summary"},"value":{"kind":"Variable","name":{"kind":"Name","value":"summary"}}}]}]}}]} as unknown as DocumentNode<MetricsOfClientQuery, MetricsOfClientQueryVariables>;
export const MetricsStreamDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"MetricsStream"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"summary"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"intervalS"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientMetrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"summary"},"value":{"kind":"Variable","name":{"kind":"Name","value":"summary"}}},{"kind":"Argument","name":{"kind":"Name","value":"intervalS"},"value":{"kind":"Variable","name":{"kind":"Name","value":"intervalS"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"online"}}]}}]}}]}}]} as unknown as DocumentNode<MetricsStreamSubscription, MetricsStreamSubscriptionVariables>;
export const FleetHealthOfTestsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FleetHealthOfTests"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"timeoutS"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fleetHealth"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"timeoutS"},"value":{"kind":"Variable","name":{"kind":"Name","value":"timeoutS"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"online"}},{"kind":"Field","name":{"kind":"Name","value":"offline"}},{"kind":"Field","name":{"kind":"Name","value":"keyMismatches"}},{"kind":"Field","name":{"kind":"Name","value":"unhealthy"}},{"kind":"Field","name":{"kind":"Name","value":"recentlyOffline"}},{"kind":"Field","name":{"kind":"Name","value":"recentlyOfflineHours"}},{"kind":"Field","name":{"kind":"Name","value":"sampled"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"collectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"samples"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cpuPercent"}},{"kind":"Field","name":{"kind":"Name","value":"memoryPercent"}},{"kind":"Field","name":{"kind":"Name","value":"diskPercent"}},{"kind":"Field","name":{"kind":"Name","value":"load1"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"over"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resource"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}}]}},{"kind":"Field","name":{"kind":"Name","value":"thresholds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cpu"}},{"kind":"Field","name":{"kind":"Name","value":"memory"}},{"kind":"Field","name":{"kind":"Name","value":"disk"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"overCpu"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"overMemory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}}]}},{"kind":"Field","name":{"kind":"Name","value":"memoryPercent"}}]}},{"kind":"Field","name":{"kind":"Name","value":"overDisk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}}]}},{"kind":"Field","name":{"kind":"Name","value":"diskPercent"}}]}},{"kind":"Field","name":{"kind":"Name","value":"keyMismatchClients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recentlyOfflineClients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unhealthyClients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}}]}}]}}]}}]} as unknown as DocumentNode<FleetHealthOfTestsQuery, FleetHealthOfTestsQueryVariables>;
export const RateLimitsStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RateLimitsStats"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rateLimitStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestsPerMinute"}},{"kind":"Field","name":{"kind":"Name","value":"currentConcurrent"}},{"kind":"Field","name":{"kind":"Name","value":"rpmLimit"}},{"kind":"Field","name":{"kind":"Name","value":"concurrentLimit"}},{"kind":"Field","name":{"kind":"Name","value":"rpmWarnings"}},{"kind":"Field","name":{"kind":"Name","value":"concurrentWarnings"}},{"kind":"Field","name":{"kind":"Name","value":"rpmRejections"}},{"kind":"Field","name":{"kind":"Name","value":"concurrentRejections"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}}]}}]}}]} as unknown as DocumentNode<RateLimitsStatsQuery, RateLimitsStatsQueryVariables>;
export const RateLimitsWarningsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"RateLimitsWarnings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rateLimitWarnings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"enforced"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"requestsPerMinute"}},{"kind":"Field","name":{"kind":"Name","value":"currentConcurrent"}},{"kind":"Field","name":{"kind":"Name","value":"rpmLimit"}},{"kind":"Field","name":{"kind":"Name","value":"concurrentLimit"}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}}]}}]}}]}}]} as unknown as DocumentNode<RateLimitsWarningsSubscription, RateLimitsWarningsSubscriptionVariables>;
export const TestReadFileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TestReadFile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"path"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"encoding"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"FileEncoding"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"readFile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}},{"kind":"Argument","name":{"kind":"Name","value":"path"},"value":{"kind":"Variable","name":{"kind":"Name","value":"path"}}},{"kind":"Argument","name":{"kind":"Name","value":"encoding"},"value":{"kind":"Variable","name":{"kind":"Name","value":"encoding"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"encoding"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"mtime"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}}]}}]}}]} as unknown as DocumentNode<TestReadFileQuery, TestReadFileQueryVariables>;
export const TestWriteFileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestWriteFile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"path"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"content"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"encoding"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"FileEncoding"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"createParents"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"writeFile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}},{"kind":"Argument","name":{"kind":"Name","value":"path"},"value":{"kind":"Variable","name":{"kind":"Name","value":"path"}}},{"kind":"Argument","name":{"kind":"Name","value":"content"},"value":{"kind":"Variable","name":{"kind":"Name","value":"content"}}},{"kind":"Argument","name":{"kind":"Name","value":"encoding"},"value":{"kind":"Variable","name":{"kind":"Name","value":"encoding"}}},{"kind":"Argument","name":{"kind":"Name","value":"createParents"},"value":{"kind":"Variable","name":{"kind":"Name","value":"createParents"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"size"}}]}}]}}]} as unknown as DocumentNode<TestWriteFileMutation, TestWriteFileMutationVariables>;
export const TestListFilesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TestListFiles"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"path"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listFiles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}},{"kind":"Argument","name":{"kind":"Name","value":"path"},"value":{"kind":"Variable","name":{"kind":"Name","value":"path"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"size"}}]}}]}}]}}]} as unknown as DocumentNode<TestListFilesQuery, TestListFilesQueryVariables>;
export const TestUploadFileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestUploadFile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"localPath"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"remotePath"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"transferId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"createParents"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uploadFile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}},{"kind":"Argument","name":{"kind":"Name","value":"localPath"},"value":{"kind":"Variable","name":{"kind":"Name","value":"localPath"}}},{"kind":"Argument","name":{"kind":"Name","value":"remotePath"},"value":{"kind":"Variable","name":{"kind":"Name","value":"remotePath"}}},{"kind":"Argument","name":{"kind":"Name","value":"transferId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"transferId"}}},{"kind":"Argument","name":{"kind":"Name","value":"createParents"},"value":{"kind":"Variable","name":{"kind":"Name","value":"createParents"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TransferFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TransferFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Transfer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transferId"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"remotePath"}},{"kind":"Field","name":{"kind":"Name","value":"localPath"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"bytesDone"}},{"kind":"Field","name":{"kind":"Name","value":"totalBytes"}},{"kind":"Field","name":{"kind":"Name","value":"resumedFrom"}},{"kind":"Field","name":{"kind":"Name","value":"rateBytesPerSecond"}},{"kind":"Field","name":{"kind":"Name","value":"etaSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<TestUploadFileMutation, TestUploadFileMutationVariables>;
export const TestDownloadFileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestDownloadFile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"remotePath"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"localPath"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"transferId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"downloadFile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}},{"kind":"Argument","name":{"kind":"Name","value":"remotePath"},"value":{"kind":"Variable","name":{"kind":"Name","value":"remotePath"}}},{"kind":"Argument","name":{"kind":"Name","value":"localPath"},"value":{"kind":"Variable","name":{"kind":"Name","value":"localPath"}}},{"kind":"Argument","name":{"kind":"Name","value":"transferId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"transferId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TransferFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TransferFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Transfer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transferId"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"remotePath"}},{"kind":"Field","name":{"kind":"Name","value":"localPath"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"bytesDone"}},{"kind":"Field","name":{"kind":"Name","value":"totalBytes"}},{"kind":"Field","name":{"kind":"Name","value":"resumedFrom"}},{"kind":"Field","name":{"kind":"Name","value":"rateBytesPerSecond"}},{"kind":"Field","name":{"kind":"Name","value":"etaSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<TestDownloadFileMutation, TestDownloadFileMutationVariables>;
export const TestTransferProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"TestTransferProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"transferId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transferProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"transferId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"transferId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TransferFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TransferFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Transfer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transferId"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"remotePath"}},{"kind":"Field","name":{"kind":"Name","value":"localPath"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"bytesDone"}},{"kind":"Field","name":{"kind":"Name","value":"totalBytes"}},{"kind":"Field","name":{"kind":"Name","value":"resumedFrom"}},{"kind":"Field","name":{"kind":"Name","value":"rateBytesPerSecond"}},{"kind":"Field","name":{"kind":"Name","value":"etaSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<TestTransferProgressSubscription, TestTransferProgressSubscriptionVariables>;
export const TestFileEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TestFileEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"events"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"file_accessed","block":false},{"kind":"StringValue","value":"operation_refused","block":false}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"1000"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"data"}}]}}]}}]} as unknown as DocumentNode<TestFileEventsQuery, TestFileEventsQueryVariables>;
export const TestClientsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TestClients"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TestClientFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TestClientFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Client"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"}},{"kind":"Field","name":{"kind":"Name","value":"online"}},{"kind":"Field","name":{"kind":"Name","value":"health"}},{"kind":"Field","name":{"kind":"Name","value":"keyMismatch"}},{"kind":"Field","name":{"kind":"Name","value":"publicKeyFingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"trustedFingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"previousFingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"keyAcceptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"keyAcceptedBy"}},{"kind":"Field","name":{"kind":"Name","value":"hostname"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"arch"}},{"kind":"Field","name":{"kind":"Name","value":"agentVersion"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"enrolledVia"}},{"kind":"Field","name":{"kind":"Name","value":"firstSeen"}},{"kind":"Field","name":{"kind":"Name","value":"lastSeen"}},{"kind":"Field","name":{"kind":"Name","value":"connectionCount"}},{"kind":"Field","name":{"kind":"Name","value":"connectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"allowedPaths"}},{"kind":"Field","name":{"kind":"Name","value":"webhookUrl"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimitRpm"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimitConcurrent"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimitMode"}}]}}]} as unknown as DocumentNode<TestClientsQuery, TestClientsQueryVariables>;
export const TestClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TestClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TestClientFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TestClientFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Client"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"}},{"kind":"Field","name":{"kind":"Name","value":"online"}},{"kind":"Field","name":{"kind":"Name","value":"health"}},{"kind":"Field","name":{"kind":"Name","value":"keyMismatch"}},{"kind":"Field","name":{"kind":"Name","value":"publicKeyFingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"trustedFingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"previousFingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"keyAcceptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"keyAcceptedBy"}},{"kind":"Field","name":{"kind":"Name","value":"hostname"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"arch"}},{"kind":"Field","name":{"kind":"Name","value":"agentVersion"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"enrolledVia"}},{"kind":"Field","name":{"kind":"Name","value":"firstSeen"}},{"kind":"Field","name":{"kind":"Name","value":"lastSeen"}},{"kind":"Field","name":{"kind":"Name","value":"connectionCount"}},{"kind":"Field","name":{"kind":"Name","value":"connectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"allowedPaths"}},{"kind":"Field","name":{"kind":"Name","value":"webhookUrl"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimitRpm"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimitConcurrent"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimitMode"}}]}}]} as unknown as DocumentNode<TestClientQuery, TestClientQueryVariables>;
export const TestRunCommandDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestRunCommand"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cmd"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cwd"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"timeout"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"env"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EnvironmentVariableInput"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runCommand"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}},{"kind":"Argument","name":{"kind":"Name","value":"cmd"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cmd"}}},{"kind":"Argument","name":{"kind":"Name","value":"cwd"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cwd"}}},{"kind":"Argument","name":{"kind":"Name","value":"timeout"},"value":{"kind":"Variable","name":{"kind":"Name","value":"timeout"}}},{"kind":"Argument","name":{"kind":"Name","value":"env"},"value":{"kind":"Variable","name":{"kind":"Name","value":"env"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stdout"}},{"kind":"Field","name":{"kind":"Name","value":"stderr"}},{"kind":"Field","name":{"kind":"Name","value":"returncode"}},{"kind":"Field","name":{"kind":"Name","value":"timedOut"}},{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}}]}}]}}]} as unknown as DocumentNode<TestRunCommandMutation, TestRunCommandMutationVariables>;
export const TestAcceptKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestAcceptKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TestClientFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TestClientFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Client"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"}},{"kind":"Field","name":{"kind":"Name","value":"online"}},{"kind":"Field","name":{"kind":"Name","value":"health"}},{"kind":"Field","name":{"kind":"Name","value":"keyMismatch"}},{"kind":"Field","name":{"kind":"Name","value":"publicKeyFingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"trustedFingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"previousFingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"keyAcceptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"keyAcceptedBy"}},{"kind":"Field","name":{"kind":"Name","value":"hostname"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"arch"}},{"kind":"Field","name":{"kind":"Name","value":"agentVersion"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"enrolledVia"}},{"kind":"Field","name":{"kind":"Name","value":"firstSeen"}},{"kind":"Field","name":{"kind":"Name","value":"lastSeen"}},{"kind":"Field","name":{"kind":"Name","value":"connectionCount"}},{"kind":"Field","name":{"kind":"Name","value":"connectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"allowedPaths"}},{"kind":"Field","name":{"kind":"Name","value":"webhookUrl"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimitRpm"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimitConcurrent"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimitMode"}}]}}]} as unknown as DocumentNode<TestAcceptKeyMutation, TestAcceptKeyMutationVariables>;
export const TestUpdateClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestUpdateClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateClientInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TestClientFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TestClientFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Client"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"}},{"kind":"Field","name":{"kind":"Name","value":"online"}},{"kind":"Field","name":{"kind":"Name","value":"health"}},{"kind":"Field","name":{"kind":"Name","value":"keyMismatch"}},{"kind":"Field","name":{"kind":"Name","value":"publicKeyFingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"trustedFingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"previousFingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"keyAcceptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"keyAcceptedBy"}},{"kind":"Field","name":{"kind":"Name","value":"hostname"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"arch"}},{"kind":"Field","name":{"kind":"Name","value":"agentVersion"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"enrolledVia"}},{"kind":"Field","name":{"kind":"Name","value":"firstSeen"}},{"kind":"Field","name":{"kind":"Name","value":"lastSeen"}},{"kind":"Field","name":{"kind":"Name","value":"connectionCount"}},{"kind":"Field","name":{"kind":"Name","value":"connectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"allowedPaths"}},{"kind":"Field","name":{"kind":"Name","value":"webhookUrl"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimitRpm"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimitConcurrent"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimitMode"}}]}}]} as unknown as DocumentNode<TestUpdateClientMutation, TestUpdateClientMutationVariables>;
export const TestEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TestEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EventFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"data"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}}]}}]}}]}}]} as unknown as DocumentNode<TestEventsQuery, TestEventsQueryVariables>;
export const TestClientEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"TestClientEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EventFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"data"}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"online"}},{"kind":"Field","name":{"kind":"Name","value":"keyMismatch"}}]}}]}}]}}]} as unknown as DocumentNode<TestClientEventsSubscription, TestClientEventsSubscriptionVariables>;
export const TestCreateTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestCreateToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateEnrollmentTokenInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createEnrollmentToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"enrollmentToken"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"uses"}},{"kind":"Field","name":{"kind":"Name","value":"maxUses"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]}}]} as unknown as DocumentNode<TestCreateTokenMutation, TestCreateTokenMutationVariables>;
export const TestTokensDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TestTokens"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"includeInactive"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollmentTokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"includeInactive"},"value":{"kind":"Variable","name":{"kind":"Name","value":"includeInactive"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"uses"}},{"kind":"Field","name":{"kind":"Name","value":"maxUses"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<TestTokensQuery, TestTokensQueryVariables>;
export const TestRevokeTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestRevokeToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeEnrollmentToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<TestRevokeTokenMutation, TestRevokeTokenMutationVariables>;
export const TestConfigureClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestConfigureClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConfigureClientInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"configureClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TestClientFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TestClientFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Client"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"}},{"kind":"Field","name":{"kind":"Name","value":"online"}},{"kind":"Field","name":{"kind":"Name","value":"health"}},{"kind":"Field","name":{"kind":"Name","value":"keyMismatch"}},{"kind":"Field","name":{"kind":"Name","value":"publicKeyFingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"trustedFingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"previousFingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"keyAcceptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"keyAcceptedBy"}},{"kind":"Field","name":{"kind":"Name","value":"hostname"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"arch"}},{"kind":"Field","name":{"kind":"Name","value":"agentVersion"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"enrolledVia"}},{"kind":"Field","name":{"kind":"Name","value":"firstSeen"}},{"kind":"Field","name":{"kind":"Name","value":"lastSeen"}},{"kind":"Field","name":{"kind":"Name","value":"connectionCount"}},{"kind":"Field","name":{"kind":"Name","value":"connectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"allowedPaths"}},{"kind":"Field","name":{"kind":"Name","value":"webhookUrl"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimitRpm"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimitConcurrent"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimitMode"}}]}}]} as unknown as DocumentNode<TestConfigureClientMutation, TestConfigureClientMutationVariables>;