// Reads on one server see what another wrote (several servers on one database, issue 14): before
// a query or mutation runs, this server hears and applies every change committed before it
// (`fleet.caughtUp`, one notification's round trip on PostgreSQL; nothing on SQLite). A
// subscription follows the trail itself (fleet/cluster/event-relay.ts).

import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GraphQLContext } from './context.js';

export const caughtUpPlugin: Plugin<GraphQLContext> = {
  async onExecute({ args }) {
    const operation = getOperationAST(args.document, args.operationName);
    if (operation?.operation === 'subscription') return;
    await (args.contextValue as GraphQLContext).fleet.caughtUp();
  },
};
