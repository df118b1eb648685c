// Signing per the Standard Webhooks specification (https://www.standardwebhooks.com):
// `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, plus
// `X-ETPhoneHome-Signature: sha256=<hex HMAC-SHA256 of the body>` for receivers that only know
// the GitHub-style form. A `whsec_…` secret is base64 key bytes; any other string is used as the
// raw key bytes.

import { createHmac, randomBytes } from 'node:crypto';

const PREFIX = 'whsec_';

/** The key bytes of a secret: `whsec_<base64>` decoded, anything else as UTF-8 bytes. */
export function secretKey(secret: string): Buffer {
  if (secret.startsWith(PREFIX)) return Buffer.from(secret.slice(PREFIX.length), 'base64');
  return Buffer.from(secret, 'utf8');
}

/** A new random secret in whsec_ form (32 key bytes). */
export function generateSecret(): string {
  return PREFIX + randomBytes(32).toString('base64');
}

/** Why a secret is unusable, or null when it is fine. */
export function secretProblem(secret: string): string | null {
  if (secret.length > 1024) return 'is longer than 1024 characters';
  if (secret.startsWith(PREFIX)) {
    const body = secret.slice(PREFIX.length);
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body) || body.length % 4 !== 0)
      return 'starts with whsec_ but the rest is not base64';
    if (Buffer.from(body, 'base64').length < 16) return 'decodes to fewer than 16 key bytes';
    return null;
  }
  if (Buffer.byteLength(secret) < 16) return 'is shorter than 16 bytes';
  return null;
}

export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
  'x-etphonehome-signature': string;
}

/** The signature headers of one attempt; `at` becomes webhook-timestamp (seconds). */
export function signDelivery(id: string, at: Date, body: string, secret: string): SignedHeaders {
  const key = secretKey(secret);
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const standard = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  const plain = createHmac('sha256', key).update(body).digest('hex');
  return {
    'webhook-id': id,
    'webhook-timestamp': timestamp,
    'webhook-signature': `v1,${standard}`,
    'x-etphonehome-signature': `sha256=${plain}`,
  };
}

/** A new delivery id (`msg_` + 24 random base32-ish characters), the stable webhook-id. */
export function newDeliveryId(): string {
  return `msg_${randomBytes(15).toString('base64url')}`;
}
