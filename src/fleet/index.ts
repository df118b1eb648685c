// The fleet service's public surface: everything the doors (GraphQL, MCP) and the wiring
// (serve.ts, the tunnel hub's callbacks) may use of the fleet, and nothing else. Doors import
// this module (and the constants of ./limits.ts) only; every type they handle is a named export
// here.
//
// The fleet is grouped by concern. Each group is one place for its policy, whatever door a
// request came through; every operation that reaches an agent goes through the gate
// (./gate.ts). Doors reach it through `actingAs(principal)` (./guard.ts), which enforces the
// role matrix (./access.ts) and the key's scope once, for every door.

import { assembleFleet, type FleetOptions } from './fleet.js';
import type { Fleet } from './surface.js';

export type * from './surface.js';

export function createFleet(options: FleetOptions): Fleet {
  return assembleFleet(options);
}

// ── what the doors handle ────────────────────────────────────────────────────────────────────

export type { FleetOptions } from './fleet.js';
export type * from './groups.js';
export type { Confirmation, ConfirmInput } from './confirmations.js';
export type { ServerView } from './cluster/membership.js';
export type { EndHeld } from './holdings.js';
export {
  API_KEY_PREFIX,
  type ApiKeyView,
  type CreateApiKeyInput,
  type CreatedApiKey,
} from './keys.js';
export {
  BOOTSTRAP_KEY_ID,
  bootstrapPrincipal,
  isRoleName,
  Role,
  roleAllows,
  roleNames,
  type Principal,
  type RoleName,
  type Scope,
} from './principal.js';
export type { Caller } from './caller.js';
export type { ClientFilter } from './client-filter.js';
export { HealthStatus, type ClientView, type HealthStatusName } from './client-view.js';
export type {
  ConfigureClientInput,
  UpdateClientInput,
  UpdateClientsInput,
} from './client-changes.js';
export type { ClientPage, RateLimitStats } from './clients.js';
export type { RunCommandInput } from './commands.js';
export type { DecommissionInput, Decommissioned, ServiceStop } from './decommission.js';
export {
  FleetEventType,
  fleetEventTypes,
  isFleetEventType,
  type FleetEvent,
  type FleetEventTypeName,
} from './event-types.js';
export type { EventFilter, StatusChange } from './events.js';
export type {
  FileContent,
  FileEncoding,
  FileListing,
  ListFilesInput,
  ReadFileInput,
  WriteFileInput,
} from './files.js';
export type { FleetHealthOptions, FleetHealthReport, ResourceSample } from './fleet-health.js';
export type {
  BulkJobResultPage,
  BulkJobResultView,
  BulkJobUpdate,
  BulkJobView,
  StartBulkCommandInput,
} from './jobs/job-views.js';
export { parseResultCursor } from './jobs/bulk-jobs.js';
export { validateIdempotencyKey } from './idempotency.js';
export {
  BulkJobStatus,
  BulkResultState,
  type BulkJobStatusName,
  type BulkResultStateName,
} from '../store/index.js';
export type { Loaders, RecentEventsKey } from './loaders.js';
export type { MetricsOptions, MetricsSample } from './metrics.js';
export { failureOf, type ClientOutcome, type OperationFailure } from './outcomes.js';
export { ResourceName, type ResourceBreach, type ResourceNameValue } from './resources.js';
export {
  RateLimitMode,
  type HealthConfig,
  type RateLimitDefaults,
  type RateLimitModeName,
  type ResourceThresholds,
} from './settings.js';
export type { SessionFilter } from './reach/reach.js';
export type { RecordingOptions } from './reach/recording.js';
export type { OpenShellInput, SessionView, ShellSession } from './reach/sessions.js';
export type { OpenBufferedShellInput, OpenedShell, ShellRead } from './reach/shells.js';
export type { OpenTunnelInput, Tunnel, TunnelConnection, TunnelView } from './reach/tunnels.js';
export type { ShellSignal } from '../protocol/shell-frames.js';
export type { TagView } from './tags.js';
export {
  MAX_TRUSTED_DOCUMENT_BYTES,
  type RegisterTrustedDocumentInput,
  type TrustedDocumentSettings,
  type TrustedDocumentView,
} from './trusted-documents.js';
export type { CreatedToken, CreateTokenInput, TokenView } from './tokens.js';
export type { DownloadInput } from './transfers/download.js';
export type {
  OperatorDownload,
  OperatorDownloadInput,
  OperatorUpload,
  OperatorUploadInput,
} from './transfers/operator.js';
export type { TransferDirection, TransferProgress, TransferState } from './transfers/progress.js';
export type { UploadInput } from './transfers/upload.js';
export type { AttemptRecord } from './webhooks/worker.js';
export {
  DeliveryStatus,
  type DeliveryFilter,
  type DiscardFilter,
  type DeliveryStatusName,
  type FailureFilter,
  type WebhookDeliveryView,
} from './webhooks/webhooks.js';
