// A transfer's progress for people: a bar with bytes, rate and ETA, redrawn in place on a
// terminal (stderr); nothing but the final line when stderr is not a terminal.

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${UNITS[unit]}`;
}

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

export interface ProgressFigures {
  bytesDone: number;
  totalBytes: number | null;
  rateBytesPerSecond: number;
  etaSeconds: number | null;
}

/** One line: `[#########-----------]  45%  450.0 MiB / 1.0 GiB  95.2 MiB/s  ETA 6s`. */
export function formatProgress(p: ProgressFigures, width = 24): string {
  const total = p.totalBytes ?? 0;
  const fraction = total > 0 ? Math.min(1, p.bytesDone / total) : 0;
  const filled = Math.round(fraction * width);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  const amounts = `${formatBytes(p.bytesDone)} / ${p.totalBytes === null ? '?' : formatBytes(total)}`;
  const rate = `${formatBytes(p.rateBytesPerSecond)}/s`;
  const eta = p.etaSeconds === null ? 'ETA --' : `ETA ${formatDuration(p.etaSeconds)}`;
  return `${bar} ${percent}  ${amounts}  ${rate}  ${eta}`;
}
