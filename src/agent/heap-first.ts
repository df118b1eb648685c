// Imported first by the agent's entry (./main.ts), before anything else loads: turns V8's
// incremental marking off while the heap is still too small for V8 to be marking it. Turned off
// later, mid-run, it can meet a marking in progress, and V8 then aborts the process ("Fatal
// error … unreachable code": seen once in a CLI). Why the agent runs without it:
// ../lib/v8-heap.ts.
import { turnOffIncrementalMarking } from '../lib/v8-heap.js';

turnOffIncrementalMarking();
