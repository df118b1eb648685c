import { Migration } from '@mikro-orm/migrations';

export class Migration20261124232100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`client\` (\`uuid\` text not null, \`client_id\` text not null, \`display_name\` text null, \`purpose\` text null, \`allowed_paths\` json null, \`webhook_url\` text null, \`rate_limit_rpm\` integer null, \`rate_limit_concurrent\` integer null, \`rate_limit_mode\` text null, \`decommissioned_at\` datetime null, \`hostname\` text not null default '', \`platform\` text not null default '', \`platform_release\` text not null default '', \`arch\` text not null default '', \`agent_version\` text not null default '', \`username\` text not null default '', \`capabilities\` json not null, \`agent_allowed_paths\` json null, \`public_key\` text not null, \`key_fingerprint\` text not null, \`pending_public_key\` text null, \`pending_fingerprint\` text null, \`previous_fingerprint\` text null, \`key_mismatch_at\` datetime null, \`key_accepted_at\` datetime null, \`key_accepted_by\` text null, \`enrolled_via\` text not null, \`first_seen\` datetime not null, \`last_seen\` datetime not null, \`connection_count\` integer not null default 0, \`last_connected_at\` datetime null, \`last_disconnected_at\` datetime null, \`last_remote_address\` text null, primary key (\`uuid\`));`,
    );
    this.addSql(`create unique index \`client_client_id_unique\` on \`client\` (\`client_id\`);`);
    this.addSql(
      `create index \`client_key_fingerprint_index\` on \`client\` (\`key_fingerprint\`);`,
    );

    this.addSql(
      `create table \`enrollment_token\` (\`id\` text not null, \`token_hash\` text not null, \`prefix\` text not null, \`name\` text null, \`display_name\` text null, \`purpose\` text null, \`tags\` json not null, \`max_uses\` integer null, \`uses\` integer not null default 0, \`expires_at\` datetime null, \`created_at\` datetime not null, \`created_by\` text null, \`revoked_at\` datetime null, \`last_used_at\` datetime null, primary key (\`id\`));`,
    );
    this.addSql(
      `create unique index \`enrollment_token_token_hash_unique\` on \`enrollment_token\` (\`token_hash\`);`,
    );

    this.addSql(
      `create table \`event\` (\`id\` integer not null primary key autoincrement, \`type\` text not null, \`client_uuid\` text null, \`at\` datetime not null, \`data\` json null, \`actor\` text null);`,
    );
    this.addSql(`create index \`event_type_index\` on \`event\` (\`type\`);`);
    this.addSql(`create index \`event_client_uuid_index\` on \`event\` (\`client_uuid\`);`);
    this.addSql(`create index \`event_at_index\` on \`event\` (\`at\`);`);

    this.addSql(
      `create table \`tag\` (\`id\` integer not null primary key autoincrement, \`name\` text not null);`,
    );
    this.addSql(`create unique index \`tag_name_unique\` on \`tag\` (\`name\`);`);

    this.addSql(
      `create table \`client_tag\` (\`client_uuid\` text not null, \`tag_id\` integer not null, constraint \`client_tag_client_uuid_foreign\` foreign key(\`client_uuid\`) references \`client\`(\`uuid\`) on delete cascade on update cascade, constraint \`client_tag_tag_id_foreign\` foreign key(\`tag_id\`) references \`tag\`(\`id\`) on delete cascade on update cascade, primary key (\`client_uuid\`, \`tag_id\`));`,
    );
    this.addSql(
      `create index \`client_tag_client_uuid_index\` on \`client_tag\` (\`client_uuid\`);`,
    );
    this.addSql(`create index \`client_tag_tag_id_index\` on \`client_tag\` (\`tag_id\`);`);
  }
}
