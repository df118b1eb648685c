// The PostgreSQL twin of ../../migrations/Migration20261203063243.ts (written by scripts/create-migration.ts
// from MikroORM's diff; check it, and add any data migration by hand).
import { Migration } from '@mikro-orm/migrations';

export class Migration20261203063243 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "cluster_server" add column "draining_since" timestamptz null;`);
  }
}
