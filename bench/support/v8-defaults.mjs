// Preloaded into the agent and the CLI (and the server, which makes no such call) by
// `bench/tunnels.ts --v8-defaults`: runs them with V8's own heap settings, as before
// src/lib/v8-heap.ts, so that one run can compare both. The processes call
// v8.setFlagsFromString('--no-incremental-marking') themselves once they run; this preload makes
// that call (and only that one) do nothing.
import v8 from 'node:v8';

const set = v8.setFlagsFromString.bind(v8);
v8.setFlagsFromString = (flags) => {
  if (String(flags).trim() === '--no-incremental-marking') return;
  set(flags);
};
