// The selections the CLI and the MCP tools share, so both doors show the same thing the same way:
// the client fields the CLI shows and prints with --json (one shape for every command's JSON,
// documented in docs/cli.md) and the MCP tools' client summary is made from; the settings
// configure and describe print; a command's result; a failure with its next steps.

import { graphql } from '../generated/gql.js';

export const ClientFields = graphql(`
  fragment ClientFields on Client {
    uuid
    clientId
    displayName
    purpose
    tags {
      name
    }
    hostname
    platform
    arch
    online
    health
    healthReason
    keyMismatch
    decommissioned
    lastSeen
    capabilities
  }
`);

/** What clients configure sets, as configure --json and describe --json print it. */
export const ClientSettingsFields = graphql(`
  fragment ClientSettingsFields on Client {
    webhookUrl
    rateLimitRpm
    rateLimitConcurrent
    rateLimitMode
    cpuThreshold
    memoryThreshold
    diskThreshold
    resourceChecks
    forwardTargets
  }
`);

export const CommandResultFields = graphql(`
  fragment CommandResultFields on CommandResult {
    returncode
    stdout
    stderr
    durationMs
    timedOut
    truncated
  }
`);

/** A failure reported as data, with the next steps its message names (for failureText). */
export const OperationErrorFields = graphql(`
  fragment OperationErrorFields on OperationError {
    code
    message
    nextSteps {
      operation
      client {
        uuid
        clientId
      }
    }
  }
`);

/** A client's rate-limit figures and limits. */
export const RateLimitStatsFields = graphql(`
  fragment RateLimitStatsFields on RateLimitStats {
    requestsPerMinute
    currentConcurrent
    rpmLimit
    concurrentLimit
    rpmWarnings
    concurrentWarnings
    rpmRejections
    concurrentRejections
    mode
  }
`);

/** fleetHealth's counts, when it was collected and how long it took. */
export const FleetHealthCounts = graphql(`
  fragment FleetHealthCounts on FleetHealth {
    total
    online
    offline
    unhealthy
    keyMismatches
    recentlyOffline
    recentlyOfflineHours
    sampled
    failed
    collectedAt
    durationMs
  }
`);

/** One directory level of a client. */
export const FileListingFields = graphql(`
  fragment FileListingFields on FileListing {
    path
    truncated
    entries {
      name
      type
      size
      mode
      mtime
    }
  }
`);

/** A shell session: who opened it where, its terminal, and how it ended. */
export const SessionFields = graphql(`
  fragment SessionFields on Session {
    id
    clientUuid
    clientId
    principal
    apiKey
    origin
    command
    pty
    cols
    rows
    open
    startedAt
    endedAt
    exitStatus
    exitSignal
    closeReason
    bytesIn
    bytesOut
  }
`);

/** One client's figures in fleetHealth: its resources, those over threshold, how old they are. */
export const ResourceSampleFields = graphql(`
  fragment ResourceSampleFields on ResourceSample {
    client {
      uuid
      clientId
      displayName
      online
    }
    cpuPercent
    memoryPercent
    diskPercent
    load1
    sampleAgeSeconds
    over {
      resource
      percent
      threshold
    }
    error {
      ...OperationErrorFields
    }
  }
`);

/** A page of clients with what it takes to fetch the next one. */
export const ClientPageFields = graphql(`
  fragment ClientPageFields on ClientsConnection {
    totalCount
    nodes {
      ...ClientFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
`);

void OperationErrorFields;
void ResourceSampleFields;
void ClientPageFields;
void RateLimitStatsFields;
void FleetHealthCounts;
void FileListingFields;
void SessionFields;
void ClientFields;
void ClientSettingsFields;
void CommandResultFields;
