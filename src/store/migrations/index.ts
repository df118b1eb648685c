// The migrations, in order. A new one is generated with `npx tsx scripts/create-migration.ts`
// from the entity definitions and must be exported from ./classes.ts (the server ships no
// migration discovery).

import type { MigrationObject } from '@mikro-orm/core';
import { migrationsOf } from '../migration-list.js';
import * as classes from './classes.js';

export const migrationsList: MigrationObject[] = migrationsOf(classes);
