// PostgreSQL twin of ../../migrations/Migration20261125024511.ts: the webhook outbox and each
// client's own webhook secret. event_id is bigint like the event ids it carries.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261125024511 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "webhook_delivery" ("id" varchar(40) not null, "event_id" bigint null, "event" varchar(64) not null, "client_uuid" varchar(36) null, "url" text not null, "endpoint" varchar(300) not null, "target" varchar(16) not null, "payload" text not null, "status" varchar(16) not null, "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "claimed" boolean not null default false, "last_error" text null, "last_status_code" int null, "last_attempt_at" timestamptz null, "created_at" timestamptz not null, "delivered_at" timestamptz null, "replayed_at" timestamptz null, constraint "webhook_delivery_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "webhook_delivery_event_id_index" on "webhook_delivery" ("event_id");`,
    );
    this.addSql(`create index "webhook_delivery_event_index" on "webhook_delivery" ("event");`);
    this.addSql(
      `create index "webhook_delivery_client_uuid_index" on "webhook_delivery" ("client_uuid");`,
    );
    this.addSql(
      `create index "webhook_delivery_status_claimed_next_attempt_at_endpoint_index" on "webhook_delivery" ("status", "claimed", "next_attempt_at", "endpoint");`,
    );

    this.addSql(`alter table "client" add column "webhook_secret" text null;`);
  }
}
