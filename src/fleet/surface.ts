// The Fleet's surface as types (./index.ts re-exports it with createFleet): kept apart so that
// the role matrix (./access.ts), which is typed by it, does not import the wiring.
import type { AuthAttempt, AuthDecision } from '../hub/tunnel-hub.js';
import type { MetricsResult, RunCommandResult } from '../protocol/rpc.js';
import type { Notice } from '../protocol/notice.js';
import type { DialectName } from '../store/index.js';
import type { Admission } from './admission.js';
import type {
  FleetCluster,
  FleetConfirmations,
  FleetJobs,
  FleetKeys,
  FleetSessions,
  FleetShells,
  FleetTunnels,
} from './groups.js';
import type { Principal } from './principal.js';
import type { Caller } from './caller.js';
import type { ClientFilter } from './client-filter.js';
import type { ClientView } from './client-view.js';
import type {
  ConfigureClientInput,
  UpdateClientInput,
  UpdateClientsInput,
} from './client-changes.js';
import type { ClientPage, RateLimitStats } from './clients.js';
import type { RunCommandInput } from './commands.js';
import type { DecommissionInput, Decommissioned } from './decommission.js';
import type { FleetEvent } from './event-types.js';
import type { EventFilter, StatusChange } from './events.js';
import type {
  FileContent,
  FileListing,
  ListFilesInput,
  ReadFileInput,
  WriteFileInput,
} from './files.js';
import type { FleetHealthOptions, FleetHealthReport } from './fleet-health.js';
import type { FleetSession } from './live.js';
import type { Loaders } from './loaders.js';
import type { MetricsOptions, MetricsSample } from './metrics.js';
import type { ClientOutcome } from './outcomes.js';
import type { TagView } from './tags.js';
import type { RegisterTrustedDocumentInput, TrustedDocumentView } from './trusted-documents.js';
import type { CreatedToken, CreateTokenInput, TokenView } from './tokens.js';
import type { DownloadInput } from './transfers/download.js';
import type {
  OperatorDownload,
  OperatorDownloadInput,
  OperatorUpload,
  OperatorUploadInput,
} from './transfers/operator.js';
import type { TransferProgress } from './transfers/progress.js';
import type { UploadInput } from './transfers/upload.js';
import type { AttemptRecord } from './webhooks/worker.js';
import type {
  DeliveryFilter,
  DiscardFilter,
  FailureFilter,
  WebhookDeliveryView,
} from './webhooks/webhooks.js';

// ── the surface ──────────────────────────────────────────────────────────────────────────────

export interface Fleet {
  /** The registry as operators see and change it. */
  readonly clients: FleetClients;
  /** The tags clients carry. */
  readonly tags: FleetTags;
  /** Commands on one client or on every client a filter selects. */
  readonly commands: FleetCommands;
  /** Fleet-wide commands as jobs: started at once, followed live, cancelled, kept. */
  readonly jobs: FleetJobs;
  /** Whole files (up to 10 MiB) read, written and listed on a client. */
  readonly files: FleetFiles;
  /** Files of any size between the server's transfer roots and a client, with progress. */
  readonly transfers: FleetTransfers;
  /** The audit trail and live events. */
  readonly events: FleetEvents;
  /** Metrics of one client, and the fleet's health at a glance. */
  readonly metrics: FleetMetrics;
  /** Webhook deliveries (the outbox): list, replay, test. Refused when webhooks are off. */
  readonly webhooks: FleetWebhooks;
  /** Enrollment tokens that admit new agents. */
  readonly tokens: FleetTokens;
  /** What the tunnel hub calls: who may log in, and a session that said hello. */
  readonly agents: FleetAgents;
  /** Interactive shells on clients: open, drive, list (with ended ones), close, recordings. */
  readonly sessions: FleetSessions;
  /** Shells driven by request and reply (assistants, scripts): open, send, read, list, close. */
  readonly shells: FleetShells;
  /** Port forwards to what a client can reach: open, connect, list, close. */
  readonly tunnels: FleetTunnels;

  /** The servers sharing this server's database (one on SQLite). */
  readonly cluster: FleetCluster;

  /** Confirmation tokens bound to exact arguments, for calls a door wants confirmed. */
  readonly confirmations: FleetConfirmations;

  /** API keys: the principals every door authenticates (docs/access.md). */
  readonly keys: FleetKeys;

  /** Trusted GraphQL documents: the shipped ones and those an admin registers (docs/access.md). */
  readonly documents: FleetDocuments;

  /**
   * The fleet as one API key sees it: every operation checks the key's role (./access.ts) and
   * its scope (clients outside it do not exist). Every door acts through this.
   */
  actingAs(principal: Principal): Fleet;

  /** The server's liveness for `GET /health`: version, uptime, clients online and known. */
  health(): Promise<ServerHealth>;
  /**
   * Resolves once this server has heard, and applied, every change other servers committed
   * before the call (several servers on one database); at once otherwise. Doors call it before
   * an operation, so that what one server wrote another reads at once.
   */
  caughtUp(): Promise<void>;
  /** Batching loaders for one request (or one subscription event); drop them after. */
  createLoaders(): Loaders;
  /** Starts the background work (the webhook worker, after releasing a crashed run's claims). */
  start(): Promise<void>;
  /** Closes every agent link and waits until the disconnections are recorded (shutdown). */
  disconnectAll(reason: string): Promise<void>;
  /** Stops the background work (heartbeats, the webhook worker); call after disconnectAll. */
  stop(): Promise<void>;
}

export interface FleetClients {
  /** Clients matching the filter (every condition must hold); BAD_USER_INPUT beyond 5,000. */
  list(filter?: ClientFilter): Promise<ClientView[]>;
  /** Up to `first` clients after the clientId `after`, in clientId order. */
  page(filter: ClientFilter, first: number, after: string | null): Promise<ClientPage>;
  /** One client by uuid, clientId or unambiguous display name; NOT_FOUND otherwise. */
  get(ref: string): Promise<ClientView>;
  /** One client by uuid, clientId or unambiguous display name; null when none matches. */
  find(ref: string): Promise<ClientView | null>;
  /** The client's rate limits and how close it is to them (counts survive restarts). */
  rateLimitStats(ref: string): Promise<RateLimitStats>;
  /** Operator metadata (displayName, purpose, tags, allowedPaths): only the fields given change. */
  update(ref: string, input: UpdateClientInput, caller: Caller): Promise<ClientView>;
  /** Operational settings (webhook, rate limits, thresholds); null restores the default. */
  configure(ref: string, input: ConfigureClientInput, caller: Caller): Promise<ClientView>;
  /** Adds and removes tags on every client a filter selects (at least one condition). */
  updateMany(
    filter: ClientFilter,
    input: UpdateClientsInput,
    caller: Caller,
  ): Promise<ClientView[]>;
  /** Trusts the key a client presented instead of its pinned one, ending its quarantine. */
  acceptKey(ref: string, caller: Caller): Promise<ClientView>;
  /** Stops the agent's service (if asked and online), clears the webhook, cuts the link. */
  decommission(ref: string, input: DecommissionInput, caller: Caller): Promise<Decommissioned>;
  /** Undoes decommission: the client may connect again and appears in lists. */
  restore(ref: string, caller: Caller): Promise<ClientView>;
}

export interface FleetDocuments {
  /** Registers a document as trusted (normalised and hashed; the same one again is kept once). */
  register(input: RegisterTrustedDocumentInput, caller: Caller): Promise<TrustedDocumentView>;
  /** Registered documents, newest first. */
  list(): Promise<TrustedDocumentView[]>;
  /** Removes a registered document by hash; NOT_FOUND when none has it. */
  remove(hash: string, caller: Caller): Promise<TrustedDocumentView>;
  /**
   * Whether the caller may run the document with this hash (lib/document-hash.ts): nothing, or
   * UNTRUSTED_DOCUMENT when the server or the key needs trusted documents and it is not one.
   */
  admit(hash: string, caller: Caller): Promise<void>;
}

export interface FleetTags {
  /** Tags carried by at least one client that is not decommissioned, by name. */
  list(): Promise<TagView[]>;
  /** One tag; null when no client carries it. */
  find(name: string): Promise<TagView | null>;
}

export interface FleetCommands {
  /** Runs a command on a client and returns its output (timeout in seconds, default 300). */
  run(ref: string, input: RunCommandInput, caller: Caller): Promise<RunCommandResult>;
  /** Runs one command on every client a filter selects, `parallelism` at a time. */
  runOnClients(
    filter: ClientFilter,
    input: RunCommandInput,
    parallelism: number,
    caller: Caller,
  ): Promise<ClientOutcome<RunCommandResult>[]>;
}

export interface FleetFiles {
  /** A whole file, as UTF-8 text or base64 (MCP: read_file). */
  read(ref: string, input: ReadFileInput, caller: Caller): Promise<FileContent>;
  /** Replaces (or creates) a file atomically (MCP: write_file). */
  write(
    ref: string,
    input: WriteFileInput,
    caller: Caller,
  ): Promise<{ path: string; size: number }>;
  /** One directory level, sorted by name (MCP: list_files). */
  list(ref: string, input: ListFilesInput, caller: Caller): Promise<FileListing>;
}

export interface FleetTransfers {
  /** Sends a server file to a client; resolves when it is in place (MCP: upload_file). */
  upload(ref: string, input: UploadInput, caller: Caller): Promise<TransferProgress>;
  /** Fetches a client file to the server; resolves when it is in place (MCP: download_file). */
  download(ref: string, input: DownloadInput, caller: Caller): Promise<TransferProgress>;
  /**
   * Streams a client file to the operator's machine (the /stream door's get): resolves once the
   * agent said where the bytes start; resumes after the operator's bytes whose SHA-256 matches.
   */
  streamDownload(
    ref: string,
    input: OperatorDownloadInput,
    caller: Caller,
  ): Promise<OperatorDownload>;
  /**
   * Streams a file from the operator's machine to a client (the /stream door's put): resolves
   * with what the client's partial file already holds, for the operator to resume after.
   */
  streamUpload(ref: string, input: OperatorUploadInput, caller: Caller): Promise<OperatorUpload>;
  /** A transfer's progress: its state now (when known), then every change, to the end. */
  subscribe(transferId: string): AsyncIterableIterator<TransferProgress>;
  /** Transfers running now, and those finished in the last ten minutes. */
  list(): Promise<TransferProgress[]>;
}

export interface FleetEvents {
  /** Recorded events matching the filter, newest first; `before` (an event id) pages back. */
  list(filter: EventFilter, limit: number, before?: string | null): Promise<FleetEvent[]>;
  /**
   * Live events matching the filter, until the iterator is closed; with `after` (an event id),
   * the recorded events after it first (at most MAX_EVENT_REPLAY), then live ones, each once.
   */
  subscribe(filter: EventFilter, after?: string | null): Promise<AsyncIterableIterator<FleetEvent>>;
  /** One client's online/health/key state: now, then on every change. */
  subscribeStatus(ref: string): Promise<AsyncIterableIterator<StatusChange>>;
  /** Live rate-limit breaches (client.rate_limited events). */
  subscribeRateLimitWarnings(
    filter: Omit<EventFilter, 'events'>,
  ): Promise<AsyncIterableIterator<FleetEvent>>;
  /**
   * The client of an event a subscription delivered, looked up once for all subscribers; null
   * for events that did not come live (use the request's loaders).
   */
  liveEventClient(event: FleetEvent): Promise<ClientView | null>;
}

export interface FleetMetrics {
  /** One client's metrics now, full or summary (MCP: get_client_metrics). */
  get(ref: string, summary: boolean, caller: Caller): Promise<MetricsResult>;
  /** A client's metrics every `intervalS`; failed samples arrive with `error` set. */
  subscribe(
    ref: string,
    options: MetricsOptions,
    caller: Caller,
  ): Promise<AsyncIterableIterator<MetricsSample>>;
  /** Counts and a resource sample of every online client the filter selects. */
  fleetHealth(
    filter: ClientFilter,
    options: FleetHealthOptions,
    caller: Caller,
  ): Promise<FleetHealthReport>;
}

export interface FleetWebhooks {
  /** Deliveries, newest first. */
  list(filter: DeliveryFilter, limit: number): Promise<WebhookDeliveryView[]>;
  /** One delivery by id (its webhook-id); NOT_FOUND otherwise. */
  get(id: string): Promise<WebhookDeliveryView>;
  /** A FAILED delivery back to PENDING with a fresh schedule (same webhook-id). */
  replay(id: string): Promise<WebhookDeliveryView>;
  /** Every FAILED delivery matching the filter back to PENDING; how many. */
  replayFailed(filter: Omit<DeliveryFilter, 'status'>): Promise<number>;
  /** Deletes PENDING (and FAILED when asked) deliveries matching — e.g. to an old URL; how many. */
  discard(filter: DiscardFilter): Promise<number>;
  /** A signed webhook.test delivery to a client's URL (or `url`), attempted now, once. */
  sendTest(input: { clientId?: string | null; url?: string | null }): Promise<WebhookDeliveryView>;
  /** Failed attempts as they happen. */
  subscribeFailures(filter: FailureFilter): Promise<AsyncIterableIterator<AttemptRecord>>;
}

export interface FleetTokens {
  /** A new token (its secret shown once); single use, valid 24 h unless told otherwise. */
  create(input: CreateTokenInput, caller: Caller): Promise<CreatedToken>;
  /** Tokens, newest first; only the usable ones unless `includeInactive`. */
  list(includeInactive: boolean): Promise<TokenView[]>;
  /** Revokes a token by id or prefix (already revoked: unchanged). */
  revoke(idOrPrefix: string): Promise<TokenView>;
}

export interface FleetAgents {
  /** Decides whether a key may log in, and as what (pinned, authorized, token, open). */
  authorize(attempt: AuthAttempt): Promise<AuthDecision<Admission>>;
  /** Registers a session that said hello: the client is online (records client.connected). */
  attach(session: FleetSession): Promise<void>;
  /** The notice to turn a new agent connection away with (a draining server); null: admit. */
  turnAway(): Notice | null;
}

export interface ServerHealth {
  /** `draining`: handing its agents to the others (`/health` answers 503, for load balancers). */
  status: 'ok' | 'draining';
  version: string;
  uptimeS: number;
  /** This server's name (`--server-name`). */
  server: string;
  /** Which store the server uses (never its URL). */
  database: DialectName;
  /** Agents connected to this server now. */
  clientsHeld: number;
  clients: { online: number; total: number };
}

/** Creates the fleet over an open store; nothing global, so several may run in one process. */
