// Files on a client: read, write and list, within the client's allowed paths.

import type { FileEntry } from '../../protocol/rpc.js';
import type { FileContent, FileListing } from '../../fleet/index.js';
import { MAX_FILE_BYTES, MAX_LIST_ENTRIES } from '../../fleet/limits.js';
import { builder } from '../builder.js';
import { isoTimeField } from '../iso-time-fields.js';
import { idempotencyKeyDescription } from './idempotency-key.js';
import { clientRefDescription } from './client.js';

const maxFile = `${MAX_FILE_BYTES / (1024 * 1024)} MiB`;

export const FileEncodingEnum = builder.enumType('FileEncoding', {
  description: 'How file content travels in the API.',
  values: {
    TEXT: { value: 'text', description: 'UTF-8 text (reading a file that is not UTF-8 fails).' },
    BASE64: { value: 'base64', description: 'Base64 of the raw bytes: safe for any content.' },
  } as const,
});

export const FileTypeEnum = builder.enumType('FileType', {
  description: 'What a directory entry is (symbolic links are reported, never followed).',
  values: {
    FILE: { value: 'file', description: 'A regular file.' },
    DIRECTORY: { value: 'directory', description: 'A directory.' },
    SYMLINK: { value: 'symlink', description: 'A symbolic link.' },
    OTHER: { value: 'other', description: 'A device, socket or FIFO.' },
  } as const,
});

const FileContentRef = builder.objectRef<FileContent>('FileContent');
FileContentRef.implement({
  description: `A whole file read from a client (up to ${maxFile}; larger files: downloadFile).`,
  fields: (t) => ({
    path: t.exposeString('path', { description: 'The real path read (symlinks resolved).' }),
    content: t.exposeString('content', { description: 'The content, in `encoding`.' }),
    encoding: t.field({
      type: FileEncodingEnum,
      description: 'The encoding of `content`.',
      resolve: (f) => f.encoding,
    }),
    size: t.exposeFloat('size', { description: 'Size in bytes.' }),
    mtime: isoTimeField(t, 'Last modification time (ISO 8601).', (f) => f.mtime),
    mode: t.exposeInt('mode', { description: 'Permission bits (e.g. 420 = 0o644).' }),
  }),
});

const WrittenFileRef = builder.objectRef<{ path: string; size: number }>('WrittenFile');
WrittenFileRef.implement({
  description: 'A file written on a client.',
  fields: (t) => ({
    path: t.exposeString('path', { description: 'The real path written (symlinks resolved).' }),
    size: t.exposeFloat('size', { description: 'Bytes written.' }),
  }),
});

const FileEntryRef = builder.objectRef<FileEntry>('FileEntry');
FileEntryRef.implement({
  description: 'One entry of a directory listing.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The entry name (no directory part).' }),
    type: t.field({ type: FileTypeEnum, description: 'What it is.', resolve: (e) => e.type }),
    size: t.exposeFloat('size', { description: 'Size in bytes (of the link itself for links).' }),
    mtime: isoTimeField(t, 'Last modification time (ISO 8601).', (e) => new Date(e.mtimeMs)),
    mode: t.exposeInt('mode', { description: 'Permission bits.' }),
  }),
});

const FileListingRef = builder.objectRef<FileListing>('FileListing');
FileListingRef.implement({
  description: 'One directory level of a client, sorted by name.',
  fields: (t) => ({
    path: t.exposeString('path', { description: 'The real path listed (symlinks resolved).' }),
    entries: t.field({
      type: [FileEntryRef],
      description: 'The entries, sorted by name (code-unit order).',
      resolve: (l) => l.entries,
    }),
    truncated: t.exposeBoolean('truncated', {
      description: 'True when the directory has more entries than `limit`.',
    }),
  }),
});

builder.queryFields((t) => ({
  readFile: t.field({
    type: FileContentRef,
    description: `Reads a whole file (up to ${maxFile}) from a client. The path must lie inside the client’s allowedPaths and its owner’s ceiling, symlinks resolved. Recorded as a file_accessed event. MCP: read_file.`,
    args: {
      clientId: t.arg.id({
        required: true,
        description: clientRefDescription,
      }),
      path: t.arg.string({ required: true, description: 'Absolute path of the file.' }),
      encoding: t.arg({
        type: FileEncodingEnum,
        required: false,
        defaultValue: 'text',
        description: 'TEXT (UTF-8, the default) or BASE64 (any bytes).',
      }),
    },
    resolve: (_root, args, ctx) =>
      ctx.fleet.files.read(
        String(args.clientId),
        { path: args.path, encoding: args.encoding ?? 'text' },
        ctx.caller,
      ),
  }),
  listFiles: t.field({
    type: FileListingRef,
    description:
      'Lists one directory level of a client, inside its allowedPaths. Recorded as a file_accessed event. MCP: list_files.',
    args: {
      clientId: t.arg.id({
        required: true,
        description: clientRefDescription,
      }),
      path: t.arg.string({ required: true, description: 'Absolute path of the directory.' }),
      limit: t.arg.int({
        required: false,
        description: `At most this many entries (1 to ${MAX_LIST_ENTRIES}; default 10000).`,
      }),
    },
    resolve: (_root, args, ctx) =>
      ctx.fleet.files.list(
        String(args.clientId),
        { path: args.path, limit: args.limit },
        ctx.caller,
      ),
  }),
}));

builder.mutationFields((t) => ({
  writeFile: t.field({
    type: WrittenFileRef,
    description: `Writes a whole file (up to ${maxFile}) on a client, atomically (a temp file renamed into place); an existing file keeps its mode. Inside the client’s allowedPaths. Recorded as a file_accessed event. MCP: write_file.`,
    args: {
      clientId: t.arg.id({
        required: true,
        description: clientRefDescription,
      }),
      path: t.arg.string({ required: true, description: 'Absolute path of the file.' }),
      content: t.arg.string({ required: true, description: 'The new content, in `encoding`.' }),
      encoding: t.arg({
        type: FileEncodingEnum,
        required: false,
        defaultValue: 'text',
        description: 'TEXT (UTF-8, the default) or BASE64 (any bytes).',
      }),
      createParents: t.arg.boolean({
        required: false,
        defaultValue: false,
        description: 'Create missing parent directories (inside the allowed paths).',
      }),
      mode: t.arg.int({
        required: false,
        description: 'Permission bits for a new file (default 0o644, minus the agent’s umask).',
      }),
      idempotencyKey: t.arg.string({ required: false, description: idempotencyKeyDescription }),
    },
    resolve: (_root, args, ctx) =>
      ctx.fleet.files.write(
        String(args.clientId),
        {
          path: args.path,
          content: args.content,
          encoding: args.encoding ?? 'text',
          createParents: args.createParents,
          mode: args.mode,
          idempotencyKey: args.idempotencyKey,
        },
        ctx.caller,
      ),
  }),
}));
