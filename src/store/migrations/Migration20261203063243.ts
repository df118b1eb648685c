import { Migration } from '@mikro-orm/migrations';

export class Migration20261203063243 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`cluster_server\` add column \`draining_since\` datetime null;`);
  }
}
