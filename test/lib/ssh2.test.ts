// ssh2 as src/lib/ssh2.ts loads it: its curve25519 key exchange takes the faster key conversions
// (a real handshake on loopback counts them), they give what Node's own DER paths give, and
// everything else goes to the originals.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto, { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import ssh2, {
  createPublicKeyFast,
  fastKeyPaths,
  generateKeyPairSyncFast,
} from '../../src/lib/ssh2.js';
import { generateEd25519KeyPair } from '../../src/lib/ssh-keygen.js';

const fastImport = createPublicKeyFast(createPublicKey);
const fastGenerate = generateKeyPairSyncFast(generateKeyPairSync);
/** Node's own export of the key, whatever the key's own `export` property is. */
const nodeExport = (key: KeyObject, options: object): unknown =>
  (Object.getPrototypeOf(key) as { export(this: KeyObject, options: object): unknown }).export.call(
    key,
    options,
  );

test('a handshake on loopback takes both fast paths, on both ends', async () => {
  const before = { ...fastKeyPaths };
  const hostKey = generateEd25519KeyPair('host').private;
  const clientKey = generateEd25519KeyPair('client');
  const server = new ssh2.Server({ hostKeys: [hostKey] }, (client) => {
    client.on('authentication', (ctx) => ctx.accept());
    client.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = new ssh2.Client();
  try {
    await new Promise<void>((resolve, reject) => {
      client.once('ready', resolve).once('error', reject);
      client.connect({
        host: '127.0.0.1',
        port: (server.address() as AddressInfo).port,
        username: 'test',
        privateKey: clientKey.private,
        algorithms: { kex: ['curve25519-sha256'] },
      });
    });
  } finally {
    client.end();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  // Each end exports its own key once and imports the other's once.
  assert.ok(fastKeyPaths.exported - before.exported >= 2, JSON.stringify(fastKeyPaths));
  assert.ok(fastKeyPaths.imported - before.imported >= 2, JSON.stringify(fastKeyPaths));
});

test('the fast paths give what Node gives: the same DER, the same key', () => {
  for (let i = 0; i < 64; i += 1) {
    const pair = fastGenerate('x25519');
    const der = pair.publicKey.export({ type: 'spki', format: 'der' });
    assert.deepEqual(der, nodeExport(pair.publicKey, { type: 'spki', format: 'der' }));
    const imported = fastImport({ key: der, type: 'spki', format: 'der' });
    assert.ok(imported.equals(createPublicKey({ key: der, type: 'spki', format: 'der' })));
    // What ssh2 does with them: a shared secret both sides agree on.
    const other = generateKeyPairSync('x25519');
    const otherDer = other.publicKey.export({ type: 'spki', format: 'der' });
    assert.deepEqual(
      crypto.diffieHellman({
        privateKey: pair.privateKey,
        publicKey: fastImport({ key: otherDer, type: 'spki', format: 'der' }),
      }),
      crypto.diffieHellman({ privateKey: other.privateKey, publicKey: imported }),
    );
  }
});

test('everything else goes to the originals, errors included', () => {
  const before = { ...fastKeyPaths };
  const ed = generateKeyPairSync('ed25519');
  const edDer = ed.publicKey.export({ type: 'spki', format: 'der' });
  assert.ok(fastImport({ key: edDer, type: 'spki', format: 'der' }).equals(ed.publicKey));
  const pem = ed.publicKey.export({ type: 'spki', format: 'pem' });
  assert.ok(fastImport(pem).equals(ed.publicKey));
  assert.ok(fastImport(ed.privateKey).equals(ed.publicKey));
  // An X25519 SPKI one byte short: Node's own error.
  const short = Buffer.concat([
    Buffer.from('302a300506032b656e032100', 'hex'),
    Buffer.alloc(31, 1),
  ]);
  assert.throws(() => fastImport({ key: short, type: 'spki', format: 'der' }));
  // Pairs asked with an encoding, and other exports of a fast pair, are Node's.
  const encoded = fastGenerate('x25519', { publicKeyEncoding: { type: 'spki', format: 'der' } });
  assert.ok(Buffer.isBuffer(encoded.publicKey));
  const pair = fastGenerate('x25519');
  assert.equal(
    pair.publicKey.export({ type: 'spki', format: 'pem' }),
    nodeExport(pair.publicKey, { type: 'spki', format: 'pem' }),
  );
  assert.deepEqual(fastKeyPaths, before);
  // And ssh2's loading left node:crypto as it was.
  const cjs = createRequire(import.meta.url)('node:crypto') as typeof crypto;
  assert.equal(cjs.createPublicKey, createPublicKey);
  assert.equal(cjs.generateKeyPairSync, generateKeyPairSync);
});
