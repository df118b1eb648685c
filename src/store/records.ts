// The plain records the store takes and returns: no ORM entity, no lazy collection, no unit of
// work. A record is what a row holds, decoded (dates as Date, booleans, JSON parsed), with a
// client's tags inlined as names.

import { screamingEnum, type ValueOf } from '../lib/screaming-enum.js';

/** What an agent reports of its machine (refreshed on every connection). */
export interface MachineFacts {
  hostname: string;
  platform: string;
  platformRelease: string;
  arch: string;
  agentVersion: string;
  username: string;
}

export interface ClientRecord extends MachineFacts {
  uuid: string;
  clientId: string;

  // Operator-set metadata and settings (a reconnect never touches them).
  displayName: string | null;
  purpose: string | null;
  /** Tag names, sorted. */
  tags: string[];
  allowedPaths: string[] | null;
  webhookUrl: string | null;
  /** Signs deliveries to this client's own webhookUrl; never shown. */
  webhookSecret: string | null;
  rateLimitRpm: number | null;
  rateLimitConcurrent: number | null;
  rateLimitMode: string | null;
  cpuThreshold: number | null;
  memoryThreshold: number | null;
  diskThreshold: number | null;
  resourceChecks: boolean | null;
  /** Port-forward rules (src/protocol/forward-target.ts) the server allows; null = none. */
  forwardTargets: string[] | null;
  decommissionedAt: Date | null;

  // Facts the agent reports besides its MachineFacts (refreshed on every connection).
  capabilities: string[];
  agentAllowedPaths: string[] | null;

  // Identity: the pinned key, and a presented key not yet accepted.
  publicKey: string;
  keyFingerprint: string;
  pendingPublicKey: string | null;
  pendingFingerprint: string | null;
  previousFingerprint: string | null;
  keyMismatchAt: Date | null;
  keyAcceptedAt: Date | null;
  keyAcceptedBy: string | null;
  enrolledVia: string;

  // Connection history.
  firstSeen: Date;
  lastSeen: Date;
  connectionCount: number;
  lastConnectedAt: Date | null;
  lastDisconnectedAt: Date | null;
  lastRemoteAddress: string | null;

  // The hold (issue 14): which server holds the client's tunnel now, through which connection
  // (null: no server does). Written at attach, cleared by the holder's detach only while it is
  // still its connection, and by a surviving server when the holder stopped renewing.
  heldBy: string | null;
  heldConnection: string | null;

  // Its health as its holder last judged it (HEALTHY at attach, then each change; null: never
  // judged): read by the servers that do not hold it. Heartbeat times stay with the holder.
  health: string | null;
  healthReason: string | null;
  healthSince: Date | null;
}

/** Fields a change may set (tags change through their own calls). */
export type ClientChanges = Partial<Omit<ClientRecord, 'uuid' | 'tags'>>;

/** Conditions on clients; every one given must hold. */
export interface ClientQuery {
  /** Substring of display name, purpose, hostname or clientId, ignoring case. */
  query?: string | null | undefined;
  /** Substring of the purpose, ignoring case. */
  purpose?: string | null | undefined;
  /** Every one of these tags. */
  tags?: readonly string[] | null | undefined;
  /** Every one of these capabilities. */
  capabilities?: readonly string[] | null | undefined;
  /** true: only clients with a key waiting for acceptKey; false: only those without. */
  keyMismatch?: boolean | null | undefined;
  /** Decommissioned clients are left out unless this is true. */
  includeDecommissioned?: boolean | null | undefined;
  /** Only clients with one of these uuids (the fleet passes the online ones). */
  uuidIn?: readonly string[] | undefined;
  /** No client with one of these uuids. */
  uuidNotIn?: readonly string[] | undefined;
  /** Only clients whose last disconnection is at or after this time. */
  disconnectedSince?: Date | undefined;
}

/** A page of a list in clientId order. */
export interface ClientPage {
  afterClientId?: string | null | undefined;
  limit?: number | undefined;
}

/** What a webhook delivery needs of its client. */
export interface WebhookTarget {
  uuid: string;
  clientId: string;
  displayName: string | null;
  hostname: string;
  webhookUrl: string | null;
}

export interface EventRecord {
  id: number;
  type: string;
  clientUuid: string;
  at: Date;
  data: Record<string, unknown>;
  /** Who caused it, in the door's words ("graphql 127.0.0.1"); null for the server or an agent. */
  actor: string | null;
  /** The API key that caused the event (null: the server itself or an agent). */
  actorKeyId: string | null;
  actorKeyName: string | null;
  /** Chained hash (docs/design/0006-audit-chain.md); null on rows older than the chain. */
  hash: string | null;
}

/** An event to append: the store computes its chained hash. */
export type NewEvent = Omit<EventRecord, 'id' | 'hash' | 'actorKeyId' | 'actorKeyName'> & {
  actorKeyId?: string | null | undefined;
  actorKeyName?: string | null | undefined;
};

/** Which events: every condition given must hold. */
export interface EventConditions {
  types?: readonly string[] | null | undefined;
  clientUuid?: string | null | undefined;
  /** Only events of these clients (a scoped key's clients). */
  clientUuidIn?: readonly string[] | null | undefined;
  /** Only events caused by this key id or whose actor or key name is this. */
  actor?: string | null | undefined;
  /** Events of clients carrying every one of these tags now. */
  tags?: readonly string[] | null | undefined;
}

/** Conditions on the audit trail, newest first. */
export interface EventQuery extends EventConditions {
  /** Only events older than this id (paging backwards). */
  beforeId?: number | null | undefined;
  limit: number;
}

/** Conditions on the audit trail after a cursor (an event id), oldest first. */
export interface EventsAfterQuery extends EventConditions {
  /** Only events newer than this id (0: from the first). */
  afterId: number;
  limit: number;
}

/** How many events of one client recorded one kind of rate-limit breach. */
export interface BreachCount {
  clientUuid: string;
  /** "rpm" or "concurrent", as the event's data.limit says. */
  breach: string;
  enforced: boolean;
  count: number;
}

export interface TokenRecord {
  id: string;
  tokenHash: string;
  prefix: string;
  name: string | null;
  displayName: string | null;
  purpose: string | null;
  tags: string[];
  maxUses: number | null;
  uses: number;
  expiresAt: Date | null;
  createdAt: Date;
  createdBy: string | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/** An API key (a principal); only a hash of its secret is kept. */
export interface ApiKeyRecord {
  id: string;
  secretHash: string;
  name: string;
  role: string;
  scopeTags: string[] | null;
  /** Client uuids. */
  scopeClients: string[] | null;
  trustedDocumentsOnly: boolean;
  createdAt: Date;
  createdBy: string | null;
  createdByKeyId: string | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/** A GraphQL document an admin registered as trusted (keyed by its normalised text's SHA-256). */
export interface TrustedDocumentRecord {
  /** Lowercase hex SHA-256 of `document`. */
  hash: string;
  name: string | null;
  /** The normalised document (docs/access.md). */
  document: string;
  createdAt: Date;
  createdBy: string | null;
}

export const DeliveryStatus = screamingEnum('pending', 'delivered', 'failed');
export type DeliveryStatusName = ValueOf<typeof DeliveryStatus>;

export interface DeliveryRecord {
  /** The Standard Webhooks webhook-id: the same on every attempt. */
  id: string;
  /** The audit event carried; null for test deliveries. */
  eventId: number | null;
  event: string;
  clientUuid: string | null;
  url: string;
  /** scheme://host:port of `url`: the worker's per-endpoint queue. */
  endpoint: string;
  /** "client" (signed with the client's secret when it has one) or "global". */
  target: string;
  /** The exact JSON body sent on every attempt. */
  payload: string;
  status: DeliveryStatusName;
  attempts: number;
  nextAttemptAt: Date;
  /** Held in memory by a worker. */
  claimed: boolean;
  /** The server whose worker holds it (null: unclaimed, or claimed before servers were named). */
  claimedBy?: string | null | undefined;
  lastError: string | null;
  lastStatusCode: number | null;
  lastAttemptAt: Date | null;
  createdAt: Date;
  deliveredAt: Date | null;
  replayedAt: Date | null;
}

export interface DeliveryQuery {
  status?: DeliveryStatusName | null | undefined;
  clientUuid?: string | null | undefined;
  event?: string | null | undefined;
  limit: number;
}

/** The outcome of one attempt, as the worker writes it. */
export interface AttemptOutcome {
  id: string;
  attempts: number;
  lastAttemptAt: Date;
  lastStatusCode: number | null;
  /** DELIVERED, FAILED (dead letter), or absent: still PENDING, due at nextAttemptAt. */
  status?: DeliveryStatusName | undefined;
  deliveredAt?: Date | undefined;
  lastError?: string | null | undefined;
  nextAttemptAt?: Date | undefined;
}

export const BulkJobStatus = screamingEnum('running', 'completed', 'cancelled', 'interrupted');
export type BulkJobStatusName = ValueOf<typeof BulkJobStatus>;

/** A bulk job: what was asked, by whom, and its counts (final once it is not RUNNING). */
export interface BulkJobRecord {
  id: string;
  status: BulkJobStatusName;
  /** The command line, secrets redacted. */
  command: string;
  cwd: string | null;
  timeoutS: number;
  envNames: string[] | null;
  filter: Record<string, unknown>;
  parallelism: number;
  total: number;
  succeeded: number;
  failed: number;
  notStarted: number;
  actor: string | null;
  idempotencyKey: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  /** The server running it (several servers on one database); null in rows from before. */
  server: string | null;
}

/** The counts and end of a job that stopped. */
export interface BulkJobEnd {
  status: BulkJobStatusName;
  succeeded: number;
  failed: number;
  notStarted: number;
  finishedAt: Date;
}

export const BulkResultState = screamingEnum('succeeded', 'failed', 'notStarted');
export type BulkResultStateName = ValueOf<typeof BulkResultState>;

/** One client's outcome in a bulk job; `id` orders a job's results as they arrived. */
export interface BulkJobResultRecord {
  id: number;
  jobId: string;
  clientUuid: string;
  clientId: string;
  state: BulkResultStateName;
  returncode: number | null;
  stdout: string | null;
  stderr: string | null;
  timedOut: boolean | null;
  truncated: boolean | null;
  durationMs: number | null;
  errorCode: string | null;
  errorMessage: string | null;
  startedAt: Date | null;
  finishedAt: Date;
}

export type NewBulkJobResult = Omit<BulkJobResultRecord, 'id'>;

export const IdempotencyState = screamingEnum('running', 'done', 'interrupted');
export type IdempotencyStateName = ValueOf<typeof IdempotencyState>;

/** An idempotency key and what its first request asked and got. */
export interface IdempotencyRecord {
  key: string;
  operation: string;
  /** SHA-256 (hex) of the operation and its arguments. */
  fingerprint: string;
  actor: string | null;
  state: IdempotencyStateName;
  /** JSON text: {"result": …} or {"error": {code, message}}; null while RUNNING. */
  outcome: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  expiresAt: Date;
  /** The server running it (several servers on one database); null in rows from before. */
  server: string | null;
}
