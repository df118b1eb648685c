// The next step an error names, in the caller's own interface. A message that tells the caller
// what to do names an operation: `acceptKey` to a GraphQL caller, `accept_key` to an assistant,
// `etphonehome clients accept-key web-01` to an operator at a shell. The fleet does not know
// which door a request came through, so it writes its messages in GraphQL's words (the API every
// door is built on) and attaches the steps it named as structured data (AppError.steps, sent as
// `extensions.nextSteps`); each door then swaps GraphQL's wording for its own (`localise`).
//
// One table below says how each door names each operation; a new step is one row, and every door
// words it at once.

/** The three interfaces a caller meets the fleet through. */
export type Door = 'graphql' | 'mcp' | 'cli';

/** The operations an error's next step may name, keyed by GraphQL name (and field, if any). */
export const Operation = {
  listClients: 'clients',
  listOnlineClients: 'clients.onlineOnly',
  acceptKey: 'acceptKey',
  updateAllowedPaths: 'updateClient.allowedPaths',
  configureRateLimitRpm: 'configureClient.rateLimitRpm',
  configureRateLimitConcurrent: 'configureClient.rateLimitConcurrent',
  configureWebhookUrl: 'configureClient.webhookUrl',
  rateLimitStats: 'rateLimitStats',
  restoreClient: 'restoreClient',
  decommissionClient: 'decommissionClient',
  /** The fields updateClient takes (a change with none of them is refused). */
  updateClientFields: 'updateClient.input',
  /** The fields configureClient takes. */
  configureClientFields: 'configureClient.input',
  enrollmentTokens: 'enrollmentTokens',
  uploadFile: 'uploadFile',
  clientsConnection: 'clientsConnection',
  shells: 'shells',
  openShell: 'openShell',
  readShell: 'readShell',
} as const;

export type OperationName = (typeof Operation)[keyof typeof Operation];

/** The client a step acts on: GraphQL and MCP name it by uuid, the CLI by its clientId. */
export interface StepClient {
  uuid: string;
  clientId: string;
}

/** One next step: an operation, and the client it would act on when there is one. */
export interface NextStep {
  operation: OperationName;
  client?: StepClient | undefined;
}

type Wording = (client: StepClient | undefined) => string;

const uuidOf = (client: StepClient | undefined): string => client?.uuid ?? '<uuid>';

/** A clientId as a shell word: clientIds are slugs, but a quoted word is safe to paste anyway. */
function shellWord(client: StepClient | undefined): string {
  const id = client?.clientId ?? '<client>';
  return /^[A-Za-z0-9._<>-]+$/.test(id) ? id : `'${id.replaceAll("'", `'\\''`)}'`;
}

const cli = (words: string): Wording => {
  return (client) => `"etphonehome ${words.replace('{client}', shellWord(client))}"`;
};

const METADATA = {
  graphql: 'displayName, purpose, tags, allowedPaths',
  mcp: 'display_name, purpose, tags, allowed_paths',
  cli: '--display-name, --purpose, --set-tags, --add-tags, --remove-tags, --allowed-paths',
};
const SETTINGS = {
  graphql:
    'webhookUrl, webhookSecret, rateLimitRpm, rateLimitConcurrent, rateLimitMode, cpuThreshold, memoryThreshold, diskThreshold, forwardTargets, resourceChecks',
  mcp: 'webhook_url, webhook_secret, rate_limit_rpm, rate_limit_concurrent, rate_limit_mode, cpu_threshold, memory_threshold, disk_threshold, forward_targets, resource_checks',
  cli: '--webhook-url, --rate-limit-rpm, --rate-limit-concurrent, --rate-limit-mode, --cpu-threshold, --memory-threshold, --disk-threshold, --forward-targets, --resource-checks',
};

/** How each door names each operation. */
const wordings: Readonly<Record<OperationName, Readonly<Record<Door, Wording>>>> = {
  clients: {
    graphql: () => 'clients',
    mcp: () => 'list_clients',
    cli: cli('clients list'),
  },
  'clients.onlineOnly': {
    graphql: () => 'clients(filter: {onlineOnly: true})',
    mcp: () => 'list_clients (online_only: true)',
    cli: cli('clients list --online'),
  },
  acceptKey: {
    graphql: (c) => `acceptKey(id: "${uuidOf(c)}")`,
    mcp: (c) => `accept_key (uuid: "${uuidOf(c)}")`,
    cli: cli('clients accept-key {client}'),
  },
  'updateClient.allowedPaths': {
    graphql: () => 'updateClient(input: {allowedPaths})',
    mcp: () => 'update_client (allowed_paths)',
    cli: cli('clients update {client} --allowed-paths /a,/b'),
  },
  'configureClient.rateLimitRpm': {
    graphql: () => 'configureClient(input: {rateLimitRpm})',
    mcp: () => 'configure_client (rate_limit_rpm)',
    cli: cli('clients configure {client} --rate-limit-rpm N'),
  },
  'configureClient.rateLimitConcurrent': {
    graphql: () => 'configureClient(input: {rateLimitConcurrent})',
    mcp: () => 'configure_client (rate_limit_concurrent)',
    cli: cli('clients configure {client} --rate-limit-concurrent N'),
  },
  'configureClient.webhookUrl': {
    graphql: () => 'configureClient(input: {webhookUrl})',
    mcp: () => 'configure_client (webhook_url)',
    cli: cli('clients configure {client} --webhook-url URL'),
  },
  rateLimitStats: {
    graphql: (c) => `rateLimitStats(id: "${uuidOf(c)}")`,
    mcp: (c) => `get_rate_limit_stats (uuid: "${uuidOf(c)}")`,
    cli: cli('clients stats {client}'),
  },
  restoreClient: {
    graphql: (c) => `restoreClient(id: "${uuidOf(c)}")`,
    // No tool restores a client: bringing one back is an operator's decision.
    mcp: (c) => `an operator's "etphonehome clients restore ${shellWord(c)}"`,
    cli: cli('clients restore {client}'),
  },
  decommissionClient: {
    graphql: (c) => `decommissionClient(id: "${uuidOf(c)}")`,
    mcp: (c) => `decommission_client (uuid: "${uuidOf(c)}")`,
    cli: cli('clients decommission {client}'),
  },
  // GraphQL's wording of the field lists has named MCP's too since before next steps existed.
  'updateClient.input': {
    graphql: () => `${METADATA.graphql} (MCP: ${METADATA.mcp})`,
    mcp: () => METADATA.mcp,
    cli: () => METADATA.cli,
  },
  'configureClient.input': {
    graphql: () => `${SETTINGS.graphql} (MCP: ${SETTINGS.mcp})`,
    mcp: () => SETTINGS.mcp,
    cli: () => SETTINGS.cli,
  },
  enrollmentTokens: {
    graphql: () => 'enrollmentTokens',
    mcp: () => `an operator's "etphonehome token list"`,
    cli: cli('token list'),
  },
  uploadFile: {
    graphql: () => 'uploadFile',
    mcp: () => 'upload_file',
    cli: cli('files put {client} <server-path> <remote-path>'),
  },
  clientsConnection: {
    graphql: () => 'clientsConnection(filter, first, after)',
    mcp: () => 'list_clients (limit, cursor)',
    cli: cli('clients list'),
  },
  shells: {
    graphql: () => 'shells',
    mcp: () => 'shell_list',
    cli: cli('sessions list --open'),
  },
  openShell: {
    graphql: () => 'openShell',
    mcp: () => 'shell_open',
    cli: cli('shell {client}'),
  },
  readShell: {
    graphql: () => 'readShell',
    mcp: () => 'shell_read',
    cli: cli('sessions play ID'),
  },
};

export function isOperationName(value: unknown): value is OperationName {
  return typeof value === 'string' && Object.hasOwn(wordings, value);
}

/** A step, for AppError.steps (and, in GraphQL's words, for the message that names it). */
export function nextStep(
  operation: OperationName,
  client?: { uuid: string; clientId: string },
): NextStep {
  return client
    ? { operation, client: { uuid: client.uuid, clientId: client.clientId } }
    : { operation };
}

/** How `door` names the step's operation. */
export function wordStep(step: NextStep, door: Door): string {
  return wordings[step.operation][door](step.client);
}

/** The step in GraphQL's words: what a message written by the fleet says. */
export function named(step: NextStep): string {
  return wordStep(step, 'graphql');
}

/** Steps as they came over the wire (`extensions.nextSteps`): anything malformed is dropped. */
export function readSteps(value: unknown): NextStep[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown): NextStep[] => {
    if (typeof item !== 'object' || item === null) return [];
    const { operation, client } = item as { operation?: unknown; client?: unknown };
    if (!isOperationName(operation)) return [];
    if (client === undefined || client === null) return [{ operation }];
    const { uuid, clientId } = client as { uuid?: unknown; clientId?: unknown };
    if (typeof uuid !== 'string' || typeof clientId !== 'string') return [{ operation }];
    return [{ operation, client: { uuid, clientId } }];
  });
}

/**
 * The message in `door`'s words: each step's GraphQL wording (its last occurrence, where the
 * fleet writes it) replaced by the door's. A message without steps, or from a server whose
 * wording differs, is returned as it is.
 */
export function localise(message: string, steps: readonly NextStep[], door: Door): string {
  if (door === 'graphql') return message;
  let text = message;
  for (const step of steps) {
    const graphql = named(step);
    const at = text.lastIndexOf(graphql);
    if (at === -1) continue;
    text = `${text.slice(0, at)}${wordStep(step, door)}${text.slice(at + graphql.length)}`;
  }
  return text;
}
