// The call line: one long-lived channel per connection for the small calls (issue 13). A call on
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
//         the agent aborts that handler (a command's process group is killed), and sends no reply
//
// Only calls with one request line and one reply line travel on it: not `hello` (it tells the hub
// whether the agent has the line), transfers, streams or notices. The hub opens the line only
// when `hello` lists the feature, and falls back to a channel per call for the rest of the
// connection when the line fails (refused, closed, or a reply it cannot read), so an agent from
// before the line, or one that breaks it, is still served.

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

/** What a request on the line may be: a method with one request line and one reply line. */
export function servedOnCallLine(method: string): boolean {
  return !LINE_EXCLUDED.has(method);
}

const LINE_EXCLUDED = new Set([
  'hello',
  CALL_LINE_METHOD,
  'open_stream',
  'upload_file',
  'download_file',
]);
