// The PostgreSQL twin of ../../migrations/Migration20261202153056.ts (written by scripts/create-migration.ts
// from MikroORM's diff; check it, and add any data migration by hand).
import { Migration } from '@mikro-orm/migrations';

export class Migration20261202153056 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "trusted_document" ("hash" varchar(64) not null, "name" varchar(128) null, "document" text not null, "created_at" timestamptz not null, "created_by" varchar(256) null, constraint "trusted_document_pkey" primary key ("hash"));`,
    );
  }
}
