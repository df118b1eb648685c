// The PostgreSQL twin of ../../migrations/Migration20261202090710.ts (written by scripts/create-migration.ts
// from MikroORM's diff; check it, and add any data migration by hand).
import { Migration } from '@mikro-orm/migrations';

export class Migration20261202090710 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "cluster_secret" ("name" varchar(64) not null, "value" text not null, "created_at" timestamptz not null, constraint "cluster_secret_pkey" primary key ("name"));`,
    );
    this.addSql(
      `create table "cluster_server" ("name" varchar(255) not null, "peer_url" varchar(2048) null, "version" varchar(64) not null, "started_at" timestamptz not null, "renewed_at" timestamptz not null, "clients_held" int not null default 0, constraint "cluster_server_pkey" primary key ("name"));`,
    );
  }
}
