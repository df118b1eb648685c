import { Migration } from '@mikro-orm/migrations';

export class Migration20261202102651 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`client\` add column \`forward_targets\` json null;`);
  }
}
