// Imported first by the CLI's entry (../main.ts), before anything else loads: the commands that
// carry bytes (forward, shell, files) turn V8's incremental marking off while the heap is still
// too small for V8 to be marking it. Turned off later, mid-run, it can meet a marking in
// progress, and V8 then aborts the process ("Fatal error … unreachable code": seen once in a
// `files get`). Never for `server`, whose heap holds the fleet. Why: ../lib/v8-heap.ts.
import { turnOffIncrementalMarking } from '../lib/v8-heap.js';

/** The commands whose process carries bytes with a small heap. */
const STREAMING_COMMANDS: ReadonlySet<string> = new Set(['forward', 'shell', 'files']);

const command = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
if (command !== undefined && STREAMING_COMMANDS.has(command)) turnOffIncrementalMarking();
