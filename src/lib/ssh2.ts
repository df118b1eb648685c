// ssh2, loaded with faster key conversions for its curve25519 key exchange. The one place that
// loads ssh2 (eslint's no-restricted-imports sends every other value import here).
//
// Every SSH handshake (the hub's with each agent, the agent's with the hub) runs
// curve25519-sha256. ssh2 1.17 (lib/protocol/kex.js, Curve25519Exchange) moves the raw 32-byte
// public keys in and out of Node's KeyObjects as DER: its own with
// `publicKey.export({ type: 'spki', format: 'der' })`, the peer's with
// `createPublicKey({ key: <SPKI DER>, type: 'spki', format: 'der' })`. Under OpenSSL 3 (Node 18
// and later) DER goes through the provider encoders and decoders: 77 and 83 µs a call on this
// machine, about 300 µs a handshake in a busy server, 7 % of the hub's busy time in a reconnect
// storm (docs/BENCHMARKS.md, issue 13). The same import as JWK takes 9 µs, the export computed
// as below 36 µs.
//
// kex.js takes `createPublicKey` and `generateKeyPairSync` from `require('crypto')` once, as it
// loads. So ssh2 is loaded here with two wrappers lent to `crypto` for that moment, and the
// originals put back at once: nothing but ssh2 sees them. They change only the path,
// never the result: an X25519 SPKI of its one fixed form (a 12-byte header and the key) is
// imported as JWK, giving the same KeyObject, and an X25519 pair generated without options gets
// a public key whose SPKI DER export is that header and the key, computed rather than encoded;
// anything else goes to the original untouched, errors included.

import crypto, { createPublicKey, diffieHellman, type KeyObject } from 'node:crypto';
import { createRequire } from 'node:module';
import type * as Ssh2 from 'ssh2';

/** SubjectPublicKeyInfo of an X25519 key (RFC 8410), before its 32 bytes. */
const X25519_SPKI_HEADER = Buffer.from('302a300506032b656e032100', 'hex');
const X25519_KEY_BYTES = 32;

/** How often each fast path was taken (tests check that ssh2 uses them). */
export const fastKeyPaths = { imported: 0, exported: 0 };

/**
 * A public key from its raw bytes, imported as JWK (RFC 8037): under OpenSSL 3 far cheaper than
 * the same key as DER or PEM. `create` is Node's createPublicKey unless a caller holds another.
 */
export function rawPublicKey(
  crv: 'X25519' | 'Ed25519',
  raw: Buffer,
  create: typeof crypto.createPublicKey = createPublicKey,
): KeyObject {
  return create({ key: { kty: 'OKP', crv, x: raw.toString('base64url') }, format: 'jwk' });
}

function isX25519Spki(key: unknown): key is Buffer {
  return (
    Buffer.isBuffer(key) &&
    key.length === X25519_SPKI_HEADER.length + X25519_KEY_BYTES &&
    key.subarray(0, X25519_SPKI_HEADER.length).equals(X25519_SPKI_HEADER)
  );
}

export function createPublicKeyFast(
  original: typeof crypto.createPublicKey,
): typeof crypto.createPublicKey {
  return function createPublicKey(input) {
    if (typeof input === 'object' && input !== null && !(input instanceof crypto.KeyObject)) {
      const { key, format, type } = input as { key?: unknown; format?: unknown; type?: unknown };
      if (format === 'der' && type === 'spki' && isX25519Spki(key)) {
        fastKeyPaths.imported += 1;
        return rawPublicKey('X25519', key.subarray(X25519_SPKI_HEADER.length), original);
      }
    }
    return original(input);
  } as typeof crypto.createPublicKey;
}

/** X25519's base point, u = 9 (little-endian): X25519(k, 9) is k's public key (RFC 7748, 6.1). */
const BASE_POINT_U = Buffer.alloc(X25519_KEY_BYTES);
BASE_POINT_U[0] = 9;
let basePoint: KeyObject | undefined;

/**
 * The public key, exporting SPKI DER as the header and X25519(private key, 9): the same bytes
 * as Node's own DER export, at half its cost. Never by exporting JWK: on Node 20 a JWK export of
 * a generated key deadlocks when a garbage collection runs during it (seen here; see
 * ./ssh-keygen.ts).
 */
function withFastSpkiExport(publicKey: KeyObject, privateKey: KeyObject): KeyObject {
  const exportKey = publicKey.export.bind(publicKey) as (options?: object) => unknown;
  Object.defineProperty(publicKey, 'export', {
    value(options?: { type?: unknown; format?: unknown }) {
      if (options?.type !== 'spki' || options.format !== 'der' || Object.keys(options).length !== 2)
        return exportKey(options);
      fastKeyPaths.exported += 1;
      basePoint ??= rawPublicKey('X25519', BASE_POINT_U);
      return Buffer.concat([
        X25519_SPKI_HEADER,
        diffieHellman({ privateKey, publicKey: basePoint }),
      ]);
    },
  });
  return publicKey;
}

export function generateKeyPairSyncFast(
  original: typeof crypto.generateKeyPairSync,
): typeof crypto.generateKeyPairSync {
  return function generateKeyPairSync(this: unknown, ...args: unknown[]) {
    const pair = (original as (...a: unknown[]) => unknown).apply(this, args);
    if (args[0] === 'x25519' && args[1] === undefined) {
      const { publicKey, privateKey } = pair as { publicKey: KeyObject; privateKey: KeyObject };
      withFastSpkiExport(publicKey, privateKey);
    }
    return pair;
  } as typeof crypto.generateKeyPairSync;
}

function loadSsh2(): typeof Ssh2 {
  const require = createRequire(import.meta.url);
  // The CommonJS view of node:crypto, the object kex.js reads its functions from.
  const cjsCrypto = require('node:crypto') as typeof crypto;
  const { createPublicKey, generateKeyPairSync } = cjsCrypto;
  cjsCrypto.createPublicKey = createPublicKeyFast(createPublicKey);
  cjsCrypto.generateKeyPairSync = generateKeyPairSyncFast(generateKeyPairSync);
  try {
    return require('ssh2') as typeof Ssh2;
  } finally {
    cjsCrypto.createPublicKey = createPublicKey;
    cjsCrypto.generateKeyPairSync = generateKeyPairSync;
  }
}

const ssh2 = loadSsh2();
export default ssh2;
