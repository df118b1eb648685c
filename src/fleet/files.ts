// File operations on a client: read, write, list. Policy is the fleet's (callAgent: the client
// is resolved and guarded, the path checked against allowedPaths, a rate-limit permit taken, the
// roots sent along for the agent to enforce again with symlinks resolved); this module adds the
// encodings and the audit trail: one `file_accessed` event per operation, and an
// `operation_refused` event when the agent itself refuses a path.

import { ErrorCode } from '../errors.js';
import { AgentCallError } from '../hub/errors.js';
import { isAbsoluteOnAnyPlatform } from '../lib/paths.js';
import { quote } from '../lib/quote.js';
import { MAX_FILE_BYTES, type FileEntry, type RpcMethods } from '../protocol/rpc.js';
import type { Client } from '../store/entities/index.js';
import type { Audit } from './audit.js';
import { FleetEventType } from './events.js';
import { FILE_TIMEOUT_MS, MAX_PATH_LENGTH } from './limits.js';
import type { Caller } from './fleet.js';
import { bad } from './validation.js';

export type FileEncoding = 'text' | 'base64';

export interface FileContent {
  path: string;
  content: string;
  encoding: FileEncoding;
  size: number;
  mtime: Date;
  mode: number;
}

export interface FileListing {
  path: string;
  entries: FileEntry[];
  truncated: boolean;
}

type CallAgent = <M extends keyof RpcMethods>(
  ref: string,
  method: M,
  params: RpcMethods[M]['params'],
  timeoutMs: number,
  caller: Caller,
  paths?: { path: string; what: string }[],
) => Promise<{ client: Client; result: RpcMethods[M]['result'] }>;

/** BAD_USER_INPUT unless `path` is an absolute path of sane length (NUL bytes never pass). */
export function validateRemotePath(path: string, what = 'path'): void {
  if (typeof path !== 'string' || path.length === 0) throw bad(`${what} must not be empty.`);
  if (path.length > MAX_PATH_LENGTH)
    throw bad(`${what} is ${path.length} characters long, over the limit of ${MAX_PATH_LENGTH}.`);
  if (path.includes('\0')) throw bad(`${what} contains a NUL byte.`);
  if (!isAbsoluteOnAnyPlatform(path))
    throw bad(
      `${what} ${quote(path)} is not absolute. Use a full path such as "/home/deploy/app.log".`,
    );
}

/** Records an agent's PATH_DENIED as a refused operation (the server's own are recorded too). */
export async function recordAgentRefusal(
  audit: Audit,
  client: Client,
  operation: string,
  error: unknown,
  caller: Caller,
): Promise<void> {
  if (!(error instanceof AgentCallError) || error.remoteCode !== 'PATH_DENIED') return;
  await audit.record(
    FleetEventType.operationRefused,
    client.uuid,
    {
      operation,
      code: ErrorCode.pathDenied,
      path: typeof error.remoteData?.['path'] === 'string' ? error.remoteData['path'] : null,
      refused_by: 'agent',
    },
    caller.actor,
  );
}

function decode(content: string, encoding: FileEncoding): Buffer {
  if (encoding === 'text') return Buffer.from(content, 'utf8');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(content) || content.length % 4 !== 0)
    throw bad('content is not valid base64 (standard alphabet, padded).');
  return Buffer.from(content, 'base64');
}

export function createFileOperations(deps: { audit: Audit; callAgent: CallAgent }) {
  const { audit, callAgent } = deps;

  return {
    /** A whole file (up to 10 MiB), as UTF-8 text or base64. MCP: read_file. */
    async readFile(
      ref: string,
      input: { path: string; encoding?: FileEncoding | null },
      caller: Caller,
    ): Promise<FileContent> {
      validateRemotePath(input.path);
      const encoding = input.encoding ?? 'text';
      const { client, result } = await callAgent(
        ref,
        'read_file',
        { path: input.path },
        FILE_TIMEOUT_MS,
        caller,
        [{ path: input.path, what: 'path' }],
      );
      const bytes = Buffer.from(result.contentBase64, 'base64');
      await audit.record(
        FleetEventType.fileAccessed,
        client.uuid,
        {
          operation: 'read_file',
          path: input.path,
          resolved_path: result.path,
          size: bytes.length,
        },
        caller.actor,
      );
      let content = result.contentBase64;
      if (encoding === 'text') {
        try {
          content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          throw bad(
            `${quote(input.path)} on "${client.clientId}" is not valid UTF-8 text; read it with encoding BASE64.`,
          );
        }
      }
      return {
        path: result.path,
        content,
        encoding,
        size: bytes.length,
        mtime: new Date(result.mtimeMs),
        mode: result.mode,
      };
    },

    /** Replaces (or creates) a file atomically. MCP: write_file. */
    async writeFile(
      ref: string,
      input: {
        path: string;
        content: string;
        encoding?: FileEncoding | null | undefined;
        createParents?: boolean | null | undefined;
        mode?: number | null | undefined;
      },
      caller: Caller,
    ): Promise<{ path: string; size: number }> {
      validateRemotePath(input.path);
      const bytes = decode(input.content, input.encoding ?? 'text');
      if (bytes.length > MAX_FILE_BYTES)
        throw bad(
          `content is ${bytes.length} bytes, over the write_file limit of ${MAX_FILE_BYTES}; use uploadFile (MCP: upload_file) for large files.`,
        );
      if (
        input.mode != null &&
        (!Number.isInteger(input.mode) || input.mode < 0 || input.mode > 0o7777)
      )
        throw bad(`mode must be permission bits from 0 to 4095 (0o7777); got ${input.mode}.`);
      const { client, result } = await callAgent(
        ref,
        'write_file',
        {
          path: input.path,
          contentBase64: bytes.toString('base64'),
          createParents: input.createParents ?? false,
          mode: input.mode ?? undefined,
        },
        FILE_TIMEOUT_MS,
        caller,
        [{ path: input.path, what: 'path' }],
      );
      await audit.record(
        FleetEventType.fileAccessed,
        client.uuid,
        {
          operation: 'write_file',
          path: input.path,
          resolved_path: result.path,
          size: result.size,
        },
        caller.actor,
      );
      return result;
    },

    /** One directory level, sorted by name. MCP: list_files. */
    async listFiles(
      ref: string,
      input: { path: string; limit?: number | null | undefined },
      caller: Caller,
    ): Promise<FileListing> {
      validateRemotePath(input.path);
      if (
        input.limit != null &&
        (!Number.isInteger(input.limit) || input.limit < 1 || input.limit > 100_000)
      )
        throw bad(`limit must be from 1 to 100000 (got ${input.limit}).`);
      const { client, result } = await callAgent(
        ref,
        'list_files',
        { path: input.path, limit: input.limit ?? undefined },
        FILE_TIMEOUT_MS,
        caller,
        [{ path: input.path, what: 'path' }],
      );
      await audit.record(
        FleetEventType.fileAccessed,
        client.uuid,
        {
          operation: 'list_files',
          path: input.path,
          resolved_path: result.path,
          size: result.entries.length,
          truncated: result.truncated,
        },
        caller.actor,
      );
      return result;
    },
  };
}
