// The PostgreSQL twin of ../../migrations/Migration20261203100821.ts (written by scripts/create-migration.ts
// from MikroORM's diff; check it, and add any data migration by hand).
import { Migration } from '@mikro-orm/migrations';

export class Migration20261203100821 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "client" add column "health" varchar(16) null, add column "health_reason" text null, add column "health_since" timestamptz null;`,
    );
  }
}
