// Imported first by the agent's entry (./main.ts), before anything else loads: V8's heap settings
// for a process that carries bytes, while the heap is still too small to be marked (which, why,
// and why first: ../lib/v8-heap.ts).
import { scavengeBuffersEarly, turnOffIncrementalMarking } from '../lib/v8-heap.js';

turnOffIncrementalMarking();
scavengeBuffersEarly();
