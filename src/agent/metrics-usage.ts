// The records metrics are made of (usage, disks, network counters) and the two guards every
// platform call goes through: nothing throws (orNull) and nothing waits for ever (withTimeout).
// Shared by the /proc path (metrics.ts) and the portable path (metrics-portable.ts).

import { stat, statfs } from 'node:fs/promises';

/** A dead NFS server hangs statfs (or df) for ever; a source slower than this is left out. */
export const SOURCE_TIMEOUT_MS = 2000;

export interface Usage {
  totalBytes: number;
  usedBytes: number;
  freeBytes: number;
  percent: number;
}

export interface Mount {
  device: string;
  mount: string;
  fsType: string;
}

export interface DiskUsage extends Usage {
  mount: string;
  device: string | null;
  fsType: string | null;
}

export interface NetworkCounters {
  interface: string;
  rxBytes: number;
  txBytes: number;
}

export function usage(totalBytes: number, usedBytes: number): Usage {
  return {
    totalBytes,
    usedBytes,
    freeBytes: totalBytes - usedBytes,
    percent: percent(usedBytes, totalBytes),
  };
}

/** Percentage rounded to one decimal, clamped to 0–100; 0 of 0 is 0. */
export function percent(part: number, whole: number): number {
  if (!(whole > 0) || !Number.isFinite(part)) return 0;
  return Math.min(100, Math.max(0, Math.round((part / whole) * 1000) / 10));
}

/** One mounted filesystem's usage by statfs, as df counts it; null for a mounted file. */
export async function diskUsage(mount: Mount): Promise<DiskUsage | null> {
  // A mounted file is a bind mount (a container's /etc/hosts), not a disk of its own.
  if (!(await stat(mount.mount)).isDirectory()) return null;
  const fs = await statfs(mount.mount);
  if (fs.blocks === 0) return null;
  const totalBytes = fs.blocks * fs.bsize;
  const usedBytes = (fs.blocks - fs.bfree) * fs.bsize;
  // As df: the percentage is of what unprivileged users can use (root's reserve left out).
  const freeBytes = fs.bavail * fs.bsize;
  return {
    mount: mount.mount,
    device: mount.device,
    fsType: mount.fsType,
    totalBytes,
    usedBytes,
    freeBytes,
    percent: percent(usedBytes, usedBytes + freeBytes),
  };
}

export async function orNull<T>(work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch {
    return null;
  }
}

/**
 * The work's result, or null when it fails or takes longer than `timeoutMs`. The work itself
 * cannot be cancelled (a statfs in the kernel, a child process): it is abandoned, not awaited.
 */
export async function withTimeout<T>(
  work: () => Promise<T | null>,
  timeoutMs = SOURCE_TIMEOUT_MS,
): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    return await Promise.race([orNull(work), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
