// The role matrix, written once: the role each fleet operation needs. The guard (./guard.ts)
// enforces it for every door, so GraphQL over HTTP, SSE and graphql-ws, MCP and the CLI agree;
// docs/access.md prints it (test/docs/access-doc.test.ts keeps it true). The type makes every
// operation of the Fleet need a rule: a new method without one does not compile.
//
//   VIEWER    reads the fleet, events, metrics, subscriptions
//   OPERATOR  also acts on clients: commands, files, transfers, bulk jobs, shells, tunnels
//   ADMIN     also metadata, settings, keys, tokens, trusted documents, acceptKey, decommissioning,
//             webhook replays
//   internal  the server's own wiring (the hub's callbacks, start/stop): no key reaches them

import { AppError, ErrorCode } from '../errors.js';
import { quote } from '../lib/quote.js';
import type { Fleet } from './surface.js';
import { Role, roleAllows, type Principal, type RoleName } from './principal.js';

export const INTERNAL = 'internal';
export type AccessRule = RoleName | typeof INTERNAL;

/** The fleet's groups (its object-valued members). */
export type FleetGroupName = {
  [K in keyof Fleet]: Fleet[K] extends (...args: never[]) => unknown ? never : K;
}[keyof Fleet];
/** The fleet's own functions (health, createLoaders …). */
export type FleetFunctionName = Exclude<keyof Fleet, FleetGroupName>;

export type AccessMatrix = {
  [G in FleetGroupName]: { [M in keyof Fleet[G]]: AccessRule };
} & { fleet: { [F in FleetFunctionName]: AccessRule } };

/** "clients.list", "commands.run", "fleet.health" … */
export type FleetOperation = {
  [G in keyof AccessMatrix]: `${G & string}.${keyof AccessMatrix[G] & string}`;
}[keyof AccessMatrix];

const { viewer: V, operator: O, admin: A } = Role;

export const accessMatrix = {
  clients: {
    list: V,
    page: V,
    get: V,
    find: V,
    rateLimitStats: V,
    update: A,
    configure: A,
    updateMany: A,
    acceptKey: A,
    decommission: A,
    restore: A,
  },
  tags: { list: V, find: V },
  commands: { run: O, runOnClients: O },
  files: { read: O, write: O, list: O },
  transfers: { upload: O, download: O, streamDownload: O, streamUpload: O, subscribe: V, list: V },
  jobs: { startBulkCommand: O, get: V, results: V, cancel: O, subscribe: V },
  events: {
    list: V,
    subscribe: V,
    subscribeStatus: V,
    subscribeRateLimitWarnings: V,
    liveEventClient: V,
  },
  metrics: { get: V, subscribe: V, fleetHealth: V },
  webhooks: {
    list: V,
    get: V,
    replay: A,
    replayFailed: A,
    discard: A,
    sendTest: A,
    subscribeFailures: V,
  },
  tokens: { create: A, list: A, revoke: A },
  keys: { create: A, list: A, revoke: A, authenticate: INTERNAL, hold: V },
  documents: { register: A, list: A, remove: A, admit: V },
  agents: { authorize: INTERNAL, attach: INTERNAL, turnAway: INTERNAL },
  sessions: {
    open: O,
    get: O,
    list: V,
    find: V,
    close: O,
    recording: O,
  },
  // A key's own request-and-reply shells; listing them is OPERATOR's too (a viewer has none).
  shells: { open: O, send: O, read: O, list: O, close: O },
  tunnels: { open: O, get: O, list: V, close: O },
  cluster: { servers: V, peerUpgrade: INTERNAL },
  // Every call it confirms needs OPERATOR or more; the call itself is checked when it runs.
  confirmations: { confirm: O },
  fleet: {
    health: V,
    caughtUp: V,
    createLoaders: V,
    actingAs: INTERNAL,
    start: INTERNAL,
    disconnectAll: INTERNAL,
    stop: INTERNAL,
  },
} as const satisfies AccessMatrix;

/** The rule of one operation ("clients.update" → ADMIN). */
export function ruleOf(operation: FleetOperation): AccessRule {
  const [group, name] = operation.split('.') as [keyof AccessMatrix, string];
  return (accessMatrix[group] as Record<string, AccessRule>)[name] ?? INTERNAL;
}

/** Every operation with its rule, in matrix order (docs/access.md, the matrix tests). */
export function accessRules(): { operation: FleetOperation; rule: AccessRule }[] {
  return Object.entries(accessMatrix).flatMap(([group, methods]) =>
    Object.entries(methods as Record<string, AccessRule>).map(([name, rule]) => ({
      operation: `${group}.${name}` as FleetOperation,
      rule,
    })),
  );
}

/** FORBIDDEN unless `principal`'s role allows `operation`; the message names the role needed. */
export function requireRole(principal: Principal, operation: FleetOperation): void {
  const rule = ruleOf(operation);
  if (rule !== INTERNAL && roleAllows(principal.role, rule)) return;
  throw new AppError(
    ErrorCode.forbidden,
    rule === INTERNAL
      ? `${operation} is the server's own; no API key may call it.`
      : `${operation} needs the ${rule} role; the API key ${quote(principal.name)} is ${principal.role}. Use a key with role ${rule} or higher (an admin creates one: etphonehome keys create --role ${rule}).`,
    { operation, requiredRole: rule, role: principal.role },
  );
}
