// The twin of ../postgresql/migrations/Migration20261202074500.ts, empty on purpose: it records
// each event's transaction so that event ids work as cursors across concurrent writers.
// SQLite has one writer at a time (one connection), so its ids already commit in id order.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261202074500 extends Migration {
  override async up(): Promise<void> {
    // Nothing to change on SQLite.
  }
}
