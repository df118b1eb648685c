// The hub's ed25519 signature check (a key object from the blob's 32 bytes, not ssh2's PEM path)
// agrees with ssh2's own on good, altered and foreign signatures, and refuses malformed blobs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto, { generateKeyPairSync, sign } from 'node:crypto';
import type { ParsedKey } from 'ssh2';
import ssh2 from '../../src/lib/ssh2.js';
import { generateEd25519KeyPair } from '../../src/lib/ssh-keygen.js';
import { verifyEd25519 } from '../../src/hub/authenticate.js';

test("the hub's ed25519 check agrees with ssh2's on good, altered and foreign signatures", () => {
  const key = generateEd25519KeyPair('agent');
  const other = generateEd25519KeyPair('other');
  const parse = (text: string): ParsedKey => {
    const parsed = ssh2.utils.parseKey(text);
    assert.ok(!(parsed instanceof Error) && !Array.isArray(parsed));
    return parsed;
  };
  const privateKey = parse(key.private);
  const publicKey = parse(key.public);
  const blob = publicKey.getPublicSSH();
  for (let i = 0; i < 32; i += 1) {
    const data = crypto.randomBytes(100 + i);
    const signature = privateKey.sign(data) as Buffer;
    const altered = Buffer.from(data);
    altered[i] = (altered[i] ?? 0) ^ 1;
    const foreign = parse(other.private).sign(data) as Buffer;
    for (const [what, message, sig] of [
      ['good', data, signature],
      ['altered data', altered, signature],
      ['another key', data, foreign],
    ] as const) {
      assert.equal(
        verifyEd25519(blob, message, sig),
        publicKey.verify(message, sig) === true,
        what,
      );
    }
    assert.equal(verifyEd25519(blob, data, signature), true);
  }
  const data = Buffer.from('data');
  const signature = privateKey.sign(data) as Buffer;
  // Not one well-formed ed25519 blob: refused, never thrown.
  assert.equal(verifyEd25519(blob.subarray(0, blob.length - 1), data, signature), false);
  assert.equal(verifyEd25519(Buffer.concat([blob, Buffer.from([0])]), data, signature), false);
  const renamed = Buffer.from(blob);
  renamed.write('ssh-ed25518', 4, 'latin1');
  assert.equal(verifyEd25519(renamed, data, signature), false);
  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
  assert.equal(verifyEd25519(blob, data, sign('sha256', data, rsa.privateKey)), false);
  assert.equal(verifyEd25519(blob, data, Buffer.alloc(0)), false);
});
