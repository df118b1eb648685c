import { Migration } from '@mikro-orm/migrations';

export class Migration20261202161842 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`webhook_delivery\` add column \`claimed_by\` text null;`);
  }
}
