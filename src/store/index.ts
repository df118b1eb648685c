// The store: the only code that knows SQL or the ORM. The fleet sees this interface — one
// repository per aggregate, plain records in and out, and `transaction` for the few units of
// work that span aggregates (an agent's attach: client upsert + token consumption; an event and
// its webhook outbox rows). Two implementations of the same repositories, each over its own
// dialect (./dialect.ts): SQLite through MikroORM (./sqlite.ts), and PostgreSQL for several
// servers on one database (./postgresql/store.ts); ./open.ts picks one.

import type {
  ApiKeyRecord,
  AttemptOutcome,
  BreachCount,
  BulkJobEnd,
  BulkJobRecord,
  BulkJobResultRecord,
  ClientChanges,
  ClientPage,
  ClientQuery,
  ClientRecord,
  DeliveryQuery,
  DeliveryRecord,
  EventQuery,
  EventRecord,
  EventsAfterQuery,
  IdempotencyRecord,
  IdempotencyStateName,
  NewBulkJobResult,
  NewEvent,
  TokenRecord,
  TrustedDocumentRecord,
  WebhookTarget,
} from './records.js';
import type { DialectName } from './dialect.js';
import type { AuthorizedKeyRepository } from './repositories/authorized-keys.js';
import type { ClusterRepository } from './repositories/cluster.js';

export type * from './records.js';
export { BulkJobStatus, BulkResultState, DeliveryStatus, IdempotencyState } from './records.js';
export type { DialectName } from './dialect.js';
export type { ClusterRepository, ServerRecord, ServerRow } from './repositories/cluster.js';
export type { AuthorizedKeyLine, AuthorizedKeyRepository } from './repositories/authorized-keys.js';

/** Clients with their tags: the registry's records. */
export interface ClientRepository {
  get(uuid: string): Promise<ClientRecord | null>;
  /**
   * The client, held until the transaction ends (PostgreSQL; SQLite runs one transaction at a
   * time): attaches of one client on several servers take turns.
   */
  getToUpdate(uuid: string): Promise<ClientRecord | null>;
  /** The clients with these uuids (unknown ones are left out), in no particular order. */
  getMany(uuids: readonly string[]): Promise<ClientRecord[]>;
  getByClientId(clientId: string): Promise<ClientRecord | null>;
  /** Clients whose clientId or display name equals `name` ignoring case; at most `limit`. */
  findByName(name: string, limit: number): Promise<ClientRecord[]>;
  /** Clients matching `query`, in clientId order; a page when asked. */
  list(query: ClientQuery, page?: ClientPage): Promise<ClientRecord[]>;
  count(query: ClientQuery): Promise<number>;
  /** The clientIds that start with `prefix` (to pick a free one). */
  clientIdsStartingWith(prefix: string): Promise<string[]>;
  /**
   * Every name (clientId or display name) that starts with `prefix` ignoring case, lowercased:
   * what a new clientId must not be, since a name resolves to one client only.
   */
  namesStartingWith(prefix: string): Promise<string[]>;
  /** Adds a client with its tags (missing tags are created). */
  insert(client: ClientRecord): Promise<void>;
  /** Sets the given fields; false when no such client. */
  update(uuid: string, changes: ClientChanges): Promise<boolean>;
  /**
   * Sets the lastSeen of many clients, a few statements for all of them (unknown uuids change
   * nothing): the heartbeats' batch (../fleet/last-seen.ts).
   */
  touchLastSeen(seen: readonly { uuid: string; at: Date }[]): Promise<void>;
  /**
   * Clears the hold and sets `changes` only while `connection` still holds the client (a newer
   * connection, on any server, keeps its hold); false when it no longer does. With `moving`, the
   * holder stays named and only the connection is cleared: the agent was sent to another server
   * (a drain) and calls wait for it there.
   */
  releaseHold(
    uuid: string,
    connection: string,
    changes: ClientChanges,
    moving?: boolean,
  ): Promise<boolean>;
  /**
   * Closes sessions a crash left open, a statement per 500: each client's hold is cleared and
   * its lastDisconnectedAt set, only while `connection` still holds it (null: nobody does); the
   * uuids closed, in no particular order.
   */
  closeSessions(
    sessions: readonly { uuid: string; connection: string | null; lastDisconnectedAt: Date }[],
  ): Promise<string[]>;
  /** Clears every hold of `server` and sets `changes` on those clients; their uuids. */
  releaseHoldsOf(server: string, changes: ClientChanges): Promise<string[]>;
  /**
   * Takes back a hold that a survivor released (this server's renewals came late) for `server`
   * through `connection`, while nobody else holds the client; false when someone does.
   */
  reclaimHold(uuid: string, server: string, connection: string): Promise<boolean>;
  /** Replaces a client's tags. */
  setTags(uuid: string, names: readonly string[]): Promise<void>;
  /** Adds and removes tags on many clients at once. */
  changeTags(
    uuids: readonly string[],
    change: { add: readonly string[]; remove: readonly string[] },
  ): Promise<void>;
  /** What a webhook delivery for this client needs; null when no such client. */
  webhookTarget(uuid: string): Promise<WebhookTarget | null>;
  webhookSecret(uuid: string): Promise<string | null>;
}

/** Tags as the clients that are not decommissioned carry them. */
export interface TagRepository {
  /** Names carried by at least one client, sorted. */
  inUse(): Promise<string[]>;
  /** How many clients carry each name (0 for names nobody carries). */
  clientCounts(names: readonly string[]): Promise<Map<string, number>>;
  /** The uuids of the clients carrying each name, in clientId order. */
  clientsOf(names: readonly string[]): Promise<Map<string, string[]>>;
}

/** The append-only audit trail. */
export interface EventRepository {
  /** One event, chained to the newest (docs/design/0006-audit-chain.md). */
  append(event: NewEvent): Promise<EventRecord>;
  /** Events in order, chained; call inside a transaction (it takes the chain's lock). */
  appendChained(events: readonly NewEvent[]): Promise<EventRecord[]>;
  /** Newest first. */
  list(query: EventQuery): Promise<EventRecord[]>;
  /**
   * Events recorded after the event `afterId` (null: from the first), oldest first, at most
   * `limit`; pass the last one's id as the next `afterId`. A cursor that never skips an event,
   * even one whose transaction commits after a later id's: on PostgreSQL only events older than
   * every running transaction come back, in (transaction, id) order; SQLite's one writer commits
   * in id order. An `afterId` that is no event's reads the events with larger ids.
   */
  after(afterId: number | null, limit: number): Promise<EventRecord[]>;
  /** Events after a cursor, oldest first: a subscriber's replay. */
  listAfter(query: EventsAfterQuery): Promise<EventRecord[]>;
  /** How many events follow the cursor, counting no further than `cap`. */
  countAfter(query: Omit<EventsAfterQuery, 'limit'>, cap: number): Promise<number>;
  /** The newest event's id; 0 when the trail is empty. */
  latestId(): Promise<number>;
  /**
   * The cursor a follower of the trail starts from: every event after it is still to come
   * (`after(head())` reads it), none before it is. On PostgreSQL the newest event older than
   * every running transaction; on SQLite the newest event.
   */
  head(): Promise<number>;
  /** The newest `limit` events of each client (of `types` when given), newest first. */
  recentOf(
    uuids: readonly string[],
    options: { limit: number; types: readonly string[] | null },
  ): Promise<EventRecord[]>;
}

/** Rate-limit history kept in the trail (the counters themselves live in memory). */
export interface RateLimitRepository {
  /** Breaches recorded as events of `eventType`, counted per client, limit and verdict. */
  breachCounts(eventType: string): Promise<BreachCount[]>;
}

/** Enrollment tokens (stored hashed). */
export interface TokenRepository {
  insert(token: TokenRecord): Promise<void>;
  /** Newest first. */
  list(): Promise<TokenRecord[]>;
  getByHash(tokenHash: string): Promise<TokenRecord | null>;
  /** Tokens whose id or prefix is `ref`. */
  findByIdOrPrefix(ref: string): Promise<TokenRecord[]>;
  /** Marks it revoked now unless it already was; the token as it is then. */
  revoke(id: string, at: Date): Promise<TokenRecord | null>;
  /**
   * Counts one use, atomically: one conditional UPDATE that succeeds only while the token is
   * neither revoked, expired nor used up — two servers racing on a single-use token admit one.
   * The token after the use, or null when it could not be used.
   */
  consume(id: string, at: Date): Promise<TokenRecord | null>;
}

/** API keys, the principals of the API (stored hashed). */
export interface ApiKeyRepository {
  insert(key: ApiKeyRecord): Promise<void>;
  get(id: string): Promise<ApiKeyRecord | null>;
  /** Newest first. */
  list(): Promise<ApiKeyRecord[]>;
  /** Marks it revoked now unless it already was; the key as it is then (null: no such key). */
  revoke(id: string, at: Date): Promise<ApiKeyRecord | null>;
  /** Of these ids, those revoked or expired at `at` (a sweep of the keys holding sockets open). */
  unusable(ids: readonly string[], at: Date): Promise<string[]>;
  /** Sets lastUsedAt of these keys (written in batches, not per request). */
  touch(ids: readonly string[], at: Date): Promise<void>;
}

/** Trusted GraphQL documents an admin registered (every server on the database sees them). */
export interface TrustedDocumentRepository {
  /** Adds it; false (and nothing changed) when a document with this hash is registered. */
  insert(document: TrustedDocumentRecord): Promise<boolean>;
  get(hash: string): Promise<TrustedDocumentRecord | null>;
  /** Newest first. */
  list(): Promise<TrustedDocumentRecord[]>;
  /** Removes it; the record removed, or null when none had this hash. */
  remove(hash: string): Promise<TrustedDocumentRecord | null>;
}

/** The webhook outbox. */
export interface DeliveryRepository {
  insert(delivery: DeliveryRecord): Promise<void>;
  get(id: string): Promise<DeliveryRecord | null>;
  /** Newest first. */
  list(query: DeliveryQuery): Promise<DeliveryRecord[]>;
  /**
   * Claims up to `limit` PENDING deliveries due at `now` (oldest due first), skipping the
   * endpoints named, in one statement; they come back claimed.
   */
  claimDue(
    now: Date,
    options: { limit: number; skipEndpoints: readonly string[]; by: string },
  ): Promise<DeliveryRecord[]>;
  /**
   * Releases the claims of server `by` (its worker starting after a crash, or stopping), and
   * claims that name no server; other servers' claims stay theirs.
   */
  releaseClaims(by: string): Promise<void>;
  /**
   * Releases the claims of servers gone: neither `by` nor renewed in `cluster_server` within the
   * last `leaseMs` by the database's clock (killed, or cut off from the database). How many.
   */
  releaseClaimsOfGone(by: string, leaseMs: number): Promise<number>;
  release(id: string): Promise<void>;
  /** Writes attempts' outcomes (successes grouped into few statements). */
  recordAttempts(outcomes: readonly AttemptOutcome[]): Promise<void>;
  /** FAILED → PENDING, due at `at`, attempts reset; false when it was not FAILED. */
  replay(id: string, at: Date): Promise<boolean>;
  /** Every FAILED delivery matching the filter back to PENDING; how many. */
  replayFailed(
    filter: { clientUuid?: string | null | undefined; event?: string | null | undefined },
    at: Date,
  ): Promise<number>;
  /** Deletes unclaimed PENDING (and FAILED when asked) deliveries matching; how many. */
  discard(filter: {
    clientUuid: string | null;
    url: string | null;
    event: string | null;
    includeFailed: boolean;
  }): Promise<number>;
}

/** Bulk jobs (one row each) and their clients' outcomes (one row per finished client). */
export interface BulkJobRepository {
  insert(job: BulkJobRecord): Promise<void>;
  get(id: string): Promise<BulkJobRecord | null>;
  /** A RUNNING job stops: its final status and counts (a job that already stopped is kept). */
  finish(id: string, end: BulkJobEnd): Promise<void>;
  /**
   * Every RUNNING job of `server` becomes INTERRUPTED, counted from its results: the server
   * starting again (with `unowned`: also jobs that name no server), or a survivor once it is gone.
   */
  interruptRunning(at: Date, server: string, unowned?: boolean): Promise<string[]>;
  /** Writes outcomes (few statements for many); returns them with their ids, in id order. */
  appendResults(results: readonly NewBulkJobResult[]): Promise<BulkJobResultRecord[]>;
  /** A job's results after the result id `afterId`, in id order. */
  results(jobId: string, page: { afterId: number; limit: number }): Promise<BulkJobResultRecord[]>;
  countResults(jobId: string): Promise<number>;
}

/** Idempotency keys with the outcome of the first request that used each. */
export interface IdempotencyRepository {
  get(key: string): Promise<IdempotencyRecord | null>;
  /**
   * Claims the key for `record` (an expired holder is deleted first), atomically: null when
   * claimed, else the record that holds it.
   */
  claim(record: IdempotencyRecord): Promise<IdempotencyRecord | null>;
  /** Records the outcome. */
  finish(
    key: string,
    end: { state: IdempotencyStateName; outcome: string | null; finishedAt: Date },
  ): Promise<void>;
  /** Forgets a RUNNING key (its request was refused before anything ran). */
  release(key: string): Promise<void>;
  /** Every RUNNING key of `server` becomes INTERRUPTED (as for bulk jobs); how many. */
  interruptRunning(at: Date, server: string, unowned?: boolean): Promise<number>;
  /** Deletes the keys expired at `now`; how many. */
  purgeExpired(now: Date): Promise<number>;
}

export interface Repositories {
  readonly clients: ClientRepository;
  readonly tags: TagRepository;
  readonly events: EventRepository;
  readonly rateLimits: RateLimitRepository;
  readonly tokens: TokenRepository;
  readonly deliveries: DeliveryRepository;
  readonly bulkJobs: BulkJobRepository;
  readonly idempotency: IdempotencyRepository;
  /** Shared secrets and the servers on one database (issue 14). */
  readonly cluster: ClusterRepository;
  readonly apiKeys: ApiKeyRepository;
  readonly trustedDocuments: TrustedDocumentRepository;
  /** Each server's authorized_keys file, mirrored so every server admits them (issue 14). */
  readonly authorizedKeys: AuthorizedKeyRepository;
}

/**
 * What other connections commit, as they commit it: several servers on one database (PostgreSQL
 * LISTEN/NOTIFY, ./postgresql/listen.ts). Notifications say only that something changed (events
 * appended, these clients' rows written); readers then read the database. `resync` follows a
 * lost and re-made connection: notifications may have been missed, so read everything again.
 */
export interface ChangeListener {
  events(): void;
  clients(uuids: readonly string[]): void;
  resync(): void;
}

export interface ChangeFeed {
  /**
   * Resolves once every change committed before the call has been heard (and, through the
   * store's `settled`, applied): a read after it sees what any server committed before it.
   */
  sync(): Promise<void>;
  /**
   * Listens until the returned function is called (at the latest, until the store closes).
   * Resolves once listening: whatever commits after that is heard. If the first connection
   * fails, it resolves anyway and `resync`s once a later try connects.
   */
  watch(listener: ChangeListener): Promise<() => void>;
}

export interface Store extends Repositories {
  readonly dialect: DialectName;
  /** Changes committed by any connection to the database; absent where one server owns it. */
  readonly changes?: ChangeFeed | undefined;
  /**
   * Resolves once client reads reflect every change notified so far (the client index has
   * re-read them); absent where reads always go to the database.
   */
  settled?(): Promise<void>;
  /** `changes.sync()` then `settled()`: reads after it see every change committed before it. */
  sync?(): Promise<void>;
  /**
   * Tells `watcher` of every client record as the client index now holds it (undefined: gone),
   * whichever server wrote it; returns an unsubscribe. Absent without a client index.
   */
  watchClients?(watcher: (uuid: string, record: ClientRecord | undefined) => void): () => void;
  /**
   * Runs `work` in one transaction: its repositories see and write the same snapshot, and
   * everything commits or nothing does. Use only `tx` inside (SQLite has one connection: a
   * call on the store itself would wait for this transaction to end). On PostgreSQL, a failed
   * statement aborts the whole transaction: do not catch one inside and carry on.
   */
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
