import { Migration } from '@mikro-orm/migrations';

export class Migration20261125024511 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`webhook_delivery\` (\`id\` text not null, \`event_id\` integer null, \`event\` text not null, \`client_uuid\` text null, \`url\` text not null, \`endpoint\` text not null, \`target\` text not null, \`payload\` text not null, \`status\` text not null, \`attempts\` integer not null default 0, \`next_attempt_at\` datetime not null, \`claimed\` integer not null default false, \`last_error\` text null, \`last_status_code\` integer null, \`last_attempt_at\` datetime null, \`created_at\` datetime not null, \`delivered_at\` datetime null, \`replayed_at\` datetime null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`webhook_delivery_event_id_index\` on \`webhook_delivery\` (\`event_id\`);`,
    );
    this.addSql(
      `create index \`webhook_delivery_event_index\` on \`webhook_delivery\` (\`event\`);`,
    );
    this.addSql(
      `create index \`webhook_delivery_client_uuid_index\` on \`webhook_delivery\` (\`client_uuid\`);`,
    );
    this.addSql(
      `create index \`webhook_delivery_status_claimed_next_attempt_at_endpoint_index\` on \`webhook_delivery\` (\`status\`, \`claimed\`, \`next_attempt_at\`, \`endpoint\`);`,
    );

    this.addSql(`alter table \`client\` add column \`webhook_secret\` text null;`);
  }
}
