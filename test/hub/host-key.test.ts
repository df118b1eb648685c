// The hub's host key as ssh2 takes it: an ed25519 key signs with a key object made once (not
// by parsing its PEM text again per key exchange), with the very signature ssh2 would make.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { ParsedKey } from 'ssh2';
import ssh2 from '../../src/lib/ssh2.js';
import { signingHostKey } from '../../src/hub/host-key.js';
import { generateEd25519KeyPair } from '../../src/lib/ssh-keygen.js';

function parsed(text: string): ParsedKey {
  const key = ssh2.utils.parseKey(text);
  assert.ok(!(key instanceof Error));
  return Array.isArray(key) ? (key[0] as ParsedKey) : key;
}

test('an ed25519 host key signs through its own key object, as ssh2 would sign', () => {
  const pair = generateEd25519KeyPair('hub');
  const { key } = signingHostKey(pair.private);
  assert.ok(Object.hasOwn(key, 'sign'), 'the signer is the one made at start, not ssh2s');
  const exchangeHash = randomBytes(32);
  const ours = key.sign(exchangeHash);
  const theirs = parsed(pair.private).sign(exchangeHash);
  assert.ok(Buffer.isBuffer(ours));
  assert.deepEqual(ours, theirs, 'ed25519 signatures are deterministic: the same bytes');
  assert.equal(parsed(pair.public).verify(exchangeHash, ours as Buffer), true);
});

test('another key type is left to ssh2', () => {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const { key } = signingHostKey(privateKey);
  assert.equal(Object.hasOwn(key, 'sign'), false);
  const data = randomBytes(32);
  assert.equal(key.verify(data, key.sign(data, 'sha256') as Buffer, 'sha256'), true);
});

test('an unreadable host key is refused with what was wrong', () => {
  assert.throws(() => signingHostKey('not a key'), /cannot read host key/);
});
