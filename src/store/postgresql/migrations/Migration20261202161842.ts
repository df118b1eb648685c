// The PostgreSQL twin of ../../migrations/Migration20261202161842.ts (written by scripts/create-migration.ts
// from MikroORM's diff; check it, and add any data migration by hand).
import { Migration } from '@mikro-orm/migrations';

export class Migration20261202161842 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "webhook_delivery" add column "claimed_by" varchar(255) null;`);
  }
}
