// The PostgreSQL dialect of the store's SQL (the table in ../dialect.ts says what differs).
//
// What PostgreSQL refuses that SQLite stores: a NUL character in text or jsonb, and a lone
// UTF-16 surrogate in jsonb (pg already turns one in text into U+FFFD when it encodes UTF-8).
// The doors refuse NUL in what people and agents send (GraphQL's NUL guard, the protocol
// schemas), but event data and error texts carry what third parties said; one of them must not
// make an audit record fail. So every parameter is written with U+FFFD in place of either:
// visibly altered, never lost.

import { prefixPattern, type Dialect } from '../dialect.js';

const REPLACEMENT = '\ufffd';
// eslint-disable-next-line no-control-regex -- NUL is what this matches
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` as PostgreSQL can store it: NUL and lone surrogates become U+FFFD. */
export function storableText(text: string): string {
  return text.replace(UNSTORABLE, REPLACEMENT);
}

/** A JSON value with every string (keys too) made storable; others as they are. */
function storableJson(value: unknown): unknown {
  if (typeof value === 'string') return storableText(value);
  if (Array.isArray(value)) return value.map(storableJson);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[storableText(key)] = storableJson(inner);
    return out;
  }
  return value;
}

function timestamp(value: unknown): Date {
  if (value instanceof Date) return value;
  // MikroORM leaves timestamptz as PostgreSQL prints it: '2026-01-02 03:04:05.678+00'.
  const date = typeof value === 'string' ? new Date(value) : new Date(NaN);
  if (Number.isNaN(date.getTime())) throw new TypeError(`not a timestamp: ${String(value)}`);
  return date;
}

export const postgresDialect: Dialect = {
  name: 'postgresql',
  date: timestamp,
  dateOrNull: (value) => (value === null || value === undefined ? null : timestamp(value)),
  boolOrNull: (value) => (value === null || value === undefined ? null : value === true),
  // pg parses json and jsonb columns itself.
  json: <T>(value: unknown) => value as T,
  jsonArrayHas: (column) => `${column} @> jsonb_build_array(?::text)`,
  jsonText: (column, key) => `(${column} ->> '${key}')`,
  // E'\\' is one backslash whatever standard_conforming_strings says.
  likeIgnoringCase: (column) => `${column} ilike ? escape E'\\\\'`,
  // The index is lower(column) text_pattern_ops: a prefix LIKE uses it, a range would not.
  lowerStartsWith: (column, prefix) => [
    `lower(${column}) like ? escape E'\\\\'`,
    [prefixPattern(prefix)],
  ],
  joinGroup: (expression) => `string_agg(${expression}, chr(31))`,
  param(value) {
    if (typeof value === 'string') return storableText(value);
    if (Array.isArray(value)) return value.map((item) => postgresDialect.param(item));
    return value;
  },
  jsonParam: (value) => JSON.stringify(storableJson(value)),
  dateParam: 'cast(? as timestamptz)',
  skipLocked: 'for update skip locked',
  // Two 32-bit keys: the first says "a name of ours" (0x65747068, "etph"), the second is the name.
  holdName: 'select pg_advisory_xact_lock(1702129768, hashtext(?))',
  notify: 'select pg_notify(?, ?)',
  // The time of the statement, not of its transaction (now()).
  now: 'clock_timestamp()',
  msSince: (column) => `(extract(epoch from (clock_timestamp() - ${column})) * 1000)`,
};
