// The PostgreSQL twin of ../../migrations/Migration20261203071433.ts (written by scripts/create-migration.ts
// from MikroORM's diff; check it, and add any data migration by hand).
import { Migration } from '@mikro-orm/migrations';

export class Migration20261203071433 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "authorized_key" ("public_key" varchar(8192) not null, "server" varchar(255) not null, "comment" varchar(1024) null, "added_at" timestamptz not null, constraint "authorized_key_pkey" primary key ("public_key", "server"));`,
    );
  }
}
