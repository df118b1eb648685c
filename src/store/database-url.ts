// The database URL (`--database-url` / ETPHONEHOME_DATABASE_URL): which URLs select PostgreSQL,
// what makes one usable, and how one is shown. A URL may carry a password, so messages and logs
// only ever see redactDatabaseUrl's form of it. Pure: no imports, no I/O (config.ts uses it too).
//
// Connection parameters in the query string (sslmode, sslrootcert, host=/run/postgresql for a
// Unix socket, application_name …) are pg's own (pg-connection-string) and reach the driver as
// given; see docs/operations.md.

/** Query parameters whose value is a secret. */
const SECRET_PARAMS = ['password', 'sslpassword'];

/** The URL with its password (and any secret parameter) masked; for messages and logs. */
export function redactDatabaseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Never echo what could not be parsed: the password may be anywhere in it.
    return '(unparsable URL)';
  }
  if (parsed.password) parsed.password = '***';
  for (const name of SECRET_PARAMS)
    if (parsed.searchParams.has(name)) parsed.searchParams.set(name, '***');
  return parsed.toString();
}

/**
 * What is wrong with `url` as a PostgreSQL database URL, as the end of a sentence that starts
 * with the setting's name ("… is not a URL: …"); null when it is usable. Never repeats the
 * password.
 */
export function databaseUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a URL: use postgres://USER:PASSWORD@HOST:5432/DATABASE (percent-encode special characters in the password)';
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    return `uses ${parsed.protocol.replace(/:$/, '')}:// (${redactDatabaseUrl(url)}): only postgres:// or postgresql:// is supported; leave it unset for the SQLite file in the data directory`;
  }
  if (parsed.hostname === '' && !parsed.searchParams.has('host')) {
    return `names no host (${redactDatabaseUrl(url)}): use postgres://USER@HOST:5432/DATABASE, or ?host=/run/postgresql for a Unix socket`;
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (database === '' || database.includes('/')) {
    return `names no database (${redactDatabaseUrl(url)}): end it with /DATABASE, e.g. postgres://etphonehome@db.example:5432/etphonehome`;
  }
  return null;
}
