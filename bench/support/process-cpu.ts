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

/** The fields of /proc/PID/stat from "state" (field 3) on; null when the process is gone. */
function statFields(pid: number): string[] | null {
  const stat = read(`/proc/${pid}/stat`);
  // The command name before them may contain spaces: cut after its closing parenthesis.
  return stat === null ? null : stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** A process's own CPU ms so far (0 when it is gone). */
function ownCpuMs(pid: number): number {
  const fields = statFields(pid);
  if (fields === null) return 0;
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/**
 * A process's minor page faults so far (0 when it is gone): pages it touched for the first time
 * since the kernel gave them, e.g. fresh read buffers after the allocator returned memory.
 */
function ownMinorFaults(pid: number): number {
  return Number(statFields(pid)?.[7] ?? 0);
}

function childrenOf(pid: number): number[] {
  const text = read(`/proc/${pid}/task/${pid}/children`)?.trim() ?? '';
  return text === '' ? [] : text.split(/\s+/).map(Number);
}

function treeSum(pid: number, own: (pid: number) => number): number {
  let total = own(pid);
  for (const child of childrenOf(pid)) total += treeSum(child, own);
  return total;
}

/** CPU ms so far of `pid` and every live descendant (sshd's per-connection processes). */
export function treeCpuMs(pid: number): number {
  return treeSum(pid, ownCpuMs);
}

/** Minor page faults so far of `pid` and every live descendant. */
export function treeMinorFaults(pid: number): number {
  return treeSum(pid, ownMinorFaults);
}

/** Samples the named process trees now; `since()` gives what each one used meanwhile. */
function meter(pids: Record<string, number | undefined>, measure: (pid: number) => number) {
  const start = Object.fromEntries(
    Object.entries(pids).map(([name, pid]) => [name, pid ? measure(pid) : 0]),
  );
  return {
    since(): Record<string, number> {
      return Object.fromEntries(
        Object.entries(pids).map(([name, pid]) => [
          name,
          (pid ? measure(pid) : 0) - (start[name] ?? 0),
        ]),
      );
    },
  };
}

/** Samples the named process trees now; `since()` gives each one's CPU ms used meanwhile. */
export function cpuMeter(pids: Record<string, number | undefined>) {
  return meter(pids, treeCpuMs);
}

/** Samples the named process trees now; `since()` gives each one's minor faults meanwhile. */
export function faultMeter(pids: Record<string, number | undefined>) {
  return meter(pids, treeMinorFaults);
}

/** A process's resident memory now and at its peak, in MiB, from /proc (null when it is gone). */
export function residentMiB(pid: number | undefined): { now: number; peak: number } | null {
  const status = pid === undefined ? null : read(`/proc/${pid}/status`);
  if (status === null) return null;
  const kib = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return { now: Math.round(kib('VmRSS') / 1024), peak: Math.round(kib('VmHWM') / 1024) };
}
