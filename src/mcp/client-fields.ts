// The client as tools show it: GraphQL fragments (built on the ClientFields the CLI shows too,
// src/client/fragments.ts), and their snake_case shape (the guide's spelling) with the zod
// schemas the tools declare as output.

import { z } from 'zod';
import { MAX_CLIENT_REF_CHARS, MAX_PAGE_SIZE } from '../fleet/limits.js';
import { graphql } from '../generated/gql.js';
import type {
  ClientFieldsFragment,
  ClientSettingsFieldsFragment,
  McpClientDetailFragment,
} from '../generated/graphql.js';

export const McpClientDetail = graphql(`
  fragment McpClientDetail on Client {
    ...ClientFields
    ...ClientSettingsFields
    username
    platformRelease
    agentVersion
    allowedPaths
    agentAllowedPaths
    allowedPathsBeyondAgent
    publicKeyFingerprint
    trustedFingerprint
    previousFingerprint
    firstSeen
    lastConnectedAt
    connectionCount
    enrolledVia
  }
`);

void McpClientDetail;

export const clientSummaryShape = {
  uuid: z.string(),
  client_id: z.string(),
  display_name: z.string().nullable(),
  purpose: z.string().nullable(),
  tags: z.array(z.string()),
  capabilities: z.array(z.string()),
  online: z.boolean(),
  health: z.string(),
  key_mismatch: z.boolean(),
  hostname: z.string(),
  platform: z.string(),
  last_seen: z.string(),
};

export const clientSummarySchema = z.object(clientSummaryShape).loose();

export const clientDetailSchema = z
  .object({
    ...clientSummaryShape,
    allowed_paths: z.array(z.string()).nullable(),
    webhook_url: z.string().nullable(),
    rate_limit_rpm: z.number(),
    rate_limit_concurrent: z.number(),
    rate_limit_mode: z.string(),
  })
  .loose();

export function toClientSummary(c: ClientFieldsFragment) {
  return {
    uuid: c.uuid,
    client_id: c.clientId,
    display_name: c.displayName ?? null,
    purpose: c.purpose ?? null,
    tags: c.tags.map((t) => t.name),
    capabilities: c.capabilities,
    online: c.online,
    health: c.health,
    key_mismatch: c.keyMismatch,
    hostname: c.hostname,
    platform: c.platform,
    last_seen: c.lastSeen,
  };
}

export function toClientDetail(
  c: McpClientDetailFragment & ClientFieldsFragment & ClientSettingsFieldsFragment,
) {
  return {
    ...toClientSummary(c),
    health_reason: c.healthReason ?? null,
    username: c.username,
    arch: c.arch,
    platform_release: c.platformRelease,
    agent_version: c.agentVersion,
    allowed_paths: c.allowedPaths ?? null,
    agent_allowed_paths: c.agentAllowedPaths ?? null,
    allowed_paths_beyond_agent: c.allowedPathsBeyondAgent,
    webhook_url: c.webhookUrl ?? null,
    rate_limit_rpm: c.rateLimitRpm,
    rate_limit_concurrent: c.rateLimitConcurrent,
    rate_limit_mode: c.rateLimitMode.toLowerCase(),
    cpu_threshold: c.cpuThreshold,
    memory_threshold: c.memoryThreshold,
    disk_threshold: c.diskThreshold,
    resource_checks: c.resourceChecks,
    forward_targets: c.forwardTargets,
    public_key_fingerprint: c.publicKeyFingerprint,
    trusted_fingerprint: c.trustedFingerprint,
    previous_fingerprint: c.previousFingerprint ?? null,
    first_seen: c.firstSeen,
    last_connected_at: c.lastConnectedAt ?? null,
    connection_count: c.connectionCount,
    enrolled_via: c.enrolledVia,
  };
}

/**
 * How our own text names a client: its clientId only, a slug of [a-z0-9.-] derived by the server.
 * Display names and hostnames come from people or from the client, so they stay in the fenced
 * data.
 */
export function labelOf(c: { clientId: string }): string {
  return `"${c.clientId}"`;
}

/** Input: any name the API accepts for a client. */
export const clientRef = (what: string) =>
  z
    .string()
    .min(1)
    .max(MAX_CLIENT_REF_CHARS)
    .describe(`${what}: its uuid, clientId or an unambiguous display name.`);

/** Input: the client of a tool that works on the session's selected client by default. */
export const optionalClientRef = z
  .string()
  .min(1)
  .max(MAX_CLIENT_REF_CHARS)
  .optional()
  .describe('uuid, clientId or display name; default: the selected client (see select_client).');

/** Clients per page when the caller does not say: enough for a fleet to fit in one answer. */
const DEFAULT_PAGE_SIZE = 200;

/** Paging for the client lists (a page of clientsConnection). */
export const pageInput = {
  limit: z
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .default(DEFAULT_PAGE_SIZE)
    .describe(`Clients per page (1 to ${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}).`),
  cursor: z
    .string()
    .min(1)
    .max(512)
    .optional()
    .describe('next_cursor of the previous page, for the next one.'),
};

export const pageOutput = {
  returned: z.number(),
  next_cursor: z.string().nullable(),
};

/** The page a connection answered, as the list tools return it. */
export function pageOf(page: {
  nodes: ClientFieldsFragment[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}) {
  const clients = page.nodes.map(toClientSummary);
  const next = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  return { clients, returned: clients.length, next_cursor: next };
}
