import { Migration } from '@mikro-orm/migrations';

export class Migration20261202081018 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`shell_session\` (\`id\` text not null, \`client_uuid\` text not null, \`actor\` text null, \`command\` text null, \`pty\` integer not null, \`cols\` integer not null, \`rows\` integer not null, \`origin\` text not null, \`started_at\` datetime not null, \`ended_at\` datetime null, \`exit_status\` integer null, \`exit_signal\` text null, \`close_reason\` text null, \`bytes_in\` bigint not null default 0, \`bytes_out\` bigint not null default 0, \`recording\` text null, \`input_recorded\` integer not null default false, primary key (\`id\`));`);
    this.addSql(`create index \`shell_session_client_uuid_index\` on \`shell_session\` (\`client_uuid\`);`);
    this.addSql(`create index \`shell_session_started_at_index\` on \`shell_session\` (\`started_at\`);`);

    this.addSql(`alter table \`client\` add column \`forward_targets\` json null;`);
    this.addSql(`alter table \`client\` add column \`agent_allowed_forwards\` json null;`);
  }

}
