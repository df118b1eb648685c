// Each delivered event maps its audit data onto the guide's payload, including the two events
// recorded by other parts of the server (client.unhealthy, file_accessed).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPayload, webhookData, webhookEvents } from '../../../src/fleet/webhooks/payload.js';

const client = {
  uuid: 'abc-123',
  clientId: 'prod-api-01',
  displayName: 'Production Server',
  hostname: 'prod-api-01',
};
const at = new Date('2026-01-05T12:34:56Z');

test('the guide’s client.connected example', () => {
  const payload = buildPayload(
    {
      type: 'client.connected',
      at,
      data: {
        platform: 'Linux 6.8.0',
        hostname: 'prod-api-01',
        agent_version: '0.1.0',
        tunnel_port: 52341,
        remote_address: '203.0.113.9',
        fingerprint: 'SHA256:x',
        key_mismatch: false,
        first_connection: true,
      },
    },
    client,
    client.uuid,
  );
  assert.deepEqual(
    {
      ...payload,
      data: { platform: payload.data['platform'], tunnel_port: payload.data['tunnel_port'] },
    },
    {
      event: 'client.connected',
      timestamp: '2026-01-05T12:34:56.000Z',
      client: { uuid: 'abc-123', display_name: 'Production Server', hostname: 'prod-api-01' },
      data: { platform: 'Linux 6.8.0', tunnel_port: 52341 },
    },
  );
  assert.equal('key_mismatch' in payload.data, false, 'only named fields leave the server');
});

test('the guide’s six events are delivered, and client.recovered', () => {
  for (const event of [
    'client.connected',
    'client.disconnected',
    'client.key_mismatch',
    'client.unhealthy',
    'command_executed',
    'file_accessed',
    'client.recovered',
  ])
    assert.ok(webhookEvents.has(event), event);
  for (const event of ['client.updated', 'operation_refused', 'client.key_accepted'])
    assert.equal(webhookEvents.has(event), false, event);
});

test('client.unhealthy: reason and consecutive failures; client.recovered', () => {
  assert.deepEqual(
    webhookData('client.unhealthy', {
      reason: 'heartbeat timed out',
      consecutive_failures: 3,
      check: 'heartbeat',
      since: '2026-01-05T12:30:00.000Z',
      internal: 'x',
    }),
    {
      reason: 'heartbeat timed out',
      consecutive_failures: 3,
      since: '2026-01-05T12:30:00.000Z',
      check: 'heartbeat',
    },
  );
  const metrics = { cpu_percent: 97 };
  assert.deepEqual(
    webhookData('client.unhealthy', {
      reason: 'CPU 97 % over 80 %',
      consecutive_failures: 0,
      check: 'resources',
      since: '2026-01-05T12:30:00.000Z',
      metrics,
    })['metrics'],
    metrics,
  );
  assert.deepEqual(
    webhookData('client.recovered', {
      previous_reason: 'heartbeat timed out',
      unhealthy_for_s: 42,
    }),
    { previous_reason: 'heartbeat timed out', unhealthy_for_s: 42 },
  );
});

test('file_accessed: operation, path, size', () => {
  for (const operation of [
    'read_file',
    'write_file',
    'list_files',
    'upload_file',
    'download_file',
  ]) {
    assert.deepEqual(
      webhookData('file_accessed', { operation, path: '/etc/hosts', size: 120, actor: 'x' }),
      {
        operation,
        path: '/etc/hosts',
        size: 120,
      },
    );
  }
  assert.deepEqual(webhookData('file_accessed', { operation: 'list_files', path: '/tmp' }), {
    operation: 'list_files',
    path: '/tmp',
    size: null,
  });
});

test('command_executed, client.key_mismatch, client.disconnected', () => {
  assert.deepEqual(
    webhookData('command_executed', {
      command: 'curl -H "Authorization: Bearer [REDACTED]" x',
      cwd: null,
      exit_code: 0,
      duration_ms: 12,
      timed_out: false,
    }),
    {
      command: 'curl -H "Authorization: Bearer [REDACTED]" x',
      cwd: null,
      exit_code: 0,
      duration_ms: 12,
      timed_out: false,
    },
  );
  assert.deepEqual(
    webhookData('client.key_mismatch', {
      previous_fingerprint: 'SHA256:a',
      new_fingerprint: 'SHA256:b',
      remote_address: '1.2.3.4',
    }),
    { previous_fingerprint: 'SHA256:a', new_fingerprint: 'SHA256:b', remote_address: '1.2.3.4' },
  );
  assert.deepEqual(
    webhookData('client.disconnected', { reason: 'link closed', connected_for_s: 5 }),
    {
      reason: 'link closed',
      connected_for_s: 5,
    },
  );
});

test('a client without a display name goes by its clientId', () => {
  const payload = buildPayload(
    { type: 'client.disconnected', at, data: {} },
    { ...client, displayName: null },
    client.uuid,
  );
  assert.equal(payload.client.display_name, 'prod-api-01');
});
