// ed25519 key pairs in OpenSSH's formats, from node:crypto.
//
// ssh2's own generateKeyPairSync('ed25519') strips leading zero bytes from the public key, so
// about one key in 256 comes out malformed and unreadable (mscdex/ssh2 #1390, #1513). The
// format is small and fully specified (OpenSSH PROTOCOL.key), so we write it here:
//
//   "openssh-key-v1\0" | string cipher "none" | string kdf "none" | string kdfoptions ""
//   | uint32 1 | string public blob | string private section
//   private section: uint32 check | uint32 check | string "ssh-ed25519" | string pk(32)
//                    | string seed(32)‖pk(32) | string comment | padding 1,2,3… to 8 bytes

import { generateKeyPairSync, randomBytes } from 'node:crypto';

export interface OpenSshKeyPair {
  /** PEM-armoured "OPENSSH PRIVATE KEY", unencrypted. */
  private: string;
  /** One line: "ssh-ed25519 <base64> <comment>". */
  public: string;
}

function sshString(value: Buffer | string): Buffer {
  const body = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  return Buffer.concat([length, body]);
}

function unprefix(der: Buffer, prefix: Buffer): Buffer {
  if (der.length !== prefix.length + 32 || !der.subarray(0, prefix.length).equals(prefix)) {
    throw new Error('unexpected ed25519 DER encoding');
  }
  return der.subarray(prefix.length);
}

function uint32(value: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(value >>> 0);
  return out;
}

// Ed25519's SPKI and PKCS#8 DER encodings have a fixed layout: a constant prefix, then the raw
// 32-byte public key or seed.
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export function generateEd25519KeyPair(comment = ''): OpenSshKeyPair {
  // DER straight out of the generator, never KeyObject.export(): on Node 20, exporting an Ed key
  // as JWK can deadlock when a garbage collection runs during the export (the export holds the
  // key's mutex, and the finalizer of the generator's job takes the same mutex).
  const der = generateKeyPairSync('ed25519', {
    publicKeyEncoding: { type: 'spki', format: 'der' },
    privateKeyEncoding: { type: 'pkcs8', format: 'der' },
  });
  const publicRaw = unprefix(der.publicKey, SPKI_PREFIX);
  const seed = unprefix(der.privateKey, PKCS8_PREFIX);

  const publicBlob = Buffer.concat([sshString('ssh-ed25519'), sshString(publicRaw)]);
  const check = randomBytes(4).readUInt32BE(0);
  const section = Buffer.concat([
    uint32(check),
    uint32(check),
    sshString('ssh-ed25519'),
    sshString(publicRaw),
    sshString(Buffer.concat([seed, publicRaw])),
    sshString(comment),
  ]);
  const padding = Buffer.from(
    Array.from({ length: (8 - (section.length % 8)) % 8 }, (_, i) => i + 1),
  );
  const body = Buffer.concat([
    Buffer.from('openssh-key-v1\0', 'latin1'),
    sshString('none'),
    sshString('none'),
    sshString(''),
    uint32(1),
    sshString(publicBlob),
    sshString(Buffer.concat([section, padding])),
  ]);
  const lines = body.toString('base64').match(/.{1,70}/g) ?? [];
  return {
    private: [
      '-----BEGIN OPENSSH PRIVATE KEY-----',
      ...lines,
      '-----END OPENSSH PRIVATE KEY-----',
      '',
    ].join('\n'),
    public: `ssh-ed25519 ${publicBlob.toString('base64')}${comment ? ` ${comment}` : ''}`,
  };
}
