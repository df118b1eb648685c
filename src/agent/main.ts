#!/usr/bin/env node
// `phonehome`: the agent. Sets itself up (--init, keys, UUID), shows its identity, or runs:
// phones home to the server and serves its calls until stopped.

// First, before anything else loads: V8's heap settings for a process that carries bytes
// (./heap-first.ts).
import './heap-first.js';
import { hostname, platform, release, arch, type as osType, userInfo } from 'node:os';
import { createInterface } from 'node:readline/promises';
import { isAbsolute } from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger } from '../logger.js';
import type { AgentFacts } from '../protocol/rpc.js';
import { VERSION } from '../version.js';
import { parseForwardRules } from '../protocol/forward-target.js';
import { checkEnrollmentToken } from '../protocol/identity.js';
import { buffersScavengedEarly, incrementalMarkingIsOff } from '../lib/v8-heap.js';
import { detectCapabilities } from './capabilities.js';
import {
  AgentConfigError,
  defaultConfigDir,
  ensureConfigDir,
  generateAgentKey,
  newAgentConfig,
  readAgentConfig,
  readAgentKey,
  writeAgentConfig,
  type AgentConfig,
} from './config.js';
import { HostKeyChangedError, startTunnel } from './tunnel.js';
import { parseServers, serverKey } from './servers.js';

const usage = `Usage: phonehome [options]

Runs the agent: connects to the server and serves its calls, reconnecting forever.

Setup:
  --init                  create config.yaml, a UUID and an ed25519 key (if missing), then exit
    --display-name NAME   suggested display name (used when the server first admits this client)
    --purpose TEXT        suggested purpose
    --tags a,b            suggested tags
    --allowed-paths a,b   this machine's ceiling: the server may only touch these directories
    --allowed-forwards h:p,…  port-forward targets the server may reach from here (none by
                          default), e.g. 127.0.0.1:5432,db.internal:*,*.corp:8000-8099; "" = none
  --generate-key          create a new key pair (the old one is kept as id_ed25519.old), then exit
  --show-key              print the public key (for the server's authorized_keys), then exit
  --show-uuid             print this agent's UUID, then exit

Connection (saved in config.yaml when given):
  -s, --server HOST[:PORT][,HOST[:PORT]…]
                          where to phone home: one server, or the servers of one cluster (tried
                          from a random one, the next after each lost connection)
  -p, --port N            SSH port of a server given without one (default 2222)
  --server-fingerprint FP pin the servers' host key (SHA256:…) instead of trusting on first use
  --enroll TOKEN          present an enrollment token (kept until the first successful login)

General:
  --config-dir DIR        config, key and UUID live here (env PHONEHOME_CONFIG_DIR; default ~/.etphonehome)
  --log-level LEVEL       trace|debug|info|warn|error (default info); logs are JSON on stderr
  -h, --help              show this help
  -v, --version           print the version

Examples:
  phonehome --init -s fleet.example.com --enroll etph_…   # first time
  phonehome                                              # run (e.g. from the systemd unit)
`;

const out = (text: string): void => void process.stdout.write(text + '\n');

class UsageError extends Error {}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        'config-dir': { type: 'string' },
        init: { type: 'boolean' },
        'display-name': { type: 'string' },
        purpose: { type: 'string' },
        tags: { type: 'string' },
        'allowed-paths': { type: 'string' },
        'allowed-forwards': { type: 'string' },
        'generate-key': { type: 'boolean' },
        'show-key': { type: 'boolean' },
        'show-uuid': { type: 'boolean' },
        server: { type: 'string', short: 's' },
        port: { type: 'string', short: 'p' },
        'server-fingerprint': { type: 'string' },
        enroll: { type: 'string' },
        'log-level': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

type Flags = ReturnType<typeof parse>;

/** " --config-dir D" when the user chose a directory, so the commands we print find it again. */
function configDirArg(flags: Flags): string {
  const dir = flags['config-dir'];
  return dir ? ` --config-dir ${quoteArg(dir)}` : '';
}

function quoteArg(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The configured servers as the agent will dial them ("a:2222, b:2222"). */
function serversText(config: AgentConfig): string {
  return config.server ? parseServers(config.server, config.port).map(serverKey).join(', ') : '';
}

const list = (value: string): string[] =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

/** Applies connection and metadata flags to the config; true when something changed. */
function applyFlags(config: AgentConfig, flags: Flags): boolean {
  const before = JSON.stringify(config);
  if (flags.port !== undefined) {
    const port = Number(flags.port);
    if (!/^\d+$/.test(flags.port) || port < 1 || port > 65535)
      throw new UsageError(`--port must be 1 to 65535 (got "${flags.port}")`);
    config.port = port;
  }
  if (flags.server !== undefined) {
    try {
      parseServers(flags.server, config.port);
    } catch (error) {
      throw new UsageError(`--server: ${(error as Error).message}`);
    }
    config.server = flags.server;
  }
  if (flags['server-fingerprint'] !== undefined) {
    const fp = flags['server-fingerprint'];
    if (!/^SHA256:[A-Za-z0-9+/]{43}$/.test(fp))
      throw new UsageError(
        `--server-fingerprint must look like SHA256:<43 base64 characters> (got "${fp}")`,
      );
    if (!config.server) throw new UsageError('--server-fingerprint needs a server (-s HOST)');
    // The servers of one cluster present one host key: the pin holds for each.
    for (const address of parseServers(config.server, config.port))
      config.known_servers[serverKey(address)] = fp;
  }
  if (flags.enroll !== undefined) {
    const checked = checkEnrollmentToken(flags.enroll);
    if ('problem' in checked)
      throw new UsageError(
        `--enroll: ${checked.problem}. Copy the token exactly as "etphonehome token create" printed it.`,
      );
    config.enrollment_token = checked.token;
  }
  if (flags['display-name'] !== undefined) config.display_name = flags['display-name'];
  if (flags.purpose !== undefined) config.purpose = flags.purpose;
  if (flags.tags !== undefined) config.tags = list(flags.tags);
  if (flags['allowed-paths'] !== undefined) {
    const paths = list(flags['allowed-paths']);
    if (paths.some((p) => !isAbsolute(p)))
      throw new UsageError('--allowed-paths takes absolute paths');
    config.allowed_paths = paths.length > 0 ? paths : null;
  }
  if (flags['allowed-forwards'] !== undefined) {
    const rules = list(flags['allowed-forwards']);
    const parsed = parseForwardRules(rules);
    if ('problem' in parsed) throw new UsageError(`--allowed-forwards: ${parsed.problem}`);
    config.allowed_forwards = parsed.length > 0 ? parsed.map((rule) => rule.text) : null;
  }
  return JSON.stringify(config) !== before;
}

async function prompt(config: AgentConfig): Promise<void> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const name = (
      await rl.question(`Display name [${config.display_name ?? hostname()}]: `)
    ).trim();
    if (name) config.display_name = name;
    const purpose = (await rl.question('Purpose (e.g. "API Server") []: ')).trim();
    if (purpose) config.purpose = purpose;
    const tags = (await rl.question('Tags, comma-separated []: ')).trim();
    if (tags) config.tags = list(tags);
  } finally {
    rl.close();
  }
}

async function loadOrInit(
  dir: string,
  flags: Flags,
  interactive: boolean,
): Promise<{ config: AgentConfig; created: boolean }> {
  await ensureConfigDir(dir);
  let config = await readAgentConfig(dir);
  const created = config === null;
  config ??= newAgentConfig();
  const metadataGiven =
    flags['display-name'] !== undefined || flags.purpose !== undefined || flags.tags !== undefined;
  if (created && interactive && !metadataGiven && process.stdin.isTTY) await prompt(config);
  const changed = applyFlags(config, flags);
  if (!(await readAgentKey(dir))) await generateAgentKey(dir, `phonehome@${hostname()}`);
  if (created || changed) await writeAgentConfig(dir, config);
  return { config, created };
}

async function gatherFacts(config: AgentConfig): Promise<AgentFacts> {
  return {
    uuid: config.uuid,
    hostname: hostname(),
    platform: osType(),
    platformRelease: release(),
    arch: arch(),
    agentVersion: VERSION,
    username: (() => {
      try {
        return userInfo().username;
      } catch {
        return process.env['USER'] ?? process.env['USERNAME'] ?? 'unknown';
      }
    })(),
    capabilities: await detectCapabilities(),
    allowedPaths: config.allowed_paths,
    allowedForwards: config.allowed_forwards,
    suggested: {
      displayName: config.display_name ?? undefined,
      purpose: config.purpose ?? undefined,
      tags: config.tags.length > 0 ? config.tags : undefined,
    },
  };
}

async function run(flags: Flags): Promise<number> {
  if (flags.help) return (out(usage), 0);
  if (flags.version) return (out(VERSION), 0);
  const dir = flags['config-dir'] ? flags['config-dir'] : defaultConfigDir();

  if (flags['show-key'] || flags['show-uuid']) {
    const config = await readAgentConfig(dir);
    const key = await readAgentKey(dir);
    if (!config || !key) {
      process.stderr.write(`No agent is set up in ${dir}. Run "phonehome --init" first.\n`);
      return 2;
    }
    if (flags['show-uuid']) out(config.uuid);
    if (flags['show-key']) out(`${key.publicKey} phonehome-${config.uuid}`);
    return 0;
  }

  if (flags['generate-key']) {
    await ensureConfigDir(dir);
    const config = await readAgentConfig(dir);
    const key = await generateAgentKey(dir, `phonehome@${hostname()}`);
    const again = `phonehome${configDirArg(flags)}`;
    out(`New key: ${key.fingerprint}`);
    out(`${key.publicKey}`);
    out('');
    out('The server admits a new key in one of three ways:');
    out(
      `  - an enrollment token: ${again} --enroll TOKEN   (an operator runs "etphonehome token create")`,
    );
    out(
      `  - a line in the server's <data-dir>/authorized_keys: the output of "${again} --show-key"`,
    );
    out('  - the server runs with --open-enrollment');
    if (config) {
      out(
        `Until an operator accepts it (etphonehome clients accept-key ${config.uuid}, or acceptKey / accept_key), the client connects quarantined as a key mismatch, and is refused while its old key is still connected.`,
      );
    }
    out(`Restart the agent to use it (the previous key is kept as id_ed25519.old).`);
    return 0;
  }

  if (flags.init) {
    const { config, created } = await loadOrInit(dir, flags, true);
    const key = await readAgentKey(dir);
    out(`${created ? 'Created' : 'Updated'} ${dir}`);
    out(`  UUID         ${config.uuid}`);
    out(`  key          ${key?.fingerprint ?? '?'}`);
    out(`  public key   ${key?.publicKey ?? '?'}`);
    out(`  server       ${config.server ? serversText(config) : '(none yet: pass -s HOST)'}`);
    out(`Run "phonehome${configDirArg(flags)}" to connect.`);
    return 0;
  }

  const { config } = await loadOrInit(dir, flags, false);
  const key = await readAgentKey(dir);
  if (!config.server) {
    process.stderr.write(
      'No server configured. Run "phonehome -s HOST [-p PORT]" (it is saved in config.yaml).\n',
    );
    return 2;
  }
  if (!key) throw new AgentConfigError('no key');
  const logger = createLogger({
    name: 'phonehome',
    ...(flags['log-level'] ? { level: flags['log-level'] } : {}),
  });
  const servers = parseServers(config.server, config.port);
  logger.info(
    {
      version: VERSION,
      uuid: config.uuid,
      server: serversText(config),
      platform: platform(),
      v8IncrementalMarking: !incrementalMarkingIsOff(),
      v8EarlyBufferScavenge: buffersScavengedEarly(),
    },
    'phonehome starting',
  );

  const tunnel = startTunnel({
    servers: servers.map((address) => ({
      ...address,
      pinnedFingerprint: config.known_servers[serverKey(address)] ?? null,
    })),
    uuid: config.uuid,
    privateKey: key.privateKey,
    enrollmentToken: config.enrollment_token,
    allowedPaths: config.allowed_paths,
    allowedForwards: config.allowed_forwards,
    logger,
    facts: () => gatherFacts(config),
    async onTrustFirstUse(server, fingerprint) {
      config.known_servers[server] = fingerprint;
      await writeAgentConfig(dir, config);
    },
    async onRegistered() {
      if (config.enrollment_token !== null) {
        config.enrollment_token = null;
        await writeAgentConfig(dir, config);
      }
    },
  });
  const stop = (): void => tunnel.stop();
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  try {
    await tunnel.done;
    return 0;
  } catch (error) {
    if (error instanceof HostKeyChangedError) {
      logger.fatal(
        { server: error.server, expected: error.expected, actual: error.actual },
        'server host key changed',
      );
      process.stderr.write(`phonehome: ${error.message}\n`);
      return 3;
    }
    throw error;
  }
}

try {
  process.exitCode = await run(parse(process.argv.slice(2)));
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`phonehome: ${error.message}\n\n${usage}`);
    process.exitCode = 2;
  } else if (error instanceof AgentConfigError) {
    process.stderr.write(`phonehome: ${error.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(
      `phonehome: unexpected error: ${(error as Error).stack ?? String(error)}\n`,
    );
    process.exitCode = 1;
  }
}
