// Wire types of the hub ⇄ agent link: JSON-RPC 2.0, one request and one reply per SSH channel.
//
// The hub opens a `forwarded-tcpip` channel back through the agent's own SSH connection, writes
// one request line, reads one reply line, and closes the channel. Closing a channel before the
// reply arrives is the cancellation signal: the agent aborts the handler (and kills the process
// group of a running command); the hub never half-closes a call, so an end of stream means the same.
// Agents that say so in `hello` (AgentFacts.features) also take small calls on one long-lived
// channel, the call line (./call-line.ts): same requests and replies, matched by id.
// Lines are UTF-8 JSON terminated by "\n", never longer than
// MAX_MESSAGE_BYTES. Everything the agent sends is untrusted: the hub validates every reply with
// the schemas in ./schemas.ts before using it.

import type { StreamHeader, StreamReady } from './stream.js';

export const JSONRPC_VERSION = '2.0';

/** Largest request or reply line either side accepts, in bytes (the newline excluded). */
export const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

/** Largest file `read_file` returns and `write_file` accepts, in bytes (before base64). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Default cap on each of a command's stdout and stderr, in bytes. */
export const DEFAULT_MAX_OUTPUT_BYTES = 1024 * 1024;

/** Hard ceiling for a command's own timeout: one day. */
export const MAX_COMMAND_TIMEOUT_MS = 24 * 60 * 60 * 1000;

/**
 * JSON-RPC error codes. The standard ones, plus one application range: an application error
 * carries its stable string code in `error.data.code` (see AgentErrorCode).
 */
export const RpcErrorCode = {
  parseError: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  internalError: -32603,
  applicationError: -32000,
} as const;

/** Stable codes of failures an agent reports on purpose. */
export const AgentErrorCode = {
  pathDenied: 'PATH_DENIED',
  notFound: 'NOT_FOUND',
  tooLarge: 'TOO_LARGE',
  notAFile: 'NOT_A_FILE',
  notADirectory: 'NOT_A_DIRECTORY',
  permissionDenied: 'PERMISSION_DENIED',
  badInput: 'BAD_USER_INPUT',
  /** A forward target outside the agent's own allowed_forwards (config.yaml). */
  forwardDenied: 'FORWARD_DENIED',
  failed: 'FAILED',
} as const;
export type AgentErrorCodeName = (typeof AgentErrorCode)[keyof typeof AgentErrorCode];

export interface RpcRequest {
  jsonrpc: typeof JSONRPC_VERSION;
  id: number;
  method: string;
  params?: unknown;
}

export interface RpcErrorObject {
  code: number;
  message: string;
  data?: { code?: string; [key: string]: unknown };
}

export type RpcReply =
  | { jsonrpc: typeof JSONRPC_VERSION; id: number | null; result: unknown }
  | { jsonrpc: typeof JSONRPC_VERSION; id: number | null; error: RpcErrorObject };

/** A reply's body: the result, or the error. */
export type RpcReplyBody = { result: unknown } | { error: RpcErrorObject };

/** A request as its line on the wire; without `id`, a notification (no reply). */
export function requestLine(method: string, params: unknown, id?: number): string {
  return JSON.stringify({ jsonrpc: JSONRPC_VERSION, id, method, params }) + '\n';
}

/** A reply as its line on the wire. */
export function replyLine(id: number | null, body: RpcReplyBody): string {
  return JSON.stringify({ jsonrpc: JSONRPC_VERSION, id, ...body }) + '\n';
}

/** What an agent says about itself in reply to `hello`. Facts refresh on every connection. */
export interface AgentFacts {
  uuid: string;
  hostname: string;
  platform: string;
  platformRelease: string;
  arch: string;
  agentVersion: string;
  username: string;
  capabilities: string[];
  /** The agent owner's own ceiling on paths (config.yaml `allowed_paths`); null = none. */
  allowedPaths: string[] | null;
  /**
   * The agent owner's ceiling on port forwards (config.yaml `allowed_forwards`, rules of
   * ./forward-target.ts); null or absent = none allowed. Absent from agents before issue 16.
   */
  allowedForwards?: string[] | null | undefined;
  /** Metadata suggested by `phonehome --init`; used on first admission only. */
  suggested: {
    displayName?: string | undefined;
    purpose?: string | undefined;
    tags?: string[] | undefined;
  };
  /**
   * What this agent's side of the wire protocol offers beyond the first version (AgentFeature);
   * absent from agents before the call line. A hub ignores the ones it does not know.
   */
  features?: string[] | undefined;
}

export interface HelloParams {
  hubVersion: string;
}

/**
 * Every method that takes a path also takes `roots`: the client's allowedPaths as the server
 * knows them. The agent enforces them together with its own ceiling (both must admit a path).
 */
export interface ConfinedParams {
  roots?: string[] | undefined;
}

export interface RunCommandParams extends ConfinedParams {
  cmd: string;
  cwd?: string | undefined;
  timeoutMs: number;
  env?: Record<string, string> | undefined;
  maxOutputBytes?: number | undefined;
}

export interface RunCommandResult {
  stdout: string;
  stderr: string;
  returncode: number;
  timedOut: boolean;
  truncated: boolean;
  durationMs: number;
}

export interface ReadFileParams extends ConfinedParams {
  path: string;
  maxBytes?: number | undefined;
}

export interface ReadFileResult {
  path: string;
  contentBase64: string;
  size: number;
  mtimeMs: number;
  mode: number;
}

export interface WriteFileParams extends ConfinedParams {
  path: string;
  contentBase64: string;
  /** Permission bits for a file being created (default 0o644, subject to the agent's umask). */
  mode?: number | undefined;
  /** Create missing parent directories (default false). */
  createParents?: boolean | undefined;
}

export interface WriteFileResult {
  path: string;
  size: number;
}

export const FileType = {
  file: 'file',
  directory: 'directory',
  symlink: 'symlink',
  other: 'other',
} as const;
export type FileTypeName = (typeof FileType)[keyof typeof FileType];

export interface FileEntry {
  name: string;
  type: FileTypeName;
  size: number;
  mtimeMs: number;
  mode: number;
}

export interface ListFilesParams extends ConfinedParams {
  path: string;
  /** At most this many entries are returned (default 10,000); `truncated` says when cut. */
  limit?: number | undefined;
}

export interface ListFilesResult {
  path: string;
  entries: FileEntry[];
  truncated: boolean;
}

/**
 * upload_file (hub → agent) and download_file (agent → hub) stream raw bytes on their channel
 * after the request line; see ./transfer.ts for the exchange. These are their request params.
 */
export interface UploadFileParams extends ConfinedParams {
  path: string;
  /** Total size of the file being sent, in bytes. */
  size: number;
  /** Permission bits for a file being created (default 0o644, subject to the agent's umask). */
  mode?: number | undefined;
  createParents?: boolean | undefined;
}

export interface DownloadFileParams extends ConfinedParams {
  path: string;
  /** Bytes the hub already holds from an earlier attempt (0 = from the start). */
  offset: number;
  /** SHA-256 (hex) of those bytes, checked by the agent before continuing after them. */
  prefixSha256?: string | undefined;
}

/** The final reply of a transfer, from the side that received the bytes or sent them. */
export interface TransferResult {
  path: string;
  size: number;
  sha256: string;
  /** Bytes that were already in place and not sent again. */
  resumedFrom: number;
}

export interface GetMetricsParams {
  summary?: boolean | undefined;
}

/** Metrics are a JSON object; the detailed shape is documented in docs/API.md. */
export type MetricsResult = Record<string, unknown>;

export interface HeartbeatParams {
  /** Also sample the metrics summary (for resource-threshold health checks). */
  metrics?: boolean | undefined;
}

/** `beats` (on the call line, ./call-line.ts): the agent sends its heartbeats itself from now on. */
export interface BeatsParams {
  /** A beat every this long (± 10 %), on the wall clock's slot boundaries (BEAT_SLOT_MS). */
  intervalMs: number;
  /** A beat asks the hub for an answer once nothing has come from it for this long. */
  answerAfterMs: number;
  /** Every beat carries the metrics summary. */
  metrics?: boolean | undefined;
}

/** get_metrics with `summary: true`: the figures health checks compare to thresholds. */
export interface MetricsSummary {
  hostname: string;
  platform: string;
  cpuPercent: number | null;
  memoryPercent: number | null;
  diskPercent: number | null;
  load1: number | null;
  uptimeS: number | null;
}

export interface HeartbeatResult {
  /** Agent clock, epoch milliseconds. */
  time: number;
  uptimeS: number;
  /** The metrics summary, when asked for. */
  metrics?: MetricsSummary | undefined;
}

/** Parameters and results of each method, keyed by wire name (snake_case, like the MCP tools). */
export interface RpcMethods {
  hello: { params: HelloParams; result: AgentFacts };
  run_command: { params: RunCommandParams; result: RunCommandResult };
  read_file: { params: ReadFileParams; result: ReadFileResult };
  write_file: { params: WriteFileParams; result: WriteFileResult };
  list_files: { params: ListFilesParams; result: ListFilesResult };
  get_metrics: { params: GetMetricsParams; result: MetricsResult };
  heartbeat: { params: HeartbeatParams; result: HeartbeatResult };
  /** The agent beats by itself (its reply is the first beat): see ./call-line.ts. */
  beats: { params: BeatsParams; result: HeartbeatResult };
  upload_file: { params: UploadFileParams; result: TransferResult };
  download_file: { params: DownloadFileParams; result: TransferResult };
  /** A byte stream (shell, forwarded connection) on its own channel: see ./stream.ts. */
  open_stream: { params: StreamHeader; result: StreamReady };
  /** Turns its channel into the call line: see ./call-line.ts. */
  call_line: { params: Record<string, never>; result: Record<string, never> };
}
