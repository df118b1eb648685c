// `phonehome` setup commands, run as the real binary (dist/agent/main.js) with no terminal.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import YAML from 'yaml';

const run = promisify(execFile);
const BIN = resolve('dist/agent/main.js');

async function phonehome(
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

test('--init creates config, UUID and key with private modes, without prompting', async () => {
  const dir = join(await mkdtemp(join(tmpdir(), 'etph-cli-')), 'agent');
  try {
    const init = await phonehome([
      '--config-dir',
      dir,
      '--init',
      '-s',
      'fleet.example.com',
      '-p',
      '2300',
      '--display-name',
      'Box',
      '--tags',
      'a, b',
    ]);
    assert.equal(init.code, 0, init.stderr);
    assert.equal((await stat(dir)).mode & 0o777, 0o700);
    assert.equal((await stat(join(dir, 'config.yaml'))).mode & 0o777, 0o600);
    assert.equal((await stat(join(dir, 'id_ed25519'))).mode & 0o777, 0o600);
    const config = YAML.parse(await readFile(join(dir, 'config.yaml'), 'utf8')) as Record<
      string,
      unknown
    >;
    assert.match(String(config['uuid']), /^[0-9a-f-]{36}$/);
    assert.equal(config['server'], 'fleet.example.com');
    assert.equal(config['port'], 2300);
    assert.equal(config['display_name'], 'Box');
    assert.deepEqual(config['tags'], ['a', 'b']);
    assert.match(await readFile(join(dir, 'id_ed25519'), 'utf8'), /BEGIN OPENSSH PRIVATE KEY/);

    assert.equal(
      (await phonehome(['--config-dir', dir, '--show-uuid'])).stdout.trim(),
      config['uuid'],
    );
    const key = (await phonehome(['--config-dir', dir, '--show-key'])).stdout.trim();
    assert.match(key, /^ssh-ed25519 AAAA\S+ phonehome-/);

    // Running --init again keeps the identity.
    await phonehome(['--config-dir', dir, '--init']);
    assert.equal(
      (await phonehome(['--config-dir', dir, '--show-uuid'])).stdout.trim(),
      config['uuid'],
    );

    const regenerated = await phonehome(['--config-dir', dir, '--generate-key']);
    assert.match(regenerated.stdout, /New key: SHA256:/);
    assert.match(regenerated.stdout, /acceptKey/);
    assert.notEqual((await phonehome(['--config-dir', dir, '--show-key'])).stdout.trim(), key);
    assert.match(await readFile(join(dir, 'id_ed25519.old'), 'utf8'), /BEGIN OPENSSH PRIVATE KEY/);
  } finally {
    await rm(dirname(dir), { recursive: true, force: true });
  }
});

test('bad flags and missing setup get clear messages and exit status 2', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'etph-cli-'));
  try {
    const show = await phonehome(['--config-dir', join(dir, 'none'), '--show-key']);
    assert.equal(show.code, 2);
    assert.match(show.stderr, /phonehome --init/);
    const unknown = await phonehome(['--frobnicate']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /frobnicate/);
    const port = await phonehome(['--config-dir', dir, '--init', '-p', '70000']);
    assert.equal(port.code, 2);
    assert.match(port.stderr, /--port/);
    const fp = await phonehome([
      '--config-dir',
      dir,
      '--init',
      '-s',
      'h',
      '--server-fingerprint',
      'MD5:xx',
    ]);
    assert.equal(fp.code, 2);
    assert.match(fp.stderr, /SHA256/);
    const noServer = await phonehome(['--config-dir', join(dir, 'fresh')]);
    assert.equal(noServer.code, 2);
    assert.match(noServer.stderr, /No server configured/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('-s takes the servers of a cluster: each shown, one pin for all, a bad entry refused', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'etph-cli-'));
  try {
    const fingerprint = `SHA256:${'A'.repeat(43)}`;
    const init = await phonehome([
      '--config-dir',
      dir,
      '--init',
      '-s',
      'a.example:2201,b.example,[2001:db8::1]:2203',
      '-p',
      '2202',
      '--server-fingerprint',
      fingerprint,
    ]);
    assert.equal(init.code, 0, init.stderr);
    assert.match(init.stdout, /server\s+a\.example:2201, b\.example:2202, 2001:db8::1:2203/);
    const config = YAML.parse(await readFile(join(dir, 'config.yaml'), 'utf8')) as {
      server: string;
      known_servers: Record<string, string>;
    };
    assert.equal(config.server, 'a.example:2201,b.example,[2001:db8::1]:2203');
    assert.deepEqual(config.known_servers, {
      'a.example:2201': fingerprint,
      'b.example:2202': fingerprint,
      '2001:db8::1:2203': fingerprint,
    });
    const bad = await phonehome(['--config-dir', dir, '--init', '-s', 'a.example,b.example:0']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--server: server "b\.example:0": the port must be 1 to 65535/);
    const kept = YAML.parse(await readFile(join(dir, 'config.yaml'), 'utf8')) as { server: string };
    assert.equal(kept.server, config.server, 'a refused flag changes nothing');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
