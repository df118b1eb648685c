// What the five file tools share: path inputs with the fleet's limits, the transfer reply, sizes
// in our own text, and the confirmation of a write that would replace a file.

import { z } from 'zod';
import { catalogueCode } from '../../client/index.js';
import { ErrorCode } from '../../errors.js';
import { MAX_PATH_LENGTH } from '../../fleet/limits.js';
import { graphql } from '../../generated/gql.js';
import type { McpTransferFragment } from '../../generated/graphql.js';
import { ToolError } from '../executor.js';
import type { ToolPlan } from '../confirmation.js';
import type { ToolContext } from '../tool.js';

export const remotePathInput = (what: string) =>
  z
    .string()
    .min(1)
    .max(MAX_PATH_LENGTH)
    .refine((p) => p.startsWith('/'), {
      message: 'must be an absolute path on the client (starting with "/")',
    })
    .describe(`${what} Absolute, inside the client's allowed_paths when they are set.`);

export const localPathInput = z
  .string()
  .min(1)
  .max(MAX_PATH_LENGTH)
  .refine((p) => !p.split('/').includes('..'), {
    message: 'must not contain ".." segments: name a path inside the server\'s transfer roots',
  })
  .describe(
    "A path on the ET Phone Home SERVER (not on your machine): relative to the server's first transfer root (<data-dir>/transfers unless ETPHONEHOME_TRANSFER_ROOTS says otherwise), or absolute inside a transfer root. No '..' segments; symbolic links are not followed out of the roots.",
  );

export const modeInput = z
  .number()
  .int()
  .min(0)
  .max(0o7777)
  .optional()
  .describe(
    'Permission bits for a new file as a number (e.g. 420 = 0o644; default 0o644 minus the umask).',
  );

export const createParentsInput = z
  .boolean()
  .default(false)
  .describe('Create missing parent directories (inside the allowed paths; default false).');

export const McpTransfer = graphql(`
  fragment McpTransfer on Transfer {
    transferId
    direction
    state
    localPath
    remotePath
    bytesDone
    totalBytes
    resumedFrom
    sha256
    rateBytesPerSecond
    startedAt
    finishedAt
    error {
      code
      message
    }
  }
`);
void McpTransfer;

export const transferOutput = {
  client_id: z.string(),
  transfer_id: z.string(),
  direction: z.enum(['upload', 'download']),
  local_path: z.string(),
  remote_path: z.string(),
  size: z.number(),
  sha256: z.string(),
  resumed_from: z.number(),
  bytes_per_second: z.number(),
  started_at: z.string(),
  finished_at: z.string().nullable(),
};

/** A completed transfer as the tools return it; a FAILED one as a tool error. */
export function toTransferReply(client: string, t: McpTransferFragment) {
  if (t.state !== 'COMPLETED' || !t.sha256) {
    throw new ToolError(
      catalogueCode(t.error?.code) ?? ErrorCode.agentError,
      `The ${t.direction.toLowerCase()} ${t.transferId} with "${client}" did not complete (${t.state.toLowerCase()}): ${t.error?.message ?? 'no reason given'}. Call the tool again with the same paths: it resumes after the verified bytes.`,
    );
  }
  return {
    client_id: client,
    transfer_id: t.transferId,
    direction: t.direction === 'UPLOAD' ? ('upload' as const) : ('download' as const),
    local_path: t.localPath,
    remote_path: t.remotePath,
    size: t.bytesDone,
    sha256: t.sha256,
    resumed_from: t.resumedFrom,
    bytes_per_second: t.rateBytesPerSecond,
    started_at: t.startedAt,
    finished_at: t.finishedAt ?? null,
  };
}

/** "12.3 MiB, SHA-256 … verified by both ends; resumed after …" for a completed transfer. */
export function transferSummary(t: { size: number; sha256: string; resumed_from: number }): string {
  const resumed =
    t.resumed_from > 0 ? `; resumed after ${formatBytes(t.resumed_from)} already there` : '';
  return `${formatBytes(t.size)}, SHA-256 ${t.sha256} verified by both ends${resumed}`;
}

/** "12.3 MiB" */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

const ProbePathDocument = graphql(`
  query McpProbePath($clientId: ID!, $path: String!) {
    listFiles(clientId: $clientId, path: $path, limit: 1) {
      path
    }
  }
`);

/** Refusals the write itself would meet the same way (it then changes nothing either). */
const REFUSED_ALIKE: ReadonlySet<string> = new Set([
  ErrorCode.pathDenied,
  ErrorCode.clientOffline,
  ErrorCode.keyMismatch,
  ErrorCode.ambiguousClient,
  ErrorCode.badUserInput,
  ErrorCode.forbidden,
  ErrorCode.rateLimited,
]);

/**
 * The plan of a write to `path` on the client a tool works on (client_id, or the session's): null
 * when nothing is there (a new file needs no confirmation), else what would be replaced by
 * `what`. Asked of the client as a list_files of the path itself (recorded as such): NOT_FOUND
 * means nothing is there; a directory or "not a directory" (a file) means something is; a
 * failure that leaves it unknown asks for confirmation too.
 */
export async function overwritePlan(
  { executor, request, resolveClient }: ToolContext,
  clientId: string | undefined,
  path: string,
  what: string,
): Promise<ToolPlan | null> {
  const target = await resolveClient(clientId);
  let known = true;
  try {
    await executor.request(ProbePathDocument, { clientId: target.id, path }, request);
  } catch (error) {
    if (!(error instanceof ToolError)) throw error;
    if (error.code === ErrorCode.notFound || REFUSED_ALIKE.has(error.code)) return null;
    known = error.code === ErrorCode.agentError;
  }
  return {
    summary: `replace ${JSON.stringify(path)} on "${target.name}" ${known ? '(something is there now)' : '(whether something is there could not be checked)'} with ${what}.`,
    targets: [{ client_id: target.name }],
  };
}

/** What a file write's confirmation token is bound to: its arguments, on the client's id. */
export async function boundToClient<Args extends { client_id?: string | undefined }>(
  args: Args,
  { resolveClient }: ToolContext,
): Promise<Args & { client_id: string }> {
  return { ...args, client_id: (await resolveClient(args.client_id)).id };
}
