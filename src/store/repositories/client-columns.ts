// The client table's columns, once: each record field with its column and how its value is
// encoded for a statement and decoded from a row. Reads and writes of clients go through here,
// so a new field is one line.

import type { Dialect } from '../dialect.js';
import { UNIT_SEPARATOR } from '../dialect.js';
import type { ClientChanges, ClientRecord } from '../records.js';

type Kind = 'text' | 'number' | 'bool' | 'date' | 'json';
type Field = keyof Omit<ClientRecord, 'tags'>;

const columns: Record<Field, readonly [column: string, kind: Kind]> = {
  uuid: ['uuid', 'text'],
  clientId: ['client_id', 'text'],
  displayName: ['display_name', 'text'],
  purpose: ['purpose', 'text'],
  allowedPaths: ['allowed_paths', 'json'],
  webhookUrl: ['webhook_url', 'text'],
  webhookSecret: ['webhook_secret', 'text'],
  rateLimitRpm: ['rate_limit_rpm', 'number'],
  rateLimitConcurrent: ['rate_limit_concurrent', 'number'],
  rateLimitMode: ['rate_limit_mode', 'text'],
  cpuThreshold: ['cpu_threshold', 'number'],
  memoryThreshold: ['memory_threshold', 'number'],
  diskThreshold: ['disk_threshold', 'number'],
  resourceChecks: ['resource_checks', 'bool'],
  forwardTargets: ['forward_targets', 'json'],
  decommissionedAt: ['decommissioned_at', 'date'],
  hostname: ['hostname', 'text'],
  platform: ['platform', 'text'],
  platformRelease: ['platform_release', 'text'],
  arch: ['arch', 'text'],
  agentVersion: ['agent_version', 'text'],
  username: ['username', 'text'],
  capabilities: ['capabilities', 'json'],
  agentAllowedPaths: ['agent_allowed_paths', 'json'],
  publicKey: ['public_key', 'text'],
  keyFingerprint: ['key_fingerprint', 'text'],
  pendingPublicKey: ['pending_public_key', 'text'],
  pendingFingerprint: ['pending_fingerprint', 'text'],
  previousFingerprint: ['previous_fingerprint', 'text'],
  keyMismatchAt: ['key_mismatch_at', 'date'],
  keyAcceptedAt: ['key_accepted_at', 'date'],
  keyAcceptedBy: ['key_accepted_by', 'text'],
  enrolledVia: ['enrolled_via', 'text'],
  firstSeen: ['first_seen', 'date'],
  lastSeen: ['last_seen', 'date'],
  connectionCount: ['connection_count', 'number'],
  lastConnectedAt: ['last_connected_at', 'date'],
  lastDisconnectedAt: ['last_disconnected_at', 'date'],
  lastRemoteAddress: ['last_remote_address', 'text'],
  heldBy: ['held_by', 'text'],
  heldConnection: ['held_connection', 'text'],
  health: ['health', 'text'],
  healthReason: ['health_reason', 'text'],
  healthSince: ['health_since', 'date'],
};

const fields = Object.keys(columns) as Field[];

/** The select list of a client row with its tags (table alias `c`). */
export function clientSelect(dialect: Dialect): string {
  return `c.*, (select ${dialect.joinGroup('t.name')} from client_tag ct join tag t on t.id = ct.tag_id where ct.client_uuid = c.uuid) as tag_names`;
}

export function toClientRecord(row: Record<string, unknown>, dialect: Dialect): ClientRecord {
  const record: Record<string, unknown> = {};
  for (const field of fields) {
    const [column, kind] = columns[field];
    const value = row[column] ?? null;
    record[field] =
      value === null
        ? null
        : kind === 'number'
          ? Number(value)
          : kind === 'bool'
            ? dialect.boolOrNull(value)
            : kind === 'date'
              ? dialect.date(value)
              : kind === 'json'
                ? dialect.json(value)
                : value;
  }
  const names = row['tag_names'];
  record['tags'] =
    typeof names === 'string' && names !== '' ? names.split(UNIT_SEPARATOR).sort() : [];
  return record as unknown as ClientRecord;
}

/** A value as a statement parameter (the driver layer encodes Dates and booleans). */
function encode(kind: Kind, value: unknown, dialect: Dialect): unknown {
  if (value === null || value === undefined) return null;
  return kind === 'json' ? dialect.jsonParam(value) : value;
}

/** Column names and parameters for the fields present in `changes`. */
export function clientAssignments(
  changes: ClientChanges,
  dialect: Dialect,
): {
  columns: string[];
  params: unknown[];
} {
  const out: { columns: string[]; params: unknown[] } = { columns: [], params: [] };
  const given = changes as Partial<Record<Field, unknown>>;
  for (const field of fields) {
    if (field === 'uuid' || given[field] === undefined) continue;
    const [column, kind] = columns[field];
    out.columns.push(column);
    out.params.push(encode(kind, given[field], dialect));
  }
  return out;
}

/** Every column of a new row with its parameter. */
export function clientRow(
  record: ClientRecord,
  dialect: Dialect,
): { columns: string[]; params: unknown[] } {
  return {
    columns: fields.map((field) => columns[field][0]),
    params: fields.map((field) => encode(columns[field][1], record[field], dialect)),
  };
}
