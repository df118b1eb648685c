// What MikroORM's schema diff would still change in a PostgreSQL database our migrations built,
// minus the differences we chose. Empty means the entities and the PostgreSQL migrations agree;
// after an entity change, the statements listed are the body of the new PostgreSQL migration
// (docs/design/0004-postgresql.md, "Writing a migration").

import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * Statements the diff proposes that we decline, each for a reason:
 * - event ids are bigserial because the audit trail only grows (int4 ends at 2.1 billion); the
 *   entities keep `p.integer()` (ids read as numbers through the int8 parser in options.ts)
 *   because `p.bigint('number')` would make MikroORM rebuild SQLite's event and webhook_delivery
 *   tables for a type SQLite already stores in 64 bits;
 * - the pivot table's indexes exist as on SQLite (tag_id serves "clients with this tag");
 *   MikroORM indexes foreign keys on SQLite only;
 * - the indexes on lower(client_id) and lower(display_name) (migration 20261204100000): an
 *   expression index differs per database (text_pattern_ops here) and no entity describes it;
 * - the parts of POSTGRES_ONLY below, which no entity describes.
 */
export const DECLINED_STATEMENTS: readonly string[] = [
  'alter table "event" alter column "id" type int using ("id"::int);',
  'alter table "webhook_delivery" alter column "event_id" type int using ("event_id"::int);',
  'drop index "client_tag_client_uuid_index";',
  'drop index "client_tag_tag_id_index";',
  'drop index "event_tx_id_index";',
  'alter table "event" drop column "tx";',
  'drop index "client_lower_client_id_index";',
  'drop index "client_lower_display_name_index";',
];

/**
 * The parts of the PostgreSQL schema that SQLite has no twin of (the schema parity test leaves
 * them out), each for a reason: `event.tx` and its index make event ids usable as cursors
 * while transactions commit out of id order (EventRepository.after); SQLite's single writer
 * commits in id order.
 */
export const POSTGRES_ONLY = {
  columns: ['event.tx'],
  indexes: ['event.event_tx_id_index'],
} as const;

/** The statements that would bring the database to the entities, minus the declined ones. */
export async function pendingSchemaChanges(orm: MikroORM): Promise<string[]> {
  const sql = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
  return sql
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !DECLINED_STATEMENTS.includes(line));
}
