// Who is asking: every door passes a Caller with each operation — an actor name for the audit
// trail, the principal (the API key, its role and scope) and a signal. The doors reach the
// fleet through `fleet.actingAs(principal)` (./guard.ts), which checks the role matrix
// (./access.ts) and the scope once for every door and puts the principal on each Caller.
// A Caller without a principal is the server itself (first start, tests of the raw fleet).

import type { Principal } from './principal.js';

export interface Caller {
  /** Who is asking, for the audit trail: "graphql 127.0.0.1", "mcp session …". */
  actor: string;
  /** The API key acting; absent for the server's own work. */
  principal?: Principal | undefined;
  /** Fires when the caller gives up; in-flight agent work is then cancelled. */
  signal?: AbortSignal | undefined;
}
