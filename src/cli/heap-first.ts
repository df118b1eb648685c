// Imported first by the CLI's entry (../main.ts), before anything else loads: V8's incremental
// marking off for the commands that carry bytes, while the heap is still too small to be marked
// (why, and why first: ../lib/v8-heap.ts). Never for `server`, whose heap holds the fleet.
import { turnOffIncrementalMarking } from '../lib/v8-heap.js';

/** The commands whose process carries bytes with a small heap. */
const STREAMING_COMMANDS: ReadonlySet<string> = new Set(['forward', 'shell', 'files']);

const command = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
if (command !== undefined && STREAMING_COMMANDS.has(command)) turnOffIncrementalMarking();
