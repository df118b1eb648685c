// The webhook payload of the infrastructure guide: {event, timestamp, client: {uuid,
// display_name, hostname}, data}. `data` is built from the audit row's data per event, naming
// the fields a receiver may rely on (missing ones are null); nothing else of the audit row (the
// actor, internal fields) leaves the server.

import type { FleetEvent } from '../event-types.js';

/**
 * The events delivered to webhooks: the guide's six, client.recovered, and the session and tunnel
 * events of issue 16 (see docs/webhooks.md).
 */
export const webhookEvents: ReadonlySet<string> = new Set([
  'client.connected',
  'client.disconnected',
  'client.key_mismatch',
  'client.unhealthy',
  'client.recovered',
  'command_executed',
  'file_accessed',
  'session.opened',
  'session.closed',
  'tunnel.opened',
  'tunnel.closed',
]);

/** The event name of deliveries made by sendTestWebhook. */
export const TEST_EVENT = 'webhook.test';

/** The data fields each event carries (in this order); an event not listed passes none. */
const fields: Record<string, readonly string[]> = {
  'client.connected': [
    'platform',
    'tunnel_port',
    'hostname',
    'agent_version',
    'remote_address',
    'fingerprint',
    'first_connection',
  ],
  'client.disconnected': ['reason', 'connected_for_s'],
  'client.key_mismatch': ['previous_fingerprint', 'new_fingerprint', 'remote_address', 'refused'],
  // As the health checks record them (fleet/health.ts on main): `check` is "heartbeat" or
  // "resources"; `metrics` (the summary that crossed a threshold) only for resource checks.
  'client.unhealthy': ['reason', 'consecutive_failures', 'since', 'check', 'metrics'],
  'client.recovered': ['previous_reason', 'unhealthy_for_s'],
  command_executed: ['command', 'cwd', 'exit_code', 'duration_ms', 'timed_out'],
  file_accessed: ['operation', 'path', 'size', 'destination'],
  'session.opened': ['session_id', 'principal', 'command', 'pty', 'origin', 'cols', 'rows'],
  'session.closed': [
    'session_id',
    'principal',
    'command',
    'pty',
    'cols',
    'rows',
    'started_at',
    'duration_ms',
    'exit_code',
    'exit_signal',
    'bytes_in',
    'bytes_out',
    'reason',
  ],
  'tunnel.opened': ['tunnel_id', 'principal', 'target', 'listen'],
  'tunnel.closed': [
    'tunnel_id',
    'principal',
    'target',
    'connections',
    'bytes_in',
    'bytes_out',
    'duration_ms',
    'reason',
  ],
};

/** Fields that appear only when the audit row has them (not every variant of the event does). */
const optional: ReadonlySet<string> = new Set(['refused', 'metrics', 'destination']);

export interface PayloadClient {
  uuid: string;
  clientId: string;
  displayName?: string | null | undefined;
  hostname: string;
}

export interface WebhookPayload {
  event: string;
  timestamp: string;
  client: { uuid: string; display_name: string; hostname: string };
  data: Record<string, unknown>;
}

/** The data of one event as delivered. */
export function webhookData(type: string, data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of fields[type] ?? []) {
    if (name in data) out[name] = data[name] ?? null;
    else if (!optional.has(name)) out[name] = null;
  }
  return out;
}

export function buildPayload(
  event: Pick<FleetEvent, 'type' | 'at' | 'data' | 'actorKeyId' | 'actorKeyName'>,
  client: PayloadClient | null,
  clientUuid: string,
): WebhookPayload {
  const data = webhookData(event.type, event.data);
  // The API key that caused the event (issue 15); absent for what the server or an agent did.
  if (event.actorKeyId)
    data['principal'] = { key_id: event.actorKeyId, key_name: event.actorKeyName ?? null };
  return {
    event: event.type,
    timestamp: event.at.toISOString(),
    client: {
      uuid: client?.uuid ?? clientUuid,
      // The guide's display_name is always a string: a client without one goes by its clientId.
      display_name: client?.displayName ?? client?.clientId ?? '',
      hostname: client?.hostname ?? '',
    },
    data,
  };
}
