// Time in the API. Older fields are ISO 8601 Strings (the contract keeps them); new time fields use
// the DateTime scalar (docs/design/0003-api-conventions.md): the same text on the wire, but typed,
// so clients can map it to their own date type and inputs are checked before anything runs.

export function isoOrNull(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}

// RFC 3339: a full date, a time, and a zone (Z or ±hh:mm); fractions of a second allowed.
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/i;

/** A DateTime input: an RFC 3339 string with a zone, naming a real instant. */
export function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !RFC3339.test(value)) {
    throw new TypeError(
      `DateTime takes an ISO 8601 date and time with a zone, like "2026-11-25T03:00:00Z" (got ${JSON.stringify(value)?.slice(0, 60)}).`,
    );
  }
  const date = new Date(value.toUpperCase());
  // Date.parse rolls 2026-02-30 over into March: a real instant prints back to the same day.
  if (Number.isNaN(date.getTime()) || !sameCalendarDay(value, date)) {
    throw new TypeError(`DateTime "${value}" is not a real date and time.`);
  }
  return date;
}

function sameCalendarDay(text: string, date: Date): boolean {
  const offset = /(?:Z|([+-])(\d{2}):(\d{2}))$/i.exec(text);
  const sign = offset?.[1] === '-' ? -1 : 1;
  const minutes = offset?.[1] ? sign * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
  const local = new Date(date.getTime() + minutes * 60_000).toISOString();
  return local.slice(0, 10) === text.slice(0, 10) && local.slice(11, 16) === text.slice(11, 16);
}

/** A DateTime output: always UTC, to the millisecond. */
export function serializeDateTime(value: unknown): string {
  const date = value instanceof Date ? value : parseDateTime(value);
  if (Number.isNaN(date.getTime()))
    throw new TypeError('DateTime cannot represent an invalid Date.');
  return date.toISOString();
}
