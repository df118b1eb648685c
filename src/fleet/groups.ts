// Groups of the Fleet surface (./index.ts) for work that outlives one call or one client: bulk
// jobs, shells and tunnels, the servers on one database, and the API keys every door checks.

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ServerView } from './cluster/membership.js';
import type { Caller } from './caller.js';
import type { ClientFilter } from './client-filter.js';
import type { Confirmation, ConfirmInput } from './confirmations.js';
import type { EndHeld } from './holdings.js';
import type {
  BulkJobResultPage,
  BulkJobUpdate,
  BulkJobView,
  StartBulkCommandInput,
} from './jobs/job-views.js';
import type { ApiKeyView, CreateApiKeyInput, CreatedApiKey } from './keys.js';
import type { Principal } from './principal.js';
import type { SessionFilter } from './reach/reach.js';
import type { OpenShellInput, SessionView, ShellSession } from './reach/sessions.js';
import type { OpenTunnelInput, Tunnel, TunnelView } from './reach/tunnels.js';
import type { OpenBufferedShellInput, OpenedShell, ShellRead } from './reach/shells.js';

export interface FleetJobs {
  /**
   * Starts a command on every client the filter selects (at least one condition, at most
   * MAX_BULK_TARGETS), `parallelism` at a time; returns the job at once. With an idempotency
   * key, a repeat returns the same job.
   */
  startBulkCommand(
    filter: ClientFilter,
    input: StartBulkCommandInput,
    caller: Caller,
  ): Promise<BulkJobView>;
  /** A job by id (its counts live while it runs); NOT_FOUND otherwise. */
  get(id: string): Promise<BulkJobView>;
  /** Up to `first` of a job's results after the cursor `after`, in the order they arrived. */
  results(id: string, first: number, after: string | null): Promise<BulkJobResultPage>;
  /** Kills what still runs on the clients and marks the rest not started; the job after. */
  cancel(id: string, caller: Caller): Promise<BulkJobView>;
  /**
   * A job's results after the cursor `after` (recorded first, then live, each once), then its
   * final state; the stream ends there.
   */
  subscribe(id: string, after?: string | null): Promise<AsyncIterableIterator<BulkJobUpdate>>;
}

export interface FleetSessions {
  /** Opens a shell (a PTY or pipes) on a client through the gate; session.opened recorded. */
  open(ref: string, input: OpenShellInput, caller: Caller): Promise<ShellSession>;
  /** An open session to drive; NOT_FOUND when it is not open. */
  get(id: string): ShellSession;
  /** Open sessions first (newest first), then ended ones from their session.closed events. */
  list(filter: SessionFilter, limit: number): Promise<SessionView[]>;
  /** One session, open or ended; null when unknown. */
  find(id: string): Promise<SessionView | null>;
  /** Ends an open session; NOT_FOUND when it is not open. */
  close(id: string, caller: Caller): SessionView;
  /** The session's asciicast v2 recording; null when it has none. */
  recording(id: string): Promise<string | null>;
}

export interface FleetShells {
  /**
   * Opens a shell on a PTY (sessions.open: gate, caps, recording, events) whose output waits in
   * a bounded buffer for `read`; it belongs to the caller's key and closes itself when idle.
   */
  open(ref: string, input: OpenBufferedShellInput, caller: Caller): Promise<OpenedShell>;
  /** Types text (and Enter) into one of the caller's shells; the bytes sent (rate-limited). */
  send(
    id: string,
    text: string,
    sendNewline: boolean,
    caller: Caller,
  ): Promise<{ session: SessionView; bytesSent: number }>;
  /** What arrived since the last read, waiting up to `timeoutMs` for some. */
  read(id: string, timeoutMs: number, caller: Caller): Promise<ShellRead>;
  /** The caller's open shells. */
  list(caller: Caller): SessionView[];
  /** Ends one of the caller's shells (end of input, then SIGHUP, then cut); its final view. */
  close(id: string, caller: Caller): Promise<SessionView>;
}

export interface FleetTunnels {
  /** Opens a tunnel to host:port as seen from a client; tunnel.opened recorded. */
  open(ref: string, input: OpenTunnelInput, caller: Caller): Promise<Tunnel>;
  /** An open tunnel; NOT_FOUND otherwise. */
  get(id: string): Tunnel;
  /** Open tunnels with their counters. */
  list(): Promise<TunnelView[]>;
  /** Closes a tunnel and every connection it carries; NOT_FOUND when it is not open. */
  close(id: string, caller: Caller): TunnelView;
}

export interface FleetConfirmations {
  /**
   * Whether a call a door wants confirmed may run now: with the token of an earlier answer
   * (bound to the action, the arguments, the caller's API key and an expiry; single use), or as
   * a repeat of a keyed request. Otherwise a new token, and nothing else happens.
   */
  confirm(input: ConfirmInput, caller: Caller): Promise<Confirmation>;
}

export interface FleetCluster {
  /** Every server registered on the database, by name (this one too), alive or not. */
  servers(): Promise<ServerView[]>;
  /** The `/peer` WebSocket upgrade: calls from the other servers (cluster/peer-door.ts). */
  peerUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
}

export interface FleetKeys {
  /** A new key (its secret shown once); a key mints keys of its role or lower, within its scope. */
  create(input: CreateApiKeyInput, caller: Caller): Promise<CreatedApiKey>;
  /** Keys, newest first (a scoped or lower key: itself and the keys it created). */
  list(caller: Caller): Promise<ApiKeyView[]>;
  /** Revokes a key and, at once, ends everything it holds open. */
  revoke(id: string, caller: Caller): Promise<ApiKeyView>;
  /** The principal of a presented secret; UNAUTHENTICATED (saying why) otherwise. */
  authenticate(secret: string): Promise<Principal>;
  /** Registers something a key holds open (socket, stream, session …); returns its release. */
  hold(principal: Principal, end: EndHeld): () => void;
}
