// A dialect's migrations as MikroORM takes them (`migrationsList`): each class under its export
// name, oldest first. Names are `MigrationYYYYMMDDhhmmss`, so their order is their age.

import type { MigrationObject } from '@mikro-orm/core';

/** The migrations a module exports (`import * as classes`), by name, oldest first. */
export function migrationsOf(
  classes: Readonly<Record<string, MigrationObject['class']>>,
): MigrationObject[] {
  return Object.keys(classes)
    .sort()
    .map((name) => ({ name, class: classes[name] as MigrationObject['class'] }));
}
