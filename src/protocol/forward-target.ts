// Which host:port a client may be asked to reach through a port forward. The same rule syntax
// bounds it twice: the agent's own ceiling (`allowed_forwards` in its config.yaml) and the
// client's server-side setting (`forwardTargets`). A target must match a rule of both.
//
//   rule   = host ":" port
//   host   = a name or IPv4 address (compared without case), "[v6 address]", "*" (any host),
//            or "*.suffix" (any name ending in .suffix)
//   port   = 1-65535, "low-high" (a range), or "*" (any)
//
// Names are compared as written, never resolved: a rule for "localhost" does not admit
// "127.0.0.1". Pure: no I/O.

export interface ForwardRule {
  /** As written (normalised): what refusals quote. */
  text: string;
  host: { kind: 'any' } | { kind: 'exact'; name: string } | { kind: 'suffix'; suffix: string };
  ports: { low: number; high: number };
}

/** The most rules one list may hold, and the longest rule. */
export const MAX_FORWARD_RULES = 256;
export const MAX_FORWARD_RULE_CHARS = 300;

const NAME = /^[A-Za-z0-9_]([A-Za-z0-9_.-]{0,252})$/;
const V6 = /^[0-9A-Fa-f:.]{2,45}$/;

function port(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= 65535 ? n : null;
}

/** A host as targets and rules compare it: lower case, IPv6 without brackets. */
export function normaliseHost(host: string): string {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  return bare.toLowerCase();
}

/** "host:port" as messages show a target: an IPv6 address in brackets. */
export function formatTarget(host: string, port: number): string {
  const bare = normaliseHost(host);
  return `${bare.includes(':') ? `[${bare}]` : bare}:${port}`;
}

/** Whether `host` can be a forward target's host (a name, IPv4 or IPv6 address). */
export function isValidTargetHost(host: string): boolean {
  const bare = normaliseHost(host);
  return NAME.test(bare) || (bare.includes(':') && V6.test(bare));
}

/** Splits "host:port" / "[v6]:port"; null when malformed. */
export function splitHostPort(text: string): { host: string; port: string } | null {
  const v6 = /^\[([^\]]+)\]:([^:]+)$/.exec(text);
  if (v6) return { host: `[${v6[1]}]`, port: v6[2] ?? '' };
  const at = text.lastIndexOf(':');
  if (at <= 0 || text.slice(0, at).includes(':')) return null;
  return { host: text.slice(0, at), port: text.slice(at + 1) };
}

/** One rule, or an explanation of what is wrong with it. */
export function parseForwardRule(text: string): ForwardRule | { problem: string } {
  const trimmed = text.trim();
  const example = 'e.g. 127.0.0.1:5432, db.internal:*, *.corp:8000-8099';
  if (trimmed.length === 0 || trimmed.length > MAX_FORWARD_RULE_CHARS)
    return { problem: `a rule is host:port (${example})` };
  const parts = splitHostPort(trimmed);
  if (!parts) return { problem: `"${trimmed}" is not host:port (${example})` };
  let ports: ForwardRule['ports'] | null;
  if (parts.port === '*') ports = { low: 1, high: 65535 };
  else if (parts.port.includes('-')) {
    const [a = '', b = ''] = parts.port.split('-');
    const low = port(a);
    const high = port(b);
    ports = low !== null && high !== null && low <= high ? { low, high } : null;
  } else {
    const n = port(parts.port);
    ports = n === null ? null : { low: n, high: n };
  }
  if (!ports)
    return {
      problem: `"${trimmed}": the port must be 1-65535, a range like 8000-8099, or * (${example})`,
    };
  let host: ForwardRule['host'];
  if (parts.host === '*') host = { kind: 'any' };
  else if (parts.host.startsWith('*.') && isValidTargetHost(parts.host.slice(2)))
    host = { kind: 'suffix', suffix: normaliseHost(parts.host.slice(1)) };
  else if (isValidTargetHost(parts.host)) host = { kind: 'exact', name: normaliseHost(parts.host) };
  else return { problem: `"${trimmed}": "${parts.host}" is not a host name or address` };
  const portText =
    ports.low === 1 && ports.high === 65535
      ? '*'
      : ports.low === ports.high
        ? String(ports.low)
        : `${ports.low}-${ports.high}`;
  const hostText =
    host.kind === 'any'
      ? '*'
      : host.kind === 'suffix'
        ? `*${host.suffix}`
        : host.name.includes(':')
          ? `[${host.name}]`
          : host.name;
  return { text: `${hostText}:${portText}`, host, ports };
}

/** Every rule of a list, or the first problem (naming which entry). */
export function parseForwardRules(texts: readonly string[]): ForwardRule[] | { problem: string } {
  if (texts.length > MAX_FORWARD_RULES)
    return { problem: `at most ${MAX_FORWARD_RULES} rules (got ${texts.length})` };
  const rules: ForwardRule[] = [];
  for (const text of texts) {
    const rule = parseForwardRule(text);
    if ('problem' in rule) return rule;
    rules.push(rule);
  }
  return rules;
}

export function ruleMatches(rule: ForwardRule, host: string, port: number): boolean {
  if (port < rule.ports.low || port > rule.ports.high) return false;
  const name = normaliseHost(host);
  if (rule.host.kind === 'any') return true;
  if (rule.host.kind === 'exact') return rule.host.name === name;
  return name.endsWith(rule.host.suffix) && name.length > rule.host.suffix.length;
}

/** The first rule admitting host:port, or null (no rules: nothing is admitted). */
export function findForwardRule(
  rules: readonly ForwardRule[],
  host: string,
  port: number,
): ForwardRule | null {
  return rules.find((rule) => ruleMatches(rule, host, port)) ?? null;
}
