// Runs the real `phonehome` agent (dist/agent/main.js) against a test server, in a temp config
// directory, and waits for the server to see it online.

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import YAML from 'yaml';
import { spawnProcess, type Spawned } from './processes.js';
import { AGENT_BIN, type TestServer } from './server.js';
import { ClientDocument } from './operations.js';
import { waitFor } from './wait.js';

const run = promisify(execFile);

export interface TestAgent {
  configDir: string;
  uuid: string;
  process: Spawned | null;
  start(extraArgs?: string[]): Promise<Spawned>;
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Runs `phonehome` with arguments to completion (e.g. --generate-key). */
  exec(args: string[]): Promise<{ stdout: string; stderr: string }>;
  waitOnline(server: TestServer, timeoutMs?: number): Promise<void>;
  readConfig(): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export interface AgentOptions {
  enroll?: string;
  displayName?: string;
  purpose?: string;
  tags?: string[];
  env?: Record<string, string>;
  pinServerKey?: string;
  /** Phone home to this port instead of the server's SSH port (e.g. through a proxy). */
  port?: number;
  /** Phone home to these servers of one cluster (`-s` with a list) instead of `server` alone. */
  servers?: readonly TestServer[];
  /** This machine's forward ceiling (`--init --allowed-forwards`), e.g. `['127.0.0.1:5432']`. */
  allowedForwards?: readonly string[];
}

export async function createAgent(
  server: TestServer,
  options: AgentOptions = {},
): Promise<TestAgent> {
  const configDir = await mkdtemp(join(tmpdir(), 'etph-agent-'));
  const env = { ...process.env, ...options.env };
  const init = [
    '--config-dir',
    configDir,
    '--init',
    '-s',
    options.servers
      ? options.servers.map((one) => `127.0.0.1:${one.sshPort}`).join(',')
      : '127.0.0.1',
    '-p',
    String(options.port ?? server.sshPort),
  ];
  if (options.enroll) init.push('--enroll', options.enroll);
  if (options.displayName) init.push('--display-name', options.displayName);
  if (options.purpose) init.push('--purpose', options.purpose);
  if (options.tags) init.push('--tags', options.tags.join(','));
  if (options.pinServerKey) init.push('--server-fingerprint', options.pinServerKey);
  if (options.allowedForwards) init.push('--allowed-forwards', options.allowedForwards.join(','));
  await run(process.execPath, [AGENT_BIN, ...init], { env });
  const { stdout } = await run(
    process.execPath,
    [AGENT_BIN, '--config-dir', configDir, '--show-uuid'],
    { env },
  );

  const agent: TestAgent = {
    configDir,
    uuid: stdout.trim(),
    process: null,
    async start(extraArgs = []) {
      agent.process = spawnProcess(
        process.execPath,
        [AGENT_BIN, '--config-dir', configDir, '--log-level', 'debug', ...extraArgs],
        { env },
      );
      return agent.process;
    },
    async stop(signal = 'SIGTERM') {
      await agent.process?.kill(signal);
    },
    async exec(args) {
      return run(process.execPath, [AGENT_BIN, '--config-dir', configDir, ...args], { env });
    },
    // A deadline against hangs, not a speed claim: after a server restart an agent comes back on
    // its own backoff (full jitter, up to 30 s between tries), later under load.
    async waitOnline(target, timeoutMs = 60_000) {
      await waitFor(
        async () =>
          (await target.gql.request(ClientDocument, { id: agent.uuid })).client?.online === true,
        { timeoutMs, what: `agent ${agent.uuid} online` },
      );
    },
    async readConfig() {
      return YAML.parse(await readFile(join(configDir, 'config.yaml'), 'utf8')) as Record<
        string,
        unknown
      >;
    },
    async close() {
      await agent.process?.kill('SIGKILL');
      await rm(configDir, { recursive: true, force: true });
    },
  };
  return agent;
}
