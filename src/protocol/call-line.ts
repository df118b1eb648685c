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
//
// Beats the agent sends by itself (an agent whose `hello` lists `beats`): a beat asked for is a
// request the server writes and a reply it reads, and at 10,000 agents the server's write is
// most of a beat's cost (docs/BENCHMARKS.md). So the hub asks once:
//
//   hub   {"jsonrpc":"2.0","id":N,"method":"beats","params":{"intervalMs":30000,
//          "answerAfterMs":90000,"metrics":true}}\n
//   agent its reply: the first beat (a heartbeat's result)
//   then every intervalMs (± 10 %, on a BEAT_SLOT_MS boundary of the wall clock, so the beats of
//   many agents reach the server together and are read in few wake-ups):
//   agent {"jsonrpc":"2.0","method":"beat","params":<a heartbeat's result>}\n
//   and once nothing has come from the server for answerAfterMs, the beat asks for an answer:
//   agent {"jsonrpc":"2.0","id":M,"method":"beat","params":…}\n   (the agent's own ids)
//   hub   {"jsonrpc":"2.0","id":M,"result":{}}\n
//
// The answers are the agent's proof that the server is still there: while it beats, its SSH
// keepalives are held off (the server says nothing between answers), and a beat whose answer does
// not come within intervalMs (15 s at least) ends the link. The hub counts a beat missing when none came within
// intervalMs × 1.1 + its heartbeat timeout. `beats` again changes the schedule; the line's end
// stops it. A hub that never asks gets no beats: it asks `heartbeat` as before.

/** The `hello` feature (AgentFacts.features) of an agent that serves the call line. */
export const CALL_LINE_FEATURE = 'call_line';

/** The `hello` feature of an agent that sends its heartbeats itself on the line (`beats`). */
export const BEATS_FEATURE = 'beats';

/** The request that starts the agent's own beats on the line; its reply is the first beat. */
export const BEATS_METHOD = 'beats';

/** One beat from the agent: a notification, or a request when it wants an answer. */
export const BEAT_METHOD = 'beat';

/** Beats leave on boundaries of this many milliseconds of the wall clock (at most a hundredth of
 * the interval). */
export function beatSlotMs(intervalMs: number): number {
  return Math.min(100, Math.max(10, Math.floor(intervalMs / 100)));
}

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
  return method === 'heartbeat' || method === 'get_metrics' || method === BEATS_METHOD;
}
