// What every subscription field resolves each event with: the event as it came, after giving the
// request fresh loaders, so that nothing in this event is answered from an earlier event's data.

import { renewLoaders, type GraphQLContext } from './context.js';

/** A subscription's `resolve`: the event itself, with this request's loaders renewed. */
export function withFreshLoaders<Event>(event: Event, _args: unknown, ctx: GraphQLContext): Event {
  renewLoaders(ctx);
  return event;
}
