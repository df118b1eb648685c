// The PostgreSQL twin of ../../migrations/Migration20261203062302.ts (written by scripts/create-migration.ts
// from MikroORM's diff; check it, and add any data migration by hand).
import { Migration } from '@mikro-orm/migrations';

export class Migration20261203062302 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "bulk_job" add column "server" varchar(255) null;`);
    this.addSql(`alter table "idempotency_key" add column "server" varchar(255) null;`);
  }
}
