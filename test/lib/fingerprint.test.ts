import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fingerprintOf } from '../../src/lib/fingerprint.js';
import { generateEd25519KeyPair } from '../../src/lib/ssh-keygen.js';
import { findSshKeygen } from '../support/openssh.js';

test('fingerprints equal what ssh-keygen -lf prints', (t) => {
  const keygen = findSshKeygen();
  if (!keygen) return t.skip('ssh-keygen is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'etph-fp-'));
  try {
    const pair = generateEd25519KeyPair();
    writeFileSync(join(dir, 'key.pub'), pair.public + '\n');
    const expected = execFileSync(keygen, ['-lf', join(dir, 'key.pub')])
      .toString()
      .split(' ')[1];
    const blob = Buffer.from(pair.public.split(' ')[1] ?? '', 'base64');
    assert.equal(fingerprintOf(blob), expected);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
