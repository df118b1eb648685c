// Reading the registry as the doors do: lists by filter (bounded), pages in clientId order, one
// client by any of its names, and its rate-limit figures. Every client comes back as a view
// (record + live state + effective settings).

import { AppError, ErrorCode, named, nextStep, Operation } from '../errors.js';
import type { ClientQuery, Store } from '../store/index.js';
import type { ClientFilter } from './client-filter.js';
import type { ClientView } from './client-view.js';
import type { Gate } from './gate.js';
import { MAX_LIST_CLIENTS, MAX_PAGE_SIZE } from './limits.js';
import type { RateLimitFigures } from './rate-limit.js';
import type { Registry } from './registry.js';
import type { RateLimitModeName } from './settings.js';
import { bad, validateFilter } from './validation.js';

/** One page of clients, and how to count them all (only when asked: it is a second query). */
export interface ClientPage {
  clients: ClientView[];
  hasNextPage: boolean;
  totalCount(): Promise<number>;
}

export interface RateLimitStats extends RateLimitFigures {
  client: ClientView;
  rpmLimit: number;
  concurrentLimit: number;
  mode: RateLimitModeName;
}

export interface ClientQueriesDeps {
  store: Store;
  registry: Pick<Registry, 'resolve' | 'view' | 'onlineUuids'>;
  gate: Pick<Gate, 'rateLimitFigures'>;
}

export function createClientQueries(deps: ClientQueriesDeps) {
  const { store, registry } = deps;

  /** The store's conditions for a door's filter (onlineOnly: the clients online now). */
  function queryOf(filter: ClientFilter): ClientQuery {
    const { onlineOnly, clientUuids, ...rest } = filter;
    if (!onlineOnly) return clientUuids ? { ...rest, uuidIn: clientUuids } : rest;
    const online = registry.onlineUuids();
    if (!clientUuids) return { ...rest, uuidIn: online };
    const wanted = new Set(clientUuids);
    return { ...rest, uuidIn: online.filter((uuid) => wanted.has(uuid)) };
  }

  async function get(ref: string): Promise<ClientView> {
    return registry.view(await registry.resolve(ref));
  }

  return {
    queryOf,
    get,

    /** Clients matching `filter` (at most MAX_LIST_CLIENTS; beyond, page). */
    async list(filter: ClientFilter = {}): Promise<ClientView[]> {
      validateFilter(filter);
      const query = queryOf(filter);
      const rows = await store.clients.list(query, { limit: MAX_LIST_CLIENTS + 1 });
      if (rows.length > MAX_LIST_CLIENTS) {
        const total = await store.clients.count(query);
        const page = nextStep(Operation.clientsConnection);
        throw bad(
          `${total} clients match; a list returns at most ${MAX_LIST_CLIENTS}. Narrow the filter, or page through them with ${named(page)}.`,
          { total },
          [page],
        );
      }
      return rows.map(registry.view);
    },

    /** Up to `first` clients after the clientId `after`, in clientId order. */
    async page(filter: ClientFilter, first: number, after: string | null): Promise<ClientPage> {
      validateFilter(filter);
      if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE)
        throw bad(`first must be from 0 to ${MAX_PAGE_SIZE} (got ${first}).`);
      const query = queryOf(filter);
      const rows = await store.clients.list(query, {
        afterClientId: after,
        limit: first === 0 ? 1 : first + 1,
      });
      return {
        clients: first === 0 ? [] : rows.slice(0, first).map(registry.view),
        hasNextPage: rows.length > first,
        totalCount: () => store.clients.count(query),
      };
    },

    /** The clients a bulk operation targets: at most `limit`, as views. */
    async select(filter: ClientFilter, limit: number): Promise<ClientView[]> {
      return (await store.clients.list(queryOf(filter), { limit })).map(registry.view);
    },

    /** One client by uuid, clientId or unambiguous display name; null when none matches. */
    async find(ref: string): Promise<ClientView | null> {
      try {
        return await get(ref);
      } catch (error) {
        if (error instanceof AppError && error.code === ErrorCode.notFound) return null;
        throw error;
      }
    },

    async rateLimitStats(ref: string): Promise<RateLimitStats> {
      const client = await get(ref);
      return {
        client,
        rpmLimit: client.rateLimitRpm,
        concurrentLimit: client.rateLimitConcurrent,
        mode: client.rateLimitMode,
        ...(await deps.gate.rateLimitFigures(client.uuid)),
      };
    },
  };
}
