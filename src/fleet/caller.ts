// Who is asking: every door passes a Caller with each operation. Today an actor name for the
// audit trail and a signal; issue 15 adds the principal (an API key with a role and a scope)
// here, so the fleet can enforce them once for every door.

export interface Caller {
  /** Who is asking, for the audit trail: "graphql 127.0.0.1", "mcp session …". */
  actor: string;
  /** Fires when the caller gives up; in-flight agent work is then cancelled. */
  signal?: AbortSignal | undefined;
}
