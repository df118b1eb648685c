// The process's budget of open file descriptors (RLIMIT_NOFILE), which bounds how many agents one
// server can hold: each agent is one socket.
//
// Node has no setrlimit. It does not need one for the usual case: at start-up Node itself raises
// the soft limit to the hard limit on POSIX systems (src/node.cc, PlatformInit; seen here with
// `prlimit --nofile=1024:20000 node …`, which reports 20000). When the soft limit is still lower
// (an embedder that skipped it), prlimit(1) from util-linux raises it for this process — an
// unprivileged process may raise its own soft limit up to the hard one. Raising the hard limit
// needs privileges (systemd's LimitNOFILE=), which is the operator's job.

import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

export interface OpenFileLimits {
  soft: number;
  /** null = unlimited */
  hard: number | null;
}

function parseLimit(text: string): number | null {
  return text === 'unlimited' ? null : Number(text);
}

/** The soft and hard RLIMIT_NOFILE of a process (default: this one); null when unknown. */
export function readOpenFileLimits(pid: number | 'self' = 'self'): OpenFileLimits | null {
  try {
    const limits = readFileSync(`/proc/${pid}/limits`, 'utf8');
    const match = /^Max open files\s+(\d+|unlimited)\s+(\d+|unlimited)/m.exec(limits);
    if (match?.[1] && match[2]) {
      const soft = parseLimit(match[1]);
      return { soft: soft ?? Number.MAX_SAFE_INTEGER, hard: parseLimit(match[2]) };
    }
  } catch {
    // no /proc (macOS, BSD): ask a shell, which inherits this process's limits
  }
  if (pid !== 'self' && pid !== process.pid) return null;
  try {
    const out = execFileSync('/bin/sh', ['-c', 'ulimit -Sn; ulimit -Hn'], {
      encoding: 'utf8',
      timeout: 5000,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const [soft, hard] = out.trim().split(/\s+/);
    if (!soft || !hard) return null;
    return { soft: parseLimit(soft) ?? Number.MAX_SAFE_INTEGER, hard: parseLimit(hard) };
  } catch {
    return null;
  }
}

export interface RaiseResult {
  before: OpenFileLimits | null;
  after: OpenFileLimits | null;
  /** already: soft was at hard; prlimit: raised now; failed: still below hard (see error). */
  outcome: 'already' | 'prlimit' | 'failed' | 'unknown';
  error?: string;
}

/** Raises the soft RLIMIT_NOFILE of a process (default: this one) to its hard limit. */
export function raiseOpenFileLimit(pid: number = process.pid): RaiseResult {
  const before = readOpenFileLimits(pid);
  if (!before) return { before, after: before, outcome: 'unknown' };
  if (before.hard !== null && before.soft >= before.hard)
    return { before, after: before, outcome: 'already' };
  const target = before.hard === null ? 'unlimited' : String(before.hard);
  try {
    execFileSync('prlimit', ['--pid', String(pid), `--nofile=${target}:${target}`], {
      timeout: 5000,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    return {
      before,
      after: readOpenFileLimits(pid),
      outcome: 'failed',
      error: stderr || (error as Error).message,
    };
  }
  const after = readOpenFileLimits(pid);
  return after && after.soft > before.soft
    ? { before, after, outcome: 'prlimit' }
    : { before, after, outcome: 'failed', error: 'prlimit ran but the limit did not change' };
}

/** Descriptors this process has open now (Linux); null when unknown. */
export function countOpenFiles(): number | null {
  try {
    return readdirSync('/proc/self/fd').length;
  } catch {
    return null;
  }
}
