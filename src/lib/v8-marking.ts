// V8's incremental marking, turned off in the processes that carry bytes with a small heap: the
// agent, and the CLI while it forwards a port, runs a shell or moves a file to or from the
// operator's machine. Never in the server, whose heap holds the fleet (there a full collection
// done in one go would pause every agent's traffic; incremental marking spreads it out).
//
// Why (docs/BENCHMARKS.md, "Tunnels and shells"): carrying bytes, these processes keep a small
// old generation (about 11 MB) and churn 64 KiB socket buffers. On Node 20's V8, every major
// collection there was followed at once by the start of another incremental marking — a tunnel
// of 256 MiB cost the agent and the CLI 40–65 major collections each, a fifth to a third of
// their CPU. Without incremental marking a major collection comes only when the old generation
// is really full, and is short on so small a heap (a few ms): 1–2 in the same run, and the
// tunnel's CPU per MiB fell by about a third. The flag is read each time V8 would start
// marking, so setting it at run time, before the bytes flow, is enough (checked by
// test/lib/v8-marking.test.ts on every Node the suite runs on).

import v8 from 'node:v8';

let off = false;

/** Turns V8's incremental marking off for the rest of this process (once is enough). */
export function turnOffIncrementalMarking(): void {
  if (off) return;
  v8.setFlagsFromString('--no-incremental-marking');
  off = true;
}

/** Whether this process turned it off (what the agent's start line reports). */
export function incrementalMarkingIsOff(): boolean {
  return off;
}
