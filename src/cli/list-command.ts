// The `run` of a list command that takes only the common flags (keys list, documents list,
// tunnels list): one request, and the list it answers printed as JSON or a table.

import { connect, type GraphQLClient } from '../client/index.js';
import { commonOptions, noPositionals, parse } from './args.js';
import type { Command } from './command.js';
import { printList, type ListTable } from './output.js';

/**
 * A list command's `run`: refuses arguments (saying `hint` instead), asks `fetch` for the items
 * and prints them with printList.
 */
export function listRun<Item>(
  command: string,
  hint: string,
  fetch: (gql: GraphQLClient) => Promise<readonly Item[]>,
  table: ListTable<Item>,
): Command['run'] {
  return async (argv, io) => {
    const { values, positionals } = parse(argv, commonOptions);
    noPositionals(command, positionals, hint);
    const gql = await connect(values, io.env);
    printList(io, values.json, await fetch(gql), table);
    return 0;
  };
}
