#!/usr/bin/env node
// `etphonehome`: the server (`server`), and the operator CLI, a GraphQL client of a running
// server (src/cli/commands: clients, run, files, metrics, health, events, watch, webhooks, token),
// and the MCP stdio bridge (`mcp`). Only this file
// exits the process, and it turns errors into exit statuses (src/errors.ts exitCodeOf).

import { ConfigError, readServerConfig, serverUsage } from './config.js';
import { ConnectionError } from './cli/connection.js';
import { GraphQLRequestError } from './cli/graphql-client.js';
import { createInterface } from 'node:readline/promises';
import { cliCommands } from './cli/commands/index.js';
import { CommandError, UsageError, type CommandIO } from './cli/output.js';
import { exitCodeOf, type ErrorCodeName } from './errors.js';
import { VERSION } from './version.js';

const usage = `Usage: etphonehome <command> [options]

Commands:
  server            run the server (SSH hub for agents, GraphQL API, GraphiQL)
${cliCommands.map((c) => `  ${c.name.padEnd(18)}${c.summary}`).join('\n')}
  mcp               MCP tools for AI assistants over stdio (a client of a running server)
  version           print the version
  help [command]    this help, or a command's

Client commands reach a running server at --url / ETPHONEHOME_URL (default http://127.0.0.1:8765)
with ETPHONEHOME_API_KEY, or the api_key file of --data-dir / ETPHONEHOME_DATA_DIR when run on the
server machine. "etphonehome <command> --help" shows a command's options.

Tables are for people; --json prints stable JSON for scripts. Colours only on a terminal, never
with NO_COLOR. Exit status: 0 ok, 1 failed (or some clients of a bulk command failed), 2 usage or
bad input, 3 not found, 4 offline or unreachable, 5 key mismatch, 6 path denied, 7 rate limited,
8 timeout, 9 unauthenticated, 10 agent error; "run" exits with the remote command's status.

Examples:
  etphonehome server --open-enrollment
  etphonehome token create --name laptop
  etphonehome clients list --online
  etphonehome run web-01 -- uptime
  etphonehome watch
`;

let interrupt: AbortController | undefined;

/** Errors of the connection to the server (not of an operation): exit 4, like an offline client. */
const NETWORK_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EPIPE',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
]);

// `etphonehome events | head`: a closed pipe ends the command quietly, as it does for cat.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });

const io: CommandIO = {
  out: (text) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  write: (text) => void process.stdout.write(text),
  writeErr: (text) => void process.stderr.write(text),
  env: process.env,
  isTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  progress: (text) => void process.stderr.write(text),
  ...(process.stdin.isTTY && process.stderr.isTTY
    ? {
        async confirm(question: string): Promise<boolean> {
          const rl = createInterface({ input: process.stdin, output: process.stderr });
          try {
            return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
          } finally {
            rl.close();
          }
        },
      }
    : {}),
  // Installed on first use, so that Ctrl-C still ends every other command at once (and the
  // server abandons its request, which kills a remote command).
  interrupted() {
    if (!interrupt) {
      const controller = new AbortController();
      interrupt = controller;
      const stop = (): void => controller.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    }
    return interrupt.signal;
  },
};

async function runServer(argv: string[]): Promise<number | null> {
  const config = readServerConfig(argv, process.env);
  if (config === 'help') {
    io.out(serverUsage);
    return 0;
  }
  // Loaded here, not at the top: client commands start without the ORM, the SSH hub and yoga.
  const [{ createLogger }, { startServer }] = await Promise.all([
    import('./logger.js'),
    import('./serve.js'),
  ]);
  const logger = createLogger({ level: config.logLevel });
  const server = await startServer(config, logger);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  return null; // keep running
}

async function main(argv: string[]): Promise<number | null> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'server':
      return runServer(rest);
    case 'mcp': {
      // Loaded only for this command, like the server: other commands start faster.
      const { runMcpStdio } = await import('./mcp/stdio.js');
      return runMcpStdio(rest, io, VERSION);
    }
    case 'version':
    case '--version':
    case '-v':
      io.out(VERSION);
      return 0;
    case undefined:
    case 'help':
    case '--help':
    case '-h': {
      const topic = command === 'help' ? cliCommands.find((c) => c.name === rest[0]) : undefined;
      if (command === 'help' && rest[0] === 'server') io.out(serverUsage);
      else io.out(topic ? topic.usage : usage);
      return command === undefined ? 2 : 0;
    }
    default: {
      const cli = cliCommands.find((c) => c.name === command);
      if (cli) return cli.run(rest, io);
      io.err(`etphonehome: unknown command "${command}"\n\n${usage}`);
      return 2;
    }
  }
}

try {
  const code = await main(process.argv.slice(2));
  if (code !== null) process.exitCode = code;
} catch (error) {
  if (
    error instanceof ConfigError ||
    error instanceof UsageError ||
    error instanceof ConnectionError
  ) {
    io.err(`etphonehome: ${error.message}`);
    process.exitCode = 2;
  } else if (error instanceof GraphQLRequestError || error instanceof CommandError) {
    // The server's message, then its code: scripts read the exit status, people the words.
    io.err(`etphonehome: ${error.message}${error.code ? ` (${error.code})` : ''}`);
    process.exitCode =
      (error instanceof CommandError ? error.exitCode : undefined) ??
      exitCodeOf[error.code as ErrorCodeName] ??
      1;
  } else if (
    (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ||
    (error as { code?: string }).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
  ) {
    io.err(`etphonehome: ${(error as Error).message}`);
    process.exitCode = 2;
  } else if (NETWORK_ERRORS.has((error as { code?: string }).code ?? '')) {
    io.err(
      `etphonehome: cannot reach the server (${(error as Error).message}). Is it running? Check --url / ETPHONEHOME_URL.`,
    );
    process.exitCode = 4;
  } else {
    io.err(`etphonehome: ${(error as Error).stack ?? String(error)}`);
    process.exitCode = 1;
  }
}
