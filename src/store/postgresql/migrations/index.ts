// The PostgreSQL migrations, in order: one twin for each SQLite migration in ../../migrations/,
// with the same name, so both dialects record the same history in `mikro_orm_migrations`
// (test/store-pg/migrations.test.ts checks that the two lists match).

import type { MigrationObject } from '@mikro-orm/core';
import { migrationsOf } from '../../migration-list.js';
import * as classes from './classes.js';

export const migrationsList: MigrationObject[] = migrationsOf(classes);
