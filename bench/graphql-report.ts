// Printing benchmark figures: Markdown tables (left-aligned text columns, right-aligned numbers)
// that paste straight into docs/BENCHMARKS.md; the machine description; waiting for a quiet
// machine before measuring.

import { readFile } from 'node:fs/promises';

/** A Markdown table; the first `textColumns` columns are left-aligned, the rest right-aligned. */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  textColumns = 1,
): string {
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((cells) => (cells[i] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${widths
      .map((w, i) => (i < textColumns ? (cells[i] ?? '').padEnd(w) : (cells[i] ?? '').padStart(w)))
      .join(' | ')} |`;
  const rule = `|${widths.map((w, i) => `${'-'.repeat(w + 1)}${i < textColumns ? '-' : ':'}`).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

export const ms = (value: number): string => (Number.isFinite(value) ? value.toFixed(2) : '—');
export const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
export const kib = (bytes: number): string => (bytes / 1024).toFixed(1);

/**
 * Total time (µs) some runnable task waited for a CPU (Linux PSI, /proc/pressure/cpu); null
 * where the kernel has no PSI. Its growth over a part, as a share of the wall time, says how
 * much the machine was contended while we measured (our own processes included).
 */
export async function cpuPressureUs(): Promise<number | null> {
  try {
    const text = await readFile('/proc/pressure/cpu', 'utf8');
    const match = /^some .*total=(\d+)/m.exec(text);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** Busy and total CPU time of the whole machine so far (Linux /proc/stat, in ticks). */
async function cpuTicks(): Promise<{ busy: number; total: number }> {
  const line = (await readFile('/proc/stat', 'utf8')).split('\n')[0] ?? '';
  const fields = line.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((sum, n) => sum + n, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

/**
 * Waits until the machine is mostly idle (other work under `maxBusy` of all cores for
 * `quietSeconds` in a row), at most `timeoutSeconds`; resolves with the busy share last seen.
 * On a shared box this keeps someone else's test run out of the figures.
 */
export async function waitForQuiet(
  options: { maxBusy?: number; quietSeconds?: number; timeoutSeconds?: number } = {},
): Promise<number> {
  const maxBusy = options.maxBusy ?? 0.15;
  const deadline = Date.now() + (options.timeoutSeconds ?? 300) * 1000;
  let quiet = 0;
  let busy = 1;
  let before = await cpuTicks();
  while (quiet < (options.quietSeconds ?? 3) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 1000));
    const after = await cpuTicks();
    busy = (after.busy - before.busy) / Math.max(1, after.total - before.total);
    before = after;
    quiet = busy <= maxBusy ? quiet + 1 : 0;
  }
  return busy;
}

export { machine } from './common.js';
