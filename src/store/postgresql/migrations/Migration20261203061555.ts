// The PostgreSQL twin of ../../migrations/Migration20261203061555.ts (written by scripts/create-migration.ts
// from MikroORM's diff; check it, and add any data migration by hand).
import { Migration } from '@mikro-orm/migrations';

export class Migration20261203061555 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "client" add column "held_by" varchar(255) null, add column "held_connection" varchar(64) null;`,
    );
    this.addSql(`create index "client_held_by_index" on "client" ("held_by");`);
  }
}
