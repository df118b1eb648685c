// The typed client of an ET Phone Home server: what the CLI, the stdio MCP bridge, the tests and
// users' scripts use to reach a running server. It talks GraphQL over the network only (POST
// /graphql; graphql-ws on the same path for subscriptions) and imports nothing of the server.
// Named exports: this file is the whole public surface.

export { connectionParams, graphqlEndpoint, websocketEndpoint } from './endpoint.js';
export type { Connection } from './endpoint.js';
export {
  connect,
  ConnectionError,
  DEFAULT_SERVER_URL,
  HTTP_URL_FILE,
  localHttpUrl,
  resolveConnection,
  type ConnectionFlags,
} from './connection.js';
export {
  catalogueCode,
  createGraphQLClient,
  GraphQLRequestError,
  type GraphQLClient,
  type GraphQLErrorItem,
} from './graphql-client.js';
export { subscribeOnce, type SubscriptionHandle } from './subscription.js';
export { followSubscription, type LiveSubscriptionOptions } from './live-subscription.js';
