// How commands talk to the terminal: stdout for results (tables for people, --json for
// scripts), stderr for messages. Passed in, so commands never touch process.* directly.

export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  /** True when stderr is a terminal (progress bars are drawn there). */
  isTTY?: boolean;
  /** Writes to stderr as is (no newline added): for redrawing a progress line. */
  progress?(text: string): void;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function printTable(io: CommandIO, headers: string[], rows: string[][]): void {
  const widths = headers.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  io.out(line(headers));
  for (const row of rows) io.out(line(row));
}
