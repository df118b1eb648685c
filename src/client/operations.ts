// Operations the CLI and the MCP tools send alike: one definition, so the two doors ask the server
// the same question the same way. Each door shows what it needs of the answer.

import { graphql } from '../generated/gql.js';

/** One client's rate-limit figures and limits (CLI clients stats, MCP get_rate_limit_stats). */
export const RateLimitStatsDocument = graphql(`
  query ClientRateLimitStats($id: ID!) {
    rateLimitStats(id: $id) {
      client {
        uuid
        clientId
        displayName
        online
      }
      ...RateLimitStatsFields
    }
  }
`);

/** Starts a bulk job at once; its results follow (CLI run --job, MCP run_bulk_command). */
export const StartBulkCommandDocument = graphql(`
  mutation StartBulkCommand(
    $filter: ClientFilter!
    $cmd: String!
    $cwd: String
    $env: [EnvironmentVariableInput!]
    $timeout: Int
    $parallelism: Int
    $idempotencyKey: String
  ) {
    startBulkCommand(
      filter: $filter
      cmd: $cmd
      cwd: $cwd
      env: $env
      timeout: $timeout
      parallelism: $parallelism
      idempotencyKey: $idempotencyKey
    ) {
      id
      total
    }
  }
`);
