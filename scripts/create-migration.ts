// Writes the migrations for an entity change, for both dialects, under one name.
// Usage: npm run migration:create   (npx tsx scripts/create-migration.ts)
//
// 1. SQLite: the difference between the entities and what the existing SQLite migrations build
//    (on a scratch file) becomes src/store/migrations/MigrationYYYYMMDDhhmmss.ts.
// 2. PostgreSQL: every SQLite migration without a twin in src/store/postgresql/migrations/ gets
//    one of the same name; the first one missing carries what MikroORM's diff still proposes on
//    a scratch PostgreSQL the existing twins built (pendingSchemaChanges, minus the declined
//    differences), the others are left empty with a comment saying so. This is also how a
//    branch's SQLite migrations are ported after a merge: run it with the merged entities.
// 3. Both `classes.ts` files export the new names (each `index.ts` lists what they export).
// Data migrations (an `update …`) are still written by hand in each twin. Then run
// `node scripts/run-tests.mjs test/store-pg` (names, parity, nothing pending).
// PostgreSQL comes from test/support/postgres.ts (Debian's `postgresql` package, or
// ETPHONEHOME_PG_BIN).

import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM as SqliteOrm } from '@mikro-orm/sqlite';
import { MikroORM as PostgresOrm } from '@mikro-orm/postgresql';
import { createStoreOptions } from '../src/store/sqlite.js';
import { createPostgresOptions } from '../src/store/postgresql/options.js';
import { migratePostgres } from '../src/store/postgresql/migrate.js';
import { pendingSchemaChanges } from '../src/store/postgresql/schema-drift.js';
import { startPostgres } from '../test/support/postgres.js';

const SQLITE_DIR = 'src/store/migrations';
const POSTGRES_DIR = 'src/store/postgresql/migrations';

/** Migration names (file names without .ts) in a directory, oldest first. */
function migrationNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((file) => /^Migration\d{14}\.ts$/.test(file))
    .map((file) => file.replace(/\.ts$/, ''))
    .sort();
}

/** Exports `name` from the directory's classes.ts (which index.ts lists), unless it is there. */
function register(dir: string, name: string): void {
  const path = join(dir, 'classes.ts');
  const text = readFileSync(path, 'utf8');
  const line = `export { ${name} } from './${name}.js';`;
  if (text.split('\n').includes(line)) return;
  writeFileSync(path, `${text.replace(/\n*$/, '')}\n${line}\n`);
}

function postgresTwin(name: string, statements: string[], carriedBy: string | null): string {
  const header =
    carriedBy === null
      ? `// The PostgreSQL twin of ../../migrations/${name}.ts (written by scripts/create-migration.ts\n// from MikroORM's diff; check it, and add any data migration by hand).`
      : `// The PostgreSQL twin of ../../migrations/${name}.ts: its schema changes are in ${carriedBy}\n// (scripts/create-migration.ts put every pending change in the first missing twin).`;
  const body =
    statements.length === 0
      ? '    // Nothing to change.'
      : statements
          .map((sql) => `    this.addSql(\`${sql.replace(/[`\\]|\$\{/g, (c) => `\\${c}`)}\`);`)
          .join('\n');
  return `${header}
import { Migration } from '@mikro-orm/migrations';

export class ${name} extends Migration {
  override async up(): Promise<void> {
${body}
  }
}
`;
}

async function createSqliteMigration(): Promise<string | null> {
  const dir = mkdtempSync(join(tmpdir(), 'etph-migration-'));
  try {
    const orm = await SqliteOrm.init(createStoreOptions(join(dir, 'scratch.db')));
    try {
      const migrator = orm.getMigrator();
      await migrator.up();
      const result = await migrator.createMigration(SQLITE_DIR, false, false);
      return result.fileName ? result.fileName.replace(/\.ts$/, '') : null;
    } finally {
      await orm.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function createPostgresTwins(): Promise<string[]> {
  const missing = migrationNames(SQLITE_DIR).filter(
    (name) => !existsSync(join(POSTGRES_DIR, `${name}.ts`)),
  );
  if (missing.length === 0) return [];
  const pg = await startPostgres();
  try {
    const orm = await PostgresOrm.init(createPostgresOptions(await pg.createDatabase('scratch')));
    let statements: string[];
    try {
      await migratePostgres(orm);
      statements = await pendingSchemaChanges(orm);
    } finally {
      await orm.close();
    }
    const [first] = missing;
    for (const name of missing) {
      const carriedBy = name === first ? null : (first ?? null);
      const text = postgresTwin(name, name === first ? statements : [], carriedBy);
      writeFileSync(join(POSTGRES_DIR, `${name}.ts`), text);
    }
    return missing;
  } finally {
    await pg.stop();
  }
}

const created = await createSqliteMigration();
if (created) {
  register(SQLITE_DIR, created);
  console.log(`created ${SQLITE_DIR}/${created}.ts`);
} else {
  console.log('SQLite: no changes');
}
for (const name of await createPostgresTwins()) {
  register(POSTGRES_DIR, name);
  console.log(`created ${POSTGRES_DIR}/${name}.ts`);
}
console.log('Next: npx prettier --write src/store; node scripts/run-tests.mjs test/store-pg');
