// CPU time (user + system) of processes and their descendants, from Linux /proc: what a stage of
// a pipeline cost, which holds up on a busy machine where wall-clock throughput does not (a
// process waiting for a core uses none).

import { readFileSync } from 'node:fs';

/** Linux's USER_HZ: /proc reports CPU times in these ticks (100 on every mainstream kernel). */
const TICKS_PER_SECOND = 100;

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** A process's own CPU ms so far (0 when it is gone). */
function ownCpuMs(pid: number): number {
  const stat = read(`/proc/${pid}/stat`);
  if (stat === null) return 0;
  // Fields after the command name (which may contain spaces) start at "state" (field 3).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

function childrenOf(pid: number): number[] {
  const text = read(`/proc/${pid}/task/${pid}/children`)?.trim() ?? '';
  return text === '' ? [] : text.split(/\s+/).map(Number);
}

/** CPU ms so far of `pid` and every live descendant (sshd's per-connection processes). */
export function treeCpuMs(pid: number): number {
  let total = ownCpuMs(pid);
  for (const child of childrenOf(pid)) total += treeCpuMs(child);
  return total;
}

/** Samples the named process trees now; `since()` gives each one's CPU ms used meanwhile. */
export function cpuMeter(pids: Record<string, number | undefined>) {
  const start = Object.fromEntries(
    Object.entries(pids).map(([name, pid]) => [name, pid ? treeCpuMs(pid) : 0]),
  );
  return {
    since(): Record<string, number> {
      return Object.fromEntries(
        Object.entries(pids).map(([name, pid]) => [
          name,
          (pid ? treeCpuMs(pid) : 0) - (start[name] ?? 0),
        ]),
      );
    },
  };
}

/** A process's resident memory now and at its peak, in MiB, from /proc (null when it is gone). */
export function residentMiB(pid: number | undefined): { now: number; peak: number } | null {
  const status = pid === undefined ? null : read(`/proc/${pid}/status`);
  if (status === null) return null;
  const kib = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return { now: Math.round(kib('VmRSS') / 1024), peak: Math.round(kib('VmHWM') / 1024) };
}
