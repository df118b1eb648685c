// Preloaded into the server, the agent and the CLI by `bench/tunnels.ts --v8-defaults`: runs
// them with V8's own heap settings, as before src/lib/v8-heap.ts, so that one run can compare
// both. The processes call v8.setFlagsFromString themselves once they run; this preload makes
// those two calls (and only those) do nothing.
import v8 from 'node:v8';

const IGNORED = new Set([
  '--no-incremental-marking',
  '--external-memory-accounted-in-global-limit',
]);
const set = v8.setFlagsFromString.bind(v8);
v8.setFlagsFromString = (flags) => {
  if (IGNORED.has(String(flags).trim())) return;
  set(flags);
};
