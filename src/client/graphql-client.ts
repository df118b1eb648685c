// A small GraphQL client over HTTP (the CLI, the stdio MCP bridge, the tests and scripts): typed
// documents in, typed data out; GraphQL errors become GraphQLRequestError with their
// `extensions.code` as the server sent it.
// It speaks node:http rather than fetch: fetch (undici) gives up on a response whose headers
// take more than 300 s, and `runCommand` answers only when the command ends (up to 24 h).

import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { isErrorCode, localise, readSteps, type Door, type ErrorCodeName } from '../errors.js';
import { graphqlEndpoint, type Connection } from './endpoint.js';

/** A code from the wire as one of the catalogue's, or undefined (a newer server's, or none). */
export function catalogueCode(code: string | undefined): ErrorCodeName | undefined {
  return code !== undefined && isErrorCode(code) ? code : undefined;
}

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

  /** The first error's `extensions.code`, as the server sent it (a catalogue code, or GraphQL's own). */
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }

  /** The same code when it is one of the catalogue's (src/errors.ts), else undefined. */
  get errorCode(): ErrorCodeName | undefined {
    return catalogueCode(this.code);
  }

  /**
   * The message with the next steps it names (`extensions.nextSteps`) in `door`'s words:
   * `etphonehome clients accept-key web-01` for the CLI, `accept_key` for MCP.
   */
  messageFor(door: Door): string {
    if (this.errors.length === 0) return this.message;
    return this.errors
      .map((e) => localise(e.message, readSteps(e.extensions?.['nextSteps']), door))
      .join('; ');
  }
}

export interface GraphQLClient {
  request<R, V>(
    document: TypedDocumentNode<R, V>,
    variables?: V,
    options?: { signal?: AbortSignal },
  ): Promise<R>;
}

interface HttpResponse {
  status: number;
  ok: boolean;
  headers: IncomingHttpHeaders;
  text: string;
}

/** One POST without a response deadline (the server bounds every operation itself). */
function post(
  endpoint: URL,
  headers: Record<string, string>,
  body: string,
  signal: AbortSignal | undefined,
): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const send = endpoint.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      endpoint,
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
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export function createGraphQLClient(options: Connection): GraphQLClient {
  const endpoint = graphqlEndpoint(options.url);
  return {
    async request(document, variables, requestOptions) {
      const response = await post(
        endpoint,
        {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          authorization: `Bearer ${options.apiKey}`,
        },
        JSON.stringify({ query: print(document), variables: variables ?? {} }),
        requestOptions?.signal,
      );
      const text = response.text;
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
