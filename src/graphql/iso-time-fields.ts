// The contract's older time fields: ISO 8601 Strings read from a Date of the parent (new time
// fields use the DateTime scalar: ./dates.ts). Every such field is built here, so each formats
// its time the same way and a type file says only which Date it reads and what it means.

import type { FieldRef } from '@pothos/core';
import type { ObjectFields, Types } from './builder-types.js';
import { isoOrNull } from './dates.js';

/** The parent's properties that hold a Date (or null, with `Nullable`). */
type DateKey<Parent, Nullable = never> = {
  [K in keyof Parent]-?: Parent[K] extends Date | Nullable ? K : never;
}[keyof Parent] &
  string;

type TimeFields<Key extends string, Value> = Record<Key, FieldRef<Types, Value, 'Object'>>;

/** A non-null String field: a Date of the parent as ISO 8601. */
export function isoTimeField<Parent>(
  t: ObjectFields<Parent>,
  description: string,
  at: (parent: Parent) => Date,
): FieldRef<Types, string, 'Object'> {
  return t.string({ description, resolve: (parent) => at(parent).toISOString() });
}

/** Non-null String fields, each named for the Date of the parent it reads: name → description. */
export function isoTimeFields<Parent, Key extends DateKey<Parent>>(
  t: ObjectFields<Parent>,
  descriptions: Record<Key, string>,
): TimeFields<Key, string> {
  const fields = {} as TimeFields<Key, string>;
  for (const key of Object.keys(descriptions) as Key[]) {
    fields[key] = isoTimeField(t, descriptions[key], (parent) => parent[key] as Date);
  }
  return fields;
}

/** A nullable String field: a Date of the parent as ISO 8601, or null when it has none. */
export function isoTimeOrNullField<Parent>(
  t: ObjectFields<Parent>,
  description: string,
  at: (parent: Parent) => Date | null,
): FieldRef<Types, string | null | undefined, 'Object'> {
  return t.string({ nullable: true, description, resolve: (parent) => isoOrNull(at(parent)) });
}

/** Nullable String fields, each named for the Date of the parent it reads (null without one). */
export function isoTimeOrNullFields<Parent, Key extends DateKey<Parent, null>>(
  t: ObjectFields<Parent>,
  descriptions: Record<Key, string>,
): TimeFields<Key, string | null | undefined> {
  const fields = {} as TimeFields<Key, string | null | undefined>;
  for (const key of Object.keys(descriptions) as Key[]) {
    fields[key] = isoTimeOrNullField(t, descriptions[key], (parent) => parent[key] as Date | null);
  }
  return fields;
}
