// The shape of one entry of the error catalogue (./errors.ts): what a code means, its next step
// in each door's words, how each door shows it, and who emits it.

import type { Door } from './next-step.js';

/** Who emits a code, which decides which callers can meet it. */
export const ErrorOrigin = {
  /** The fleet or the server: every door (GraphQL, MCP over HTTP and stdio, the CLI). */
  server: 'server',
  /** GraphQL's own checks of a request, before anything runs. */
  graphql: 'graphql',
  /** The CLI or the stdio MCP bridge, about the server they talk to. */
  client: 'client',
} as const;
export type ErrorOriginName = (typeof ErrorOrigin)[keyof typeof ErrorOrigin];

export interface ErrorCodeEntry {
  /** What happened, in one sentence. */
  readonly meaning: string;
  /** What to do next, in each door's own names (operations, tools, commands). */
  readonly next: Readonly<Record<Door, string>>;
  /**
   * The HTTP status when the code is a plain HTTP refusal or a GraphQL request error (spec:
   * application/graphql-response+json). A field error inside a GraphQL response travels in that
   * response's 200. Null: never answered by the server.
   */
  readonly httpStatus: number | null;
  /** The CLI's exit status (`run` exits with the remote command's own status instead). */
  readonly exitStatus: number;
  readonly origin: ErrorOriginName;
  /** The same request may succeed later, unchanged. */
  readonly retryable: boolean;
  /** The message is the client's own words: the MCP door fences it as data, not instructions. */
  readonly clientWorded: boolean;
}
