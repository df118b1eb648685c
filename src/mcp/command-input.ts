// The inputs run_command and run_bulk_command share: where the command runs and how long it may
// take, with the fleet's bounds (fleet/limits.ts), so both tools refuse the same values.

import { z } from 'zod';
import { DEFAULT_TIMEOUT_S, MAX_PATH_LENGTH, MAX_TIMEOUT_S } from '../fleet/limits.js';

export const cwdInput = z
  .string()
  .min(1)
  .max(MAX_PATH_LENGTH)
  .optional()
  .describe('Absolute working directory.');

/** `where` says whose process is killed: "" for one client, " on each client" for a filter. */
export const timeoutInput = (where: string) =>
  z
    .number()
    .int()
    .min(1)
    .max(MAX_TIMEOUT_S)
    .default(DEFAULT_TIMEOUT_S)
    .describe(`Seconds before the command is killed${where} (default ${DEFAULT_TIMEOUT_S}).`);
