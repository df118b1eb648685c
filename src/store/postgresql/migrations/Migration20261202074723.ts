// PostgreSQL twin of ../../migrations/Migration20261202074723.ts: bulk jobs, their results, and
// idempotency keys (issue 13). Types as MikroORM's PostgreSQL platform maps the entities.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261202074723 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "bulk_job" ("id" varchar(36) not null, "status" varchar(16) not null, "command" text not null, "cwd" text null, "timeout_s" int not null, "env_names" jsonb null, "filter" jsonb not null, "parallelism" int not null, "total" int not null, "succeeded" int not null default 0, "failed" int not null default 0, "not_started" int not null default 0, "actor" varchar(256) null, "idempotency_key" varchar(255) null, "started_at" timestamptz not null, "finished_at" timestamptz null, constraint "bulk_job_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "bulk_job_status_index" on "bulk_job" ("status");`);
    this.addSql(`create index "bulk_job_started_at_index" on "bulk_job" ("started_at");`);

    this.addSql(
      `create table "bulk_job_result" ("id" serial primary key, "job_id" varchar(36) not null, "client_uuid" varchar(36) not null, "client_id" varchar(160) not null, "state" varchar(16) not null, "returncode" int null, "stdout" text null, "stderr" text null, "timed_out" boolean null, "truncated" boolean null, "duration_ms" int null, "error_code" varchar(64) null, "error_message" text null, "started_at" timestamptz null, "finished_at" timestamptz not null);`,
    );
    this.addSql(
      `create index "bulk_job_result_job_id_id_index" on "bulk_job_result" ("job_id", "id");`,
    );

    this.addSql(
      `create table "idempotency_key" ("key" varchar(255) not null, "operation" varchar(64) not null, "fingerprint" varchar(64) not null, "actor" varchar(256) null, "state" varchar(16) not null, "outcome" text null, "created_at" timestamptz not null, "finished_at" timestamptz null, "expires_at" timestamptz not null, constraint "idempotency_key_pkey" primary key ("key"));`,
    );
    this.addSql(
      `create index "idempotency_key_expires_at_index" on "idempotency_key" ("expires_at");`,
    );
  }
}
