// A child logger that costs almost nothing until something unusual is asked of it: one per
// attached agent (the handshake, the connection, the registry entry each bind their context) at
// 10,000 agents. A pino child copies the level methods and serializes its bindings up front
// (~1 KiB of closures, strings and hidden classes each); this keeps only the parent and the
// bindings, and merges the bindings into each line as it is written — the same JSON line, keys
// in the same order as a pino child writes them (bindings first).
//
//   boundLogger(parent, { uuid }).info({ reason }, 'client offline')
//     → parent.info({ uuid, reason }, 'client offline')
//
// Anything beyond the level methods, child() and the level checks (flush, bindings(), …)
// materializes a real pino child once and answers from it.

import type { Logger } from 'pino';

const LEVELS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal']);

interface Bound {
  parent: Logger;
  bindings: Record<string, unknown>;
  real: Logger | undefined;
}

function emit(target: Bound, level: string, args: unknown[]): void {
  const { parent, bindings } = target;
  if (!parent.isLevelEnabled(level)) return;
  const write = (parent as unknown as Record<string, (...a: unknown[]) => void>)[level] as (
    this: Logger,
    ...a: unknown[]
  ) => void;
  const [first, ...rest] = args;
  if (first instanceof Error) write.call(parent, { ...bindings, err: first }, ...rest);
  else if (typeof first === 'object' && first !== null)
    write.call(parent, { ...bindings, ...first }, ...rest);
  else write.call(parent, bindings, ...args);
}

// One handler for every bound logger: the per-logger cost is the target and the proxy.
const handler: ProxyHandler<Bound> = {
  get(target, property) {
    if (typeof property === 'string' && LEVELS.has(property)) {
      return (...args: unknown[]) => emit(target, property, args);
    }
    if (property === 'child') {
      return (bindings: Record<string, unknown>) =>
        boundLogger(target.parent, { ...target.bindings, ...bindings });
    }
    if (property === 'isLevelEnabled' || property === 'level' || property === 'levelVal') {
      const value = Reflect.get(target.parent, property, target.parent) as unknown;
      return typeof value === 'function' ? value.bind(target.parent) : value;
    }
    target.real ??= target.parent.child(target.bindings);
    const value = Reflect.get(target.real, property, target.real) as unknown;
    return typeof value === 'function' ? value.bind(target.real) : value;
  },
};

/** `parent.child(bindings)` for loggers made by the thousand (see the header). */
export function boundLogger(parent: Logger, bindings: Record<string, unknown>): Logger {
  return new Proxy<Bound>({ parent, bindings, real: undefined }, handler) as unknown as Logger;
}
