import { Migration } from '@mikro-orm/migrations';

export class Migration20261202074723 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`bulk_job\` (\`id\` text not null, \`status\` text not null, \`command\` text not null, \`cwd\` text null, \`timeout_s\` integer not null, \`env_names\` json null, \`filter\` json not null, \`parallelism\` integer not null, \`total\` integer not null, \`succeeded\` integer not null default 0, \`failed\` integer not null default 0, \`not_started\` integer not null default 0, \`actor\` text null, \`idempotency_key\` text null, \`started_at\` datetime not null, \`finished_at\` datetime null, primary key (\`id\`));`,
    );
    this.addSql(`create index \`bulk_job_status_index\` on \`bulk_job\` (\`status\`);`);
    this.addSql(`create index \`bulk_job_started_at_index\` on \`bulk_job\` (\`started_at\`);`);

    this.addSql(
      `create table \`bulk_job_result\` (\`id\` integer not null primary key autoincrement, \`job_id\` text not null, \`client_uuid\` text not null, \`client_id\` text not null, \`state\` text not null, \`returncode\` integer null, \`stdout\` text null, \`stderr\` text null, \`timed_out\` integer null, \`truncated\` integer null, \`duration_ms\` integer null, \`error_code\` text null, \`error_message\` text null, \`started_at\` datetime null, \`finished_at\` datetime not null);`,
    );
    this.addSql(
      `create index \`bulk_job_result_job_id_id_index\` on \`bulk_job_result\` (\`job_id\`, \`id\`);`,
    );

    this.addSql(
      `create table \`idempotency_key\` (\`key\` text not null, \`operation\` text not null, \`fingerprint\` text not null, \`actor\` text null, \`state\` text not null, \`outcome\` text null, \`created_at\` datetime not null, \`finished_at\` datetime null, \`expires_at\` datetime not null, primary key (\`key\`));`,
    );
    this.addSql(
      `create index \`idempotency_key_expires_at_index\` on \`idempotency_key\` (\`expires_at\`);`,
    );
  }
}
