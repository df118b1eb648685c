// Incremental marking off in the processes that carry bytes with a small heap: the agent, and
// the CLI's `forward`, `shell` and `files` commands. Never in the server, whose heap holds the
// fleet: there one collection done in one go would pause every agent's traffic.
//
// Why (docs/BENCHMARKS.md, "V8's heap settings for the processes that carry bytes"): every
// socket read is a fresh 64 KiB ArrayBuffer, external memory to V8, and a busy tunnel churns
// hundreds of MiB of them a second. V8 11 and 12 (Node 20, 22) count the external bytes
// allocated since the last full collection against the old generation's headroom, so on these
// small heaps (about 11 MB) V8 restarted marking after every major collection while bytes
// flowed: 40–65 major collections per 256 MiB tunnel on Node 20, a fifth to a third of the
// agent's and the CLI's CPU. Without incremental marking a major collection comes only when the
// old generation is full, in one short pause on a heap this small: 1–2 in the same run.
//
// The flag is read each time V8 decides whether to start marking, so setting it at run time
// works (test/lib/v8-heap.test.ts checks it in a child process, against a control that does mark
// incrementally, on every Node the suite runs on) — but only before V8 has begun marking: flipped
// mid-run, inside a `files get`, it met a marking in progress once and V8 aborted the process
// ("Fatal error … unreachable code"). So the entries set it first thing, before anything else
// loads: ../agent/heap-first.ts and ../cli/heap-first.ts (test/e2e/v8-heap.test.ts checks both).

import v8 from 'node:v8';

let markingOff = false;

/** Turns V8's incremental marking off for the rest of this process (once is enough). */
export function turnOffIncrementalMarking(): void {
  if (markingOff) return;
  v8.setFlagsFromString('--no-incremental-marking');
  markingOff = true;
}

/** Whether this process turned it off (what the agent's start line reports). */
export function incrementalMarkingIsOff(): boolean {
  return markingOff;
}
