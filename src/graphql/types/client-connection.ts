// Clients a page at a time (the connection form, for large fleets): forward pagination in
// clientId order with opaque cursors, and the total that matches.

import type { ClientView } from '../../fleet/index.js';
import { AppError, ErrorCode } from '../../errors.js';
import { MAX_PAGE_SIZE } from '../../fleet/limits.js';
import { builder } from '../builder.js';
import { ClientFilterInput, ClientRef } from './client.js';

interface ClientsPage {
  clients: ClientView[];
  hasNextPage: boolean;
  totalCount: () => Promise<number>;
}

const CURSOR_PREFIX = 'client:';

function encodeCursor(clientId: string): string {
  return Buffer.from(CURSOR_PREFIX + clientId).toString('base64url');
}

function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (cursor.length > 400 || !decoded.startsWith(CURSOR_PREFIX) || decoded.includes('\0')) {
    throw new AppError(
      ErrorCode.badUserInput,
      `"after" is not a cursor from this API (got "${cursor.slice(0, 40)}"). Pass pageInfo.endCursor of the previous page.`,
    );
  }
  return decoded.slice(CURSOR_PREFIX.length);
}

const ClientEdgeRef = builder.objectRef<ClientView>('ClientEdge');
ClientEdgeRef.implement({
  description: 'One client in a page, with its cursor.',
  fields: (t) => ({
    cursor: t.string({
      description: 'Pass as `after` to continue after this client.',
      resolve: (client) => encodeCursor(client.clientId),
    }),
    node: t.field({ type: ClientRef, description: 'The client.', resolve: (client) => client }),
  }),
});

/** Where a page of any connection sits: shared by every connection of the API. */
export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export const PageInfoRef = builder.objectRef<PageInfo>('PageInfo');
PageInfoRef.implement({
  description: 'Where a page sits in the whole list.',
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage', { description: 'True when more items follow.' }),
    endCursor: t.exposeString('endCursor', {
      nullable: true,
      description: 'Cursor of the last item of this page; null for an empty page.',
    }),
  }),
});

const ClientsConnectionRef = builder.objectRef<ClientsPage>('ClientsConnection');
ClientsConnectionRef.implement({
  description: 'A page of clients.',
  fields: (t) => ({
    edges: t.field({
      type: [ClientEdgeRef],
      description: 'The clients of this page with their cursors.',
      resolve: (page) => page.clients,
    }),
    nodes: t.field({
      type: [ClientRef],
      description: 'The clients of this page.',
      resolve: (page) => page.clients,
    }),
    pageInfo: t.field({
      type: PageInfoRef,
      description: 'Whether more follow, and the cursor to continue from.',
      resolve: (page) => {
        const last = page.clients[page.clients.length - 1];
        return {
          hasNextPage: page.hasNextPage,
          endCursor: last ? encodeCursor(last.clientId) : null,
        };
      },
    }),
    totalCount: t.int({
      description: 'How many clients match the filter in all (one extra count query).',
      resolve: (page) => page.totalCount(),
    }),
  }),
});

builder.queryFields((t) => ({
  clientsConnection: t.field({
    type: ClientsConnectionRef,
    description:
      'Clients matching the filter a page at a time, ordered by clientId: pass pageInfo.endCursor as `after` for the next page.',
    args: {
      filter: t.arg({
        type: ClientFilterInput,
        required: false,
        description: 'Conditions that must all hold.',
      }),
      first: t.arg.int({
        required: false,
        // fleet/limits.ts has no default page size yet; when it gets one, it replaces this 50.
        defaultValue: 50,
        description: `Page size (0 to ${MAX_PAGE_SIZE}).`,
      }),
      after: t.arg.string({
        required: false,
        description: 'Start after this cursor (pageInfo.endCursor of the previous page).',
      }),
    },
    resolve: (_root, args, ctx) =>
      ctx.fleet.clients.page(
        args.filter ?? {},
        args.first ?? 50,
        args.after ? decodeCursor(args.after) : null,
      ),
  }),
}));
