// What a CLI command is: a name for dispatch, a line for the top-level help, its own --help
// text, and a run function that returns the exit status (only main exits the process).

import type { CommandIO } from './output.js';

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], io: CommandIO): Promise<number>;
}
