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
//           get:      (a client file to the operator; the reply carries {size, start}: start is
//                     the offset asked for when prefixSha256 matched the file's first bytes,
//                     else 0) binary: the size − start bytes from start; then text
//                     {done: TransferDone} and a normal close — or text {error: {code, message}}
//                     and a close at any point
//           put:      (an operator file to a client; the reply carries {offset, prefixSha256}:
//                     what the client's partial file already holds) client text {start: S}
//                     (S = offset when its own first offset bytes hash to prefixSha256, else 0),
//                     binary: size − S bytes, text {sha256: F} (F = SHA-256 of the whole file);
//                     server text {done: TransferDone} once the client renamed it into place —
//                     or {error: {code, message}}

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
  | { op: 'connect'; tunnel: string }
  | {
      op: 'get';
      client: string;
      /** Absolute path on the client. */
      path: string;
      /** Bytes the operator already holds (its `.part` file), and their SHA-256. */
      offset: number;
      prefixSha256?: string;
      transferId?: string;
    }
  | {
      op: 'put';
      client: string;
      /** Absolute destination on the client. */
      path: string;
      /** Size of the whole file, in bytes. */
      size: number;
      createParents?: boolean;
      mode?: number;
      transferId?: string;
    };

/** The end of a get or put: what the client reports of the whole file. */
export interface TransferDone {
  size: number;
  sha256: string;
  /** Bytes kept from an earlier attempt (not sent again). */
  resumedFrom: number;
}

export type OpenReply =
  | {
      ok: true;
      id: string;
      pty?: boolean;
      note?: string | null;
      /** get: the file's size and the byte the data starts at. */
      size?: number;
      start?: number;
      /** put: bytes of an earlier attempt the client holds, and their SHA-256. */
      offset?: number;
      prefixSha256?: string;
    }
  | { ok: false; code: string; message: string };

/** WebSocket close codes of this path (4000-4999 are the application's). */
export const StreamCloseCode = {
  normal: 1000,
  refused: 4000,
  ended: 4001,
  /** The API key was revoked or expired (as graphql-ws closes its sockets). */
  revoked: 4403,
} as const;
