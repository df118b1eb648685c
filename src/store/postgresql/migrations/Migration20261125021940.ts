// PostgreSQL twin of ../../migrations/Migration20261125021940.ts: per-client resource thresholds.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261125021940 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "client" add column "cpu_threshold" real null, add column "memory_threshold" real null, add column "disk_threshold" real null, add column "resource_checks" boolean null;`,
    );
  }
}
