import { Migration } from '@mikro-orm/migrations';

// Names compared ignoring case (a new client's free clientId, a display name's holder) are
// looked up through these instead of scanning every client: at 10,000 clients the scans were
// most of a first admission's database time (docs/BENCHMARKS.md, issue 13).
export class Migration20261204100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index \`client_lower_client_id_index\` on \`client\` (lower(\`client_id\`));`,
    );
    this.addSql(
      `create index \`client_lower_display_name_index\` on \`client\` (lower(\`display_name\`));`,
    );
  }
}
