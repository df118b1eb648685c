// `etphonehome run <client> -- <cmd>`: runs a command on a client and exits with its exit
// status, as ssh does; with --tags/--query it runs on every matching client and prints one
// result per client (exit 1 if any failed).

import { connect } from '../../client/index.js';
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
import { findTargets, noTargets, printDryRun } from '../bulk.js';
import type { Command } from '../command.js';
import { clientName, failureText } from '../format.js';
import { printJson, printTable, styleFor, UsageError, type CommandIO } from '../output.js';

const usage = `Usage: etphonehome run <client> [options] -- <command …>
       etphonehome run --tags a,b|--query TEXT [filters] [options] [--dry-run] [--parallel N] -- <command …>

  Runs the command with /bin/sh -c on the client, as the agent's user, and prints its output.
  The exit status is the remote command's own (124 when the timeout killed it), as with ssh; an
  error before it ran exits with the error's status (3 not found, 4 offline, 5 key mismatch,
  6 path denied, 7 rate limited …). With selectors instead of a client it runs on every match,
  --parallel at a time (default ${DEFAULT_PARALLELISM}, at most ${MAX_PARALLELISM}), prints each client's output under a header and a
  summary, and exits 1 if any client failed or exited non-zero (0 only when all exited 0).

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
      ...CliCommandResultFields
    }
  }
`);

const RunManyDocument = graphql(`
  mutation CliRunCommandOnClients(
    $filter: ClientFilter!
    $cmd: String!
    $cwd: String
    $env: [EnvironmentVariableInput!]
    $timeout: Int
    $parallelism: Int
  ) {
    runCommandOnClients(
      filter: $filter
      cmd: $cmd
      cwd: $cwd
      env: $env
      timeout: $timeout
      parallelism: $parallelism
    ) {
      total
      succeeded
      failed
      results {
        client {
          ...CliClientFields
        }
        result {
          ...CliCommandResultFields
        }
        error {
          ...CliOperationError
        }
      }
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
  const gql = await connect(values, io.env);
  if (values['dry-run'])
    return printDryRun(io, values.json, `run "${cmd}"`, await findTargets(gql, filter));
  const bulk = (await gql.request(RunManyDocument, { filter, cmd, parallelism, ...options }))
    .runCommandOnClients;
  if (bulk.total === 0) throw noTargets('run');
  if (values.json) {
    printJson(io, {
      total: bulk.total,
      succeeded: bulk.succeeded,
      failed: bulk.failed,
      results: bulk.results.map((r) => ({
        client: r.client,
        ok: r.error === null && r.result?.returncode === 0,
        result: r.result,
        error: r.error,
      })),
    });
  } else {
    const style = styleFor(io);
    for (const r of bulk.results) {
      const status = r.error
        ? style.red(failureText(r.error))
        : r.result?.returncode === 0
          ? style.green(`exit 0, ${r.result.durationMs} ms`)
          : style.red(
              `exit ${r.result?.returncode}${r.result?.timedOut ? ' (timed out)' : ''}, ${r.result?.durationMs} ms`,
            );
      io.out(style.bold(`── ${clientName(r.client)}: `) + status);
      // The command's own output, as it is (as ssh passes it).
      if (r.result?.stdout) (io.write ?? io.out)(withNewline(r.result.stdout));
      if (r.result?.stderr) (io.writeErr ?? io.err)(withNewline(r.result.stderr));
    }
    io.out('');
    printTable(
      io,
      ['CLIENT', 'RESULT'],
      bulk.results.map((r) => [
        clientName(r.client),
        r.error
          ? style.red(r.error.code)
          : r.result?.returncode === 0
            ? style.green('exit 0')
            : style.red(`exit ${r.result?.returncode}`),
      ]),
    );
    io.err(`${bulk.succeeded} of ${bulk.total} client(s) exited 0, ${bulk.failed} failed.`);
  }
  return bulk.failed > 0 ? 1 : 0;
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

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
