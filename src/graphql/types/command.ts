// Running commands on a client, and accepting a client's new key.

import type { RunCommandResult } from '../../protocol/rpc.js';
import { DEFAULT_TIMEOUT_S, MAX_TIMEOUT_S } from '../../fleet/limits.js';
import { builder } from '../builder.js';
import { clientMutation, clientRefDescription } from './client.js';
import { idempotencyKeyDescription } from './idempotency-key.js';

export const CommandResultRef = builder.objectRef<RunCommandResult>('CommandResult');
CommandResultRef.implement({
  description: 'The outcome of a command run on a client.',
  fields: (t) => ({
    stdout: t.exposeString('stdout', {
      description: 'Standard output (UTF-8), cut at the output cap when truncated.',
    }),
    stderr: t.exposeString('stderr', {
      description: 'Standard error (UTF-8), cut at the output cap when truncated.',
    }),
    returncode: t.exposeInt('returncode', {
      description: 'Exit status; 128+N when killed by signal N; 124 when the timeout killed it.',
    }),
    timedOut: t.exposeBoolean('timedOut', {
      description: 'True when the timeout expired and the process group was killed.',
    }),
    truncated: t.exposeBoolean('truncated', {
      description: 'True when stdout or stderr exceeded the output cap (1 MiB each).',
    }),
    durationMs: t.int({
      description: 'Wall-clock run time in milliseconds.',
      resolve: (r) => Math.round(r.durationMs),
    }),
  }),
});

export const EnvironmentVariableInput = builder.inputType('EnvironmentVariableInput', {
  description: 'One environment variable for a command.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Variable name (letters, digits, _).' }),
    value: t.string({ required: true, description: 'Its value.' }),
  }),
});

/** The env argument as the fleet takes it (a later duplicate name wins). */
export function toEnvRecord(
  env: readonly { name: string; value: string }[] | null | undefined,
): Record<string, string> | null {
  return env ? Object.fromEntries(env.map((v) => [v.name, v.value])) : null;
}

builder.mutationFields((t) => ({
  runCommand: t.field({
    type: CommandResultRef,
    description:
      "Runs a command on a client with /bin/sh -c (not a login shell), as the agent's user. The process group is killed when the timeout expires or the request is abandoned. MCP: run_command.",
    args: {
      clientId: t.arg.id({ required: true, description: clientRefDescription }),
      cmd: t.arg.string({ required: true, description: 'The command line.' }),
      cwd: t.arg.string({
        required: false,
        description:
          'Absolute working directory (must lie inside the client’s allowedPaths when set).',
      }),
      timeout: t.arg.int({
        required: false,
        defaultValue: DEFAULT_TIMEOUT_S,
        description: `Seconds before the command is killed (1 to ${MAX_TIMEOUT_S}).`,
      }),
      env: t.arg({
        type: [EnvironmentVariableInput],
        required: false,
        description: 'Extra environment variables.',
      }),
      idempotencyKey: t.arg.string({ required: false, description: idempotencyKeyDescription }),
    },
    resolve: (_root, args, ctx) =>
      ctx.fleet.commands.run(
        String(args.clientId),
        {
          cmd: args.cmd,
          cwd: args.cwd,
          timeout: args.timeout,
          env: toEnvRecord(args.env),
          idempotencyKey: args.idempotencyKey,
        },
        ctx.caller,
      ),
  }),
  acceptKey: clientMutation(t, {
    description:
      'Trusts the new key a client connected with (after keyMismatch): it becomes the pinned key and operations are allowed again. Records who accepted and when. MCP: accept_key.',
    act: (fleet, id, caller) => fleet.clients.acceptKey(id, caller),
  }),
}));
