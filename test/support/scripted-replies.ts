// What an agent played by hand answers (a scripted agent in a test, the simulated agents of the
// benchmarks), where its answer is not what the test is about.

import type { RunCommandResult } from '../../src/protocol/rpc.js';

/** A command like `true`: exit 0, nothing printed. */
export const TRUE_COMMAND_RESULT: Readonly<RunCommandResult> = {
  stdout: '',
  stderr: '',
  returncode: 0,
  timedOut: false,
  truncated: false,
  durationMs: 1,
};
