// Changes other servers commit, heard on one dedicated connection that LISTENs (note 0004 §5).
// Writers notify in the transaction that writes (`dialect.notify`), so PostgreSQL delivers a
// notification at commit and only then; a notification carries ids, never rows, and the
// listener reads the database. The connection is opened at the first `watch` and kept until
// the last listener goes or the store closes. When it breaks (the database restarted, a
// network cut) it is made again with backoff, and listeners are told to `resync`: whatever was
// notified meanwhile is lost, so they read again from their own cursors.

import { randomBytes } from 'node:crypto';
import type { ChangeFeed, ChangeListener } from '../index.js';
import { CLIENTS_CHANNEL } from '../repositories/clients.js';
import { EVENTS_CHANNEL } from '../repositories/events.js';

/** What this file needs of a pg client (the driver's own type is not a dependency of ours). */
interface ListeningConnection {
  query(sql: string): Promise<unknown>;
  on(
    event: 'notification',
    listener: (message: { channel: string; payload?: string }) => void,
  ): void;
  on(event: 'error' | 'end', listener: (error?: Error) => void): void;
  removeAllListeners(): void;
}

export interface ConnectionSource {
  acquireRawConnection(): Promise<unknown>;
  destroyRawConnection(connection: unknown): Promise<void>;
}

/** The channel of `sync`'s own notifications (payload: feed id and a sequence number). */
const SYNC_CHANNEL = 'etph_sync';
/** How long `sync` waits for its own notification before answering anyway. */
const SYNC_WAIT_MS = 2_000;
const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 5_000;

export interface PostgresChangeFeed extends ChangeFeed {
  /**
   * Resolves once every notification of a transaction committed before the call has been
   * heard (its own notification, sent now, comes after them: PostgreSQL delivers in commit
   * order). At once when not listening.
   */
  sync(): Promise<void>;
  close(): Promise<void>;
}

export function createPostgresChangeFeed(deps: {
  connections: ConnectionSource;
  /** Sends a notification through the store's pool (committed at once). */
  notify(channel: string, payload: string): Promise<void>;
  log?: ((message: string) => void) | undefined;
}): PostgresChangeFeed {
  const listeners = new Set<ChangeListener>();
  const feedId = randomBytes(6).toString('hex');
  let syncs = 0;
  const syncing = new Map<number, () => void>();
  let connection: ListeningConnection | null = null;
  let connecting: Promise<void> | null = null;
  let retry: NodeJS.Timeout | null = null;
  let retryMs = FIRST_RETRY_MS;
  let closed = false;
  /** Whether a connection was made before (a new one then means notifications may be lost). */
  let connectedBefore = false;

  function each(call: (listener: ChangeListener) => void): void {
    for (const listener of listeners) {
      try {
        call(listener);
      } catch (error) {
        deps.log?.(`a change listener failed: ${(error as Error).message}`);
      }
    }
  }

  function heard(message: { channel: string; payload?: string }): void {
    if (message.channel === SYNC_CHANNEL) {
      const [id, n] = (message.payload ?? '').split(':');
      if (id !== feedId) return;
      // Notifications arrive in order: this one answers every sync sent before it too.
      for (const [number, done] of syncing) {
        if (number > Number(n)) break;
        syncing.delete(number);
        done();
      }
    } else if (message.channel === EVENTS_CHANNEL) each((listener) => listener.events());
    else if (message.channel === CLIENTS_CHANNEL) {
      const uuids = (message.payload ?? '').split(',').filter((uuid) => uuid.length > 0);
      if (uuids.length > 0) each((listener) => listener.clients(uuids));
    }
  }

  function lost(which: ListeningConnection, error?: Error): void {
    if (connection !== which) return;
    connection = null;
    answerSyncs();
    which.removeAllListeners();
    void deps.connections.destroyRawConnection(which).catch(() => undefined);
    if (closed || listeners.size === 0) return;
    deps.log?.(
      `the connection listening for other servers' changes was lost (${error?.message ?? 'closed'}); reconnecting`,
    );
    schedule();
  }

  function schedule(): void {
    if (retry || closed) return;
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, retryMs);
    retry.unref();
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
  }

  function connect(): Promise<void> {
    if (connecting) return connecting;
    connecting = (async () => {
      let made: ListeningConnection | null = null;
      try {
        made = (await deps.connections.acquireRawConnection()) as ListeningConnection;
        if (closed || listeners.size === 0) {
          await deps.connections.destroyRawConnection(made);
          return;
        }
        const current = made;
        current.on('notification', heard);
        current.on('error', (error) => lost(current, error));
        current.on('end', () => lost(current));
        await current.query(`listen ${EVENTS_CHANNEL}`);
        await current.query(`listen ${CLIENTS_CHANNEL}`);
        await current.query(`listen ${SYNC_CHANNEL}`);
        connection = current;
        retryMs = FIRST_RETRY_MS;
        if (connectedBefore) {
          deps.log?.("listening for other servers' changes again");
          each((listener) => listener.resync());
        }
        connectedBefore = true;
      } catch (error) {
        if (made) {
          made.removeAllListeners();
          await deps.connections.destroyRawConnection(made).catch(() => undefined);
        }
        if (closed) return;
        deps.log?.(
          `could not listen for other servers' changes (${(error as Error).message}); retrying`,
        );
        connectedBefore = true;
        schedule();
      } finally {
        connecting = null;
      }
    })();
    return connecting;
  }

  /** Answers every waiting sync (the connection is gone: nothing more will be heard). */
  function answerSyncs(): void {
    for (const done of syncing.values()) done();
    syncing.clear();
  }

  async function disconnect(): Promise<void> {
    answerSyncs();
    if (retry) clearTimeout(retry);
    retry = null;
    await connecting;
    const current = connection;
    connection = null;
    if (current) {
      current.removeAllListeners();
      await deps.connections.destroyRawConnection(current).catch(() => undefined);
    }
    connectedBefore = false;
  }

  return {
    async watch(listener) {
      if (closed) throw new Error('The store is closed: nothing to watch.');
      listeners.add(listener);
      if (!connection && !retry) await connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) void disconnect();
      };
    },
    async sync() {
      if (!connection) return;
      const number = ++syncs;
      let timer: NodeJS.Timeout | undefined;
      const heardBack = new Promise<void>((resolve) => {
        syncing.set(number, resolve);
        timer = setTimeout(() => {
          if (!syncing.delete(number)) return;
          deps.log?.('a sync notification was not heard back in time; answering anyway');
          resolve();
        }, SYNC_WAIT_MS);
      });
      try {
        await deps.notify(SYNC_CHANNEL, `${feedId}:${number}`);
        await heardBack;
      } catch {
        // Not sent (the database is away): nothing to wait for.
        syncing.delete(number);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      closed = true;
      listeners.clear();
      await disconnect();
    },
  };
}
