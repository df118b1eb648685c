// The `/stream` WebSocket path between the CLI and the server (issue 16): one socket per shell,
// per tunnel (its control socket) and per forwarded TCP connection. The API key travels in the
// upgrade request's `Authorization: Bearer` header, never in the URL. Pure: types and constants.
//
//   client  text  OpenRequest (the first message)
//   server  text  OpenReply: {ok:true, id, …} — or {ok:false, code, message} and a close
//   then    shell:    binary shell frames (./shell-frames.ts) both ways: input, resize, eof,
//                     signal from the client; output, stderr, exit from the server, which
//                     closes the socket after the exit frame
//           connect:  binary raw TCP bytes both ways; text {"eof":true} is a half-close
//           tunnel:   nothing; the server closes the socket (with a text {closed: reason})
//                     when the tunnel ends, and the tunnel ends when its socket closes

export const STREAM_PATH = '/stream';

/** The largest WebSocket message either side accepts, in bytes. */
export const MAX_STREAM_MESSAGE_BYTES = 1024 * 1024;

/** Above this many bytes queued on a socket, the reading side is paused; below LOW it resumes. */
export const STREAM_HIGH_WATER_BYTES = 1024 * 1024;
export const STREAM_LOW_WATER_BYTES = 256 * 1024;

export type OpenRequest =
  | {
      op: 'shell';
      client: string;
      command?: string | null;
      pty: boolean;
      cols: number;
      rows: number;
      term?: string;
    }
  | { op: 'tunnel'; client: string; host: string; port: number; listen?: string }
  | { op: 'connect'; tunnel: string };

export type OpenReply =
  | { ok: true; id: string; pty?: boolean; note?: string | null }
  | { ok: false; code: string; message: string };

/** WebSocket close codes of this path (4000-4999 are the application's). */
export const StreamCloseCode = {
  normal: 1000,
  refused: 4000,
  ended: 4001,
  /** The API key was revoked or expired (as graphql-ws closes its sockets). */
  revoked: 4403,
} as const;
