// The store: the only code that knows SQL or the ORM. The fleet sees this interface — one
// repository per aggregate, plain records in and out, and `transaction` for the few units of
// work that span aggregates (an agent's attach: client upsert + token consumption; an event and
// its webhook outbox rows). Today one implementation: SQLite through MikroORM (./sqlite.ts,
// opened by ./open.ts); PostgreSQL is a second dialect of the same repositories (./dialect.ts).

import type {
  ApiKeyRecord,
  AttemptOutcome,
  BreachCount,
  ClientChanges,
  ClientPage,
  ClientQuery,
  ClientRecord,
  DeliveryQuery,
  DeliveryRecord,
  EventQuery,
  EventRecord,
  NewEvent,
  TokenRecord,
  WebhookTarget,
} from './records.js';
import type { DialectName } from './dialect.js';

export type * from './records.js';
export { DeliveryStatus } from './records.js';
export type { DialectName } from './dialect.js';

/** Clients with their tags: the registry's records. */
export interface ClientRepository {
  get(uuid: string): Promise<ClientRecord | null>;
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
  /** Adds a client with its tags (missing tags are created). */
  insert(client: ClientRecord): Promise<void>;
  /** Sets the given fields; false when no such client. */
  update(uuid: string, changes: ClientChanges): Promise<boolean>;
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
  /** Up to `limit` events with ids above `afterId`, oldest first (audit verify and export). */
  after(afterId: number, limit: number): Promise<EventRecord[]>;
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
    options: { limit: number; skipEndpoints: readonly string[] },
  ): Promise<DeliveryRecord[]>;
  /** Releases every claim (a worker starting after a crash, or stopping). */
  releaseClaims(): Promise<void>;
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
}

export interface Repositories {
  readonly clients: ClientRepository;
  readonly tags: TagRepository;
  readonly events: EventRepository;
  readonly rateLimits: RateLimitRepository;
  readonly tokens: TokenRepository;
  readonly deliveries: DeliveryRepository;
  readonly apiKeys: ApiKeyRepository;
}

export interface Store extends Repositories {
  readonly dialect: DialectName;
  /**
   * Runs `work` in one transaction: its repositories see and write the same snapshot, and
   * everything commits or nothing does. Use only `tx` inside (SQLite has one connection: a
   * call on the store itself would wait for this transaction to end).
   */
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
