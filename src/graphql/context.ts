// What every resolver receives: the fleet service, the caller on whose behalf it acts, and the
// batching loaders of this request. Subscriptions replace `loaders` for every event they
// deliver, so that no event is answered from an earlier event's data.

import type { Caller, Fleet, Loaders } from '../fleet/index.js';

/** What agents need to attach to this server (serverInfo); known once the SSH port listens. */
export interface ServerInfo {
  version: string;
  sshHost: string;
  sshPort: number;
  hostKeyFingerprint: string;
  openEnrollment: boolean;
}

export interface GraphQLContext {
  fleet: Fleet;
  caller: Caller;
  loaders: Loaders;
  /** The running server's addresses; absent where no server runs (schema-only executors). */
  serverInfo?: () => ServerInfo | null;
}

/** Fresh loaders for the next subscription event. */
export function renewLoaders(ctx: GraphQLContext): void {
  ctx.loaders = ctx.fleet.createLoaders();
}
