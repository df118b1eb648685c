// run_command: a shell command on a client. GraphQL: runCommand.

import { z } from 'zod';
import { graphql } from '../../generated/gql.js';
import { DEFAULT_TIMEOUT_S, MAX_COMMAND_BYTES, MAX_TIMEOUT_S } from '../../fleet/limits.js';
import { optionalClientRef } from '../client-fields.js';
import { cwdInput, timeoutInput } from '../command-input.js';
import { defineTool, requestOnClient } from '../tool.js';
import { cleanText, MAX_FENCED_CHARS } from '../untrusted.js';

const RunCommandDocument = graphql(`
  mutation McpRunCommand($clientId: ID!, $cmd: String!, $cwd: String, $timeout: Int) {
    runCommand(clientId: $clientId, cmd: $cmd, cwd: $cwd, timeout: $timeout) {
      stdout
      stderr
      returncode
      timedOut
      truncated
      durationMs
    }
  }
`);

/** Per stream in the result (the agent already caps what it keeps). */
const MAX_STREAM_CHARS = MAX_FENCED_CHARS / 2 - 1024;

export const runCommand = defineTool({
  name: 'run_command',
  title: 'Run a command on a client',
  description: `Runs a command line with /bin/sh -c on a client, as the agent's user, and returns stdout, stderr and returncode (non-zero is not a tool error: check it). client_id: optional; without it the session's selected client is used (see select_client). cwd: absolute working directory, inside the client's allowed_paths when set. timeout: seconds (default ${DEFAULT_TIMEOUT_S}, at most ${MAX_TIMEOUT_S}) after which the process group is killed (timed_out: true). Output is the client's, size-capped and cleaned of terminal escapes.`,
  input: {
    client_id: optionalClientRef,
    cmd: z
      .string()
      .min(1)
      .max(MAX_COMMAND_BYTES)
      .describe('The command line, e.g. "systemctl --user stop phonehome".'),
    cwd: cwdInput,
    timeout: timeoutInput(''),
  },
  output: {
    client_id: z.string(),
    returncode: z.number(),
    stdout: z.string(),
    stderr: z.string(),
    timed_out: z.boolean(),
    truncated: z.boolean(),
    duration_ms: z.number(),
  },
  annotations: {
    readOnlyHint: false,
    destructiveHint: true,
    idempotentHint: false,
    openWorldHint: true,
  },
  async run(args, ctx) {
    const {
      target,
      answer: { runCommand: r },
    } = await requestOnClient(ctx, args.client_id, RunCommandDocument, {
      cmd: args.cmd,
      cwd: args.cwd ?? null,
      timeout: args.timeout,
    });
    const stdout = cleanText(r.stdout, MAX_STREAM_CHARS);
    const stderr = cleanText(r.stderr, MAX_STREAM_CHARS);
    const status = r.timedOut
      ? `timed out after ${args.timeout} s and was killed`
      : `exited with returncode ${r.returncode}`;
    return {
      note: target.note,
      text: `The command on "${target.name}" ${status} (${r.durationMs} ms)${r.truncated ? '; its output was truncated' : ''}.${stdout === '' ? ' Nothing on stdout.' : ''}${stderr === '' ? ' Nothing on stderr.' : ''}`,
      data: {
        client_id: target.name,
        returncode: r.returncode,
        stdout,
        stderr,
        timed_out: r.timedOut,
        truncated:
          r.truncated || stdout.length < r.stdout.length || stderr.length < r.stderr.length,
        duration_ms: r.durationMs,
      },
      blocks: [
        { label: 'stdout of the command', body: stdout },
        { label: 'stderr of the command', body: stderr },
      ],
    };
  },
});
