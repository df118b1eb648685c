// Where an agent phones home: one server, or several servers of one cluster (issue 14), given as
// `-s a.example:2222,b.example:2222` or in config.yaml (`server:` a comma list or a YAML list).
// An entry without a port takes `-p` / `port:`; an IPv6 address takes brackets to carry a port
// (`[2001:db8::1]:2222`). The agent starts at a random server (agents spread over the cluster)
// and moves to the next one on each reconnect, so a dead server costs one backoff wait.

export interface ServerAddress {
  host: string;
  port: number;
}

/** At most this many servers: a cluster, not a scan. */
export const MAX_SERVERS = 16;

/** "host:port" as config.yaml's known_servers keys it (as for a single server before). */
export function serverKey(address: ServerAddress): string {
  return `${address.host}:${address.port}`;
}

/** One entry's port, or null when it has none. */
function portOf(text: string, entry: string): number {
  if (!/^\d{1,5}$/.test(text) || Number(text) < 1 || Number(text) > 65535)
    throw new Error(`server "${entry}": the port must be 1 to 65535 (got "${text}")`);
  return Number(text);
}

function parseOne(entry: string, defaultPort: number): ServerAddress {
  if (entry.length > 255) throw new Error(`server "${entry.slice(0, 40)}…" is too long`);
  if (/[\s/@]/.test(entry))
    throw new Error(`server "${entry}": a host name or address, and an optional :port`);
  const bracketed = /^\[([0-9A-Fa-f:.]+)\](?::(.*))?$/.exec(entry);
  if (bracketed) {
    const port = bracketed[2] === undefined ? defaultPort : portOf(bracketed[2], entry);
    return { host: bracketed[1] as string, port };
  }
  const colons = entry.split(':').length - 1;
  // A bare IPv6 address (several colons) carries no port.
  if (colons > 1) return { host: entry, port: defaultPort };
  const [host, port] = entry.split(':') as [string, string | undefined];
  if (host === '') throw new Error(`server "${entry}": the host is missing`);
  return { host, port: port === undefined ? defaultPort : portOf(port, entry) };
}

/**
 * The servers of `value` (a comma list, or a list of entries), each with its port; duplicates
 * dropped. Throws an Error saying which entry is wrong and why.
 */
export function parseServers(
  value: string | readonly string[],
  defaultPort: number,
): ServerAddress[] {
  const entries = (
    typeof value === 'string' ? value.split(',') : value.flatMap((v) => v.split(','))
  )
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  if (entries.length === 0) throw new Error('no server given');
  if (entries.length > MAX_SERVERS)
    throw new Error(`at most ${MAX_SERVERS} servers (got ${entries.length})`);
  const out: ServerAddress[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const address = parseOne(entry, defaultPort);
    if (seen.has(serverKey(address))) continue;
    seen.add(serverKey(address));
    out.push(address);
  }
  return out;
}
