// Optional ID arguments as the fleet takes them: GraphQL hands an ID over as a string or a
// number, or not at all; the fleet wants a string or null.

/** The given ID as a string; null when none was given (null or absent). */
export function idOrNull(id: string | number | null | undefined): string | null {
  return id === null || id === undefined ? null : String(id);
}
