// A small GraphQL client over HTTP for the CLI (and the tests): typed documents in, typed data
// out; GraphQL errors become GraphQLRequestError with their `extensions.code`.

import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

export interface GraphQLErrorItem {
  message: string;
  path?: readonly (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

export class GraphQLRequestError extends Error {
  readonly errors: GraphQLErrorItem[];
  readonly status: number;

  constructor(errors: GraphQLErrorItem[], status: number) {
    super(errors.map((e) => e.message).join('; ') || `HTTP ${status}`);
    this.name = 'GraphQLRequestError';
    this.errors = errors;
    this.status = status;
  }

  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

export interface GraphQLClient {
  request<R, V>(
    document: TypedDocumentNode<R, V>,
    variables?: V,
    options?: { signal?: AbortSignal },
  ): Promise<R>;
}

export function createGraphQLClient(options: { url: string; apiKey: string }): GraphQLClient {
  const endpoint = new URL('/graphql', options.url).toString();
  return {
    async request(document, variables, requestOptions) {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          authorization: `Bearer ${options.apiKey}`,
        },
        body: JSON.stringify({ query: print(document), variables: variables ?? {} }),
        ...(requestOptions?.signal ? { signal: requestOptions.signal } : {}),
      });
      const text = await response.text();
      let body: { data?: unknown; errors?: GraphQLErrorItem[] };
      try {
        body = JSON.parse(text) as typeof body;
      } catch {
        throw new GraphQLRequestError(
          [{ message: `HTTP ${response.status}: ${text.slice(0, 200)}` }],
          response.status,
        );
      }
      if (body.errors && body.errors.length > 0)
        throw new GraphQLRequestError(body.errors, response.status);
      if (!response.ok)
        throw new GraphQLRequestError([{ message: `HTTP ${response.status}` }], response.status);
      return body.data as never;
    },
  };
}
