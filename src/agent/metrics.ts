// Host metrics for get_metrics, in a full form and a summary form (the hub's health checks).
// node:os gives the portable part; on Linux /proc adds what it lacks: available memory, swap,
// real mounts, network counters, the process count. Anything a platform cannot tell is null or
// an empty list — metrics never throw.

import { readdir, readFile, stat, statfs } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const DEFAULT_SAMPLE_MS = 250;
/** A dead NFS server hangs statfs forever; a disk slower than this is left out. */
const STATFS_TIMEOUT_MS = 2000;
const isLinux = process.platform === 'linux';

/** Filesystems that occupy no disk of their own. */
// prettier-ignore
const PSEUDO_FS_TYPES = new Set([
  'autofs', 'binfmt_misc', 'bpf', 'cgroup', 'cgroup2', 'configfs', 'debugfs', 'devfs', 'devpts',
  'devtmpfs', 'efivarfs', 'erofs', 'fuse.gvfsd-fuse', 'fuse.lxcfs', 'fuse.portal',
  'fuse.snapfuse', 'fusectl', 'hugetlbfs', 'mqueue', 'nfsd', 'nsfs', 'proc', 'pstore', 'ramfs',
  'rpc_pipefs', 'securityfs', 'selinuxfs', 'squashfs', 'sysfs', 'tmpfs', 'tracefs',
]);

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

export async function collectMetrics(options: {
  summary: boolean;
  sampleMs?: number;
}): Promise<Record<string, unknown>> {
  const [cpuPercent, meminfo, disks] = await Promise.all([
    sampleCpuPercent(options.sampleMs ?? DEFAULT_SAMPLE_MS),
    isLinux ? orNull(async () => parseMeminfo(await readFile('/proc/meminfo', 'utf8'))) : null,
    orNull(readDisks),
  ]);
  const memory = memoryUsage(meminfo);
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
    isLinux ? orNull(async () => parseNetDev(await readFile('/proc/net/dev', 'utf8'))) : null,
    isLinux ? orNull(countProcesses) : null,
    readBootTime(uptimeS),
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
    swap: swapUsage(meminfo),
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

function memoryUsage(meminfo: Map<string, number> | null): Usage {
  const totalBytes = meminfo?.get('MemTotal') ?? os.totalmem();
  // MemAvailable counts reclaimable cache as free, as `free` does; MemFree alone would not.
  const freeBytes = meminfo?.get('MemAvailable') ?? os.freemem();
  return usage(totalBytes, totalBytes - freeBytes);
}

function swapUsage(meminfo: Map<string, number> | null): Usage | null {
  const totalBytes = meminfo?.get('SwapTotal');
  const freeBytes = meminfo?.get('SwapFree');
  if (totalBytes === undefined || freeBytes === undefined) return null;
  return usage(totalBytes, totalBytes - freeBytes);
}

function usage(totalBytes: number, usedBytes: number): Usage {
  return {
    totalBytes,
    usedBytes,
    freeBytes: totalBytes - usedBytes,
    percent: percent(usedBytes, totalBytes),
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

async function readDisks(): Promise<DiskUsage[]> {
  if (!isLinux) {
    // Without /proc/mounts, the disk the agent runs from is the one we can name.
    const mount = path.parse(process.cwd()).root;
    const disk = await withTimeout(diskUsage({ mount, device: '', fsType: '' }));
    return disk === null ? [] : [{ ...disk, device: null, fsType: null }];
  }
  const mounts = parseMounts(await readFile('/proc/mounts', 'utf8'));
  const disks = await Promise.all(mounts.map((mount) => withTimeout(diskUsage(mount))));
  return disks.filter((disk): disk is DiskUsage => disk !== null);
}

async function diskUsage(mount: Mount): Promise<DiskUsage | null> {
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

async function readBootTime(uptimeS: number): Promise<string> {
  if (isLinux) {
    // btime is exact; now − uptime drifts by a second between calls.
    const procStat = await orNull(() => readFile('/proc/stat', 'utf8'));
    const btime = procStat === null ? undefined : /^btime (\d+)$/m.exec(procStat)?.[1];
    if (btime !== undefined) return new Date(Number(btime) * 1000).toISOString();
  }
  return new Date((Math.round(Date.now() / 1000) - uptimeS) * 1000).toISOString();
}

/** Percentage rounded to one decimal; 0 of 0 is 0. */
function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0;
}

async function orNull<T>(work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch {
    return null;
  }
}

async function withTimeout<T>(work: Promise<T | null>): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), STATFS_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work.catch(() => null), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
