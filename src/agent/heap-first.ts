// Imported first by the agent's entry (./main.ts), before anything else loads: V8's incremental
// marking off while the heap is still too small to be marked (why, and why first:
// ../lib/v8-heap.ts).
import { turnOffIncrementalMarking } from '../lib/v8-heap.js';

turnOffIncrementalMarking();
