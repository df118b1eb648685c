// Small renderers shared by the commands: a client's name, its state, relative times.

import { localise, readSteps } from '../errors.js';
import { oneLine, type Style } from './output.js';
import { formatBytes } from './progress.js';

export interface ClientLike {
  clientId: string;
  displayName?: string | null;
  online: boolean;
  health?: string;
  keyMismatch?: boolean;
  decommissioned?: boolean;
  tags?: { name: string }[];
}

/** The clientId, and the display name when it differs: one line, whatever the name holds. */
export function clientName(client: ClientLike): string {
  return oneLine(
    client.displayName && client.displayName !== client.clientId
      ? `${client.clientId} (${client.displayName})`
      : client.clientId,
  );
}

export function clientState(client: ClientLike, style: Style): string {
  if (client.decommissioned) return style.dim('decommissioned');
  if (client.keyMismatch) return style.red('key mismatch');
  if (!client.online) return style.dim('offline');
  if (client.health === 'UNHEALTHY') return style.yellow('unhealthy');
  return style.green('online');
}

export function tagList(client: ClientLike): string {
  return (client.tags ?? []).map((t) => t.name).join(',');
}

/** "3m ago", "2h ago", "5d ago" for an ISO time; "" for none. */
export function ago(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '';
  const seconds = Math.round((now - Date.parse(iso)) / 1000);
  if (!Number.isFinite(seconds)) return iso;
  if (seconds < 60) return `${Math.max(0, seconds)}s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)}h ago`;
  return `${Math.floor(seconds / 86_400)}d ago`;
}

export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '-' : `${value.toFixed(1)}%`;
}

export function bytes(value: number | null | undefined): string {
  return value === null || value === undefined ? '-' : formatBytes(value);
}

/** A value of an event's details as the line shows it: null and lists too, objects compact. */
function detailValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(detailValue).join(',')}]`;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * One line of an event's data: the command and exit code, or every key with its value — null
 * and lists included (issue 17 item 21: "allowedPaths=null" says the paths were cleared, where
 * dropping the key said nothing).
 */
export function summariseData(data: unknown): string {
  if (!data || typeof data !== 'object') return '';
  const d = data as Record<string, unknown>;
  if (typeof d['command'] === 'string')
    return `${d['command']}${d['exit_code'] !== undefined ? ` → exit ${String(d['exit_code'])}` : ''}`;
  const text = Object.entries(d)
    .map(([k, v]) => `${k}=${detailValue(v)}`)
    .join(' ');
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
}

/** A failure reported as data, its next steps in the CLI's words ("etphonehome clients …"). */
export function failureText(error: {
  code: string;
  message: string;
  nextSteps?: readonly unknown[] | null;
}): string {
  return `${error.code}: ${localise(error.message, readSteps(error.nextSteps), 'cli')}`;
}
