// heartbeat: proves the agent is alive and answering, and gives the hub the agent's clock, so
// clock skew between hub and machine can be spotted.

import os from 'node:os';
import type { Handler } from './types.js';

export const heartbeat: Handler<'heartbeat'> = async () => ({
  time: Date.now(),
  uptimeS: os.uptime(),
});
