// Imported first by the CLI's entry (../main.ts), before anything else loads: V8's heap settings
// for the commands that carry bytes and for the server, which relays them, while the heap is
// still too small to be marked (which, why, and why first: ../lib/v8-heap.ts). The server keeps
// incremental marking: its heap holds the fleet.
import { scavengeBuffersEarly, turnOffIncrementalMarking } from '../lib/v8-heap.js';

/** The commands whose process carries bytes with a small heap. */
const STREAMING_COMMANDS: ReadonlySet<string> = new Set(['forward', 'shell', 'files']);

const command = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
if (command !== undefined && STREAMING_COMMANDS.has(command)) {
  turnOffIncrementalMarking();
  scavengeBuffersEarly();
} else if (command === 'server') scavengeBuffersEarly();
