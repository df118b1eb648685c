// Runs the real `etphonehome` CLI (dist/main.js) against a test server: to completion with its
// exit status and output, or spawned (watch) with its output read line by line.

import { spawn } from 'node:child_process';
import { spawnProcess, track, type Spawned } from './processes.js';
import { SERVER_BIN, type TestServer } from './server.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function cliEnv(server: TestServer, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // The tests' own terminal must not leak in: colours are what each test says they are.
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['FORCE_COLOR'];
  delete env['NO_COLOR'];
  Object.assign(env, { ETPHONEHOME_URL: server.url, ETPHONEHOME_API_KEY: server.apiKey, ...extra });
  for (const [key, value] of Object.entries(extra)) if (value === '') delete env[key];
  return env;
}

export function runCli(
  server: TestServer,
  args: string[],
  extraEnv: Record<string, string> = {},
): Promise<CliResult> {
  return runBinary(args, cliEnv(server, extraEnv));
}

/** The binary with exactly this environment (no server needed for --help). */
export function runBinary(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVER_BIN, ...args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    track(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** runCli with --json (before any "--") that expects exit 0 and parses stdout as JSON. */
export async function cliJson<T = unknown>(server: TestServer, args: string[]): Promise<T> {
  const dash = args.indexOf('--');
  const withJson =
    dash === -1 ? [...args, '--json'] : [...args.slice(0, dash), '--json', ...args.slice(dash)];
  const result = await runCli(server, withJson);
  if (result.code !== 0)
    throw new Error(`etphonehome ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

export function spawnCli(
  server: TestServer,
  args: string[],
  extraEnv: Record<string, string> = {},
): Spawned {
  return spawnProcess(process.execPath, [SERVER_BIN, ...args], { env: cliEnv(server, extraEnv) });
}
