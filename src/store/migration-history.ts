// What a database's migration history says about the release that opens it. A release migrates
// forward on start; a database that a newer release already migrated holds migrations this one
// does not know, and this release's SQL may not match its tables (a downgrade, or an old server
// restarted during a rolling upgrade). Such a database is refused, naming the migrations.

import type { MigrationObject } from '@mikro-orm/core';

/** Thrown when the database was migrated by a newer release. */
export class UnknownMigrationsError extends Error {
  constructor(
    readonly where: string,
    readonly unknown: readonly string[],
  ) {
    super(
      `${where} was migrated by a newer etphonehome (${unknown.join(', ')} unknown to this release): run that release or a newer one; this one would not read its tables correctly`,
    );
    this.name = 'UnknownMigrationsError';
  }
}

/** Throws UnknownMigrationsError when `executed` names a migration `known` lacks. */
export function refuseUnknownMigrations(
  executed: readonly string[],
  known: readonly MigrationObject[],
  where: string,
): void {
  const names = new Set(known.map((migration) => migration.name));
  const unknown = executed.filter((name) => !names.has(name.replace(/\.[jt]s$/, '')));
  if (unknown.length > 0) throw new UnknownMigrationsError(where, unknown);
}
