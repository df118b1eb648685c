// Validation of what crosses the link. The agent validates the parameters it receives; the hub
// validates every reply, because an agent is a remote machine and may be hostile or broken.
// Limits here are the protocol's: lengths that keep one reply from bloating the registry.

import { z } from 'zod';
import { MAX_SHELL_COMMAND_BYTES, MAX_TERMINAL_COLS, MAX_TERMINAL_ROWS } from './stream.js';
import {
  DEFAULT_MAX_OUTPUT_BYTES,
  MAX_COMMAND_TIMEOUT_MS,
  MAX_FILE_BYTES,
  type RpcMethods,
} from './rpc.js';

const shortText = z.string().max(256);
const name = z.string().min(1).max(128);
const path = z.string().min(1).max(4096);
const roots = z.array(path).max(256).optional();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const agentFactsSchema = z.object({
  uuid: z.uuid(),
  hostname: shortText,
  platform: shortText,
  platformRelease: shortText,
  arch: z.string().max(64),
  agentVersion: z.string().max(64),
  username: shortText,
  capabilities: z.array(name).max(256),
  allowedPaths: z.array(path).max(256).nullable(),
  allowedForwards: z.array(z.string().min(1).max(300)).max(256).nullable().optional(),
  suggested: z.object({
    displayName: shortText.optional(),
    purpose: z.string().max(1024).optional(),
    tags: z.array(name).max(64).optional(),
  }),
  features: z.array(z.string().max(64)).max(32).optional(),
});

export const helloParamsSchema = z.object({ hubVersion: z.string().max(64) });

export const runCommandParamsSchema = z.object({
  cmd: z
    .string()
    .min(1)
    .max(256 * 1024),
  cwd: path.optional(),
  roots,
  timeoutMs: z.number().int().min(1).max(MAX_COMMAND_TIMEOUT_MS),
  env: z.record(z.string().min(1).max(256), z.string().max(64 * 1024)).optional(),
  maxOutputBytes: z
    .number()
    .int()
    .min(0)
    .max(8 * DEFAULT_MAX_OUTPUT_BYTES)
    .optional(),
});

export const runCommandResultSchema = z.object({
  stdout: z.string(),
  stderr: z.string(),
  returncode: z.number().int(),
  timedOut: z.boolean(),
  truncated: z.boolean(),
  durationMs: z.number().min(0),
});

export const readFileParamsSchema = z.object({
  path,
  roots,
  maxBytes: z.number().int().min(0).max(MAX_FILE_BYTES).optional(),
});

export const readFileResultSchema = z.object({
  path,
  contentBase64: z.base64(),
  size: z.number().int().min(0),
  mtimeMs: z.number(),
  mode: z.number().int(),
});

export const writeFileParamsSchema = z.object({
  path,
  roots,
  contentBase64: z.base64().max(Math.ceil(MAX_FILE_BYTES / 3) * 4),
  mode: z.number().int().min(0).max(0o7777).optional(),
  createParents: z.boolean().optional(),
});

export const writeFileResultSchema = z.object({ path, size: z.number().int().min(0) });

export const fileEntrySchema = z.object({
  name: z.string().min(1).max(4096),
  type: z.enum(['file', 'directory', 'symlink', 'other']),
  size: z.number().min(0),
  mtimeMs: z.number(),
  mode: z.number().int(),
});

export const listFilesParamsSchema = z.object({
  path,
  roots,
  limit: z.number().int().min(1).max(100_000).optional(),
});

export const listFilesResultSchema = z.object({
  path,
  entries: z.array(fileEntrySchema).max(100_000),
  truncated: z.boolean(),
});

export const getMetricsParamsSchema = z.object({ summary: z.boolean().optional() });
export const metricsResultSchema = z.record(z.string(), z.unknown());

export const heartbeatParamsSchema = z.object({ metrics: z.boolean().optional() }).strict();

export const beatsParamsSchema = z
  .object({
    intervalMs: z.number().int().min(1000).max(86_400_000),
    answerAfterMs: z.number().int().min(1000).max(259_200_000),
    metrics: z.boolean().optional(),
  })
  .strict();

const percentOrNull = z.number().min(0).max(100).nullable();

/**
 * The summary form of get_metrics: what health checks and fleetHealth compare to thresholds.
 * Unknown fields are dropped, not kept: the summary is copied into client.unhealthy events, their
 * webhook bodies and the API, and a hostile agent padded it to megabytes (issue 17, item 6).
 */
export const metricsSummarySchema = z.object({
  hostname: z.string().max(256),
  platform: z.string().max(64),
  cpuPercent: percentOrNull,
  memoryPercent: percentOrNull,
  diskPercent: percentOrNull,
  load1: z.number().min(0).max(1e9).nullable(),
  uptimeS: z.number().min(0).max(1e12).nullable(),
});

export const heartbeatResultSchema = z.object({
  time: z.number().min(0).max(1e15),
  uptimeS: z.number().min(0).max(1e12),
  metrics: metricsSummarySchema.optional(),
});

export const uploadFileParamsSchema = z.object({
  path,
  roots,
  size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  mode: z.number().int().min(0).max(0o7777).optional(),
  createParents: z.boolean().optional(),
});

export const downloadFileParamsSchema = z.object({
  path,
  roots,
  offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  prefixSha256: sha256.optional(),
});

export const transferResultSchema = z.object({
  path,
  size: z.number().int().min(0),
  sha256,
  resumedFrom: z.number().int().min(0),
});

export const streamHeaderSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('shell'),
    command: z.string().min(1).max(MAX_SHELL_COMMAND_BYTES).nullable(),
    pty: z.boolean(),
    cols: z.number().int().min(1).max(MAX_TERMINAL_COLS),
    rows: z.number().int().min(1).max(MAX_TERMINAL_ROWS),
    term: z
      .string()
      .regex(/^[A-Za-z0-9._+-]{1,64}$/)
      .optional(),
  }),
  z.object({
    kind: z.literal('forward'),
    host: z.string().min(1).max(255),
    port: z.number().int().min(1).max(65535),
  }),
]);

export const streamReadySchema = z.object({
  kind: z.enum(['shell', 'forward']),
  pty: z.boolean().optional(),
  note: z.string().max(1024).optional(),
});

type Schemas = {
  [M in keyof RpcMethods]: {
    params: z.ZodType<RpcMethods[M]['params']>;
    result: z.ZodType<RpcMethods[M]['result']>;
  };
};

/** Parameter and result schemas of each method, keyed by wire name. */
export const rpcSchemas: Schemas = {
  hello: { params: helloParamsSchema, result: agentFactsSchema },
  run_command: { params: runCommandParamsSchema, result: runCommandResultSchema },
  read_file: { params: readFileParamsSchema, result: readFileResultSchema },
  write_file: { params: writeFileParamsSchema, result: writeFileResultSchema },
  list_files: { params: listFilesParamsSchema, result: listFilesResultSchema },
  get_metrics: { params: getMetricsParamsSchema, result: metricsResultSchema },
  heartbeat: { params: heartbeatParamsSchema, result: heartbeatResultSchema },
  beats: { params: beatsParamsSchema, result: heartbeatResultSchema },
  upload_file: { params: uploadFileParamsSchema, result: transferResultSchema },
  download_file: { params: downloadFileParamsSchema, result: transferResultSchema },
  open_stream: { params: streamHeaderSchema, result: streamReadySchema },
  call_line: { params: z.object({}).strict(), result: z.object({}) },
};

/** One-line summary of a zod failure, for error messages. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}
