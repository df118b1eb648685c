// Per-request batching (DataLoader): what a GraphQL response needs for many clients at once —
// their records, tags, recent events, the clients of a tag — is fetched with one query per kind,
// not one per client. A set of loaders lives for one request (or one subscription event) and is
// then dropped: nothing here is a cache that outlives the request.

import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/sqlite';
import { ClientEntity } from '../store/entities/index.js';
import type { Store } from '../store/orm.js';
import type { ClientView } from './client-view.js';
import type { FleetEvent, FleetEventTypeName } from './events.js';
import type { Registry } from './registry.js';

export interface RecentEventsKey {
  uuid: string;
  limit: number;
  /** Only these event types; null for all. */
  types: readonly string[] | null;
}

interface EventRow {
  id: number;
  type: string;
  client_uuid: string | null;
  at: number | string;
  data: string | null;
  actor: string | null;
}

function toEvent(row: EventRow): FleetEvent {
  return {
    id: Number(row.id),
    type: row.type as FleetEventTypeName,
    clientUuid: row.client_uuid ?? '',
    at: new Date(typeof row.at === 'string' && /^\d+$/.test(row.at) ? Number(row.at) : row.at),
    data: row.data ? (JSON.parse(row.data) as Record<string, unknown>) : {},
    actor: row.actor,
  };
}

const placeholders = (count: number): string => new Array<string>(count).fill('?').join(',');

export function createLoaders(store: Store, registry: Registry) {
  const em: EntityManager = store.em.fork();
  const execute = <T>(sql: string, params: unknown[]): Promise<T[]> =>
    em.getConnection().execute<T[]>(sql, params);

  /** Client views by uuid (with tags); null for an unknown uuid. */
  const clientByUuid = new DataLoader<string, ClientView | null>(async (uuids) => {
    const rows = await em.find(ClientEntity, { uuid: { $in: [...uuids] } }, { populate: ['tags'] });
    const byUuid = new Map(rows.map((row) => [row.uuid, registry.view(row)]));
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
        const uuids = [...new Set(group.map((key) => key.uuid))];
        const typeClause = types ? ` and type in (${placeholders(types.length)})` : '';
        const rows = await execute<EventRow>(
          `select id, type, client_uuid, at, data, actor from (
             select e.*, row_number() over (partition by e.client_uuid order by e.id desc) as rank
             from event e where e.client_uuid in (${placeholders(uuids.length)})${typeClause}
           ) ranked where rank <= ? order by id desc`,
          [...uuids, ...(types ?? []), limit],
        );
        for (const row of rows) {
          const event = toEvent(row);
          const id = `${event.clientUuid}|${limit}|${types?.join(',') ?? ''}`;
          found.set(id, [...(found.get(id) ?? []), event]);
        }
      }
      return keys.map(
        (key) => found.get(`${key.uuid}|${key.limit}|${key.types?.join(',') ?? ''}`) ?? [],
      );
    },
    { cacheKeyFn: (key) => `${key.uuid}|${key.limit}|${key.types?.join(',') ?? ''}` },
  );

  /** How many (not decommissioned) clients carry each tag. */
  const tagClientCount = new DataLoader<string, number>(async (names) => {
    const rows = await execute<{ name: string; count: number }>(
      `select t.name as name, count(*) as count from tag t
         join client_tag ct on ct.tag_id = t.id
         join client c on c.uuid = ct.client_uuid and c.decommissioned_at is null
       where t.name in (${placeholders(names.length)}) group by t.name`,
      [...names],
    );
    const counts = new Map(rows.map((row) => [row.name, Number(row.count)]));
    return names.map((name) => counts.get(name) ?? 0);
  });

  /** The (not decommissioned) clients carrying each tag, ordered by clientId. */
  const tagClients = new DataLoader<string, ClientView[]>(async (names) => {
    const rows = await execute<{ name: string; uuid: string }>(
      `select t.name as name, c.uuid as uuid from tag t
         join client_tag ct on ct.tag_id = t.id
         join client c on c.uuid = ct.client_uuid and c.decommissioned_at is null
       where t.name in (${placeholders(names.length)}) order by c.client_id`,
      [...names],
    );
    const clients = await clientByUuid.loadMany([...new Set(rows.map((row) => row.uuid))]);
    const byUuid = new Map<string, ClientView>();
    for (const client of clients)
      if (client && !(client instanceof Error)) byUuid.set(client.uuid, client);
    const out = new Map<string, ClientView[]>();
    for (const row of rows) {
      const client = byUuid.get(row.uuid);
      if (client) out.set(row.name, [...(out.get(row.name) ?? []), client]);
    }
    return names.map((name) => out.get(name) ?? []);
  });

  return { clientByUuid, recentEvents, tagClientCount, tagClients };
}

export type Loaders = ReturnType<typeof createLoaders>;
