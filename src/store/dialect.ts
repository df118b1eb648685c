// What differs between the databases the store speaks, and nothing else. Repositories write
// portable SQL (`?` placeholders, `returning`, `on conflict do nothing`, window functions) and
// ask the dialect for the few fragments and value decodings that are not portable:
//
//   need                          SQLite (./dialect.ts)              PostgreSQL (./postgresql/dialect.ts)
//   datetime as read              epoch ms (number or digit string)  text ('2026-01-02 03:04:05.678+00')
//   boolean as read               0 / 1                              true / false
//   json column as read           text                               parsed value
//   text and JSON as written      as given                           NUL and lone surrogates → U+FFFD
//   JSON array holds a string     exists (… json_each(col) …)        col @> jsonb_build_array(?::text)
//   one field of a JSON object    json_extract(col, '$.key')         (col ->> 'key')
//   case-insensitive LIKE         like (ASCII case-insensitive)      ilike
//   lower(x) begins, indexed      range on lower(x)                  like on lower(x) (pattern_ops)
//   join strings of a group       group_concat(x, char(31))          string_agg(x, chr(31))
//   claim rows others may claim   (one writer at a time)             for update skip locked
//   hold a name until commit      (one writer at a time)             pg_advisory_xact_lock
//   tell other servers at commit  (one server)                       pg_notify (../postgresql/listen.ts)
//   the database's clock          julianday('now') as epoch ms       clock_timestamp()
//   datetime in an expression     ?  (epoch ms)                      cast(? as timestamptz)
//
// Values are bound by the driver layer (MikroORM's platform quotes them per database: a Date
// becomes epoch ms on SQLite and an ISO timestamp on PostgreSQL, an array a comma list).

export type DialectName = 'sqlite' | 'postgresql';

export interface Dialect {
  readonly name: DialectName;
  /** A datetime column's value as the driver returns it. */
  date(value: unknown): Date;
  /** A nullable datetime column's value. */
  dateOrNull(value: unknown): Date | null;
  /** A boolean column's value (null stays null). */
  boolOrNull(value: unknown): boolean | null;
  /**
   * SQL: the datetime bound to the one placeholder, typed for use inside an expression (a CASE
   * whose branches are all parameters has no type of its own on PostgreSQL).
   */
  readonly dateParam: string;
  /** A json column's value, parsed. */
  json<T>(value: unknown): T;
  /** SQL: the JSON array of strings in `column` holds the value bound to the one placeholder. */
  jsonArrayHas(column: string): string;
  /** SQL: the text of field `key` (a literal, [a-z_]+) of the JSON object in `column`. */
  jsonText(column: string, key: string): string;
  /** SQL: `column` matches the LIKE pattern bound to the one placeholder, ignoring case. */
  likeIgnoringCase(column: string): string;
  /**
   * SQL and its parameters: `lower(column)` starts with `prefix` (given in lower case), in a form
   * the index on `lower(column)` serves (migration 20261204100000): a range on SQLite, whose LIKE
   * never uses an expression index, and a LIKE on PostgreSQL, whose pattern_ops index serves it.
   */
  lowerStartsWith(column: string, prefix: string): [string, unknown[]];
  /** SQL: the values of `expression` in a group, joined by UNIT_SEPARATOR. */
  joinGroup(expression: string): string;
  /** A statement parameter as this database can store it (see `text and JSON as written`). */
  param(value: unknown): unknown;
  /** A value for a json column, as the statement parameter. */
  jsonParam(value: unknown): string;
  /**
   * SQL appended to a `select … limit ?` that picks rows to claim: rows another transaction is
   * claiming right now are skipped instead of waited for ('' where writers never overlap).
   */
  readonly skipLocked: string;
  /**
   * SQL (one placeholder: a name) that holds `name` until the transaction ends, so that two
   * transactions picking the same free name take turns; null where writers never overlap.
   */
  readonly holdName: string | null;
  /**
   * SQL (two placeholders: channel, payload) that tells every listening connection, at commit,
   * that something changed; null where one server owns the database (nobody else to tell).
   */
  readonly notify: string | null;
  /** SQL: the database's clock now, as a datetime column stores it (leases use one clock). */
  readonly now: string;
  /** SQL: milliseconds from the datetime in `column` to the database's clock now. */
  msSince(column: string): string;
}

/** Joins aggregated names (tags cannot contain it: fleet/limits.ts TAG_PATTERN). */
export const UNIT_SEPARATOR = '\u001f';

function epochDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value);
  if (typeof value === 'string') return new Date(/^\d+$/.test(value) ? Number(value) : value);
  throw new TypeError(`not a datetime: ${String(value)}`);
}

const SQLITE_NOW = "cast(round((julianday('now') - 2440587.5) * 86400000) as integer)";

export const sqliteDialect: Dialect = {
  name: 'sqlite',
  date: epochDate,
  dateOrNull: (value) => (value === null || value === undefined ? null : epochDate(value)),
  boolOrNull: (value) => (value === null || value === undefined ? null : Boolean(value)),
  json<T>(value: unknown): T {
    return (typeof value === 'string' ? JSON.parse(value) : value) as T;
  },
  jsonArrayHas: (column) => `exists (select 1 from json_each(${column}) j where j.value = ?)`,
  jsonText: (column, key) => `json_extract(${column}, '$.${key}')`,
  likeIgnoringCase: (column) => `${column} like ? escape '\\'`,
  lowerStartsWith(column, prefix) {
    // SQLite compares text as UTF-8 bytes, which order as code points: every string starting
    // with `prefix` sorts in [prefix, the prefix with its last code point incremented).
    if (prefix === '') return ['1 = 1', []];
    const above = successor(prefix);
    return above === null
      ? [`lower(${column}) >= ?`, [prefix]]
      : [`lower(${column}) >= ? and lower(${column}) < ?`, [prefix, above]];
  },
  joinGroup: (expression) => `group_concat(${expression}, char(31))`,
  param: (value) => value,
  jsonParam: (value) => JSON.stringify(value),
  // One connection: a transaction runs alone, start to end.
  dateParam: '?',
  skipLocked: '',
  holdName: null,
  notify: null,
  now: SQLITE_NOW,
  msSince: (column) => `(${SQLITE_NOW} - ${column})`,
};

/** The least string above every string starting with `prefix` (null: none, all U+10FFFF). */
export function successor(prefix: string): string | null {
  const points = [...prefix].map((c) => c.codePointAt(0) as number);
  while (points.length > 0) {
    const last = points.pop() as number;
    // Past the surrogates, which no stored string holds as a code point of its own.
    const next = last + 1 === 0xd800 ? 0xe000 : last + 1;
    if (next <= 0x10ffff) return String.fromCodePoint(...points, next);
  }
  return null;
}

/** A LIKE pattern matching text that starts with `prefix`, its wildcards escaped. */
export function prefixPattern(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

/** A LIKE pattern matching `text` anywhere, its wildcards escaped (with `escape '\'`). */
export function containsPattern(text: string): string {
  return `%${prefixPattern(text)}`;
}
