import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { createAuthorizedKeys, parseAuthorizedKeys } from '../../src/fleet/authorized-keys.js';

const ed = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHZcV0y6l8s0cUuZ8c9oH8VfIuK5UxrKx2dh0j9mVxQ2';
const rsa = 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7';

test('parses OpenSSH authorized_keys: comments, blank lines, options, key types', () => {
  const { keys, linesWithOptions } = parseAuthorizedKeys(
    [
      `# a comment`,
      '',
      `${ed} laptop`,
      `from="10.0.0.1",no-pty ${rsa} ci@box`,
      'garbage line',
      'ssh-ed25519 not*base64',
    ].join('\n'),
  );
  assert.deepEqual([...keys].sort(), [ed, rsa].sort());
  assert.equal(linesWithOptions, 1);
});

test('the file is re-read when it changes, and a missing file admits nobody', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'etph-ak-'));
  const path = join(dir, 'authorized_keys');
  const keys = createAuthorizedKeys(path, pino({ level: 'silent' }));
  try {
    assert.equal(await keys.has(ed), false);
    await writeFile(path, `${rsa}\n`);
    assert.equal(await keys.has(rsa), true);
    assert.equal(await keys.has(ed), false);
    await appendFile(path, `${ed}\n`);
    assert.equal(await keys.has(ed), true);
    await rm(path);
    assert.equal(await keys.has(ed), false);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
