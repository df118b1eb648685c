// Per-request batching (DataLoader): what a GraphQL response needs for many clients at once —
// their records, tags, recent events, the clients of a tag — is fetched with one query per kind,
// not one per client. A set of loaders lives for one request (or one subscription event) and is
// then dropped: nothing here is a cache that outlives the request.

import DataLoader from 'dataloader';
import type { ClientRecord, Store } from '../store/index.js';
import type { ClientView } from './client-view.js';
import type { FleetEvent, FleetEventTypeName } from './event-types.js';

export interface RecentEventsKey {
  uuid: string;
  limit: number;
  /** Only these event types; null for all. */
  types: readonly string[] | null;
}

const keyOf = (key: RecentEventsKey): string =>
  `${key.uuid}|${key.limit}|${key.types?.join(',') ?? ''}`;

export function createLoaders(
  store: Store,
  view: (row: ClientRecord) => ClientView,
  /** Which clients exist for the request's key (its scope); absent: all of them. */
  visible?: (client: ClientRecord) => boolean,
) {
  /** Client views by uuid (with tags); null for an unknown uuid (or one outside the scope). */
  const clientByUuid = new DataLoader<string, ClientView | null>(async (uuids) => {
    const rows = (await store.clients.getMany(uuids)).filter((row) => visible?.(row) ?? true);
    const byUuid = new Map(rows.map((row) => [row.uuid, view(row)]));
    return uuids.map((uuid) => byUuid.get(uuid) ?? null);
  });

  /** The newest events of each client, grouped so that one query serves every key alike. */
  const recentEvents = new DataLoader<RecentEventsKey, FleetEvent[], string>(
    async (keys) => {
      const groups = new Map<string, RecentEventsKey[]>();
      for (const key of keys) {
        const group = `${key.limit}|${key.types?.join(',') ?? ''}`;
        groups.set(group, [...(groups.get(group) ?? []), key]);
      }
      const found = new Map<string, FleetEvent[]>();
      for (const group of groups.values()) {
        const { limit, types } = group[0] as RecentEventsKey;
        const rows = await store.events.recentOf(
          group.map((key) => key.uuid),
          { limit, types },
        );
        for (const row of rows) {
          const id = keyOf({ uuid: row.clientUuid, limit, types });
          const event: FleetEvent = { ...row, type: row.type as FleetEventTypeName };
          found.set(id, [...(found.get(id) ?? []), event]);
        }
      }
      return keys.map((key) => found.get(keyOf(key)) ?? []);
    },
    { cacheKeyFn: keyOf },
  );

  /** How many (not decommissioned) clients carry each tag (of those in the scope). */
  const tagClientCount = new DataLoader<string, number>(async (names) => {
    if (visible)
      return (await tagClients.loadMany(names)).map((c) => (Array.isArray(c) ? c.length : 0));
    const counts = await store.tags.clientCounts(names);
    return names.map((name) => counts.get(name) ?? 0);
  });

  /** The (not decommissioned) clients carrying each tag, ordered by clientId. */
  const tagClients = new DataLoader<string, ClientView[]>(async (names) => {
    const members = await store.tags.clientsOf(names);
    const clients = await clientByUuid.loadMany([...new Set([...members.values()].flat())]);
    const byUuid = new Map<string, ClientView>();
    for (const client of clients)
      if (client && !(client instanceof Error)) byUuid.set(client.uuid, client);
    return names.map((name) => (members.get(name) ?? []).flatMap((uuid) => byUuid.get(uuid) ?? []));
  });

  return { clientByUuid, recentEvents, tagClientCount, tagClients };
}

export type Loaders = ReturnType<typeof createLoaders>;
