// The PostgreSQL twin of ../../migrations/Migration20261204100000.ts, by hand: no entity
// describes an expression index (schema-drift.ts declines MikroORM's proposal to drop them).
// text_pattern_ops serves both `lower(x) = ?` and the prefix `lower(x) like 'abc%'` whatever
// the database's collation.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261204100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "client_lower_client_id_index" on "client" (lower("client_id") text_pattern_ops);`,
    );
    this.addSql(
      `create index "client_lower_display_name_index" on "client" (lower("display_name") text_pattern_ops);`,
    );
  }
}
