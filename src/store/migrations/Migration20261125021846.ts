import { Migration } from '@mikro-orm/migrations';

export class Migration20261125021846 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`client\` add column \`cpu_threshold\` double null;`);
    this.addSql(`alter table \`client\` add column \`memory_threshold\` double null;`);
    this.addSql(`alter table \`client\` add column \`disk_threshold\` double null;`);
    this.addSql(`alter table \`client\` add column \`resource_checks\` integer null;`);
  }
}
