#!/usr/bin/env node
// `etphonehome`: the server (`server`), the operator CLI — a GraphQL client of a running server
// (src/cli/commands: clients, run, files, metrics, health, events, watch, webhooks, token) — and
// the MCP stdio bridge (`mcp`), all under one dispatcher (src/cli/dispatch.ts). Only this file
// exits the process; src/cli/failure.ts turns errors into exit statuses.

// First: V8's heap settings for the commands that carry bytes and for the server
// (./cli/heap-first.ts), and graphql-js's modules load in production mode
// (./lib/graphql-production.ts).
import './cli/heap-first.js';
import './lib/graphql-production.js';
import { createInterface } from 'node:readline/promises';
import { auditCommand } from './audit-command.js';
import type { Command } from './cli/command.js';
import { cliCommands } from './cli/commands/index.js';
import { dispatch } from './cli/dispatch.js';
import { reportFailure } from './cli/failure.js';
import { guardTerminal, type CommandIO } from './cli/output.js';
import { createTopLevel } from './cli/top-level.js';
import { ConfigError, readServerConfig, serverUsage } from './config.js';
import type { Logger } from './logger.js';
import { mcpUsage } from './mcp/usage.js';
import type { RunningServer } from './serve.js';
import { VERSION } from './version.js';

let interrupt: AbortController | undefined;

// `etphonehome events | head`: a closed pipe ends the command quietly, as it does for cat.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });

const io: CommandIO = guardTerminal({
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
});

async function runServer(argv: string[]): Promise<number | null> {
  const config = readServerConfig(argv, process.env);
  if (config === 'help') {
    io.out(serverUsage);
    return 0;
  }
  if (config.drain) return (await import('./drain-command.js')).drainServer(config, io);
  // Installed before the start: a stop asked for while the server starts (systemd's stop right
  // after its start, Ctrl-C) lets the start finish and then closes what it opened, instead of
  // killing the process with agents attached and their sessions left open. A second signal
  // while it still starts ends it at once.
  const run: { logger?: Logger; server?: RunningServer; stopOn?: NodeJS.Signals } = {};
  const shutDown = (signal: NodeJS.Signals, server: RunningServer): void => {
    run.logger?.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        run.logger?.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    if (!run.stopOn) {
      run.stopOn = signal;
      if (run.server) shutDown(signal, run.server);
      else run.logger?.info({ signal }, 'shutting down once the start is done');
    } else if (!run.server) {
      run.logger?.warn({ signal }, 'stopped while starting (a second signal)');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));
  // Loaded here, not at the top: client commands start without the ORM, the SSH hub and yoga.
  const [{ createLogger }, { startServer }] = await Promise.all([
    import('./logger.js'),
    import('./serve.js'),
  ]);
  const logger = createLogger({ level: config.logLevel });
  run.logger = logger;
  if (run.stopOn) logger.info({ signal: run.stopOn }, 'shutting down once the start is done');
  const server = await startServer(config, logger);
  run.server = server;
  if (run.stopOn) shutDown(run.stopOn, server);
  return null; // keep running
}

const serverCommand: Command = {
  name: 'server',
  summary: 'run the server (SSH hub for agents, GraphQL API, GraphiQL)',
  usage: serverUsage,
  run: runServer,
};

const mcpCommand: Command = {
  name: 'mcp',
  summary: 'MCP tools for AI assistants over stdio (a client of a running server)',
  usage: mcpUsage,
  async run(argv) {
    // Loaded only for this command, like the server: other commands start faster.
    const { runMcpStdio } = await import('./mcp/stdio.js');
    return runMcpStdio(argv, io, VERSION);
  },
};

const versionCommand: Command = {
  name: 'version',
  aliases: ['--version', '-v'],
  summary: 'print the version',
  usage: `Usage: etphonehome version\n\n  Prints the version of this etphonehome (${VERSION}).\n`,
  async run() {
    io.out(VERSION);
    return 0;
  },
};

const topLevel = createTopLevel([
  serverCommand,
  ...cliCommands,
  auditCommand,
  mcpCommand,
  versionCommand,
]);

try {
  const code = await dispatch(topLevel, process.argv.slice(2), io);
  if (code !== null) process.exitCode = code;
} catch (error) {
  if (error instanceof ConfigError) {
    io.err(`etphonehome: ${error.message}`);
    process.exitCode = 2;
  } else process.exitCode = reportFailure(error, io);
}
