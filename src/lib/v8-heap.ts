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
// - On V8 13 (Node 24), dead read buffers scavenged every 32 MB, in those processes and in the
//   server too. V8 13 scavenges young ArrayBuffers early only once 2 × its default semi-space of
//   them are young (128 MB on Node 24; 32 MB on Node 20), while every 64 MB of external bytes
//   starts a major collection: so in a tunnel it marked the heap again and again and never
//   scavenged, which took 62 % of the server's CPU. --scavenger-max-new-space-capacity-mb=8
//   brings that default, and so the trigger, to 32 MB; set at run time it changes nothing else
//   (a young generation sized at start, as the server's 64 MiB, keeps its size). Other V8
//   versions are left as they are (V8 14, Node 25, has no such flag).
//   The server also needs room under its old generation's limit, which only a flag at start can
//   give (--initial-old-space-size: npm start and the unit in docs/operations.md).
//   Not --external-memory-accounted-in-global-limit, which avoids the markings too: with it V8 13
//   let dead buffers that had lived through two scavenges pile up far past V8's own settings (20
//   connections to slow readers: agent 1.27 GB, CLI 500 MB, server 620 MB resident, against 260,
//   185 and 400).
//
// The flags are read each time V8 decides to collect, so setting them at run time works
// (test/lib/v8-heap.test.ts checks each in a child process against a control) — but only before
// V8 has begun marking: flipped mid-run, inside a `files get`, --no-incremental-marking met a
// marking in progress once and V8 aborted the process ("Fatal error … unreachable code").

import v8 from 'node:v8';

/**
 * V8 13's scavenger capacity (MB): its default semi-space is twice this (Node has no pointer
 * compression), and young ArrayBuffers are scavenged once twice that are young: 32 MB.
 */
const SCAVENGER_CAPACITY_MB = 8;

let markingOff = false;
let earlyBufferScavenge = false;

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

/** On V8 13, scavenges dead young read buffers every 32 MB; elsewhere does nothing. */
export function scavengeBuffersEarly(): void {
  if (earlyBufferScavenge || v8Major() !== 13) return;
  v8.setFlagsFromString(`--scavenger-max-new-space-capacity-mb=${SCAVENGER_CAPACITY_MB}`);
  earlyBufferScavenge = true;
}

/** Whether this process scavenges buffers early (the start lines say so). */
export function buffersScavengedEarly(): boolean {
  return earlyBufferScavenge;
}
