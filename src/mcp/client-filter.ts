// The client filter of the tools that select clients (find_client, fleet_health, and list_clients'
// online_only), defined once: snake_case inputs bounded by the fleet's own limits, and their
// mapping to GraphQL's ClientFilter. Every given condition must hold.

import { z } from 'zod';
import {
  MAX_CAPABILITY_CHARS,
  MAX_PURPOSE_CHARS,
  MAX_QUERY_CHARS,
  MAX_TAG_CHARS,
  MAX_TAGS,
} from '../fleet/limits.js';
import type { ClientFilter } from '../generated/graphql.js';

export const onlineOnlyInput = z
  .boolean()
  .optional()
  .describe('Only clients online now (default false).');

export const clientFilterInput = {
  query: z
    .string()
    .min(1)
    .max(MAX_QUERY_CHARS)
    .optional()
    .describe('Substring of display name, purpose or hostname (case-insensitive).'),
  purpose: z
    .string()
    .min(1)
    .max(MAX_PURPOSE_CHARS)
    .optional()
    .describe('The purpose, e.g. "API Server".'),
  tags: z
    .array(z.string().min(1).max(MAX_TAG_CHARS))
    .max(MAX_TAGS)
    .optional()
    .describe('Tags the client must ALL carry, e.g. ["production", "critical"].'),
  capabilities: z
    .array(z.string().min(1).max(MAX_CAPABILITY_CHARS))
    .max(MAX_TAGS)
    .optional()
    .describe('Capabilities the client must ALL have, e.g. ["docker", "python3.12"].'),
  online_only: onlineOnlyInput,
};

/** The filter arguments as parsed (any tool may take a subset of them). */
export interface ClientFilterArgs {
  query?: string | undefined;
  purpose?: string | undefined;
  tags?: string[] | undefined;
  capabilities?: string[] | undefined;
  online_only?: boolean | undefined;
}

/** The arguments given, as GraphQL's ClientFilter (null when none was). */
export function toClientFilter(args: ClientFilterArgs): ClientFilter | null {
  const filter: ClientFilter = {
    ...(args.query !== undefined ? { query: args.query } : {}),
    ...(args.purpose !== undefined ? { purpose: args.purpose } : {}),
    ...(args.tags !== undefined ? { tags: args.tags } : {}),
    ...(args.capabilities !== undefined ? { capabilities: args.capabilities } : {}),
    ...(args.online_only !== undefined ? { onlineOnly: args.online_only } : {}),
  };
  return Object.keys(filter).length > 0 ? filter : null;
}
