// The call line: one long-lived channel per connection for the frequent calls (issue 13). A call on
// a channel of its own costs eight SSH packets (open, confirm, request, reply, EOF and close each
// way); on the line it costs two. With 10,000 agents beating every 30 s that is most of the
// server's idle work.
//
//   hub   {"jsonrpc":"2.0","id":N,"method":"call_line","params":{}}\n   on a new channel
//   agent {"jsonrpc":"2.0","id":N,"result":{}}\n                      (the channel stays open)
//   then, both ways until the connection ends:
//   hub   a request line (as on a channel of its own), any number in flight
//   agent its reply line, with the request's id, in whatever order they finish
//   hub   {"jsonrpc":"2.0","method":"cancel","params":{"id":N}}\n     the caller gave up:
//         the agent aborts that handler and sends no reply
//
// Only the calls a fleet makes of every agent all the time travel on it, and their messages are
// small by construction: `heartbeat` and `get_metrics`. Commands and files keep a channel each:
// their messages can be megabytes, and on one line a large reply holds up every reply behind it
// (a channel of its own is held back only by its window), and closing the channel is how a
// command is cancelled. `hello` tells the hub whether the agent has the line at all. The hub
// opens the line only when `hello` lists the feature, and falls back to a channel per call for
// the rest of the connection when the line fails (refused, closed, or a reply it cannot read), so
// an agent from before the line, or one that breaks it, is still served.

/** The `hello` feature (AgentFacts.features) of an agent that serves the call line. */
export const CALL_LINE_FEATURE = 'call_line';

/** The request that turns its channel into the call line. */
export const CALL_LINE_METHOD = 'call_line';

/** The notification that cancels a call in flight on the line. */
export const CANCEL_METHOD = 'cancel';

export interface CancelParams {
  /** The id of the request to abandon. */
  id: number;
}

/** Whether a method travels on the call line (else on a channel of its own). */
export function servedOnCallLine(method: string): boolean {
  return method === 'heartbeat' || method === 'get_metrics';
}
