// Tag names: what is accepted, and the find-or-create of tag rows.

import type { EntityManager } from '@mikro-orm/sqlite';
import { TagEntity, type Tag } from '../store/entities/index.js';
import { TAG_PATTERN } from './limits.js';

export function isValidTag(name: string): boolean {
  return TAG_PATTERN.test(name);
}

export function invalidTagMessage(name: string): string {
  return `Tag "${name.slice(0, 64)}" is not valid: letters, digits and . _ : / -, starting with a letter or digit, at most 128 characters.`;
}

/** Tag rows for `names` (deduplicated), creating the missing ones. */
export async function findOrCreateTags(
  em: EntityManager,
  names: readonly string[],
): Promise<Tag[]> {
  const unique = [...new Set(names)];
  if (unique.length === 0) return [];
  const existing = await em.find(TagEntity, { name: { $in: unique } });
  const byName = new Map(existing.map((tag) => [tag.name, tag]));
  return unique.map((name) => byName.get(name) ?? em.create(TagEntity, { name }));
}

/**
 * A SQL condition (and its parameters) for query builders: `column` (a client uuid) belongs to a
 * client carrying ALL of `tags`.
 */
export function withAllTags(column: string, tags: readonly string[]): [string, unknown[]] {
  const unique = [...new Set(tags)];
  return [
    `${column} in (select ct.client_uuid from client_tag ct join tag t on t.id = ct.tag_id where t.name in (${unique
      .map(() => '?')
      .join(',')}) group by ct.client_uuid having count(distinct t.id) = ?)`,
    [...unique, unique.length],
  ];
}
