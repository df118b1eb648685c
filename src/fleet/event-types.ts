// The fleet's event vocabulary. Names are the webhook event names of the infrastructure guide
// (`client.connected` …); the same strings travel on the bus, in the audit table and in GraphQL.

import type { NewEvent } from '../store/index.js';

export const FleetEventType = {
  connected: 'client.connected',
  disconnected: 'client.disconnected',
  keyMismatch: 'client.key_mismatch',
  keyAccepted: 'client.key_accepted',
  unhealthy: 'client.unhealthy',
  recovered: 'client.recovered',
  rateLimited: 'client.rate_limited',
  commandExecuted: 'command_executed',
  fileAccessed: 'file_accessed',
  operationRefused: 'operation_refused',
  updated: 'client.updated',
  decommissioned: 'client.decommissioned',
  restored: 'client.restored',
  sessionOpened: 'session.opened',
  sessionClosed: 'session.closed',
  tunnelOpened: 'tunnel.opened',
  tunnelClosed: 'tunnel.closed',
  /**
   * API keys made and revoked: events of the server, about no client (clientUuid ''), kept in
   * the audit trail (chain, export, ETPHONEHOME_AUDIT_LOG); client event lists, clientEvents
   * and webhooks, which are about clients, leave them out.
   */
  apiKeyCreated: 'api_key.created',
  apiKeyRevoked: 'api_key.revoked',
} as const;

export type FleetEventTypeName = (typeof FleetEventType)[keyof typeof FleetEventType];

export const fleetEventTypes: readonly FleetEventTypeName[] = Object.values(FleetEventType);

export function isFleetEventType(value: string): value is FleetEventTypeName {
  return (fleetEventTypes as readonly string[]).includes(value);
}

/** One event as persisted and published: what was appended, with its id and its chain hash. */
export interface FleetEvent extends Omit<NewEvent, 'type'> {
  id: number;
  type: FleetEventTypeName;
  /** The audit chain's hash (docs/design/0006-audit-chain.md). */
  hash?: string | null | undefined;
}
