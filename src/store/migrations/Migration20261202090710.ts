// The cluster tables (src/store/entities/cluster.ts): shared secrets and the servers on one
// database (issue 14). PostgreSQL twin: ../postgresql/migrations/Migration20261202090710.ts.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261202090710 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`cluster_secret\` (\`name\` text not null, \`value\` text not null, \`created_at\` datetime not null, primary key (\`name\`));`,
    );

    this.addSql(
      `create table \`cluster_server\` (\`name\` text not null, \`peer_url\` text null, \`version\` text not null, \`started_at\` datetime not null, \`renewed_at\` datetime not null, \`clients_held\` integer not null default 0, primary key (\`name\`));`,
    );
  }
}
