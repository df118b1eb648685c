// A webhook delivery as the webhooks subcommands show it: the fields every --json prints, a row
// of the deliveries table, the fields of one delivery, and the flags they share.

import { graphql } from '../../../generated/gql.js';
import type { WebhookDeliveryStatus } from '../../../generated/graphql.js';
import { ago } from '../../format.js';
import {
  printFields,
  printTable,
  styleFor,
  UsageError,
  type CommandIO,
  type Style,
} from '../../output.js';

const DeliveryFields = graphql(`
  fragment CliWebhookDeliveryFields on WebhookDelivery {
    id
    event
    client {
      uuid
      clientId
      displayName
    }
    url
    status
    attempts
    lastError
    lastStatusCode
    nextAttemptAt
    createdAt
    deliveredAt
  }
`);
void DeliveryFields;

export const DeliveriesDocument = graphql(`
  query CliWebhookDeliveries($filter: WebhookDeliveryFilter, $limit: Int) {
    webhookDeliveries(filter: $filter, limit: $limit) {
      ...CliWebhookDeliveryFields
    }
  }
`);

export interface Delivery {
  id: string;
  event: string;
  client?: { clientId: string; displayName?: string | null } | null;
  url: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastError?: string | null;
  lastStatusCode?: number | null;
  nextAttemptAt?: string | null;
  createdAt: string;
  deliveredAt?: string | null;
}

/** A text flag that must not be empty when given (--client, --event, --to). */
export function readText(name: string, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (text.trim() === '') throw new UsageError(`--${name} needs a value`);
  return text;
}

function statusText(status: WebhookDeliveryStatus, style: Style): string {
  if (status === 'DELIVERED') return style.green('delivered');
  if (status === 'FAILED') return style.red('failed');
  return style.yellow('pending');
}

/** One line of at most `max` characters (a receiver's error can be a whole HTML page). */
export function clipped(text: string | null | undefined, max: number): string {
  if (!text) return '';
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function dueIn(iso: string, now = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  if (!Number.isFinite(seconds)) return iso;
  if (seconds <= 0) return 'now';
  if (seconds < 60) return `in ${seconds}s`;
  if (seconds < 3600) return `in ${Math.floor(seconds / 60)}m`;
  return `in ${Math.floor(seconds / 3600)}h`;
}

/** Why it stands where it stands: the last error, when the next attempt is due, or when it arrived. */
function outcome(d: Delivery, style: Style): string {
  if (d.status === 'DELIVERED') return style.dim(`delivered ${ago(d.deliveredAt)}`);
  const error = d.lastError ? clipped(d.lastError, 70) : '';
  if (d.status === 'PENDING') {
    const due = d.nextAttemptAt ? `next ${dueIn(d.nextAttemptAt)}` : '';
    return [error, due].filter(Boolean).join(' · ');
  }
  return style.red(error);
}

export function printDeliveries(io: CommandIO, deliveries: readonly Delivery[]): void {
  const style = styleFor(io);
  printTable(
    io,
    ['ID', 'EVENT', 'CLIENT', 'STATUS', 'TRIES', 'CREATED', 'OUTCOME'],
    deliveries.map((d) => [
      d.id,
      d.event,
      d.client?.clientId ?? '-',
      statusText(d.status, style),
      String(d.attempts),
      ago(d.createdAt),
      outcome(d, style),
    ]),
  );
}

export function printDelivery(io: CommandIO, d: Delivery): void {
  const style = styleFor(io);
  const fields: [string, string][] = [
    ['id', d.id],
    ['event', d.event],
    ['client', d.client?.clientId ?? '-'],
    ['url', d.url],
    ['status', statusText(d.status, style)],
    ['attempts', String(d.attempts)],
  ];
  if (d.lastStatusCode !== null && d.lastStatusCode !== undefined)
    fields.push(['HTTP status', String(d.lastStatusCode)]);
  if (d.lastError) fields.push(['last error', clipped(d.lastError, 200)]);
  if (d.nextAttemptAt)
    fields.push(['next attempt', `${d.nextAttemptAt} (${dueIn(d.nextAttemptAt)})`]);
  if (d.deliveredAt) fields.push(['delivered', d.deliveredAt]);
  printFields(io, fields);
}
