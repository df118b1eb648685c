// Preloaded into a benchmark's server (NODE_OPTIONS=--import …): V8's --trace-gc, which
// NODE_OPTIONS does not accept as a flag, turned on from inside. Each collection is one line
// on stdout.
import v8 from 'node:v8';

v8.setFlagsFromString('--trace-gc');
