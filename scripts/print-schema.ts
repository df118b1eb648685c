// Prints the Pothos schema to schema.graphql; with --check, fails when the file is stale.
// Usage: npx tsx scripts/print-schema.ts [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { printSchemaSdl } from '../src/graphql/schema.js';

const sdl = printSchemaSdl();
if (process.argv.includes('--check')) {
  const committed = readFileSync('schema.graphql', 'utf8');
  if (committed !== sdl) {
    console.error('schema.graphql is stale: run "npm run schema" and commit it.');
    process.exit(1);
  }
  console.log('schema.graphql is up to date');
} else {
  writeFileSync('schema.graphql', sdl);
  console.log('wrote schema.graphql');
}
