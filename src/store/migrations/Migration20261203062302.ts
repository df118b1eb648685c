import { Migration } from '@mikro-orm/migrations';

export class Migration20261203062302 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`bulk_job\` add column \`server\` text null;`);

    this.addSql(`alter table \`idempotency_key\` add column \`server\` text null;`);
  }
}
