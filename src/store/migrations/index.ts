// The migrations, in order. A new one is generated with `npx tsx scripts/create-migration.ts`
// from the entity definitions and must be added here (the server ships no migration discovery).

import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124232100 } from './Migration20261124232100.js';
import { Migration20261125021940 } from './Migration20261125021940.js';
import { Migration20261125024511 } from './Migration20261125024511.js';
import { Migration20261202074500 } from './Migration20261202074500.js';
import { Migration20261202074723 } from './Migration20261202074723.js';
import { Migration20261202090000 } from './Migration20261202090000.js';
import { Migration20261202090710 } from './Migration20261202090710.js';
import { Migration20261202102651 } from './Migration20261202102651.js';
import { Migration20261202153056 } from './Migration20261202153056.js';
import { Migration20261202161842 } from './Migration20261202161842.js';
import { Migration20261203061555 } from './Migration20261203061555.js';
import { Migration20261203062302 } from './Migration20261203062302.js';
import { Migration20261203063243 } from './Migration20261203063243.js';
import { Migration20261203071433 } from './Migration20261203071433.js';
import { Migration20261203100821 } from './Migration20261203100821.js';

export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261124232100', class: Migration20261124232100 },
  { name: 'Migration20261125021940', class: Migration20261125021940 },
  { name: 'Migration20261125024511', class: Migration20261125024511 },
  { name: 'Migration20261202074500', class: Migration20261202074500 },
  { name: 'Migration20261202074723', class: Migration20261202074723 },
  { name: 'Migration20261202090000', class: Migration20261202090000 },
  { name: 'Migration20261202090710', class: Migration20261202090710 },
  { name: 'Migration20261202102651', class: Migration20261202102651 },
  { name: 'Migration20261202153056', class: Migration20261202153056 },
  { name: 'Migration20261202161842', class: Migration20261202161842 },
  { name: 'Migration20261203061555', class: Migration20261203061555 },
  { name: 'Migration20261203062302', class: Migration20261203062302 },
  { name: 'Migration20261203063243', class: Migration20261203063243 },
  { name: 'Migration20261203071433', class: Migration20261203071433 },
  { name: 'Migration20261203100821', class: Migration20261203100821 },
];
