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
  /** Requests allowed in flight at once (1 to 10,000); null for the server default. */
  rateLimitConcurrent?: number | null | undefined;
  /** WARN, ENFORCE or OFF; null for the server default. */
  rateLimitMode?: RateLimitMode | null | undefined;
  /** Requests allowed in a rolling 60-second window (1 to 1,000,000); null for the server default. */
  rateLimitRpm?: number | null | undefined;
  /** Signing secret for deliveries to this client’s own webhookUrl: whsec_<base64> or a plain string of 16+ bytes. Write-only (see Client.hasWebhookSecret); "" or null clears it back to the global secret. */
  webhookSecret?: string | null | undefined;
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
  /** Only these event names (client.connected, client.disconnected, client.key_mismatch, client.key_accepted, client.unhealthy, command_executed, file_accessed, operation_refused, client.updated, client.decommissioned, client.restored). */
  events?: Array<string> | null | undefined;
  /** Only events of clients carrying ALL of these tags. */
  tags?: Array<string> | null | undefined;
  /** Only these event types (the enum form of `events`; both may be given). */
  types?: Array<ClientEventType> | null | undefined;
};

/** A client's health as the server sees it. */
export type HealthStatus =
  /** Online and answering. */
  | 'HEALTHY'
  /** Online but failing health checks or over a resource threshold; see healthReason. */
  | 'UNHEALTHY'
  /** Offline: nothing is known about its health now. */
  | 'UNKNOWN';

/** What happens when a client goes over its rate limits. */
export type RateLimitMode =
  /** The excess request is refused with RATE_LIMITED and a retry time. */
  | 'ENFORCE'
  /** No rate limiting. */
  | 'OFF'
  /** The request runs; a warning is logged and counted (the default). */
  | 'WARN';

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

/** Which deliveries; every given condition must hold. */
export type WebhookDeliveryFilter = {
  /** Only deliveries about this client (uuid, clientId or display name). */
  clientId?: string | number | null | undefined;
  /** Only this event name, e.g. "client.disconnected". */
  event?: string | null | undefined;
  /** Only deliveries in this state. */
  status?: WebhookDeliveryStatus | null | undefined;
};

/** Where a delivery stands. */
export type WebhookDeliveryStatus =
  /** The receiver answered 2xx. */
  | 'DELIVERED'
  /** Dead letter: every attempt of the retry schedule failed. replayWebhookDelivery sends it again. */
  | 'FAILED'
  /** Not delivered yet: waiting for its next attempt. */
  | 'PENDING';

/** Which failed attempts to report. */
export type WebhookFailureFilter = {
  /** Only deliveries about this client (uuid, clientId or display name). */
  clientId?: string | number | null | undefined;
  /** Only failures that ended the retry schedule (the delivery is now FAILED). */
  deadLetteredOnly?: boolean | null | undefined;
};

/** Which FAILED deliveries to replay; every given condition must hold. */
export type WebhookReplayFilter = {
  /** Only deliveries about this client (uuid, clientId or display name). */
  clientId?: string | number | null | undefined;
  /** Only this event name. */
  event?: string | null | undefined;
};

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

export type TestWebhookDeliveryFieldsFragment = { id: string, event: string, eventId: string | null, url: string, status: WebhookDeliveryStatus, attempts: number, lastError: string | null, lastStatusCode: number | null, lastAttemptAt: string | null, nextAttemptAt: string | null, createdAt: string, deliveredAt: string | null, replayedAt: string | null, payload: string, client: { uuid: string } | null };

export type TestWebhookDeliveriesQueryVariables = Exact<{
  filter?: WebhookDeliveryFilter | null | undefined;
  limit?: number | null | undefined;
}>;


export type TestWebhookDeliveriesQuery = { webhookDeliveries: Array<{ id: string, event: string, eventId: string | null, url: string, status: WebhookDeliveryStatus, attempts: number, lastError: string | null, lastStatusCode: number | null, lastAttemptAt: string | null, nextAttemptAt: string | null, createdAt: string, deliveredAt: string | null, replayedAt: string | null, payload: string, client: { uuid: string } | null }> };

export type TestWebhookDeliveryQueryVariables = Exact<{
  id: string | number;
}>;


export type TestWebhookDeliveryQuery = { webhookDelivery: { id: string, event: string, eventId: string | null, url: string, status: WebhookDeliveryStatus, attempts: number, lastError: string | null, lastStatusCode: number | null, lastAttemptAt: string | null, nextAttemptAt: string | null, createdAt: string, deliveredAt: string | null, replayedAt: string | null, payload: string, client: { uuid: string } | null } };

export type TestReplayWebhookDeliveryMutationVariables = Exact<{
  id: string | number;
}>;


export type TestReplayWebhookDeliveryMutation = { replayWebhookDelivery: { id: string, event: string, eventId: string | null, url: string, status: WebhookDeliveryStatus, attempts: number, lastError: string | null, lastStatusCode: number | null, lastAttemptAt: string | null, nextAttemptAt: string | null, createdAt: string, deliveredAt: string | null, replayedAt: string | null, payload: string, client: { uuid: string } | null } };

export type TestReplayFailedWebhookDeliveriesMutationVariables = Exact<{
  filter?: WebhookReplayFilter | null | undefined;
}>;


export type TestReplayFailedWebhookDeliveriesMutation = { replayFailedWebhookDeliveries: { count: number } };

export type TestSendTestWebhookMutationVariables = Exact<{
  clientId?: string | number | null | undefined;
  url?: string | null | undefined;
}>;


export type TestSendTestWebhookMutation = { sendTestWebhook: { id: string, event: string, eventId: string | null, url: string, status: WebhookDeliveryStatus, attempts: number, lastError: string | null, lastStatusCode: number | null, lastAttemptAt: string | null, nextAttemptAt: string | null, createdAt: string, deliveredAt: string | null, replayedAt: string | null, payload: string, client: { uuid: string } | null } };

export type TestWebhookDeliveryFailedSubscriptionVariables = Exact<{
  filter?: WebhookFailureFilter | null | undefined;
}>;


export type TestWebhookDeliveryFailedSubscription = { webhookDeliveryFailed: { deadLettered: boolean, delivery: { id: string, event: string, eventId: string | null, url: string, status: WebhookDeliveryStatus, attempts: number, lastError: string | null, lastStatusCode: number | null, lastAttemptAt: string | null, nextAttemptAt: string | null, createdAt: string, deliveredAt: string | null, replayedAt: string | null, payload: string, client: { uuid: string } | null } } };

export type TestConfigureWebhookMutationVariables = Exact<{
  id: string | number;
  input: ConfigureClientInput;
}>;


export type TestConfigureWebhookMutation = { configureClient: { uuid: string, webhookUrl: string | null, hasWebhookSecret: boolean } };

export const TokenFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TokenFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"maxUses"}},{"kind":"Field","name":{"kind":"Name","value":"uses"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]} as unknown as DocumentNode<TokenFieldsFragment, unknown>;
export const TestClientFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TestClientFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Client"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"}},{"kind":"Field","name":{"kind":"Name","value":"online"}},{"kind":"Field","name":{"kind":"Name","value":"health"}},{"kind":"Field","name":{"kind":"Name","value":"keyMismatch"}},{"kind":"Field","name":{"kind":"Name","value":"publicKeyFingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"trustedFingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"previousFingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"keyAcceptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"keyAcceptedBy"}},{"kind":"Field","name":{"kind":"Name","value":"hostname"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"arch"}},{"kind":"Field","name":{"kind":"Name","value":"agentVersion"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"enrolledVia"}},{"kind":"Field","name":{"kind":"Name","value":"firstSeen"}},{"kind":"Field","name":{"kind":"Name","value":"lastSeen"}},{"kind":"Field","name":{"kind":"Name","value":"connectionCount"}},{"kind":"Field","name":{"kind":"Name","value":"connectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"allowedPaths"}},{"kind":"Field","name":{"kind":"Name","value":"webhookUrl"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimitRpm"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimitConcurrent"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimitMode"}}]}}]} as unknown as DocumentNode<TestClientFieldsFragment, unknown>;
export const TestWebhookDeliveryFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TestWebhookDeliveryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}}]}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastStatusCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"replayedAt"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}}]}}]} as unknown as DocumentNode<TestWebhookDeliveryFieldsFragment, unknown>;
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
export const TestWebhookDeliveriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TestWebhookDeliveries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookDeliveryFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookDeliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TestWebhookDeliveryFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TestWebhookDeliveryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}}]}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastStatusCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"replayedAt"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}}]}}]} as unknown as DocumentNode<TestWebhookDeliveriesQuery, TestWebhookDeliveriesQueryVariables>;
export const TestWebhookDeliveryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TestWebhookDelivery"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookDelivery"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TestWebhookDeliveryFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TestWebhookDeliveryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}}]}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastStatusCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"replayedAt"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}}]}}]} as unknown as DocumentNode<TestWebhookDeliveryQuery, TestWebhookDeliveryQueryVariables>;
export const TestReplayWebhookDeliveryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestReplayWebhookDelivery"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayWebhookDelivery"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TestWebhookDeliveryFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TestWebhookDeliveryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}}]}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastStatusCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"replayedAt"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}}]}}]} as unknown as DocumentNode<TestReplayWebhookDeliveryMutation, TestReplayWebhookDeliveryMutationVariables>;
export const TestReplayFailedWebhookDeliveriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestReplayFailedWebhookDeliveries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookReplayFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayFailedWebhookDeliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]} as unknown as DocumentNode<TestReplayFailedWebhookDeliveriesMutation, TestReplayFailedWebhookDeliveriesMutationVariables>;
export const TestSendTestWebhookDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestSendTestWebhook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"url"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendTestWebhook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}},{"kind":"Argument","name":{"kind":"Name","value":"url"},"value":{"kind":"Variable","name":{"kind":"Name","value":"url"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TestWebhookDeliveryFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TestWebhookDeliveryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}}]}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastStatusCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"replayedAt"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}}]}}]} as unknown as DocumentNode<TestSendTestWebhookMutation, TestSendTestWebhookMutationVariables>;
export const TestWebhookDeliveryFailedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"TestWebhookDeliveryFailed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookFailureFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookDeliveryFailed"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deadLettered"}},{"kind":"Field","name":{"kind":"Name","value":"delivery"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TestWebhookDeliveryFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TestWebhookDeliveryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}}]}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastStatusCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"replayedAt"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}}]}}]} as unknown as DocumentNode<TestWebhookDeliveryFailedSubscription, TestWebhookDeliveryFailedSubscriptionVariables>;
export const TestConfigureWebhookDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestConfigureWebhook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConfigureClientInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"configureClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"webhookUrl"}},{"kind":"Field","name":{"kind":"Name","value":"hasWebhookSecret"}}]}}]}}]} as unknown as DocumentNode<TestConfigureWebhookMutation, TestConfigureWebhookMutationVariables>;