// Client names: a client is named by its uuid, its clientId or its display name, and a name must
// lead to one client only. Issue 17 found a new agent whose hostname equalled another client's
// display name receiving every command addressed to that name (with its environment). So the
// two namespaces are one, compared ignoring case:
//
//   a new client's clientId   never equals an existing clientId or display name
//   a display name            set by an operator: refused (CONFLICT) when another client holds
//                             it; suggested by the agent or preset by a token at first
//                             admission: dropped (the client.connected event says why)
//   resolving a name          uuid; else every client whose clientId or display name equals it:
//                             one → that client, several → AMBIGUOUS_CLIENT (older data may
//                             hold clashes), none → NOT_FOUND

import { AppError, ErrorCode, named, nextStep, Operation } from '../errors.js';
import { quote } from '../lib/quote.js';
import { isUuid } from '../protocol/identity.js';
import type { ClientRecord, ClientRepository } from '../store/index.js';

/** How many candidates an ambiguous name lists. */
const MAX_CANDIDATES = 10;

/** The clientId a hostname suggests: lowercase letters, digits, dots and dashes. */
export function baseClientId(hostname: string): string {
  return (
    hostname
      .toLowerCase()
      .replace(/[^a-z0-9.-]+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 64) || 'client'
  );
}

/** A clientId for a new client: the hostname's, or with -2, -3 … when another name holds it. */
export async function freeClientId(clients: ClientRepository, hostname: string): Promise<string> {
  const base = baseClientId(hostname);
  const taken = new Set(await clients.namesStartingWith(base));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Another client (not `uuid`) whose clientId or display name is `name`, ignoring case. */
export async function otherHolder(
  clients: ClientRepository,
  name: string,
  uuid: string,
): Promise<ClientRecord | null> {
  const holders = await clients.findByName(name.trim(), 2);
  return holders.find((client) => client.uuid !== uuid) ?? null;
}

/** "the clientId of web-01 (uuid)" or "the display name of web-02 (uuid)". */
export function describeHolder(holder: ClientRecord, name: string): string {
  const lowered = name.trim().toLowerCase();
  const what = holder.clientId.toLowerCase() === lowered ? 'the clientId' : 'the display name';
  return `${what} of client ${holder.clientId} (${holder.uuid})`;
}

/** CONFLICT unless no other client holds `name` (as clientId or display name). */
export async function assertNameFree(
  clients: ClientRepository,
  name: string,
  uuid: string,
  what: string,
): Promise<void> {
  const holder = await otherHolder(clients, name, uuid);
  if (!holder) return;
  throw new AppError(
    ErrorCode.conflict,
    `${what} ${quote(name.trim())} is already ${describeHolder(holder, name)}; a name must lead to one client. Choose another name.`,
    { name: name.trim(), heldBy: holder.uuid, heldByClientId: holder.clientId },
  );
}

/** How many named clients a scoped lookup reads before it keeps those in scope. */
const MAX_SCOPED_CANDIDATES = 1000;

/**
 * The one client `ref` names (uuid, clientId or display name, ignoring case), among those
 * `fits` keeps (an API key's scope: the others do not exist for it).
 */
export async function resolveClientName(
  clients: ClientRepository,
  ref: string,
  fits?: (client: ClientRecord) => boolean,
): Promise<ClientRecord> {
  const needle = ref.trim();
  if (needle === '')
    throw new AppError(
      ErrorCode.badUserInput,
      'A client id is required (uuid, clientId or display name).',
    );
  if (isUuid(needle)) {
    const byUuid = await clients.get(needle.toLowerCase());
    if (byUuid && (fits?.(byUuid) ?? true)) return byUuid;
  }
  // One query for both namespaces: an exact clientId does not win over a display name that
  // equals it, since that is the clash a hostile agent would arrange.
  const found = await clients.findByName(needle, fits ? MAX_SCOPED_CANDIDATES : MAX_CANDIDATES + 1);
  const candidates = fits ? found.filter(fits) : found;
  if (candidates.length === 1) return candidates[0] as ClientRecord;
  if (candidates.length > 1) {
    const names = candidates
      .slice(0, MAX_CANDIDATES)
      .map((c) => `${c.clientId} (${c.uuid}${c.displayName ? `, "${c.displayName}"` : ''})`)
      .join('; ');
    const rename = nextStep(Operation.updateClientFields);
    throw new AppError(
      ErrorCode.ambiguousClient,
      `${quote(needle)} matches more than one client: ${names}. Use the uuid or clientId of the one you mean instead (a uuid always names one client), and give one of them another display name (${named(rename)}).`,
      { candidates: candidates.map((c) => c.uuid) },
      [rename],
    );
  }
  const list = nextStep(Operation.listClients);
  throw new AppError(
    ErrorCode.notFound,
    `No client matches ${quote(needle)} (tried uuid, clientId and display name). Call ${named(list)} to see the fleet.`,
    undefined,
    [list],
  );
}
