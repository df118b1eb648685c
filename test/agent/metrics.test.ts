// Metrics shape on the real machine, from both sources (/proc on Linux, and the portable
// systeminformation path that macOS and Windows use, forced here), and the pure /proc parsers
// against fixed text.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  collectMetrics,
  parseMounts,
  parseNetDev,
  PORTABLE_METRICS_ENV,
} from '../../src/agent/metrics.js';

const isLinux = process.platform === 'linux';

function assertPercent(value: unknown, what: string): void {
  assert.equal(typeof value, 'number', `${what} is a number`);
  const percent = value as number;
  assert.ok(percent >= 0 && percent <= 100, `${what} = ${percent} is within 0–100`);
  assert.equal(Math.round(percent * 10) / 10, percent, `${what} is rounded to one decimal`);
}

function assertUsage(value: unknown, what: string): void {
  const usage = value as Record<string, unknown>;
  for (const key of ['totalBytes', 'usedBytes', 'freeBytes']) {
    assert.equal(typeof usage[key], 'number', `${what}.${key}`);
  }
  assertPercent(usage.percent, `${what}.percent`);
}

const FULL_KEYS = [
  'arch',
  'bootTime',
  'cpu',
  'disks',
  'hostname',
  'memory',
  'network',
  'platform',
  'platformRelease',
  'processCount',
  'swap',
  'uptimeS',
];
const SUMMARY_KEYS = [
  'cpuPercent',
  'diskPercent',
  'hostname',
  'load1',
  'memoryPercent',
  'platform',
  'uptimeS',
];

function assertFullForm(metrics: Record<string, unknown>): void {
  assert.deepEqual(Object.keys(metrics).sort(), FULL_KEYS);
  assert.equal(metrics.platform, process.platform);
  assert.equal(typeof metrics.hostname, 'string');
  assert.ok(Number.isInteger(metrics.uptimeS));
  assert.ok(!Number.isNaN(Date.parse(metrics.bootTime as string)));

  const cpu = metrics.cpu as { usagePercent: unknown; cores: unknown; load: unknown };
  if (cpu.usagePercent !== null) assertPercent(cpu.usagePercent, 'cpu.usagePercent');
  assert.ok(typeof cpu.cores === 'number' && cpu.cores > 0);
  if (process.platform !== 'win32') assert.equal((cpu.load as number[]).length, 3);

  assertUsage(metrics.memory, 'memory');
  if (metrics.swap !== null) assertUsage(metrics.swap, 'swap');

  const disks = metrics.disks as Record<string, unknown>[];
  assert.ok(Array.isArray(disks));
  for (const disk of disks) {
    assert.equal(typeof disk.mount, 'string');
    assertUsage(disk, `disk ${String(disk.mount)}`);
    assert.ok(
      !['proc', 'sysfs', 'tmpfs', 'devtmpfs', 'cgroup', 'squashfs'].includes(disk.fsType as string),
    );
  }
  const devices = disks.map((disk) => disk.device).filter((device) => device !== null);
  assert.equal(new Set(devices).size, devices.length, 'one entry per device');
  assert.ok(Array.isArray(metrics.network));
  for (const counters of metrics.network as Record<string, unknown>[]) {
    assert.equal(typeof counters.interface, 'string');
    assert.equal(typeof counters.rxBytes, 'number');
    assert.equal(typeof counters.txBytes, 'number');
  }
  if (metrics.processCount !== null) {
    assert.ok(typeof metrics.processCount === 'number' && metrics.processCount > 0);
  }
}

/** What every source must find on a Linux machine such as this one (CI and development). */
function assertLinuxDetail(metrics: Record<string, unknown>): void {
  const disks = metrics.disks as Record<string, unknown>[];
  assert.ok(
    disks.some((disk) => disk.mount === '/'),
    `the root filesystem is listed among ${JSON.stringify(disks)}`,
  );
  for (const disk of disks) {
    assert.equal(typeof disk.device, 'string', `disk ${String(disk.mount)} names its device`);
    assert.equal(typeof disk.fsType, 'string', `disk ${String(disk.mount)} names its type`);
  }
  assertUsage(metrics.swap, 'swap');
  assert.ok((metrics.network as unknown[]).length > 0, 'network counters are listed');
  assert.ok(
    (metrics.network as { interface: string }[]).some((counters) => counters.interface === 'lo'),
    'the loopback interface is counted',
  );
  assert.ok(typeof metrics.processCount === 'number' && metrics.processCount > 0);
}

function assertSummaryForm(summary: Record<string, unknown>): void {
  assert.deepEqual(Object.keys(summary).sort(), SUMMARY_KEYS);
  assert.equal(summary.platform, process.platform);
  assertPercent(summary.memoryPercent, 'memoryPercent');
  if (summary.cpuPercent !== null) assertPercent(summary.cpuPercent, 'cpuPercent');
  if (summary.diskPercent !== null) assertPercent(summary.diskPercent, 'diskPercent');
  if (process.platform !== 'win32') assert.equal(typeof summary.load1, 'number');
}

describe('collectMetrics', () => {
  test('full form', async () => {
    const metrics = await collectMetrics({ summary: false, sampleMs: 100 });
    assertFullForm(metrics);
    if (isLinux) assertLinuxDetail(metrics);
  });

  test('summary form', async () => {
    assertSummaryForm(await collectMetrics({ summary: true, sampleMs: 100 }));
  });

  test('the summary disk percent is the highest over disks', async () => {
    const full = await collectMetrics({ summary: false, sampleMs: 0 });
    const summary = await collectMetrics({ summary: true, sampleMs: 0 });
    const percents = (full.disks as { percent: number }[]).map((disk) => disk.percent);
    if (percents.length === 0) return;
    // Disks may move between the two calls; they stay close.
    assert.ok(Math.abs((summary.diskPercent as number) - Math.max(...percents)) < 5);
  });
});

describe('collectMetrics, portable sources (macOS and Windows; forced here)', () => {
  test('full form has the same shape and, on Linux, the same detail', async () => {
    const metrics = await collectMetrics({ summary: false, sampleMs: 100, portable: true });
    assertFullForm(metrics);
    if (isLinux) assertLinuxDetail(metrics);
  });

  test('finds the same disks, memory and process count as /proc', { skip: !isLinux }, async () => {
    const [proc, portable] = await Promise.all([
      collectMetrics({ summary: false, sampleMs: 0, portable: false }),
      collectMetrics({ summary: false, sampleMs: 0, portable: true }),
    ]);
    const mounts = (metrics: Record<string, unknown>) =>
      (metrics.disks as { mount: string }[]).map((disk) => disk.mount);
    assert.ok(
      mounts(proc).includes('/') && mounts(portable).includes('/'),
      `both list the root: ${JSON.stringify({ proc: mounts(proc), portable: mounts(portable) })}`,
    );
    const rootOf = (metrics: Record<string, unknown>) =>
      (metrics.disks as { mount: string; totalBytes: number }[]).find((disk) => disk.mount === '/');
    // df rounds to kilobytes; the sizes agree to far better than a percent.
    const procRoot = rootOf(proc)?.totalBytes ?? 0;
    assert.ok(Math.abs(procRoot - (rootOf(portable)?.totalBytes ?? 0)) < procRoot / 100);
    const memoryTotal = (metrics: Record<string, unknown>) =>
      (metrics.memory as { totalBytes: number }).totalBytes;
    assert.equal(memoryTotal(portable), memoryTotal(proc));
    // Processes come and go (the portable source itself starts ps); the counts stay close.
    const procCount = proc.processCount as number;
    assert.ok(
      Math.abs((portable.processCount as number) - procCount) <= Math.max(50, procCount / 2),
    );
  });

  test('summary form, listed and then from the remembered disks', async () => {
    const first = await collectMetrics({ summary: true, sampleMs: 50, portable: true });
    assertSummaryForm(first);
    const second = await collectMetrics({ summary: true, sampleMs: 50, portable: true });
    assertSummaryForm(second);
    assert.equal(typeof second.diskPercent, 'number', 'the remembered disks are measured again');
    assert.ok(Math.abs((second.diskPercent as number) - (first.diskPercent as number)) < 5);
  });

  test(`${PORTABLE_METRICS_ENV}=1 selects the portable sources`, async () => {
    const saved = process.env[PORTABLE_METRICS_ENV];
    process.env[PORTABLE_METRICS_ENV] = '1';
    try {
      const metrics = await collectMetrics({ summary: false, sampleMs: 0 });
      assertFullForm(metrics);
      if (isLinux) assertLinuxDetail(metrics);
    } finally {
      if (saved === undefined) delete process.env[PORTABLE_METRICS_ENV];
      else process.env[PORTABLE_METRICS_ENV] = saved;
    }
  });
});

describe('parseMounts', () => {
  const procMounts = [
    'proc /proc proc rw,relatime 0 0',
    'sysfs /sys sysfs rw 0 0',
    'tmpfs /run tmpfs rw 0 0',
    'devtmpfs /dev devtmpfs rw 0 0',
    'cgroup2 /sys/fs/cgroup cgroup2 rw 0 0',
    '/dev/sda1 / ext4 rw 0 0',
    '/dev/sda2 /home/my\\040files xfs rw 0 0',
    '/dev/sda1 /var/lib/docker ext4 rw 0 0',
    '/dev/loop3 /snap/core/123 squashfs ro 0 0',
    'overlay /var/lib/docker/overlay2/abc/merged overlay rw 0 0',
    'server:/export /mnt/nfs nfs4 rw 0 0',
    '',
  ].join('\n');

  test('keeps real disks, once per device at the shortest mount, sorted by mount', () => {
    assert.deepEqual(parseMounts(procMounts), [
      { device: '/dev/sda1', mount: '/', fsType: 'ext4' },
      { device: '/dev/sda2', mount: '/home/my files', fsType: 'xfs' },
      { device: 'server:/export', mount: '/mnt/nfs', fsType: 'nfs4' },
    ]);
  });

  test("counts an overlay only as a container's own root", () => {
    const container = ['overlay / overlay rw 0 0', '/dev/vda /etc/hosts ext4 rw 0 0'].join('\n');
    // The bind-mounted /etc/hosts stays here; collectMetrics drops mounts that are files.
    assert.deepEqual(parseMounts(container), [
      { device: 'overlay', mount: '/', fsType: 'overlay' },
      { device: '/dev/vda', mount: '/etc/hosts', fsType: 'ext4' },
    ]);
  });
});

describe('parseNetDev', () => {
  test('reads receive and transmit byte counters per interface', () => {
    const text = [
      'Inter-|   Receive                                                |  Transmit',
      ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed',
      '    lo:    3193      29    0    0    0     0          0         0     3193      29    0    0    0     0       0          0',
      '  eth0: 262448468 181735 0    0    0     0          0         0  1007722   15036    0    0    0     0       0          0',
      '',
    ].join('\n');
    assert.deepEqual(parseNetDev(text), [
      { interface: 'lo', rxBytes: 3193, txBytes: 3193 },
      { interface: 'eth0', rxBytes: 262448468, txBytes: 1007722 },
    ]);
  });
});
