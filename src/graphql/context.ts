// What every resolver receives: the fleet service, and the caller on whose behalf it acts.

import type { Caller, Fleet } from '../fleet/fleet.js';

export interface GraphQLContext {
  fleet: Fleet;
  caller: Caller;
}
