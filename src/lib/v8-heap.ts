// V8's heap settings for the processes that carry bytes (docs/BENCHMARKS.md, "V8's heap settings
// for the processes that carry bytes"). Every socket read is a fresh 64 KiB ArrayBuffer, external
// memory to V8, and a busy tunnel churns hundreds of MiB of them a second. Two settings, each
// applied first thing by the entries, before anything else loads (../agent/heap-first.ts,
// ../cli/heap-first.ts; test/e2e/v8-heap.test.ts checks both):
//
// - Incremental marking off, in the agent and the CLI's `forward`, `shell` and `files`; never in
//   the server, whose heap holds the fleet: there one collection done in one go would pause every
//   agent's traffic. V8 11 and 12 (Node 20, 22) count the external bytes allocated since the last
//   full collection against the old generation's headroom, so on these small heaps (about 11 MB)
//   V8 restarted marking after every major collection while bytes flowed: 40–65 major
//   collections per 256 MiB tunnel on Node 20, a fifth to a third of the agent's and the CLI's
//   CPU. Without incremental marking a major collection comes only when the old generation is
//   full, in one short pause on a heap this small: 1–2 in the same run.
// - On V8 13 (Node 24), external memory counted in the heap's global limit, in those processes
//   and in the server too. V8 13 starts a major collection for about every 64 MB of external bytes
//   unless --external-memory-accounted-in-global-limit is on (its later default): 26–39 of them
//   per 2 GiB of buffers, in the server as well, where they took 62 % of its CPU in a tunnel.
//   With the flag alone, though, the dead buffers wait for a scavenge, which V8 13 starts only
//   once 2 × its default semi-space (128 MB) of them are young — 55–120 MB more resident per
//   process. --scavenger-max-new-space-capacity-mb=8 brings that default, and so the trigger,
//   to 32 MB, as on Node 20. Set at run time it changes nothing else: a young generation sized at
//   start (`--max-semi-space-size`, the server's 64 MiB) keeps its size. Other V8 versions are
//   left as they are: V8 14 (Node 25) lacks the second flag, and the first alone only halved
//   the major collections of a bare reproduction there.
//
// The flags are read each time V8 decides to collect, so setting them at run time works
// (test/lib/v8-heap.test.ts checks each in a child process against a control) — but only before
// V8 has begun marking: flipped mid-run, inside a `files get`, --no-incremental-marking met a
// marking in progress once and V8 aborted the process ("Fatal error … unreachable code").

import v8 from 'node:v8';

/** The young ArrayBuffers' scavenge trigger on V8 13, in MB per semi-space (2 × 2 × this). */
const SCAVENGER_CAPACITY_MB = 8;

let markingOff = false;
let externalInGlobalLimit = false;

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

/** V8's major version: 11 on Node 20, 12 on 22, 13 on 24. */
function v8Major(): number {
  return Number.parseInt(process.versions.v8, 10);
}

/**
 * On V8 13, counts external memory in the heap's global limit and scavenges young ArrayBuffers
 * every 32 MB; elsewhere does nothing (the flags do not exist or mean something else there).
 */
export function countExternalMemoryInGlobalLimit(): void {
  if (externalInGlobalLimit || v8Major() !== 13) return;
  v8.setFlagsFromString('--external-memory-accounted-in-global-limit');
  v8.setFlagsFromString(`--scavenger-max-new-space-capacity-mb=${SCAVENGER_CAPACITY_MB}`);
  externalInGlobalLimit = true;
}

/** Whether this process counts external memory in the global limit (the start lines say so). */
export function externalMemoryInGlobalLimit(): boolean {
  return externalInGlobalLimit;
}
