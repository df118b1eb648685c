// The `ssh -L` style spec of `etphonehome forward`: [bind:]port:host:hostport, where bind and host
// may be [IPv6] in brackets; bind defaults to 127.0.0.1 (never all interfaces unless asked).
// Port 0 binds any free local port. Pure: a parsed spec or a UsageError naming what is wrong.

import { UsageError } from './output.js';

export interface ForwardSpec {
  bindHost: string;
  bindPort: number;
  host: string;
  port: number;
}

const EXAMPLE = 'e.g. 8080:127.0.0.1:80 or 0.0.0.0:5432:db.internal:5432';

/** Splits at colons outside brackets. */
function fields(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let depth = 0;
  for (const ch of text) {
    if (ch === '[') depth++;
    if (ch === ']') depth--;
    if (ch === ':' && depth === 0) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

function portOf(text: string, what: string, min: number): number {
  const n = Number(text);
  if (!/^\d{1,5}$/.test(text) || n < min || n > 65535)
    throw new UsageError(`forward: ${what} "${text}" must be a port ${min}-65535 (${EXAMPLE})`);
  return n;
}

const unbracket = (host: string): string =>
  host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;

export function parseForwardSpec(text: string): ForwardSpec {
  const parts = fields(text);
  if (parts.length !== 3 && parts.length !== 4)
    throw new UsageError(`forward: "${text}" is not [bind:]port:host:hostport (${EXAMPLE})`);
  const [bind, localPort, host = '', hostPort = ''] =
    parts.length === 4 ? parts : ['127.0.0.1', ...parts];
  if (!bind || !host || /[\s/]/.test(host) || /[\s/]/.test(bind ?? ''))
    throw new UsageError(`forward: "${text}" needs a host and a bind address (${EXAMPLE})`);
  return {
    bindHost: unbracket(bind),
    bindPort: portOf(localPort ?? '', 'local port', 0),
    host: unbracket(host),
    port: portOf(hostPort, 'target port', 1),
  };
}
