// Each event records the transaction that wrote it, so that a reader can follow the trail with
// a cursor and never skip an event: ids are drawn from the sequence before commit, so id 11 may
// commit while id 10 is still being written. Reading only rows whose transaction is older than
// every running one, in (tx, id) order, gives an order no later commit can insert into
// (EventRepository.after). PostgreSQL only: SQLite's single writer commits in id order.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261202074500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "event" add column "tx" xid8 not null default pg_current_xact_id();`);
    this.addSql(`create index "event_tx_id_index" on "event" ("tx", "id");`);
  }
}
