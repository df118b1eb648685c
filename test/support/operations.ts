// The GraphQL operations the end-to-end tests use, typed by codegen (npm run codegen).

import { graphql } from '../../src/generated/gql.js';

export const ClientFieldsFragment = graphql(`
  fragment TestClientFields on Client {
    uuid
    clientId
    displayName
    purpose
    tags {
      name
    }
    capabilities
    online
    health
    keyMismatch
    publicKeyFingerprint
    trustedFingerprint
    previousFingerprint
    keyAcceptedAt
    keyAcceptedBy
    hostname
    platform
    arch
    agentVersion
    username
    enrolledVia
    firstSeen
    lastSeen
    connectionCount
    connectedAt
    allowedPaths
    webhookUrl
    rateLimitRpm
    rateLimitConcurrent
    rateLimitMode
  }
`);

export const ClientsDocument = graphql(`
  query TestClients($filter: ClientFilter) {
    clients(filter: $filter) {
      ...TestClientFields
    }
  }
`);

export const ClientDocument = graphql(`
  query TestClient($id: ID!) {
    client(id: $id) {
      ...TestClientFields
    }
  }
`);

export const RunCommandDocument = graphql(`
  mutation TestRunCommand(
    $clientId: ID!
    $cmd: String!
    $cwd: String
    $timeout: Int
    $env: [EnvironmentVariableInput!]
  ) {
    runCommand(clientId: $clientId, cmd: $cmd, cwd: $cwd, timeout: $timeout, env: $env) {
      stdout
      stderr
      returncode
      timedOut
      truncated
      durationMs
    }
  }
`);

export const AcceptKeyDocument = graphql(`
  mutation TestAcceptKey($id: ID!) {
    acceptKey(id: $id) {
      ...TestClientFields
    }
  }
`);

export const UpdateClientDocument = graphql(`
  mutation TestUpdateClient($id: ID!, $input: UpdateClientInput!) {
    updateClient(id: $id, input: $input) {
      ...TestClientFields
    }
  }
`);

export const EventsDocument = graphql(`
  query TestEvents($filter: EventFilter, $limit: Int, $before: ID) {
    events(filter: $filter, limit: $limit, before: $before) {
      id
      event
      timestamp
      data
      actor
      client {
        uuid
        clientId
      }
    }
  }
`);

export const ClientEventsSubscription = graphql(`
  subscription TestClientEvents($filter: EventFilter) {
    clientEvents(filter: $filter) {
      id
      event
      timestamp
      data
      client {
        uuid
        clientId
        online
        keyMismatch
      }
    }
  }
`);

export const CreateTokenDocument = graphql(`
  mutation TestCreateToken($input: CreateEnrollmentTokenInput) {
    createEnrollmentToken(input: $input) {
      token
      enrollmentToken {
        id
        prefix
        uses
        maxUses
        active
      }
    }
  }
`);

export const TokensDocument = graphql(`
  query TestTokens($includeInactive: Boolean) {
    enrollmentTokens(includeInactive: $includeInactive) {
      id
      prefix
      name
      uses
      maxUses
      active
      revokedAt
    }
  }
`);

export const RevokeTokenDocument = graphql(`
  mutation TestRevokeToken($id: ID!) {
    revokeEnrollmentToken(id: $id) {
      id
      active
      revokedAt
    }
  }
`);

export const ConfigureClientDocument = graphql(`
  mutation TestConfigureClient($id: ID!, $input: ConfigureClientInput!) {
    configureClient(id: $id, input: $input) {
      ...TestClientFields
    }
  }
`);
