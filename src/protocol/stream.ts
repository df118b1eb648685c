// Byte streams through the agent's connection: an interactive shell or one TCP connection of a
// port forward. Each is a forwarded-tcpip channel of its own, opened by the hub like any call,
// whose first line says what it is for:
//
//   hub   {"jsonrpc":"2.0","id":N,"method":"open_stream","params":<StreamHeader>}\n
//   agent {"jsonrpc":"2.0","id":N,"result":<StreamReady>}\n      (the channel stays open)
//         or a JSON-RPC error reply naming the refusal, and the channel ends
//   then  forward: the TCP connection's raw bytes, both ways; EOF on the channel is the
//         half-close of that direction (the agent shuts down its socket's write side).
//         shell:   frames (./shell-frames.ts) both ways until the exit frame.
//
// Closing the channel ends the stream at once (the shell's process group gets SIGHUP, the TCP
// socket is destroyed). Everything here is validated on both sides (./schemas.ts).

/** The largest terminal either side accepts, in columns and rows. */
export const MAX_TERMINAL_COLS = 1000;
export const MAX_TERMINAL_ROWS = 1000;

/** A command a shell session runs instead of the login shell, at most this long. */
export const MAX_SHELL_COMMAND_BYTES = 64 * 1024;

export const OPEN_STREAM_METHOD = 'open_stream';

export interface ShellHeader {
  kind: 'shell';
  /** null: the login shell of the agent's user; else run with that shell's -c. */
  command: string | null;
  /** A pseudo-terminal (interactive) or plain pipes (stdin, stdout, stderr). */
  pty: boolean;
  cols: number;
  rows: number;
  /** TERM for the PTY (default xterm-256color). */
  term?: string | undefined;
}

export interface ForwardHeader {
  kind: 'forward';
  /** Host as seen from the client (a name it resolves, or an address). */
  host: string;
  port: number;
}

export type StreamHeader = ShellHeader | ForwardHeader;

export interface StreamReady {
  kind: 'shell' | 'forward';
  /** For a shell: whether it really got a PTY (false when the agent fell back to pipes). */
  pty?: boolean | undefined;
  /** Something the operator should know (e.g. why there is no PTY). */
  note?: string | undefined;
}
