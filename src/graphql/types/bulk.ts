// Bulk operations by filter: the guide's "Bulk Operations" (find, then act on each) in one call,
// with one outcome per client.

import type { ClientOutcome, ClientView } from '../../fleet/index.js';
import type { RunCommandResult } from '../../protocol/rpc.js';
import {
  DEFAULT_PARALLELISM,
  DEFAULT_TIMEOUT_S,
  MAX_PARALLELISM,
  MAX_TIMEOUT_S,
} from '../../fleet/limits.js';
import { builder } from '../builder.js';
import { ClientFilterInput, ClientRef } from './client.js';
import { CommandResultRef, EnvironmentVariableInput, toEnvRecord } from './command.js';
import { OperationErrorRef } from './operation-error.js';

const UpdateClientsInput = builder.inputType('UpdateClientsInput', {
  description: 'Tag changes applied to every matching client.',
  fields: (t) => ({
    addTags: t.stringList({ required: false, description: 'Tags to add (kept if present).' }),
    removeTags: t.stringList({ required: false, description: 'Tags to remove (if present).' }),
  }),
});

const UpdateClientsResultRef = builder.objectRef<ClientView[]>('UpdateClientsResult');
UpdateClientsResultRef.implement({
  description: 'The clients a bulk update changed.',
  fields: (t) => ({
    count: t.int({
      description: 'How many clients matched and were updated.',
      resolve: (r) => r.length,
    }),
    clients: t.field({
      type: [ClientRef],
      description: 'Those clients, as they are now.',
      resolve: (r) => r,
    }),
  }),
});

const ClientCommandOutcomeRef =
  builder.objectRef<ClientOutcome<RunCommandResult>>('ClientCommandOutcome');
ClientCommandOutcomeRef.implement({
  description: 'One client’s part of a bulk command: a result, or the error that stopped it.',
  fields: (t) => ({
    client: t.field({ type: ClientRef, description: 'The client.', resolve: (o) => o.client }),
    result: t.field({
      type: CommandResultRef,
      nullable: true,
      description: 'The command’s outcome (check returncode); null when it did not run.',
      resolve: (o) => o.result,
    }),
    error: t.field({
      type: OperationErrorRef,
      nullable: true,
      description: 'Why it did not run or finish on this client; null when it did.',
      resolve: (o) => o.error,
    }),
  }),
});

const BulkCommandResultRef =
  builder.objectRef<ClientOutcome<RunCommandResult>[]>('BulkCommandResult');
BulkCommandResultRef.implement({
  description: 'A command run across the clients matching a filter.',
  fields: (t) => ({
    total: t.int({ description: 'Clients targeted.', resolve: (r) => r.length }),
    succeeded: t.int({
      description: 'Clients where the command ran and exited 0.',
      resolve: (r) => r.filter((o) => o.result?.returncode === 0).length,
    }),
    failed: t.int({
      description: 'Clients where it did not run, or exited non-zero.',
      resolve: (r) => r.filter((o) => o.result?.returncode !== 0).length,
    }),
    results: t.field({
      type: [ClientCommandOutcomeRef],
      description: 'One outcome per client, ordered by clientId.',
      resolve: (r) => r,
    }),
  }),
});

/** What a fleet-wide command runs and how (runCommandOnClients and startBulkCommand). */
export const bulkCommandArgs = builder.args((t) => ({
  cmd: t.string({ required: true, description: 'The command line.' }),
  cwd: t.string({
    required: false,
    description: 'Absolute working directory (inside each client’s allowedPaths when set).',
  }),
  timeout: t.int({
    required: false,
    defaultValue: DEFAULT_TIMEOUT_S,
    description: `Seconds before the command is killed on each client (1 to ${MAX_TIMEOUT_S}).`,
  }),
  env: t.field({
    type: [EnvironmentVariableInput],
    required: false,
    description: 'Extra environment variables.',
  }),
  parallelism: t.int({
    required: false,
    defaultValue: DEFAULT_PARALLELISM,
    description: `Clients worked on at once (1 to ${MAX_PARALLELISM}).`,
  }),
}));

builder.mutationFields((t) => ({
  updateClients: t.field({
    type: UpdateClientsResultRef,
    description:
      'Adds and removes tags on every client matching the filter, all or nothing. The filter needs at least one condition.',
    args: {
      filter: t.arg({
        type: ClientFilterInput,
        required: true,
        description: 'Which clients (at least one condition).',
      }),
      input: t.arg({ type: UpdateClientsInput, required: true, description: 'The tag changes.' }),
    },
    resolve: (_root, args, ctx) =>
      ctx.fleet.clients.updateMany(args.filter, args.input, ctx.caller),
  }),
  runCommandOnClients: t.field({
    type: BulkCommandResultRef,
    description:
      'Runs one command on every client matching the filter, a few at a time, with one outcome per client. The filter needs at least one condition; add onlineOnly: true to skip offline clients rather than report them.',
    args: {
      filter: t.arg({
        type: ClientFilterInput,
        required: true,
        description: 'Which clients (at least one condition).',
      }),
      ...bulkCommandArgs,
    },
    resolve: (_root, args, ctx) =>
      ctx.fleet.commands.runOnClients(
        args.filter,
        {
          cmd: args.cmd,
          cwd: args.cwd,
          timeout: args.timeout,
          env: toEnvRecord(args.env),
        },
        args.parallelism ?? DEFAULT_PARALLELISM,
        ctx.caller,
      ),
  }),
}));
