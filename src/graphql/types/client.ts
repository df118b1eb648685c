// The Client type, its enums and its filter input, plus the queries that read clients.
// Resolvers are thin: every decision is the fleet service's.

import type { ClientView, RateLimitModeName } from '../../fleet/index.js';
import { MAX_LIST_CLIENTS } from '../../fleet/limits.js';
import { builder } from '../builder.js';
import type { MutationFields, ObjectFields } from '../builder-types.js';
import { idMutation, type IdMutation } from '../id-mutation.js';
import { isoTimeFields, isoTimeOrNullFields } from '../iso-time-fields.js';

export const HealthStatusEnum = builder.enumType('HealthStatus', {
  description: "A client's health as the server sees it.",
  values: {
    HEALTHY: { description: 'Online and answering.' },
    UNHEALTHY: {
      description:
        'Online but failing health checks or over a resource threshold; see healthReason.',
    },
    UNKNOWN: { description: 'Offline: nothing is known about its health now.' },
  } as const,
});

export const RateLimitModeEnum = builder.enumType('RateLimitMode', {
  description: 'What happens when a client goes over its rate limits.',
  values: {
    WARN: { description: 'The request runs; a warning is logged and counted (the default).' },
    ENFORCE: { description: 'The excess request is refused with RATE_LIMITED and a retry time.' },
    OFF: { description: 'No rate limiting.' },
  } as const,
});

/** How an argument names one client (the fleet resolves all three). */
export const clientRefDescription = 'The client: uuid, clientId or display name.';

/** A `RateLimitMode!` field: what happens when the client goes over its limits. */
export function rateLimitModeField<Parent>(
  t: ObjectFields<Parent>,
  mode: (parent: Parent) => RateLimitModeName,
) {
  return t.field({
    type: RateLimitModeEnum,
    description: 'What happens over the limits.',
    resolve: mode,
  });
}

export const TagRef = builder.objectRef<{ name: string }>('Tag');

export const ClientRef = builder.objectRef<ClientView>('Client');
ClientRef.implement({
  description:
    'A machine that phones home. Facts (hostname, platform, capabilities …) come from the agent and refresh on every connection; metadata and settings are set by operators and never overwritten by a reconnect.',
  fields: (t) => ({
    uuid: t.exposeID('uuid', {
      description: 'Stable identity, generated once by the agent and bound to its key.',
    }),
    clientId: t.exposeString('clientId', {
      description:
        'Readable unique id derived from the hostname at first contact (e.g. "web-01", "web-01-2").',
    }),
    displayName: t.exposeString('displayName', {
      nullable: true,
      description: 'Human-friendly name set by operators.',
    }),
    purpose: t.exposeString('purpose', {
      nullable: true,
      description: 'Role or function of the client, e.g. "API Server".',
    }),
    tags: t.field({
      type: [TagRef],
      description: 'Categorisation labels, sorted by name.',
      resolve: (client) => client.tags.map((name) => ({ name })),
    }),
    capabilities: t.exposeStringList('capabilities', {
      description:
        'Detected by the agent at connect: docker, python3.12, nvidia-gpu, git, systemd, …',
    }),
    online: t.exposeBoolean('online', {
      description:
        'True while the agent holds its SSH connection to a server of the fleet (this one or, on a shared PostgreSQL, another live one: see heldBy).',
    }),
    heldBy: t.exposeString('heldBy', {
      nullable: true,
      description:
        "The server (`--server-name`) holding the agent's connection; null when offline. Calls through any server reach the agent through it.",
    }),
    health: t.field({
      type: HealthStatusEnum,
      description:
        'HEALTHY, UNHEALTHY (see healthReason) or UNKNOWN when offline. Held by another server, as that server (which watches its heartbeats) last judged it.',
      resolve: (c) => c.health,
    }),
    healthReason: t.exposeString('healthReason', {
      nullable: true,
      description: 'Why the client is unhealthy, when it is.',
    }),
    ...isoTimeOrNullFields(t, {
      healthSince: 'When the current health status began (ISO 8601).',
      lastHeartbeatAt:
        'When the agent last answered a heartbeat on this connection (ISO 8601); null when another server holds it (ask that server).',
    }),
    heartbeatFailures: t.exposeInt('heartbeatFailures', {
      description:
        'Heartbeats failed in a row on this connection (0 when the last one was answered).',
    }),
    lastResourceSample: t.field({
      type: 'JSON',
      nullable: true,
      description:
        'The metrics summary sampled with the last heartbeat (only while resourceChecks is on), with its time in `at`.',
      resolve: (c) =>
        c.lastSample ? { at: c.lastSample.at.toISOString(), ...c.lastSample.metrics } : null,
    }),
    keyMismatch: t.exposeBoolean('keyMismatch', {
      description:
        'True when the client connected with a key other than its pinned one: every operation is refused until acceptKey.',
    }),
    publicKeyFingerprint: t.exposeString('publicKeyFingerprint', {
      description:
        'SHA256 fingerprint (as ssh-keygen -lf prints it) of the key the client presents: the pinned key, or the new key while keyMismatch is true.',
    }),
    trustedFingerprint: t.exposeString('trustedFingerprint', {
      description: 'Fingerprint of the pinned (trusted) key.',
    }),
    previousFingerprint: t.exposeString('previousFingerprint', {
      nullable: true,
      description:
        'While keyMismatch is true: the pinned key it should have used. Otherwise: the key replaced by the last acceptKey.',
    }),
    ...isoTimeOrNullFields(t, {
      keyMismatchAt: 'When a key mismatch was last detected.',
      keyAcceptedAt: 'When a new key was last accepted.',
    }),
    keyAcceptedBy: t.exposeString('keyAcceptedBy', {
      nullable: true,
      description: 'Who accepted it (door and address).',
    }),
    allowedPaths: t.exposeStringList('allowedPaths', {
      nullable: true,
      description:
        'When set, file operations and command working directories must lie inside these directories; null or empty means unrestricted.',
    }),
    agentAllowedPaths: t.exposeStringList('agentAllowedPaths', {
      nullable: true,
      description:
        "The machine owner's own ceiling from the agent's config.yaml, which the server cannot widen.",
    }),
    allowedPathsBeyondAgent: t.exposeStringList('allowedPathsBeyondAgent', {
      description:
        "Entries of allowedPaths that lie outside the agent's own ceiling (agentAllowedPaths): the agent refuses every operation there, whatever the server allows. Empty when all fit, or when the agent sets no ceiling.",
    }),
    hasWebhookSecret: t.exposeBoolean('hasWebhookSecret', {
      description:
        'Whether deliveries to this client’s own webhookUrl are signed with its own secret (set by configureClient; the secret is never returned).',
    }),
    webhookUrl: t.exposeString('webhookUrl', {
      nullable: true,
      description: "This client's webhook endpoint; null means the server's global one.",
    }),
    rateLimitRpm: t.exposeInt('rateLimitRpm', {
      description:
        'Requests allowed in a rolling 60-second window (the client’s own, or the server default).',
    }),
    rateLimitConcurrent: t.exposeInt('rateLimitConcurrent', {
      description: 'Requests allowed in flight at once.',
    }),
    rateLimitMode: rateLimitModeField(t, (c) => c.rateLimitMode),
    cpuThreshold: t.float({
      description:
        'CPU percent above which fleetHealth flags it (the client’s own, or the server default).',
      resolve: (c) => c.thresholds.cpu,
    }),
    memoryThreshold: t.float({
      description: 'Memory percent above which it is flagged.',
      resolve: (c) => c.thresholds.memory,
    }),
    diskThreshold: t.float({
      description: 'Percent of its fullest disk above which it is flagged.',
      resolve: (c) => c.thresholds.disk,
    }),
    resourceChecks: t.exposeBoolean('resourceChecks', {
      description:
        'When true, heartbeats also sample its metrics, and samples over a threshold (as many in a row as heartbeat failures) make it UNHEALTHY.',
    }),
    forwardTargets: t.exposeStringList('forwardTargets', {
      description:
        'Port-forward rules (host:port) the server allows for this client; empty: none. The agent’s own allowed_forwards bound them too.',
    }),
    hostname: t.exposeString('hostname', { description: 'Hostname reported by the agent.' }),
    platform: t.exposeString('platform', { description: 'Operating system, e.g. "Linux".' }),
    platformRelease: t.exposeString('platformRelease', {
      description: 'Kernel or OS release, e.g. "6.8.0".',
    }),
    arch: t.exposeString('arch', { description: 'CPU architecture, e.g. "x64", "arm64".' }),
    agentVersion: t.exposeString('agentVersion', {
      description: 'Version of the phonehome agent.',
    }),
    username: t.exposeString('username', {
      description: 'The account the agent runs as (commands run as this user).',
    }),
    enrolledVia: t.exposeString('enrolledVia', {
      description:
        'How the client was first admitted: authorized_keys, enrollment_token:<prefix> or open_enrollment.',
    }),
    ...isoTimeFields(t, {
      firstSeen: 'First admission (ISO 8601).',
      lastSeen: 'Last time the server heard from it; now while online (ISO 8601).',
    }),
    connectionCount: t.exposeInt('connectionCount', {
      description: 'How many times it has connected.',
    }),
    ...isoTimeOrNullFields(t, {
      connectedAt: 'Start of the current connection; null when offline.',
      lastConnectedAt: 'Start of the latest connection.',
      lastDisconnectedAt: 'End of the latest finished connection.',
    }),
    remoteAddress: t.exposeString('remoteAddress', {
      nullable: true,
      description: 'Address of the current (or last) connection as the server saw it.',
    }),
    tunnelPort: t.exposeInt('tunnelPort', {
      nullable: true,
      description:
        "Port number acknowledged for the agent's reverse forward (virtual: nothing listens on it).",
    }),
    decommissioned: t.boolean({
      description:
        'True once decommissionClient retired it: kept with its history, left out of lists, refused when it connects.',
      resolve: (c) => c.decommissionedAt !== null,
    }),
    ...isoTimeOrNullFields(t, { decommissionedAt: 'When it was decommissioned (ISO 8601).' }),
  }),
});

/** A mutation `name(id: ID!): Client!` that acts on one client, named by uuid, clientId or name. */
export function clientMutation(
  t: MutationFields,
  { description, act }: Omit<IdMutation<ClientView>, 'id'>,
) {
  return idMutation(t, ClientRef, { description, id: clientRefDescription, act });
}

export const ClientFilterInput = builder.inputType('ClientFilter', {
  description: 'Every given condition must hold.',
  fields: (t) => ({
    query: t.string({
      required: false,
      description: 'Case-insensitive substring of display name, purpose, hostname or clientId.',
    }),
    purpose: t.string({
      required: false,
      description: 'Case-insensitive substring of the purpose.',
    }),
    tags: t.stringList({
      required: false,
      description: 'The client must carry ALL of these tags.',
    }),
    capabilities: t.stringList({
      required: false,
      description: 'The client must have ALL of these capabilities.',
    }),
    onlineOnly: t.boolean({ required: false, description: 'Only clients online now.' }),
    keyMismatch: t.boolean({
      required: false,
      description:
        'true: only clients whose new key waits for acceptKey; false: only those without one.',
    }),
    includeDecommissioned: t.boolean({
      required: false,
      description: 'Also match decommissioned clients (left out by default).',
    }),
  }),
});

builder.queryFields((t) => ({
  clients: t.field({
    type: [ClientRef],
    description: `Clients matching the filter (all when none is given), ordered by clientId; at most ${MAX_LIST_CLIENTS} (more is a BAD_USER_INPUT error that says how many: page with clientsConnection). MCP: list_clients / find_client.`,
    args: {
      filter: t.arg({
        type: ClientFilterInput,
        required: false,
        description: 'Conditions that must all hold.',
      }),
    },
    resolve: (_root, args, ctx) => ctx.fleet.clients.list(args.filter ?? {}),
  }),
  client: t.field({
    type: ClientRef,
    nullable: true,
    description:
      'One client by uuid, clientId or an unambiguous display name; null when none matches. MCP: describe_client.',
    args: { id: t.arg.id({ required: true, description: 'uuid, clientId or display name.' }) },
    resolve: (_root, args, ctx) => ctx.fleet.clients.find(String(args.id)),
  }),
}));

export const UpdateClientInput = builder.inputType('UpdateClientInput', {
  description:
    'Operator metadata; only the fields given change, and a reconnect never overwrites them.',
  fields: (t) => ({
    displayName: t.string({
      required: false,
      description: 'Human-friendly name (null clears it).',
    }),
    purpose: t.string({ required: false, description: 'Role or function (null clears it).' }),
    tags: t.stringList({
      required: false,
      description: 'The complete new tag set ([] removes all tags).',
    }),
    allowedPaths: t.stringList({
      required: false,
      description:
        'Absolute directories file operations and command cwd must stay in; [] or null clears the restriction.',
    }),
  }),
});

builder.mutationFields((t) => ({
  updateClient: t.field({
    type: ClientRef,
    description:
      "Sets a client's metadata: display name, purpose, tags, allowed paths. MCP: update_client.",
    args: {
      id: t.arg.id({ required: true, description: clientRefDescription }),
      input: t.arg({
        type: UpdateClientInput,
        required: true,
        description: 'The fields to change.',
      }),
    },
    resolve: (_root, args, ctx) =>
      ctx.fleet.clients.update(String(args.id), args.input, ctx.caller),
  }),
}));
