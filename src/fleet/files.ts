// File operations on a client: read, write, list. Policy is the gate's (the client resolved
// and guarded, the path checked against allowedPaths, a rate-limit permit taken, the roots sent
// along for the agent to enforce again with symlinks resolved); this module adds the encodings
// and the audit trail: one `file_accessed` event per operation; writeFile takes an idempotency
// key (a retry with it gets the first outcome).

import { createHash } from 'node:crypto';
import { named, nextStep, Operation } from '../errors.js';
import { quote } from '../lib/quote.js';
import { MAX_FILE_BYTES, type FileEntry, type RpcMethods } from '../protocol/rpc.js';
import type { Caller } from './caller.js';
import { FleetEventType } from './event-types.js';
import type { Gate } from './gate.js';
import type { Idempotency } from './idempotency.js';
import { FILE_TIMEOUT_MS, MAX_LIST_ENTRIES } from './limits.js';
import { bad, validateMode, validateRemotePath } from './validation.js';

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

export interface ReadFileInput {
  path: string;
  encoding?: FileEncoding | null | undefined;
}

export interface WriteFileInput {
  path: string;
  content: string;
  encoding?: FileEncoding | null | undefined;
  createParents?: boolean | null | undefined;
  mode?: number | null | undefined;
  /** A retry with the same key (and arguments) gets the first outcome instead of writing. */
  idempotencyKey?: string | null | undefined;
}

export interface ListFilesInput {
  path: string;
  limit?: number | null | undefined;
}

const accessed = (data: Record<string, unknown>) => ({ type: FleetEventType.fileAccessed, data });

function decode(content: string, encoding: FileEncoding): Buffer {
  if (encoding === 'text') return Buffer.from(content, 'utf8');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(content) || content.length % 4 !== 0)
    throw bad('content is not valid base64 (standard alphabet, padded).');
  return Buffer.from(content, 'base64');
}

/** The file methods, each on one path: what they answer says where that path resolved to. */
type FileMethod = 'read_file' | 'write_file' | 'list_files';

export function createFiles(gate: Gate, idempotency: Idempotency) {
  /**
   * Calls `method` on `params.path` through the gate (the path checked against allowedPaths)
   * and records a `file_accessed` event with the resolved path and what `facts` tells of it.
   */
  function fileCall<M extends FileMethod>(
    ref: string,
    caller: Caller,
    method: M,
    params: RpcMethods[M]['params'],
    facts: (result: RpcMethods[M]['result']) => Record<string, unknown>,
  ) {
    return gate.call(ref, caller, {
      method,
      params,
      timeoutMs: FILE_TIMEOUT_MS,
      paths: [{ path: params.path, what: 'path' }],
      record: (_client, result) =>
        accessed({
          operation: method,
          path: params.path,
          resolved_path: result.path,
          ...facts(result),
        }),
    });
  }

  async function writeNow(
    ref: string,
    input: WriteFileInput,
    bytes: Buffer,
    caller: Caller,
  ): Promise<{ path: string; size: number }> {
    const { result } = await fileCall(
      ref,
      caller,
      'write_file',
      {
        path: input.path,
        contentBase64: bytes.toString('base64'),
        createParents: input.createParents ?? false,
        mode: input.mode ?? undefined,
      },
      (written) => ({ size: written.size }),
    );
    return result;
  }

  return {
    /** A whole file (up to 10 MiB), as UTF-8 text or base64. MCP: read_file. */
    async read(ref: string, input: ReadFileInput, caller: Caller): Promise<FileContent> {
      validateRemotePath(input.path);
      const encoding = input.encoding ?? 'text';
      const { client, result } = await fileCall(
        ref,
        caller,
        'read_file',
        { path: input.path },
        (read) => ({ size: Buffer.byteLength(read.contentBase64, 'base64') }),
      );
      const bytes = Buffer.from(result.contentBase64, 'base64');
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
    async write(
      ref: string,
      input: WriteFileInput,
      caller: Caller,
    ): Promise<{ path: string; size: number }> {
      validateRemotePath(input.path);
      const bytes = decode(input.content, input.encoding ?? 'text');
      if (bytes.length > MAX_FILE_BYTES)
        throw bad(
          `content is ${bytes.length} bytes, over the write_file limit of ${MAX_FILE_BYTES}; use ${named(nextStep(Operation.uploadFile))} for large files.`,
          undefined,
          [nextStep(Operation.uploadFile)],
        );
      validateMode(input.mode);
      return idempotency.once({
        key: input.idempotencyKey,
        operation: 'writeFile',
        args: {
          clientId: ref,
          path: input.path,
          // The bytes, not their spelling: TEXT and BASE64 of the same content are one request.
          sha256: createHash('sha256').update(bytes).digest('hex'),
          createParents: input.createParents ?? false,
          mode: input.mode,
        },
        caller,
        run: (writer) => writeNow(ref, input, bytes, writer),
      });
    },

    /** One directory level, sorted by name. MCP: list_files. */
    async list(ref: string, input: ListFilesInput, caller: Caller): Promise<FileListing> {
      validateRemotePath(input.path);
      if (
        input.limit != null &&
        (!Number.isInteger(input.limit) || input.limit < 1 || input.limit > MAX_LIST_ENTRIES)
      )
        throw bad(`limit must be from 1 to ${MAX_LIST_ENTRIES} (got ${input.limit}).`);
      const { result } = await fileCall(
        ref,
        caller,
        'list_files',
        { path: input.path, limit: input.limit ?? undefined },
        (listed) => ({ size: listed.entries.length, truncated: listed.truncated }),
      );
      return result;
    },
  };
}
