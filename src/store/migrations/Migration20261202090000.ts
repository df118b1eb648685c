// API keys as principals, and each event's principal and chained hash (issue 15).
import { Migration } from '@mikro-orm/migrations';

export class Migration20261202090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`api_key\` (\`id\` text not null, \`secret_hash\` text not null, \`name\` text not null, \`role\` text not null, \`scope_tags\` json null, \`scope_clients\` json null, \`trusted_documents_only\` integer not null default false, \`created_at\` datetime not null, \`created_by\` text null, \`created_by_key_id\` text null, \`expires_at\` datetime null, \`revoked_at\` datetime null, \`last_used_at\` datetime null, primary key (\`id\`));`,
    );

    this.addSql(`alter table \`event\` add column \`actor_key_id\` text null;`);
    this.addSql(`alter table \`event\` add column \`actor_key_name\` text null;`);
    this.addSql(`alter table \`event\` add column \`hash\` text null;`);
    this.addSql(`create index \`event_actor_key_id_index\` on \`event\` (\`actor_key_id\`);`);
  }
}
