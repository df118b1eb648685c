// The clients online now, as the registry tracks them: each one's link, its live state (health,
// heartbeats, last sample — updated in place by the health monitor) and a logger that names it.

import type { Logger } from 'pino';
import type { AgentSession } from '../hub/agent-session.js';
import type { Admission } from './admission.js';
import type { AgentLink } from './agent-link.js';
import type { LiveState } from './client-view.js';

/** An authenticated agent connection as the hub hands it to the fleet. */
export type FleetSession = AgentSession<Admission>;

export interface LiveClient extends LiveState {
  readonly uuid: string;
  readonly clientId: string;
  /** The key the link authenticated with. */
  readonly fingerprint: string;
  readonly link: AgentLink;
  /** Logs about this client: bound to its clientId and uuid, so its story can be grepped. */
  readonly log: Logger;
  /** Resolves with the reason when the link ends. */
  readonly ended: Promise<string>;
  /** This connection's id in the client's hold (`heldConnection`, issue 14). */
  readonly connection: string;
  /** Sent to another server (a drain): its detach leaves the holder named, calls wait for it. */
  moving?: boolean;
}
