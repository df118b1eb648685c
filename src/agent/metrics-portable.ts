// The portable metrics sources, from the systeminformation package: what node:os cannot tell on
// macOS and Windows (available memory, swap, every disk, network counters, the process count).
// Linux agents read /proc directly (metrics.ts), which is faster and needs no child processes;
// this path runs there too when forced (ETPHONEHOME_METRICS_PORTABLE=1), which is how it is
// tested on Linux. systeminformation shells out (vm_stat, df, netstat, ps on macOS; PowerShell
// on Windows), so every call runs under a timeout and a failure or a timeout yields null: the
// field is then null or an empty list, as on a platform that cannot tell. A timed-out child
// process is abandoned, not killed (systeminformation keeps no handle we could kill).
//
// The summary is sampled with every heartbeat, so it avoids the costly calls: on Windows memory
// comes from node:os (accurate there; systeminformation would start PowerShell for the swap),
// and disk percentages come from statfs on the disks the last full listing found (listed again
// every few minutes), not from a new df/PowerShell listing each time.

import os from 'node:os';
import type systeminformation from 'systeminformation';
import path from 'node:path';
import {
  diskUsage,
  usage,
  withTimeout,
  percent,
  type DiskUsage,
  type Mount,
  type NetworkCounters,
  type Usage,
} from './metrics-usage.js';

/** PowerShell alone can take a second or two to start on a busy Windows machine. */
const CALL_TIMEOUT_MS = 5000;
/** How long the summary trusts the last disk listing. */
const DISK_LIST_TTL_MS = 5 * 60_000;

/** Filesystems that occupy no disk of their own (as systeminformation names them). */
// prettier-ignore
const PSEUDO_FS_TYPES = new Set([
  'autofs', 'devfs', 'devtmpfs', 'efivarfs', 'nullfs', 'proc', 'squashfs', 'sysfs',
  'tmpfs', 'map auto_home', 'autofs_nowait',
]);

type SystemInformation = typeof systeminformation;
let loaded: Promise<SystemInformation> | undefined;

/** Loaded on first use: a Linux agent on the /proc path never pays for it (about 10 MB). */
function systemInformation(): Promise<SystemInformation> {
  loaded ??= import('systeminformation').then((module) => module.default);
  return loaded;
}

export interface MemoryAndSwap {
  memory: Usage;
  swap: Usage | null;
}

export async function readPortableMemory(options: { summary: boolean }): Promise<MemoryAndSwap> {
  const fromOs = { memory: usage(os.totalmem(), os.totalmem() - os.freemem()), swap: null };
  if (options.summary && process.platform === 'win32') return fromOs;
  const mem = await withTimeout(async () => (await systemInformation()).mem(), CALL_TIMEOUT_MS);
  if (mem === null || !(mem.total > 0)) return fromOs;
  // `available` counts reclaimable cache as free (as `free` and Activity Monitor do).
  const available = mem.available > 0 ? mem.available : mem.free;
  return {
    memory: usage(mem.total, mem.total - available),
    swap: Number.isFinite(mem.swaptotal) ? usage(mem.swaptotal, mem.swapused) : null,
  };
}

let diskList: { mounts: Mount[]; listedAt: number } | undefined;

export async function readPortableDisks(options: { summary: boolean }): Promise<DiskUsage[]> {
  if (
    options.summary &&
    diskList !== undefined &&
    Date.now() - diskList.listedAt < DISK_LIST_TTL_MS
  ) {
    const disks = await Promise.all(
      diskList.mounts.map((mount) => withTimeout(() => diskUsage(mount))),
    );
    return disks.filter((disk): disk is DiskUsage => disk !== null);
  }
  const disks = await withTimeout(listDisks, CALL_TIMEOUT_MS);
  if (disks !== null && disks.length > 0) {
    diskList = {
      mounts: disks.map((disk) => ({
        mount: statfsPath(disk.mount),
        device: disk.device ?? '',
        fsType: disk.fsType ?? '',
      })),
      listedAt: Date.now(),
    };
    return disks;
  }
  // Without a listing, the disk the agent runs from is the one we can name.
  const root = await withTimeout(() =>
    diskUsage({ mount: path.parse(process.cwd()).root, device: '', fsType: '' }),
  );
  return root === null ? [] : [{ ...root, device: null, fsType: null }];
}

/** Every real disk, once per device at its shortest mount point, sorted by mount point. */
async function listDisks(): Promise<DiskUsage[]> {
  const listed = await (await systemInformation()).fsSize();
  const byDevice = new Map<string, DiskUsage>();
  for (const entry of [...listed].sort((a, b) => a.mount.length - b.mount.length)) {
    const fsType = entry.type.toLowerCase();
    if (!(entry.size > 0) || PSEUDO_FS_TYPES.has(fsType)) continue;
    // An overlay counts only as a container's own root (not the runtime's layers).
    if (fsType === 'overlay' && entry.mount !== '/') continue;
    if (byDevice.has(entry.fs)) continue;
    const freeBytes = Math.max(0, entry.available);
    byDevice.set(entry.fs, {
      mount: entry.mount,
      device: entry.fs,
      fsType: entry.type === '' ? null : entry.type,
      totalBytes: entry.size,
      usedBytes: entry.used,
      freeBytes,
      // As df: the percentage is of what unprivileged users can use.
      percent: percent(entry.used, entry.used + freeBytes),
    });
  }
  return [...byDevice.values()].sort((a, b) =>
    a.mount < b.mount ? -1 : a.mount > b.mount ? 1 : 0,
  );
}

/** Windows lists drives as "C:", which statfs reads as the current directory on C:. */
function statfsPath(mount: string): string {
  return /^[A-Za-z]:$/.test(mount) ? `${mount}\\` : mount;
}

export async function readPortableNetwork(): Promise<NetworkCounters[] | null> {
  const stats = await withTimeout(
    async () => (await systemInformation()).networkStats('*'),
    CALL_TIMEOUT_MS,
  );
  if (stats === null) return null;
  return stats
    .filter((entry) => Number.isFinite(entry.rx_bytes) && Number.isFinite(entry.tx_bytes))
    .map((entry) => ({ interface: entry.iface, rxBytes: entry.rx_bytes, txBytes: entry.tx_bytes }));
}

export async function readPortableProcessCount(): Promise<number | null> {
  const processes = await withTimeout(
    async () => (await systemInformation()).processes(),
    CALL_TIMEOUT_MS,
  );
  return processes !== null && processes.all > 0 ? processes.all : null;
}
