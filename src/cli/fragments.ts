// The client fields the CLI shows and prints with --json: one fragment, so every command's
// JSON has the same client shape (documented in docs/cli.md); the settings configure and
// describe print; a command's result.

import { graphql } from '../generated/gql.js';

export const CliClientFields = graphql(`
  fragment CliClientFields on Client {
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
export const CliClientSettings = graphql(`
  fragment CliClientSettings on Client {
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

export const CliCommandResultFields = graphql(`
  fragment CliCommandResultFields on CommandResult {
    returncode
    stdout
    stderr
    durationMs
    timedOut
    truncated
  }
`);

/** A failure reported as data, with the next steps its message names (for failureText). */
export const CliOperationError = graphql(`
  fragment CliOperationError on OperationError {
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

void CliOperationError;
void CliClientFields;
void CliClientSettings;
void CliCommandResultFields;
