// `etphonehome clients configure`: a client's operational settings (webhook, rate limits,
// resource thresholds), or the same settings over every client a selector matches, a few
// clients at a time.

import type { GraphQLClient } from '../../../client/index.js';
import { MAX_RATE_LIMIT_CONCURRENT, MAX_RATE_LIMIT_RPM } from '../../../fleet/limits.js';
import { graphql } from '../../../generated/gql.js';
import type { ConfigureClientInput, RateLimitMode } from '../../../generated/graphql.js';
import {
  atMostOneClient,
  bulkOptions,
  commonHelp,
  commonOptions,
  parse,
  readFilter,
  splitList,
} from '../../args.js';
import { BULK_PARALLEL, clientOrSelectors, runClientChange } from '../../bulk.js';
import type { Command } from '../../command.js';
import { clientName } from '../../format.js';
import { UsageError, type CommandIO } from '../../output.js';
import { rateLimitText, thresholdsText } from './settings-text.js';

const count = (n: number): string => n.toLocaleString('en-US');

const usage = `Usage: etphonehome clients configure <client> [settings] [--json]
       etphonehome clients configure --tags a,b|--query TEXT [filters] [settings] [--dry-run] [--parallel N]

  Sets per-client overrides of the server defaults; only the flags given change, and "default"
  restores the server default. With selectors it configures every matching client, --parallel at
  a time (default ${BULK_PARALLEL}), one result per client (exit 1 if any failed).

Settings:
  --webhook-url URL              this client's event endpoint ("default" for the global one)
  --rate-limit-rpm N             requests per rolling minute (1 to ${count(MAX_RATE_LIMIT_RPM)})
  --rate-limit-concurrent N      requests in flight at once (1 to ${count(MAX_RATE_LIMIT_CONCURRENT)})
  --rate-limit-mode MODE         warn, enforce or off
  --cpu-threshold P              percent (0–100) above which it is flagged; likewise
  --memory-threshold P, --disk-threshold P
  --resource-checks on|off       whether crossing a threshold makes it UNHEALTHY
  --forward-targets R,R…|none    port-forward targets allowed (host:port rules, e.g.
                                 127.0.0.1:5432,db.internal:*); none allows none

Selectors (bulk): --tags a,b (ALL), --query TEXT, --purpose TEXT, --capabilities a,b, --online
  --dry-run                      list the clients that would change, change nothing

--json: one client prints {uuid, clientId, …, webhookUrl, rateLimitRpm, rateLimitConcurrent,
rateLimitMode, cpuThreshold, memoryThreshold, diskThreshold, resourceChecks}; bulk prints {total,
succeeded, failed, results[{client, ok, error{code,message}|null}]}.

${commonHelp}

Examples:
  etphonehome clients configure web-01 --rate-limit-rpm 120 --rate-limit-mode enforce
  etphonehome clients configure --tags production --webhook-url https://hooks.example.com/fleet --dry-run
  etphonehome clients configure --tags batch --cpu-threshold 95 --resource-checks on
  etphonehome clients configure web-01 --rate-limit-rpm default
`;

const ConfigureDocument = graphql(`
  mutation CliConfigureClient($id: ID!, $input: ConfigureClientInput!) {
    configureClient(id: $id, input: $input) {
      ...ClientFields
      ...ClientSettingsFields
    }
  }
`);

const MODES: Record<string, RateLimitMode> = { warn: 'WARN', enforce: 'ENFORCE', off: 'OFF' };

function number(name: string, text: string, integer: boolean): number | null {
  if (text === 'default') return null;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || (integer && !Number.isInteger(value)))
    throw new UsageError(
      `--${name} takes ${integer ? 'a whole number' : 'a number'} or "default" (got "${text}")`,
    );
  return value;
}

type Values = Partial<
  Record<
    | 'webhook-url'
    | 'rate-limit-rpm'
    | 'rate-limit-concurrent'
    | 'rate-limit-mode'
    | 'cpu-threshold'
    | 'memory-threshold'
    | 'disk-threshold'
    | 'resource-checks'
    | 'forward-targets',
    string | undefined
  >
>;

export function readSettings(values: Values): ConfigureClientInput {
  const input: ConfigureClientInput = {};
  const webhook = values['webhook-url'];
  if (webhook !== undefined)
    input.webhookUrl = webhook === 'default' || webhook === '' ? null : webhook;
  const rpm = values['rate-limit-rpm'];
  if (rpm !== undefined) input.rateLimitRpm = number('rate-limit-rpm', rpm, true);
  const concurrent = values['rate-limit-concurrent'];
  if (concurrent !== undefined)
    input.rateLimitConcurrent = number('rate-limit-concurrent', concurrent, true);
  const mode = values['rate-limit-mode'];
  if (mode !== undefined) {
    if (mode === 'default') input.rateLimitMode = null;
    else {
      const value = MODES[mode.toLowerCase()];
      if (!value)
        throw new UsageError(
          `--rate-limit-mode takes warn, enforce, off or default (got "${mode}")`,
        );
      input.rateLimitMode = value;
    }
  }
  for (const [flag, key] of [
    ['cpu-threshold', 'cpuThreshold'],
    ['memory-threshold', 'memoryThreshold'],
    ['disk-threshold', 'diskThreshold'],
  ] as const) {
    const text = values[flag];
    if (text !== undefined) input[key] = number(flag, text, false);
  }
  const checks = values['resource-checks'];
  if (checks !== undefined) {
    if (!['on', 'off', 'default'].includes(checks))
      throw new UsageError(`--resource-checks takes on, off or default (got "${checks}")`);
    input.resourceChecks = checks === 'default' ? null : checks === 'on';
  }
  const targets = values['forward-targets'];
  if (targets !== undefined)
    input.forwardTargets = targets === 'none' || targets === '' ? null : splitList(targets);
  if (Object.keys(input).length === 0)
    throw new UsageError(
      'clients configure needs a setting: --webhook-url, --rate-limit-rpm, --rate-limit-concurrent, --rate-limit-mode, --cpu-threshold, --memory-threshold, --disk-threshold, --resource-checks or --forward-targets',
    );
  return input;
}

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...commonOptions,
    ...bulkOptions,
    'webhook-url': { type: 'string' },
    'rate-limit-rpm': { type: 'string' },
    'rate-limit-concurrent': { type: 'string' },
    'rate-limit-mode': { type: 'string' },
    'cpu-threshold': { type: 'string' },
    'memory-threshold': { type: 'string' },
    'disk-threshold': { type: 'string' },
    'resource-checks': { type: 'string' },
    'forward-targets': { type: 'string' },
  });
  const input = readSettings(values);
  const filter = readFilter(values);
  const id = atMostOneClient('clients configure', positionals);
  const scope = clientOrSelectors('clients configure', id, filter, values['dry-run']);
  const configure = async (gql: GraphQLClient, id: string) =>
    (await gql.request(ConfigureDocument, { id, input })).configureClient;
  return runClientChange(io, values, scope, {
    action: 'configure',
    verb: 'configure',
    one: configure,
    fields: (client) => [
      ['configured', clientName(client)],
      ['webhook', client.webhookUrl ?? '(global)'],
      ['rate limit', rateLimitText(client)],
      ['thresholds', thresholdsText(client)],
      ['forward targets', client.forwardTargets.join(', ') || '(none)'],
    ],
    each: async (gql, target) => ({
      client: await configure(gql, target.uuid),
      detail: 'configured',
    }),
  });
}

export const configureCommand: Command = {
  name: 'configure',
  summary: 'webhook, rate limits, resource thresholds (one client, or bulk by selector)',
  usage,
  run,
};
