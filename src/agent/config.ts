// The agent's config directory: config.yaml (UUID, server, pinned server keys, suggested
// metadata, the owner's path ceiling), and the ed25519 key pair in OpenSSH format. The directory
// is 0700 and every file in it 0600 (the public key 0644).

import { randomUUID } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import ssh2 from '../lib/ssh2.js';
import YAML from 'yaml';
import { z } from 'zod';
import { fingerprintOf } from '../lib/fingerprint.js';
import { generateEd25519KeyPair } from '../lib/ssh-keygen.js';
import { checkEnrollmentToken } from '../protocol/identity.js';
import { MAX_SERVERS, parseServers } from './servers.js';

export const CONFIG_FILE = 'config.yaml';
export const KEY_FILE = 'id_ed25519';

export function defaultConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env['PHONEHOME_CONFIG_DIR'] ?? join(homedir(), '.etphonehome'));
}

const configSchema = z.object({
  uuid: z.uuid(),
  /** One server, or the servers of one cluster: "host[:port],host[:port]" (./servers.ts). */
  server: z
    .union([
      z.string().min(1).max(4096),
      z
        .array(z.string().min(1).max(255))
        .min(1)
        .max(MAX_SERVERS)
        .transform((list) => list.join(',')),
    ])
    .nullable()
    .default(null),
  port: z.number().int().min(1).max(65535).default(2222),
  /** "host:port" → pinned SHA256 fingerprint of that server's host key. */
  known_servers: z.record(z.string(), z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/)).default({}),
  display_name: z.string().max(256).nullable().default(null),
  purpose: z.string().max(1024).nullable().default(null),
  tags: z.array(z.string().min(1).max(128)).max(64).default([]),
  /** The machine owner's ceiling: the server can narrow it, never widen it. null = none. */
  allowed_paths: z.array(z.string().min(1).max(4096)).max(256).nullable().default(null),
  /**
   * The owner's ceiling on port forwards: host:port rules (protocol/forward-target.ts) the server
   * may ask this machine to connect to. null (the default) = no forwards at all.
   */
  allowed_forwards: z.array(z.string().min(1).max(300)).max(256).nullable().default(null),
  /** Presented until the first successful connection, then removed. */
  enrollment_token: z.string().nullable().default(null),
});

export type AgentConfig = z.infer<typeof configSchema>;

export class AgentConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AgentConfigError';
  }
}

const HEADER = `# phonehome agent configuration (written by phonehome; safe to edit while it is stopped).
# allowed_paths: directories the server may touch on this machine (null = no ceiling).
# allowed_forwards: host:port targets the server may forward to from here (null = none).
`;

export async function readAgentConfig(dir: string): Promise<AgentConfig | null> {
  let text: string;
  try {
    text = await readFile(join(dir, CONFIG_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let raw: unknown;
  try {
    raw = YAML.parse(text);
  } catch (error) {
    throw new AgentConfigError(
      `${join(dir, CONFIG_FILE)} is not valid YAML: ${(error as Error).message}`,
    );
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AgentConfigError(
      `${join(dir, CONFIG_FILE)}: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'}`,
    );
  }
  const config = parsed.data;
  if (config.server !== null) {
    try {
      parseServers(config.server, config.port);
    } catch (error) {
      throw new AgentConfigError(`${join(dir, CONFIG_FILE)}: server: ${(error as Error).message}`);
    }
  }
  if (config.enrollment_token !== null) {
    // A pasted token often brings a space or a newline along: trimmed here, refused if still bad.
    const checked = checkEnrollmentToken(config.enrollment_token);
    if ('problem' in checked) {
      throw new AgentConfigError(
        `${join(dir, CONFIG_FILE)}: enrollment_token: ${checked.problem}. Copy it again exactly as "etphonehome token create" printed it, or remove the line (it is only needed until the first login).`,
      );
    }
    config.enrollment_token = checked.token;
  }
  return config;
}

export async function writeAgentConfig(dir: string, config: AgentConfig): Promise<void> {
  const path = join(dir, CONFIG_FILE);
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, HEADER + YAML.stringify(config), { mode: 0o600 });
  await rename(temp, path);
}

export function newAgentConfig(): AgentConfig {
  return configSchema.parse({ uuid: randomUUID() });
}

export interface AgentKey {
  privateKey: string;
  publicKey: string;
  fingerprint: string;
}

export async function readAgentKey(dir: string): Promise<AgentKey | null> {
  let privateKey: string;
  try {
    privateKey = await readFile(join(dir, KEY_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const parsed = ssh2.utils.parseKey(privateKey);
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!key || key instanceof Error) {
    throw new AgentConfigError(
      `${join(dir, KEY_FILE)} is not a readable private key (passphrases are not supported).`,
    );
  }
  const blob = key.getPublicSSH();
  return {
    privateKey,
    publicKey: `${key.type} ${blob.toString('base64')}`,
    fingerprint: fingerprintOf(blob),
  };
}

/** Creates a new key pair; an existing key is kept as id_ed25519.old. */
export async function generateAgentKey(dir: string, comment: string): Promise<AgentKey> {
  const path = join(dir, KEY_FILE);
  const previous = await readAgentKey(dir);
  if (previous) {
    await rename(path, `${path}.old`);
    await rename(`${path}.pub`, `${path}.old.pub`).catch(() => undefined);
  }
  const pair = generateEd25519KeyPair(comment);
  await writeFile(path, pair.private, { mode: 0o600, flag: 'wx' });
  await writeFile(`${path}.pub`, `${pair.public}\n`, { mode: 0o644 });
  const key = await readAgentKey(dir);
  if (!key) throw new Error('key vanished after writing it');
  return key;
}

export async function ensureConfigDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700).catch(() => undefined);
}
