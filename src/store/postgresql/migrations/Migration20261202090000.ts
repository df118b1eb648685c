// PostgreSQL twin of ../../migrations/Migration20261202090000.ts: API keys as principals, and
// each event's principal and chained hash (issue 15).
import { Migration } from '@mikro-orm/migrations';

export class Migration20261202090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "api_key" ("id" varchar(32) not null, "secret_hash" varchar(64) not null, "name" varchar(128) not null, "role" varchar(16) not null, "scope_tags" jsonb null, "scope_clients" jsonb null, "trusted_documents_only" boolean not null default false, "created_at" timestamptz not null, "created_by" varchar(256) null, "created_by_key_id" varchar(32) null, "expires_at" timestamptz null, "revoked_at" timestamptz null, "last_used_at" timestamptz null, constraint "api_key_pkey" primary key ("id"));`,
    );

    this.addSql(`alter table "event" add column "actor_key_id" varchar(32) null;`);
    this.addSql(`alter table "event" add column "actor_key_name" varchar(128) null;`);
    this.addSql(`alter table "event" add column "hash" varchar(64) null;`);
    this.addSql(`create index "event_actor_key_id_index" on "event" ("actor_key_id");`);
  }
}
