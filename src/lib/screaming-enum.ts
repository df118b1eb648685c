// `as const` objects whose values are the SCREAMING_CASE of their camelCase keys (STYLE.md: GraphQL
// enum values are SCREAMING_CASE, and we use `as const` objects instead of `enum`). Writing the
// keys once keeps key and wire value from drifting apart.

/** `notStarted` → `NOT_STARTED`, as a type. */
type Screaming<S extends string> = S extends `${infer C}${infer Rest}`
  ? `${C extends Lowercase<C> ? Uppercase<C> : `_${C}`}${Screaming<Rest>}`
  : '';

/** The union of an object's values: the wire names of a `screamingEnum`. */
export type ValueOf<T> = T[keyof T];

/** `screamingEnum('pending', 'notStarted')` is `{ pending: 'PENDING', notStarted: 'NOT_STARTED' }`. */
export function screamingEnum<const K extends string>(
  ...keys: K[]
): { readonly [Key in K]: Screaming<Key> } {
  const entries = keys.map((key) => [key, key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()]);
  return Object.freeze(Object.fromEntries(entries)) as { readonly [Key in K]: Screaming<Key> };
}
