// configure_client: operational settings (webhook, rate limits, resource thresholds).
// GraphQL: configureClient.

import { z } from 'zod';
import { graphql } from '../../generated/gql.js';
import type { RateLimitMode } from '../../generated/graphql.js';
import {
  MAX_RATE_LIMIT_CONCURRENT,
  MAX_RATE_LIMIT_RPM,
  MAX_WEBHOOK_URL_LENGTH,
} from '../../fleet/limits.js';
import { MAX_FORWARD_RULE_CHARS, MAX_FORWARD_RULES } from '../../protocol/forward-target.js';
import { clientDetailSchema, clientRef, labelOf, toClientDetail } from '../client-fields.js';
import { defineTool, toolHints } from '../tool.js';

const ConfigureClientDocument = graphql(`
  mutation McpConfigureClient($id: ID!, $input: ConfigureClientInput!) {
    configureClient(id: $id, input: $input) {
      ...McpClientDetail
    }
  }
`);

const percent = (what: string) =>
  z
    .number()
    .min(0)
    .max(100)
    .nullable()
    .optional()
    .describe(`${what} percent that fleet_health flags (null: server default).`);

export const configureClient = defineTool({
  name: 'configure_client',
  title: 'Configure a client',
  description:
    'Sets a client\'s operational settings; only the fields given change. webhook_url: its own webhook endpoint ("" clears it back to the global ETPHONEHOME_WEBHOOK_URL). rate_limit_rpm (requests per rolling minute, default 60) and rate_limit_concurrent (in flight at once, default 10); null restores the server default. rate_limit_mode: warn (run and count a warning), enforce (refuse the excess) or off. Thresholds and resource_checks tune health checks.',
  input: {
    uuid: clientRef('The client to configure'),
    webhook_url: z
      .string()
      .max(MAX_WEBHOOK_URL_LENGTH)
      .optional()
      .describe('https://… endpoint; "" clears it (the global webhook applies).'),
    rate_limit_rpm: z
      .number()
      .int()
      .min(1)
      .max(MAX_RATE_LIMIT_RPM)
      .nullable()
      .optional()
      .describe('Requests per rolling 60 s (null: server default).'),
    rate_limit_concurrent: z
      .number()
      .int()
      .min(1)
      .max(MAX_RATE_LIMIT_CONCURRENT)
      .nullable()
      .optional()
      .describe('Requests in flight at once (null: server default).'),
    rate_limit_mode: z
      .enum(['warn', 'enforce', 'off'])
      .nullable()
      .optional()
      .describe('warn, enforce or off (null: server default).'),
    cpu_threshold: percent('CPU'),
    memory_threshold: percent('Memory'),
    disk_threshold: percent('Disk'),
    resource_checks: z
      .boolean()
      .nullable()
      .optional()
      .describe(
        'Sample metrics with each heartbeat and mark the client UNHEALTHY over a threshold.',
      ),
    forward_targets: z
      .array(z.string().min(1).max(MAX_FORWARD_RULE_CHARS))
      .max(MAX_FORWARD_RULES)
      .nullable()
      .optional()
      .describe(
        'Port-forward targets allowed for this client: host:port rules ("127.0.0.1:5432", "db.internal:*"); null or [] allows none.',
      ),
  },
  output: { client: clientDetailSchema },
  annotations: toolHints.changesRecords,
  async run(args, { executor, request }) {
    const input = {
      ...(args.webhook_url !== undefined ? { webhookUrl: args.webhook_url } : {}),
      ...(args.rate_limit_rpm !== undefined ? { rateLimitRpm: args.rate_limit_rpm } : {}),
      ...(args.rate_limit_concurrent !== undefined
        ? { rateLimitConcurrent: args.rate_limit_concurrent }
        : {}),
      ...(args.rate_limit_mode !== undefined
        ? {
            rateLimitMode:
              args.rate_limit_mode === null
                ? null
                : (args.rate_limit_mode.toUpperCase() as RateLimitMode),
          }
        : {}),
      ...(args.cpu_threshold !== undefined ? { cpuThreshold: args.cpu_threshold } : {}),
      ...(args.memory_threshold !== undefined ? { memoryThreshold: args.memory_threshold } : {}),
      ...(args.disk_threshold !== undefined ? { diskThreshold: args.disk_threshold } : {}),
      ...(args.resource_checks !== undefined ? { resourceChecks: args.resource_checks } : {}),
      ...(args.forward_targets !== undefined ? { forwardTargets: args.forward_targets } : {}),
    };
    // Nothing to change is refused by the fleet itself, in the same words for every door.
    const { configureClient: client } = await executor.request(
      ConfigureClientDocument,
      { id: args.uuid, input },
      request,
    );
    return {
      text: `Configured ${labelOf(client)}: ${Object.keys(input).join(', ')}. Now: webhook ${client.webhookUrl ? 'own' : 'global'}, ${client.rateLimitRpm} rpm, ${client.rateLimitConcurrent} concurrent, mode ${client.rateLimitMode.toLowerCase()}.`,
      data: { client: toClientDetail(client) },
    };
  },
});
