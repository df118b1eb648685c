// Signatures verify with the official standardwebhooks library, for both secret forms, and a
// tampered body, id or timestamp does not.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import {
  generateSecret,
  newDeliveryId,
  secretProblem,
  signDelivery,
} from '../../../src/fleet/webhooks/sign.js';

const body = JSON.stringify({ event: 'client.connected', data: { platform: 'Linux 6.8' } });

test('a whsec_ secret verifies with standardwebhooks; tampering does not', () => {
  const secret = generateSecret();
  assert.equal(secretProblem(secret), null);
  const id = newDeliveryId();
  const headers = signDelivery(id, new Date(), body, secret);
  const wh = new Webhook(secret);
  assert.deepEqual(wh.verify(body, { ...headers }), JSON.parse(body));
  assert.throws(() => wh.verify(body.replace('6.8', '6.9'), { ...headers }), /signature/i);
  assert.throws(() => wh.verify(body, { ...headers, 'webhook-id': newDeliveryId() }));
  assert.throws(() =>
    wh.verify(body, {
      ...headers,
      'webhook-timestamp': String(Number(headers['webhook-timestamp']) + 1),
    }),
  );
  assert.throws(() => new Webhook(generateSecret()).verify(body, { ...headers }));
  // The signature the library computes is ours, byte for byte.
  const at = new Date(Number(headers['webhook-timestamp']) * 1000);
  assert.equal(wh.sign(id, at, body), headers['webhook-signature']);
});

test('a plain secret is used as raw key bytes (standardwebhooks format "raw")', () => {
  const secret = 'a plain shared secret of some length';
  const headers = signDelivery('msg_1', new Date(), body, secret);
  const wh = new Webhook(new Uint8Array(Buffer.from(secret)), { format: 'raw' });
  assert.deepEqual(wh.verify(body, { ...headers }), JSON.parse(body));
  const hex = createHmac('sha256', secret).update(body).digest('hex');
  assert.equal(headers['x-etphonehome-signature'], `sha256=${hex}`);
});

test('the id is stable input and the timestamp is the attempt time in seconds', () => {
  const at = new Date('2026-01-05T12:34:56.789Z');
  const headers = signDelivery('msg_x', at, body, generateSecret());
  assert.equal(headers['webhook-id'], 'msg_x');
  assert.equal(headers['webhook-timestamp'], String(Math.floor(at.getTime() / 1000)));
  assert.match(headers['webhook-signature'], /^v1,[A-Za-z0-9+/]+=*$/);
  assert.match(newDeliveryId(), /^msg_[A-Za-z0-9_-]{20}$/);
});

test('unusable secrets are named', () => {
  assert.match(secretProblem('short') ?? '', /shorter than 16/);
  assert.match(secretProblem('whsec_not base64!') ?? '', /not base64/);
  assert.match(secretProblem('whsec_AAAA') ?? '', /fewer than 16/);
  assert.equal(secretProblem('x'.repeat(16)), null);
});
