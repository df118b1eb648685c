// Human durations for flags: "90s", "15m", "24h", "7d" → seconds; "never" → null.

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

export function parseDurationSeconds(text: string): number | null {
  const value = text.trim().toLowerCase();
  if (value === 'never' || value === 'none') return null;
  const match = /^(\d+)\s*([smhdw]?)$/.exec(value);
  if (!match) throw new Error(`"${text}" is not a duration (e.g. 90s, 15m, 24h, 7d, never)`);
  return Number(match[1]) * (UNITS[match[2] || 's'] ?? 1);
}
