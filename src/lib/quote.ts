// Quoting what a caller sent inside an error message: JSON-escaped (no control characters leak
// into logs or terminals) and cut short, so a 900 KB argument does not come back as a 900 KB
// message.

export function quote(value: string, max = 80): string {
  return JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value);
}
