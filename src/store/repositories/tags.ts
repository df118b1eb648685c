// Tags: shared names in `tag`, linked to clients through `client_tag`. Counted only over
// clients that are not decommissioned. Also the SQL the other repositories use to select by tag
// and to write a client's links.

import type { TagRepository } from '../index.js';
import { inList, type Sql } from '../sql.js';

const ACTIVE_LINKS = `from tag t
  join client_tag ct on ct.tag_id = t.id
  join client c on c.uuid = ct.client_uuid and c.decommissioned_at is null`;

/**
 * A condition (and its parameters): `column` (a client uuid) belongs to a client carrying ALL
 * of `tags` — one grouped scan of the link table, not one join per tag.
 */
export function withAllTags(column: string, tags: readonly string[]): [string, unknown[]] {
  const unique = [...new Set(tags)];
  return [
    `${column} in (select ct.client_uuid from client_tag ct join tag t on t.id = ct.tag_id where t.name in (?) group by ct.client_uuid having count(distinct t.id) = ?)`,
    [unique, unique.length],
  ];
}

/** Creates the tag rows that do not exist yet. */
export async function ensureTags(sql: Sql, names: readonly string[]): Promise<void> {
  const unique = [...new Set(names)];
  if (unique.length === 0) return;
  await sql.run(
    `insert into tag (name) values ${unique.map(() => '(?)').join(', ')} on conflict do nothing`,
    unique,
  );
}

/** Links every client of `uuids` to every tag of `names` (the tags must exist). */
export async function linkTags(
  sql: Sql,
  uuids: readonly string[],
  names: readonly string[],
): Promise<void> {
  if (uuids.length === 0 || names.length === 0) return;
  const [clients, clientParams] = inList('c.uuid', uuids);
  const [tags, tagParams] = inList('t.name', [...new Set(names)]);
  await sql.run(
    `insert into client_tag (client_uuid, tag_id)
       select c.uuid, t.id from client c, tag t where ${clients} and ${tags}
     on conflict do nothing`,
    [...clientParams, ...tagParams],
  );
}

export function createTagRepository(sql: Sql): TagRepository {
  return {
    async inUse() {
      const rows = await sql.all<{ name: string }>(
        `select distinct t.name as name ${ACTIVE_LINKS} order by t.name`,
      );
      return rows.map((row) => row.name);
    },

    async clientCounts(names) {
      const counts = new Map<string, number>(names.map((name) => [name, 0]));
      if (names.length === 0) return counts;
      const [cond, params] = inList('t.name', [...new Set(names)]);
      const rows = await sql.all<{ name: string; n: number | string }>(
        `select t.name as name, count(*) as n ${ACTIVE_LINKS} where ${cond} group by t.name`,
        params,
      );
      for (const row of rows) counts.set(row.name, Number(row.n));
      return counts;
    },

    async clientsOf(names) {
      const out = new Map<string, string[]>(names.map((name) => [name, []]));
      if (names.length === 0) return out;
      const [cond, params] = inList('t.name', [...new Set(names)]);
      const rows = await sql.all<{ name: string; uuid: string }>(
        `select t.name as name, c.uuid as uuid ${ACTIVE_LINKS} where ${cond} order by c.client_id`,
        params,
      );
      for (const row of rows) out.get(row.name)?.push(row.uuid);
      return out;
    },
  };
}
