// Generates a migration from the difference between the entities and the schema the existing
// migrations produce (run on a scratch database). Usage: npx tsx scripts/create-migration.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/sqlite';
import { createStoreOptions } from '../src/store/sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'etph-migration-'));
try {
  const orm = await MikroORM.init(createStoreOptions(join(dir, 'scratch.db')));
  const migrator = orm.getMigrator();
  await migrator.up();
  const result = await migrator.createMigration('src/store/migrations', false, false);
  console.log(result.fileName ? `created ${result.fileName}` : 'no changes');
  await orm.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
