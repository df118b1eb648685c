// Timestamps in the API are ISO 8601 strings.

export function isoOrNull(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}
