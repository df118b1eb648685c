// list_files: one directory level of a client. GraphQL: listFiles.

import { z } from 'zod';
import { DEFAULT_LIST_ENTRIES, MAX_LIST_ENTRIES } from '../../fleet/limits.js';
import { graphql } from '../../generated/gql.js';
import { optionalClientRef } from '../client-fields.js';
import { defineTool, requestOnClient, toolHints } from '../tool.js';
import { remotePathInput } from './file-fields.js';

const ListFilesDocument = graphql(`
  query McpListFiles($clientId: ID!, $path: String!, $limit: Int) {
    listFiles(clientId: $clientId, path: $path, limit: $limit) {
      ...FileListingFields
    }
  }
`);

export const listFiles = defineTool({
  name: 'list_files',
  title: 'List a directory on a client',
  description: `Lists one level of a directory on a client, sorted by name: each entry's name, type (file, directory, symlink — reported, never followed — or other), size in bytes, mode (permission bits) and mtime. path: absolute, inside the client's allowed_paths when they are set (outside them: PATH_DENIED naming the allowed paths). limit: at most this many entries (default ${DEFAULT_LIST_ENTRIES}, up to ${MAX_LIST_ENTRIES}); truncated: true when there are more. Names are the client's data, returned fenced and cleaned of control characters. client_id: optional; default the session's selected client. Recorded as a file_accessed event.`,
  input: {
    client_id: optionalClientRef,
    path: remotePathInput('The directory to list.'),
    limit: z
      .number()
      .int()
      .min(1)
      .max(MAX_LIST_ENTRIES)
      .default(DEFAULT_LIST_ENTRIES)
      .describe(
        `At most this many entries (1 to ${MAX_LIST_ENTRIES}, default ${DEFAULT_LIST_ENTRIES}).`,
      ),
  },
  output: {
    client_id: z.string(),
    path: z.string(),
    entries: z.array(
      z.object({
        name: z.string(),
        type: z.enum(['file', 'directory', 'symlink', 'other']),
        size: z.number(),
        mode: z.number(),
        mtime: z.string(),
      }),
    ),
    returned: z.number(),
    truncated: z.boolean(),
  },
  annotations: toolHints.readsClient,
  async run(args, ctx) {
    const {
      target,
      answer: { listFiles: l },
    } = await requestOnClient(ctx, args.client_id, ListFilesDocument, {
      path: args.path,
      limit: args.limit,
    });
    const entries = l.entries.map((e) => ({
      name: e.name,
      type: e.type.toLowerCase() as 'file' | 'directory' | 'symlink' | 'other',
      size: e.size,
      mode: e.mode,
      mtime: e.mtime,
    }));
    const words = {
      directory: ['directory', 'directories'],
      file: ['file', 'files'],
      symlink: ['symlink', 'symlinks'],
      other: ['other', 'others'],
    } as const;
    const counts = (['directory', 'file', 'symlink', 'other'] as const)
      .map((t) => [t, entries.filter((e) => e.type === t).length] as const)
      .filter(([, n]) => n > 0)
      .map(([t, n]) => `${n} ${words[t][n === 1 ? 0 : 1]}`);
    return {
      note: target.note,
      text:
        entries.length === 0
          ? `${args.path} on "${target.name}" is empty.`
          : `${args.path} on "${target.name}": ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'} (${counts.join(', ')})${l.truncated ? `; more than limit ${args.limit} exist (truncated: true), raise limit to see them` : ''}.`,
      data: {
        client_id: target.name,
        path: l.path,
        entries,
        returned: entries.length,
        truncated: l.truncated,
      },
      blocks: [
        {
          label: 'directory entries: type, mode, size, mtime, name',
          body: entries
            .map(
              (e) =>
                `${e.type.padEnd(9)} ${e.mode.toString(8).padStart(4, '0')} ${String(e.size).padStart(12)} ${e.mtime} ${e.name}`,
            )
            .join('\n'),
        },
      ],
    };
  },
});
