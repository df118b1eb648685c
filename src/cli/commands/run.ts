// `etphonehome run <client> -- <cmd>`: runs a command on a client and exits with its exit
// status, as ssh does; with --tags/--query it runs on every matching client as a bulk job and
// prints each result as it arrives (run-job.ts; exit 1 if any failed).

import { connect, createGraphQLClient, resolveConnection } from '../../client/index.js';
import {
  DEFAULT_PARALLELISM,
  DEFAULT_TIMEOUT_S,
  MAX_PARALLELISM,
  MAX_TIMEOUT_S,
} from '../../fleet/limits.js';
import { graphql } from '../../generated/gql.js';
import { parseDurationSeconds } from '../../lib/duration.js';
import {
  bulkOptions,
  commonHelp,
  commonOptions,
  parse,
  parseEnvFlags,
  readFilter,
  readParallel,
  splitAtDoubleDash,
} from '../args.js';
import { findTargets, printDryRun } from '../bulk.js';
import type { Command } from '../command.js';
import { printJson, UsageError, type CommandIO } from '../output.js';
import { runAsJob } from './run-job.js';

const usage = `Usage: etphonehome run <client> [options] -- <command …>
       etphonehome run --tags a,b|--query TEXT [filters] [options] [--dry-run] [--parallel N] -- <command …>

  Runs the command with /bin/sh -c on the client, as the agent's user, and prints its output.
  The exit status is the remote command's own (124 when the timeout killed it), as with ssh; an
  error before it ran exits with the error's status (3 not found, 4 offline, 5 key mismatch,
  6 path denied, 7 rate limited …). With selectors instead of a client it starts a bulk job on
  the server that runs on every match, --parallel at a time (default ${DEFAULT_PARALLELISM}, at most ${MAX_PARALLELISM}), prints each
  client's output under a header as it arrives (with a progress line on a terminal) and a
  summary, and exits 1 if any client failed or exited non-zero (0 only when all exited 0).
  Ctrl-C cancels the job (running commands are killed, the rest not started), prints what
  finished and exits 130; a second Ctrl-C leaves without waiting.

Options:
  --cwd DIR          absolute working directory (inside the client's allowed paths, when set)
  --timeout T        seconds, or 90s / 15m / 2h (default ${DEFAULT_TIMEOUT_S}; at most ${MAX_TIMEOUT_S / 3600}h)
  --env NAME=VALUE   extra environment variable (repeatable)
  --dry-run          (bulk) list the clients it would run on; run nothing
Selectors (bulk): --tags a,b (ALL), --query TEXT, --purpose TEXT, --capabilities a,b,
  --online (skip offline clients instead of reporting them as failed)

--json: one client prints {client (as given), returncode, stdout, stderr, durationMs, timedOut,
truncated} (and still exits with the returncode); bulk prints {total, succeeded, failed, results[{client,
ok, result{returncode, stdout, stderr, durationMs, timedOut, truncated}|null, error{code,
message}|null}]}.

${commonHelp}

Examples:
  etphonehome run web-01 -- uptime
  etphonehome run web-01 --cwd /srv/app --timeout 10m -- git pull --ff-only
  etphonehome run build-box --env CI=1 -- 'make test && echo ok'
  etphonehome run --tags production --online -- systemctl is-active nginx
  etphonehome run --query gpu --dry-run -- nvidia-smi
`;

const RunDocument = graphql(`
  mutation CliRunCommand(
    $clientId: ID!
    $cmd: String!
    $cwd: String
    $env: [EnvironmentVariableInput!]
    $timeout: Int
  ) {
    runCommand(clientId: $clientId, cmd: $cmd, cwd: $cwd, env: $env, timeout: $timeout) {
      ...CommandResultFields
    }
  }
`);

function readTimeout(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  let seconds: number | null;
  try {
    seconds = parseDurationSeconds(text);
  } catch (error) {
    throw new UsageError(`--timeout: ${(error as Error).message}`);
  }
  if (seconds === null || seconds < 1 || seconds > MAX_TIMEOUT_S)
    throw new UsageError(`--timeout takes 1 second to ${MAX_TIMEOUT_S / 3600}h (got "${text}")`);
  return seconds;
}

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { before, after } = splitAtDoubleDash(argv);
  const { values, positionals } = parse(before, {
    ...commonOptions,
    ...bulkOptions,
    cwd: { type: 'string' },
    timeout: { type: 'string' },
    env: { type: 'string', multiple: true },
  });
  const filter = readFilter(values);
  const [target, ...restPositionals] = positionals;
  const words = after ?? (filter ? positionals : restPositionals);
  const cmd = words.join(' ').trim();
  const timeout = readTimeout(values.timeout);
  const env = parseEnvFlags(values.env);
  const options = {
    cwd: values.cwd ?? null,
    ...(env ? { env } : {}),
    ...(timeout !== undefined ? { timeout } : {}),
  };

  if (!filter) {
    if (target === undefined)
      throw new UsageError(
        'run needs a client (or --tags/--query for many) and a command: run web-01 -- uptime',
      );
    if (after !== null && restPositionals.length > 0)
      throw new UsageError(
        `run takes one client before "--" (got "${target}" and "${restPositionals[0]}")`,
      );
    if (!cmd) throw new UsageError(`run needs a command after "--": run ${target} -- uptime`);
    if (values['dry-run'] || values.parallel !== undefined)
      throw new UsageError('--dry-run and --parallel go with selectors (--tags, --query …)');
    const gql = await connect(values, io.env);
    const result = (await gql.request(RunDocument, { clientId: target, cmd, ...options }))
      .runCommand;
    if (values.json) printJson(io, { client: target, ...result });
    else {
      writeOutput(io, result.stdout, result.stderr);
      if (result.truncated) io.err('etphonehome: output truncated at the 1 MiB cap');
      if (result.timedOut)
        io.err(`etphonehome: timed out; the command was killed (exit ${result.returncode})`);
    }
    return result.returncode;
  }

  if (after !== null && positionals.length > 0)
    throw new UsageError(
      `give either a client or selectors (--tags, --query …), not both (got "${positionals[0]}")`,
    );
  if (!cmd) throw new UsageError('run needs a command after "--": run --tags web -- uptime');
  const parallelism = readParallel(values.parallel, DEFAULT_PARALLELISM);
  const connection = await resolveConnection(values, io.env);
  if (values['dry-run'])
    return printDryRun(
      io,
      values.json,
      `run "${cmd}"`,
      await findTargets(createGraphQLClient(connection), filter),
    );
  return runAsJob(io, connection, values.json === true, { filter, cmd, parallelism, ...options });
}

function writeOutput(io: CommandIO, stdout: string, stderr: string): void {
  if (stdout) (io.write ?? io.out)(stdout);
  if (stderr) (io.writeErr ?? io.err)(stderr);
}

export const runCommand: Command = {
  name: 'run',
  summary:
    'run a command on a client (exit status is the remote one), or on many by --tags/--query',
  usage,
  run,
};
