// Where a server's GraphQL API answers: POST /graphql over HTTP(S), and the same path over
// WebSocket (ws:// for http, wss:// for https) for graphql-ws subscriptions.

/** The connection a client needs: the server's base URL and its API key. */
export interface Connection {
  url: string;
  apiKey: string;
}

export function graphqlEndpoint(url: string): URL {
  return new URL('/graphql', url);
}

export function websocketEndpoint(url: string): URL {
  const endpoint = graphqlEndpoint(url);
  endpoint.protocol = endpoint.protocol === 'https:' ? 'wss:' : 'ws:';
  return endpoint;
}

/** What graphql-ws sends at connect: the key goes in connectionParams, never in the URL. */
export function connectionParams(connection: Connection): { authorization: string } {
  return { authorization: `Bearer ${connection.apiKey}` };
}
