// A small GraphQL client over HTTP for the CLI (and the tests): typed documents in, typed data
// out; GraphQL errors become GraphQLRequestError with their `extensions.code`.

import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

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
    options?: {
      signal?: AbortSignal;
      /**
       * For operations that run as long as they need (transfers): fetch gives up waiting for
       * response headers after 300 s, which would cancel the operation on the server.
       */
      unbounded?: boolean;
    },
  ): Promise<R>;
}

/** POSTs with node:http(s), which waits for the response as long as it takes. */
function postUnbounded(
  endpoint: string,
  headers: Record<string, string>,
  body: string,
  signal: AbortSignal | undefined,
): Promise<{ status: number; ok: boolean; text: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(endpoint);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        ...(signal ? { signal } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          resolve({
            status,
            ok: status >= 200 && status < 300,
            text: Buffer.concat(chunks).toString('utf8'),
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export function createGraphQLClient(options: { url: string; apiKey: string }): GraphQLClient {
  const endpoint = new URL('/graphql', options.url).toString();
  return {
    async request(document, variables, requestOptions) {
      const headers = {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        authorization: `Bearer ${options.apiKey}`,
      };
      const payload = JSON.stringify({ query: print(document), variables: variables ?? {} });
      let response: { status: number; ok: boolean };
      let text: string;
      if (requestOptions?.unbounded) {
        const answer = await postUnbounded(endpoint, headers, payload, requestOptions.signal);
        response = answer;
        text = answer.text;
      } else {
        const answer = await fetch(endpoint, {
          method: 'POST',
          headers,
          body: payload,
          ...(requestOptions?.signal ? { signal: requestOptions.signal } : {}),
        });
        response = answer;
        text = await answer.text();
      }
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
