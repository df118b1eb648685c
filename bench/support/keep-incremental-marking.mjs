// Preloaded into the agent and the CLI by `bench/tunnels.ts --incremental-marking`: keeps V8's
// incremental marking on, as before src/lib/v8-marking.ts turned it off, so that one run can
// compare both. The process calls v8.setFlagsFromString('--no-incremental-marking') itself
// once it runs; this preload makes that call (and only that one) do nothing.
import v8 from 'node:v8';

const set = v8.setFlagsFromString.bind(v8);
v8.setFlagsFromString = (flags) => {
  if (String(flags).trim() === '--no-incremental-marking') return;
  set(flags);
};
