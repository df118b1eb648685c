#!/usr/bin/env node
// `etphonehome`: the server (`server`), and the operator CLI, a GraphQL client of a running
// server (`token …`; more commands arrive with the CLI issue). Only this file exits the process.

import { ConfigError, readServerConfig, serverUsage } from './config.js';
import { ConnectionError } from './cli/connection.js';
import { GraphQLRequestError } from './cli/graphql-client.js';
import { runTokenCommand } from './cli/commands/token.js';
import { runMcpStdio } from './mcp/stdio.js';
import { UsageError, type CommandIO } from './cli/output.js';
import { exitCodeOf, type ErrorCodeName } from './errors.js';
import { createLogger } from './logger.js';
import { startServer } from './serve.js';
import { VERSION } from './version.js';

const usage = `Usage: etphonehome <command> [options]

Commands:
  server            run the server (SSH hub for agents, GraphQL API, GraphiQL)
  token             enrollment tokens: create | list | revoke
  mcp               MCP tools for AI assistants over stdio (a client of a running server)
  version           print the version
  help              this help

Client commands reach a running server at --url / ETPHONEHOME_URL (default http://127.0.0.1:8765)
with ETPHONEHOME_API_KEY, or the api_key file of --data-dir / ETPHONEHOME_DATA_DIR when run on the
server machine. "etphonehome <command> --help" shows a command's options.

Examples:
  etphonehome server --open-enrollment
  etphonehome token create --name laptop
`;

const io: CommandIO = {
  out: (text) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  env: process.env,
};

async function runServer(argv: string[]): Promise<number | null> {
  const config = readServerConfig(argv, process.env);
  if (config === 'help') {
    io.out(serverUsage);
    return 0;
  }
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
    case 'token':
      return runTokenCommand(rest, io);
    case 'mcp':
      return runMcpStdio(rest, io, VERSION);
    case 'version':
    case '--version':
    case '-v':
      io.out(VERSION);
      return 0;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.out(usage);
      return command === undefined ? 2 : 0;
    default:
      io.err(`etphonehome: unknown command "${command}"\n\n${usage}`);
      return 2;
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
  } else if (error instanceof GraphQLRequestError) {
    io.err(`etphonehome: ${error.message}`);
    process.exitCode = exitCodeOf[error.code as ErrorCodeName] ?? 1;
  } else if (
    (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ||
    (error as { code?: string }).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
  ) {
    io.err(`etphonehome: ${(error as Error).message}`);
    process.exitCode = 2;
  } else if (
    (error as { code?: string }).code === 'ECONNREFUSED' ||
    (error as Error).message === 'fetch failed'
  ) {
    io.err(
      `etphonehome: cannot reach the server (${(error as Error & { cause?: Error }).cause?.message ?? (error as Error).message}). Is it running? Check --url / ETPHONEHOME_URL.`,
    );
    process.exitCode = 4;
  } else {
    io.err(`etphonehome: ${(error as Error).stack ?? String(error)}`);
    process.exitCode = 1;
  }
}
