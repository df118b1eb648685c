import { Migration } from '@mikro-orm/migrations';

export class Migration20261202153056 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`trusted_document\` (\`hash\` text not null, \`name\` text null, \`document\` text not null, \`created_at\` datetime not null, \`created_by\` text null, primary key (\`hash\`));`,
    );
  }
}
