import { Migration } from '@mikro-orm/migrations';

export class Migration20261203100821 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`client\` add column \`health\` text null;`);
    this.addSql(`alter table \`client\` add column \`health_reason\` text null;`);
    this.addSql(`alter table \`client\` add column \`health_since\` datetime null;`);
  }
}
