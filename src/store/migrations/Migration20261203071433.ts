import { Migration } from '@mikro-orm/migrations';

export class Migration20261203071433 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`authorized_key\` (\`public_key\` text not null, \`server\` text not null, \`comment\` text null, \`added_at\` datetime not null, primary key (\`public_key\`, \`server\`));`,
    );
  }
}
