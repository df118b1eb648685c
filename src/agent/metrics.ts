// Host metrics for get_metrics, in a full form and a summary form (the hub's health checks).
// node:os gives the portable part (CPU times, load, cores, uptime, hostname). The rest comes
// from one of two sources:
// - Linux: /proc (available memory, swap, real mounts through statfs, network counters, the
//   process count). Reading a few files takes about a millisecond and starts no process, which
//   matters because the summary is sampled with every heartbeat.
// - macOS, Windows and anything else: the systeminformation package (metrics-portable.ts), which
//   shells out to vm_stat/df/netstat/ps or PowerShell. `portable: true` or
//   ETPHONEHOME_METRICS_PORTABLE=1 forces it on Linux too (that is how it is tested here).
// Both give the same shape. Every platform call is bounded by a timeout (a hung NFS mount or a
// stuck child process leaves its disk or field out) and anything a platform cannot tell is null
// or an empty list: metrics never throw.

import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  readPortableDisks,
  readPortableMemory,
  readPortableNetwork,
  readPortableProcessCount,
  type MemoryAndSwap,
} from './metrics-portable.js';
import {
  diskUsage,
  orNull,
  percent,
  usage,
  withTimeout,
  type DiskUsage,
  type Mount,
  type NetworkCounters,
} from './metrics-usage.js';

export type { DiskUsage, Mount, NetworkCounters, Usage } from './metrics-usage.js';

const DEFAULT_SAMPLE_MS = 250;
export const PORTABLE_METRICS_ENV = 'ETPHONEHOME_METRICS_PORTABLE';

/** Filesystems that occupy no disk of their own. */
// prettier-ignore
const PSEUDO_FS_TYPES = new Set([
  'autofs', 'binfmt_misc', 'bpf', 'cgroup', 'cgroup2', 'configfs', 'debugfs', 'devfs', 'devpts',
  'devtmpfs', 'efivarfs', 'erofs', 'fuse.gvfsd-fuse', 'fuse.lxcfs', 'fuse.portal',
  'fuse.snapfuse', 'fusectl', 'hugetlbfs', 'mqueue', 'nfsd', 'nsfs', 'proc', 'pstore', 'ramfs',
  'rpc_pipefs', 'securityfs', 'selinuxfs', 'squashfs', 'sysfs', 'tmpfs', 'tracefs',
]);

export interface MetricsOptions {
  summary: boolean;
  /** How long the CPU usage is sampled over (default 250 ms). */
  sampleMs?: number;
  /** Use the portable sources even on Linux (default: ETPHONEHOME_METRICS_PORTABLE=1). */
  portable?: boolean;
}

export async function collectMetrics(options: MetricsOptions): Promise<Record<string, unknown>> {
  const portable =
    options.portable ?? (process.platform !== 'linux' || process.env[PORTABLE_METRICS_ENV] === '1');
  const [cpuPercent, memoryAndSwap, disks] = await Promise.all([
    sampleCpuPercent(options.sampleMs ?? DEFAULT_SAMPLE_MS),
    portable ? readPortableMemory(options) : readProcMemory(),
    portable ? readPortableDisks(options) : orNull(readProcDisks),
  ]);
  const { memory, swap } = memoryAndSwap;
  const load = readLoad();
  const uptimeS = Math.floor(os.uptime());

  if (options.summary) {
    const diskPercents = (disks ?? []).map((disk) => disk.percent);
    return {
      hostname: os.hostname(),
      platform: process.platform,
      cpuPercent,
      memoryPercent: memory.percent,
      diskPercent: diskPercents.length > 0 ? Math.max(...diskPercents) : null,
      load1: load?.[0] ?? null,
      uptimeS,
    };
  }

  const [network, processCount, bootTime] = await Promise.all([
    portable
      ? readPortableNetwork()
      : orNull(async () => parseNetDev(await readFile('/proc/net/dev', 'utf8'))),
    portable ? readPortableProcessCount() : orNull(countProcesses),
    readBootTime(uptimeS, portable),
  ]);
  const cores = os.cpus().length;
  return {
    hostname: os.hostname(),
    platform: process.platform,
    platformRelease: os.release(),
    arch: os.arch(),
    uptimeS,
    bootTime,
    cpu: { usagePercent: cpuPercent, cores: cores > 0 ? cores : null, load },
    memory,
    swap,
    disks: disks ?? [],
    network: network ?? [],
    processCount,
  };
}

/** Busy share of all CPUs over `sampleMs`; null where the platform reports no CPU times. */
async function sampleCpuPercent(sampleMs: number): Promise<number | null> {
  const before = cpuTimes();
  await sleep(sampleMs);
  const after = cpuTimes();
  if (before === null || after === null || after.totalMs <= before.totalMs) return null;
  const totalMs = after.totalMs - before.totalMs;
  return percent(totalMs - (after.idleMs - before.idleMs), totalMs);
}

function cpuTimes(): { idleMs: number; totalMs: number } | null {
  const cpus = os.cpus();
  if (cpus.length === 0) return null;
  let idleMs = 0;
  let totalMs = 0;
  for (const { times } of cpus) {
    idleMs += times.idle;
    totalMs += times.user + times.nice + times.sys + times.idle + times.irq;
  }
  return { idleMs, totalMs };
}

function readLoad(): number[] | null {
  // Windows has no load average; os.loadavg() answers zeros there, which would read as idle.
  if (process.platform === 'win32') return null;
  return os.loadavg().map((value) => Math.round(value * 100) / 100);
}

async function readProcMemory(): Promise<MemoryAndSwap> {
  const meminfo = await orNull(async () => parseMeminfo(await readFile('/proc/meminfo', 'utf8')));
  const totalBytes = meminfo?.get('MemTotal') ?? os.totalmem();
  // MemAvailable counts reclaimable cache as free, as `free` does; MemFree alone would not.
  const freeBytes = meminfo?.get('MemAvailable') ?? os.freemem();
  const swapTotalBytes = meminfo?.get('SwapTotal');
  const swapFreeBytes = meminfo?.get('SwapFree');
  return {
    memory: usage(totalBytes, totalBytes - freeBytes),
    swap:
      swapTotalBytes === undefined || swapFreeBytes === undefined
        ? null
        : usage(swapTotalBytes, swapTotalBytes - swapFreeBytes),
  };
}

/** /proc/meminfo as bytes by field name. */
function parseMeminfo(text: string): Map<string, number> {
  const fields = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^(\w+):\s+(\d+)(\s+kB)?/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) {
      fields.set(match[1], Number(match[2]) * (match[3] === undefined ? 1 : 1024));
    }
  }
  return fields;
}

async function readProcDisks(): Promise<DiskUsage[]> {
  const mounts = parseMounts(await readFile('/proc/mounts', 'utf8'));
  const disks = await Promise.all(mounts.map((mount) => withTimeout(() => diskUsage(mount))));
  return disks.filter((disk): disk is DiskUsage => disk !== null);
}

/**
 * The real disks in /proc/mounts: pseudo filesystems left out, container-runtime overlays too
 * (an overlay counts only as a container's own root), one entry per device at its shortest
 * mount point, sorted by mount point.
 */
export function parseMounts(text: string): Mount[] {
  const candidates: Mount[] = [];
  for (const line of text.split('\n')) {
    const [device, mount, fsType] = line.split(' ');
    if (device === undefined || mount === undefined || fsType === undefined) continue;
    if (PSEUDO_FS_TYPES.has(fsType)) continue;
    const entry = { device: unescapeMountField(device), mount: unescapeMountField(mount), fsType };
    if (fsType === 'overlay' && entry.mount !== '/') continue;
    candidates.push(entry);
  }
  candidates.sort((a, b) => a.mount.length - b.mount.length);
  const byDevice = new Map<string, Mount>();
  for (const entry of candidates)
    if (!byDevice.has(entry.device)) byDevice.set(entry.device, entry);
  return [...byDevice.values()].sort((a, b) =>
    a.mount < b.mount ? -1 : a.mount > b.mount ? 1 : 0,
  );
}

/** The kernel writes space, tab, newline and backslash in mount fields as octal escapes. */
function unescapeMountField(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) =>
    String.fromCharCode(parseInt(octal, 8)),
  );
}

/** Byte counters per interface from /proc/net/dev. */
export function parseNetDev(text: string): NetworkCounters[] {
  const counters: NetworkCounters[] = [];
  // Two header lines; then "  eth0: rxBytes rxPackets … (8 receive fields) txBytes …".
  for (const line of text.split('\n').slice(2)) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const fields = line
      .slice(colon + 1)
      .trim()
      .split(/\s+/)
      .map(Number);
    const rxBytes = fields[0];
    const txBytes = fields[8];
    if (rxBytes === undefined || txBytes === undefined) continue;
    counters.push({ interface: line.slice(0, colon).trim(), rxBytes, txBytes });
  }
  return counters;
}

async function countProcesses(): Promise<number> {
  return (await readdir('/proc')).filter((name) => /^\d+$/.test(name)).length;
}

async function readBootTime(uptimeS: number, portable: boolean): Promise<string> {
  if (!portable) {
    // btime is exact; now − uptime drifts by a second between calls.
    const procStat = await orNull(() => readFile('/proc/stat', 'utf8'));
    const btime = procStat === null ? undefined : /^btime (\d+)$/m.exec(procStat)?.[1];
    if (btime !== undefined) return new Date(Number(btime) * 1000).toISOString();
  }
  return new Date((Math.round(Date.now() / 1000) - uptimeS) * 1000).toISOString();
}
