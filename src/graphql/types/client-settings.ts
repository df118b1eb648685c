// A client's operational settings (webhook, rate limits, resource thresholds) and its rate-limit
// figures. `Client.rateLimit` and `Client.thresholds` group what the contract's flat fields
// (rateLimitRpm, cpuThreshold …) say, as the API conventions ask for new fields
// (docs/design/0003-api-conventions.md); the flat fields stay.

import type { ClientView, RateLimitStats, ResourceThresholds } from '../../fleet/index.js';
import { MAX_RATE_LIMIT_CONCURRENT, MAX_RATE_LIMIT_RPM } from '../../fleet/limits.js';
import { builder } from '../builder.js';
import {
  ClientRef,
  clientRefDescription,
  RateLimitModeEnum,
  rateLimitModeField,
} from './client.js';

export const ResourceThresholdsRef = builder.objectRef<ResourceThresholds>('ResourceThresholds');
ResourceThresholdsRef.implement({
  description: 'Percentages above which a client is flagged.',
  fields: (t) => ({
    cpu: t.exposeFloat('cpu', { description: 'CPU percent.' }),
    memory: t.exposeFloat('memory', { description: 'Memory percent.' }),
    disk: t.exposeFloat('disk', { description: 'Fullest-disk percent.' }),
  }),
});

const RateLimitSettingsRef = builder.objectRef<ClientView>('RateLimitSettings');
RateLimitSettingsRef.implement({
  description:
    'A client’s rate limits: its own where set (configureClient), the server defaults otherwise.',
  fields: (t) => ({
    rpm: t.exposeInt('rateLimitRpm', {
      description: 'Requests allowed in a rolling 60-second window.',
    }),
    concurrent: t.exposeInt('rateLimitConcurrent', {
      description: 'Requests allowed in flight at once.',
    }),
    mode: rateLimitModeField(t, (c) => c.rateLimitMode),
  }),
});

builder.objectFields(ClientRef, (t) => ({
  rateLimit: t.field({
    type: RateLimitSettingsRef,
    description:
      'Its rate limits and mode in one object (the same values as rateLimitRpm, rateLimitConcurrent and rateLimitMode).',
    resolve: (c) => c,
  }),
  thresholds: t.field({
    type: ResourceThresholdsRef,
    description:
      'Its CPU, memory and disk thresholds in one object (the same values as cpuThreshold, memoryThreshold and diskThreshold).',
    resolve: (c) => c.thresholds,
  }),
  webhookUrlWarning: t.string({
    nullable: true,
    description:
      'Only in configureClient’s answer: why the webhookUrl just set may not work (its host does not resolve now). It is set anyway — DNS may be down for a while — and deliveries retry; the warning is also in the client.updated event (webhook_url_warning). Null elsewhere.',
    resolve: (c) => c.webhookUrlWarning ?? null,
  }),
}));

const ConfigureClientInput = builder.inputType('ConfigureClientInput', {
  description:
    'Operational settings; only the fields given change. null restores the server default.',
  fields: (t) => ({
    webhookUrl: t.string({
      required: false,
      description:
        'http(s) endpoint for this client’s events, overriding the global one; "" or null clears it back to the global ETPHONEHOME_WEBHOOK_URL.',
    }),
    webhookSecret: t.string({
      required: false,
      description:
        'Signing secret for deliveries to this client’s own webhookUrl: whsec_<base64> or a plain string of 16+ bytes. Write-only (see Client.hasWebhookSecret); "" or null clears it back to the global secret.',
    }),
    rateLimitRpm: t.int({
      required: false,
      description: `Requests allowed in a rolling 60-second window (1 to ${MAX_RATE_LIMIT_RPM.toLocaleString('en-US')}); null for the server default.`,
    }),
    rateLimitConcurrent: t.int({
      required: false,
      description: `Requests allowed in flight at once (1 to ${MAX_RATE_LIMIT_CONCURRENT.toLocaleString('en-US')}); null for the server default.`,
    }),
    rateLimitMode: t.field({
      type: RateLimitModeEnum,
      required: false,
      description: 'WARN, ENFORCE or OFF; null for the server default.',
    }),
    cpuThreshold: t.float({
      required: false,
      description: 'CPU percent (0–100) above which the client is flagged; null for the default.',
    }),
    memoryThreshold: t.float({
      required: false,
      description: 'Memory percent (0–100) above which it is flagged; null for the default.',
    }),
    diskThreshold: t.float({
      required: false,
      description: 'Fullest-disk percent (0–100) above which it is flagged; null for the default.',
    }),
    resourceChecks: t.boolean({
      required: false,
      description:
        'Whether crossing a threshold makes the client UNHEALTHY (sampled with each heartbeat); null for the server default (ETPHONEHOME_RESOURCE_CHECKS).',
    }),
    forwardTargets: t.stringList({
      required: false,
      description:
        'Port-forward targets the server allows for this client: host:port rules ("127.0.0.1:5432", "db.internal:*", "*.corp:8000-8099"); null or [] allows none. A tunnel must also pass the agent’s own allowed_forwards.',
    }),
  }),
});

const RateLimitStatsRef = builder.objectRef<RateLimitStats>('RateLimitStats');
RateLimitStatsRef.implement({
  description:
    'A client’s rate-limit figures and its limits. MCP: get_rate_limit_stats. Warning and rejection counts are kept across restarts (they are counted from the audit trail’s client.rate_limited events); the window and the in-flight count start afresh.',
  fields: (t) => ({
    client: t.field({ type: ClientRef, description: 'The client.', resolve: (s) => s.client }),
    requestsPerMinute: t.exposeInt('requestsPerMinute', {
      description: 'Requests in the last 60 seconds.',
    }),
    currentConcurrent: t.exposeInt('currentConcurrent', {
      description: 'Requests in flight now.',
    }),
    rpmLimit: t.exposeInt('rpmLimit', { description: 'Its requests-per-minute limit.' }),
    concurrentLimit: t.exposeInt('concurrentLimit', { description: 'Its in-flight limit.' }),
    rpmWarnings: t.exposeInt('rpmWarnings', {
      description: 'Requests that went over the per-minute limit and ran anyway (WARN mode).',
    }),
    concurrentWarnings: t.exposeInt('concurrentWarnings', {
      description: 'Requests that went over the in-flight limit and ran anyway (WARN mode).',
    }),
    rpmRejections: t.exposeInt('rpmRejections', {
      description: 'Requests refused over the per-minute limit (ENFORCE mode).',
    }),
    concurrentRejections: t.exposeInt('concurrentRejections', {
      description: 'Requests refused over the in-flight limit (ENFORCE mode).',
    }),
    mode: rateLimitModeField(t, (s) => s.mode),
  }),
});

builder.queryFields((t) => ({
  rateLimitStats: t.field({
    type: RateLimitStatsRef,
    description: 'Rate-limit figures and limits of one client. MCP: get_rate_limit_stats.',
    args: {
      id: t.arg.id({ required: true, description: clientRefDescription }),
    },
    resolve: (_root, args, ctx) => ctx.fleet.clients.rateLimitStats(String(args.id)),
  }),
}));

builder.mutationFields((t) => ({
  configureClient: t.field({
    type: ClientRef,
    description:
      'Sets a client’s webhook URL, rate limits and resource thresholds (per-client overrides of the server defaults). MCP: configure_client.',
    args: {
      id: t.arg.id({ required: true, description: clientRefDescription }),
      input: t.arg({
        type: ConfigureClientInput,
        required: true,
        description: 'The settings to change.',
      }),
    },
    resolve: (_root, args, ctx) =>
      ctx.fleet.clients.configure(String(args.id), args.input, ctx.caller),
  }),
}));
