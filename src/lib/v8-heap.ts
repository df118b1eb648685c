// Two V8 heap settings our processes make at run time, because they carry bytes: every socket
// read is a fresh 64 KiB ArrayBuffer (external memory to V8), and a busy tunnel churns through
// hundreds of MiB of them a second. Measured in docs/BENCHMARKS.md ("Tunnels and shells").
//
// 1. External memory counted in the global limit (every process: server, agent, CLI), on V8 13
//    (Node 24). Otherwise V8 counts the external bytes allocated since the last full collection
//    against the old generation's headroom (its "historic behavior", in V8's source), so a stream
//    of socket buffers used that headroom up within ~100 ms and V8 marked the whole heap again
//    and again: in Node 24's server, its marking and sweeping threads took more CPU than the
//    relay itself. V8 later made the flag its default and removed it; V8 11 and 12 (Node 20, 22)
//    do not have it. On Node 20 the same counting is what restarted marking in the agent and the
//    CLI (2.); Node 22 showed neither.
// 2. Incremental marking off, in the agent and the CLI's byte-carrying commands only (forward,
//    shell, files get|put with the operator's machine). On Node 20's V8 their small heaps (about
//    11 MB) restarted marking after every major collection while bytes flowed: 40–65 major
//    collections per 256 MiB tunnel, a fifth to a third of their CPU. Without incremental marking
//    a major collection comes only when the old generation is full, in one short pause on a heap
//    this small. Never in the server, whose heap holds the fleet: there one collection in one go
//    would pause every agent's traffic.
//
// Both flags are read each time V8 decides whether to collect, so setting them at run time,
// before the bytes flow, is enough (test/lib/v8-heap.test.ts checks each in a child process,
// with a control showing the workload does trigger V8, on every Node the suite runs on).

import v8 from 'node:v8';

let markingOff = false;
let externalInGlobal = false;

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

/**
 * Whether this V8 has `--external-memory-accounted-in-global-limit` and not yet as its default:
 * V8 13 (Node 24). Node 20 and 22 (V8 11, 12) lack it; V8 made it the default later and then
 * removed it. Decided by version: V8 prints an error for a flag it does not know.
 */
export function externalMemoryFlagKnown(v8Version = process.versions.v8): boolean {
  return Number(v8Version.split('.')[0]) === 13;
}

/**
 * Makes V8 count external memory (ArrayBuffers) in its global limit where it has the flag for
 * it (once is enough); true when this process now does.
 */
export function accountExternalMemoryInGlobalLimit(): boolean {
  if (!externalInGlobal && externalMemoryFlagKnown()) {
    v8.setFlagsFromString('--external-memory-accounted-in-global-limit');
    externalInGlobal = true;
  }
  return externalInGlobal;
}

/** What a process that carries bytes with a small heap sets: the agent, the CLI's streams. */
export function tuneHeapForStreaming(): void {
  accountExternalMemoryInGlobalLimit();
  turnOffIncrementalMarking();
}
