// One audit event as one terminal line (watch and events share it), and the event filter flags.

import { graphql } from '../generated/gql.js';
import type { EventFilter } from '../generated/graphql.js';
import { splitList } from './args.js';
import { clientName, summariseData, type ClientLike } from './format.js';
import { oneLine, type Style } from './output.js';

/** An event as events --json prints it (watch adds the client's health and key state). */
export const CliEventFields = graphql(`
  fragment CliEventFields on ClientEvent {
    id
    event
    timestamp
    actor
    data
    client {
      uuid
      clientId
      displayName
      online
    }
  }
`);
void CliEventFields;

export const EVENT_NAMES = [
  'client.connected',
  'client.disconnected',
  'client.key_mismatch',
  'client.key_accepted',
  'client.unhealthy',
  'client.recovered',
  'client.rate_limited',
  'command_executed',
  'file_accessed',
  'operation_refused',
  'client.updated',
  'client.decommissioned',
  'client.restored',
];

export const eventFilterOptions = {
  client: { type: 'string' },
  tags: { type: 'string' },
  events: { type: 'string' },
} as const;

export const eventFilterHelp = `  --client C         only this client (uuid, clientId or display name)
  --tags a,b         only clients carrying ALL these tags
  --events a,b       only these events; a name without a dot also matches as a prefix
                     word: connected, disconnected, key_mismatch, unhealthy, command_executed …`;

export function readEventFilter(values: {
  client?: string | undefined;
  tags?: string | undefined;
  events?: string | undefined;
}): EventFilter | null {
  const filter: EventFilter = {};
  if (values.client !== undefined) filter.clientId = values.client;
  if (values.tags !== undefined) filter.tags = splitList(values.tags);
  if (values.events !== undefined)
    // Short forms: "connected" → "client.connected"; unknown names go to the server, which
    // answers with the list of valid ones.
    filter.events = splitList(values.events).map((name) =>
      EVENT_NAMES.includes(name) || !EVENT_NAMES.includes(`client.${name}`)
        ? name
        : `client.${name}`,
    );
  return Object.keys(filter).length > 0 ? filter : null;
}

export interface EventLike {
  id: string;
  event: string;
  timestamp: string;
  actor?: string | null;
  data?: unknown;
  client: ClientLike;
}

function colourOf(event: string, style: Style): (text: string) => string {
  if (
    event === 'client.connected' ||
    event === 'client.recovered' ||
    event === 'client.key_accepted' ||
    event === 'client.restored'
  )
    return style.green;
  if (
    event === 'client.key_mismatch' ||
    event === 'operation_refused' ||
    event === 'client.decommissioned'
  )
    return style.red;
  if (
    event === 'client.disconnected' ||
    event === 'client.unhealthy' ||
    event === 'client.rate_limited'
  )
    return style.yellow;
  return style.cyan;
}

/** The event on one line, whatever its client's names and details hold. */
export function eventLine(e: EventLike, style: Style): string {
  const detail = summariseData(e.data);
  return oneLine(
    [
      style.dim(e.timestamp),
      colourOf(e.event, style)(e.event.padEnd(21)),
      clientName(e.client),
      detail,
      e.actor ? style.dim(`by ${e.actor}`) : '',
    ]
      .filter(Boolean)
      .join('  '),
  );
}
