import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParsedKey } from 'ssh2';
import ssh2 from '../../src/lib/ssh2.js';
import { generateEd25519KeyPair } from '../../src/lib/ssh-keygen.js';
import { findSshKeygen } from '../support/openssh.js';

function parse(text: string): ParsedKey {
  const parsed = ssh2.utils.parseKey(text);
  assert.ok(!(parsed instanceof Error), parsed instanceof Error ? parsed.message : '');
  return Array.isArray(parsed) ? (parsed[0] as ParsedKey) : parsed;
}

test('every generated key pair is readable, and the halves belong together', () => {
  // ssh2's own keygen gets about 1 in 256 wrong (public keys with a leading zero byte), so
  // 3,000 pairs all but certainly include such keys.
  let leadingZero = 0;
  for (let i = 0; i < 3000; i += 1) {
    const pair = generateEd25519KeyPair('test');
    const privateKey = parse(pair.private);
    const publicKey = parse(pair.public);
    assert.equal(privateKey.type, 'ssh-ed25519');
    assert.deepEqual(privateKey.getPublicSSH(), publicKey.getPublicSSH());
    if (publicKey.getPublicSSH().readUInt8(4 + 11 + 4) === 0) leadingZero += 1;
    if (i % 300 === 0) {
      const data = Buffer.from(`message ${i}`);
      assert.equal(publicKey.verify(data, privateKey.sign(data) as Buffer), true);
    }
  }
  assert.ok(leadingZero > 0, 'the run included public keys starting with a zero byte');
});

test('OpenSSH reads the private key and derives the same public key', (t) => {
  const keygen = findSshKeygen();
  if (!keygen) return t.skip('ssh-keygen is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'etph-keygen-'));
  try {
    for (let i = 0; i < 20; i += 1) {
      const pair = generateEd25519KeyPair('ci@example');
      writeFileSync(join(dir, 'key'), pair.private, { mode: 0o600 });
      const derived = execFileSync(keygen, ['-y', '-f', join(dir, 'key')])
        .toString()
        .trim();
      assert.equal(
        derived.split(' ').slice(0, 2).join(' '),
        pair.public.split(' ').slice(0, 2).join(' '),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
