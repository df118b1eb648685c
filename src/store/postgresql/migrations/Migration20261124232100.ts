// PostgreSQL twin of ../../migrations/Migration20261124232100.ts: clients, tags, enrollment
// tokens and the audit trail. Types as MikroORM's PostgreSQL platform maps the entities (so its
// schema diff stays empty), except event.id: bigserial, because the audit trail only grows.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261124232100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "client" ("uuid" varchar(36) not null, "client_id" varchar(160) not null, "display_name" varchar(256) null, "purpose" text null, "allowed_paths" jsonb null, "webhook_url" text null, "rate_limit_rpm" int null, "rate_limit_concurrent" int null, "rate_limit_mode" varchar(16) null, "decommissioned_at" timestamptz null, "hostname" varchar(256) not null default '', "platform" varchar(256) not null default '', "platform_release" varchar(256) not null default '', "arch" varchar(64) not null default '', "agent_version" varchar(64) not null default '', "username" varchar(256) not null default '', "capabilities" jsonb not null, "agent_allowed_paths" jsonb null, "public_key" text not null, "key_fingerprint" varchar(128) not null, "pending_public_key" text null, "pending_fingerprint" varchar(128) null, "previous_fingerprint" varchar(128) null, "key_mismatch_at" timestamptz null, "key_accepted_at" timestamptz null, "key_accepted_by" varchar(256) null, "enrolled_via" varchar(128) not null, "first_seen" timestamptz not null, "last_seen" timestamptz not null, "connection_count" int not null default 0, "last_connected_at" timestamptz null, "last_disconnected_at" timestamptz null, "last_remote_address" varchar(128) null, constraint "client_pkey" primary key ("uuid"));`,
    );
    this.addSql(
      `alter table "client" add constraint "client_client_id_unique" unique ("client_id");`,
    );
    this.addSql(`create index "client_key_fingerprint_index" on "client" ("key_fingerprint");`);

    this.addSql(
      `create table "enrollment_token" ("id" varchar(36) not null, "token_hash" varchar(64) not null, "prefix" varchar(32) not null, "name" varchar(256) null, "display_name" varchar(256) null, "purpose" text null, "tags" jsonb not null, "max_uses" int null, "uses" int not null default 0, "expires_at" timestamptz null, "created_at" timestamptz not null, "created_by" varchar(256) null, "revoked_at" timestamptz null, "last_used_at" timestamptz null, constraint "enrollment_token_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "enrollment_token" add constraint "enrollment_token_token_hash_unique" unique ("token_hash");`,
    );

    this.addSql(
      `create table "event" ("id" bigserial primary key, "type" varchar(64) not null, "client_uuid" varchar(36) null, "at" timestamptz not null, "data" jsonb null, "actor" varchar(256) null);`,
    );
    this.addSql(`create index "event_type_index" on "event" ("type");`);
    this.addSql(`create index "event_client_uuid_index" on "event" ("client_uuid");`);
    this.addSql(`create index "event_at_index" on "event" ("at");`);

    this.addSql(`create table "tag" ("id" serial primary key, "name" varchar(128) not null);`);
    this.addSql(`alter table "tag" add constraint "tag_name_unique" unique ("name");`);

    this.addSql(
      `create table "client_tag" ("client_uuid" varchar(36) not null, "tag_id" int not null, constraint "client_tag_pkey" primary key ("client_uuid", "tag_id"));`,
    );
    this.addSql(`create index "client_tag_client_uuid_index" on "client_tag" ("client_uuid");`);
    this.addSql(`create index "client_tag_tag_id_index" on "client_tag" ("tag_id");`);
    this.addSql(
      `alter table "client_tag" add constraint "client_tag_client_uuid_foreign" foreign key ("client_uuid") references "client" ("uuid") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "client_tag" add constraint "client_tag_tag_id_foreign" foreign key ("tag_id") references "tag" ("id") on update cascade on delete cascade;`,
    );
  }
}
