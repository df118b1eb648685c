import { Migration } from '@mikro-orm/migrations';

export class Migration20261203061555 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`client\` add column \`held_by\` text null;`);
    this.addSql(`alter table \`client\` add column \`held_connection\` text null;`);
    this.addSql(`create index \`client_held_by_index\` on \`client\` (\`held_by\`);`);
  }
}
