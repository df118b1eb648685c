// `phonehome` setup, run as the real binary (dist/agent/main.js): enrollment tokens as pasted
// (trimmed, or refused with a message that does not repeat them), and the messages that say what
// to do next (issue 17 items 7, 9 and 17).

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import YAML from 'yaml';

const run = promisify(execFile);
const BIN = resolve('dist/agent/main.js');
const TOKEN = 'etph_Q2hlY2tpbmcgdGhhdCB0aGlzIGlzIG5vdCBsb2dnZWQ';

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

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'etph-setup-'));
  dirs.push(dir);
  return join(dir, 'agent dir'); // a space: the printed commands must quote it
}
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

test('--enroll trims a pasted token; a token with a space inside is refused without echoing it', async () => {
  const dir = await tempDir();
  const init = await phonehome([
    '--config-dir',
    dir,
    '--init',
    '-s',
    'h',
    '--enroll',
    ` ${TOKEN}\n`,
  ]);
  assert.equal(init.code, 0, init.stderr);
  const config = YAML.parse(await readFile(join(dir, 'config.yaml'), 'utf8')) as Record<
    string,
    unknown
  >;
  assert.equal(config['enrollment_token'], TOKEN);

  const broken = `${TOKEN.slice(0, 20)} ${TOKEN.slice(20)}`;
  const refused = await phonehome(['--config-dir', dir, '--init', '--enroll', broken]);
  assert.equal(refused.code, 2);
  assert.match(
    refused.stderr,
    /--enroll: an enrollment token has only letters, digits, "_" and "-" \(this one has " ", whitespace inside it\)/,
  );
  assert.ok(!refused.stderr.includes(TOKEN.slice(20)), 'the token is not repeated');
});

test('a bad token in config.yaml stops the agent with a message naming the file and the field', async () => {
  const dir = await tempDir();
  assert.equal(
    (await phonehome(['--config-dir', dir, '--init', '-s', '127.0.0.1', '-p', '1'])).code,
    0,
  );
  const path = join(dir, 'config.yaml');
  const config = YAML.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  await writeFile(path, YAML.stringify({ ...config, enrollment_token: `${TOKEN}\u00a0x` }));
  const started = await phonehome(['--config-dir', dir]);
  assert.equal(started.code, 2);
  assert.match(
    started.stderr,
    /config\.yaml: enrollment_token: an enrollment token has only letters/,
  );
  assert.match(started.stderr, /etphonehome token create/);
  assert.ok(!started.stderr.includes(TOKEN.slice(11)));

  // Surrounding whitespace in the file is forgiven.
  await writeFile(path, YAML.stringify({ ...config, enrollment_token: `  ${TOKEN} ` }));
  const shown = await phonehome(['--config-dir', dir, '--show-uuid']);
  assert.equal(shown.code, 0, shown.stderr);
});

test('--init names the config directory in the command to run next', async () => {
  const dir = await tempDir();
  const init = await phonehome(['--config-dir', dir, '--init', '-s', 'h']);
  assert.equal(init.code, 0, init.stderr);
  assert.ok(init.stdout.includes(`Run "phonehome --config-dir '${dir}'" to connect.`), init.stdout);
});

test('--generate-key says what admission the new key needs', async () => {
  const dir = await tempDir();
  await phonehome(['--config-dir', dir, '--init', '-s', 'h']);
  const uuid = (await phonehome(['--config-dir', dir, '--show-uuid'])).stdout.trim();
  const generated = await phonehome(['--config-dir', dir, '--generate-key']);
  assert.equal(generated.code, 0, generated.stderr);
  const text = generated.stdout;
  assert.match(text, /New key: SHA256:/);
  assert.ok(text.includes(`phonehome --config-dir '${dir}' --enroll TOKEN`), text);
  assert.match(text, /etphonehome token create/);
  assert.ok(
    text.includes(`authorized_keys: the output of "phonehome --config-dir '${dir}' --show-key"`),
  );
  assert.match(text, /--open-enrollment/);
  assert.ok(text.includes(`etphonehome clients accept-key ${uuid}`), text);
  assert.match(text, /acceptKey \/ accept_key/);
});
