// The enrollment token as every token subcommand prints it with --json.

import { graphql } from '../../../generated/gql.js';

export const TokenFields = graphql(`
  fragment TokenFields on EnrollmentToken {
    id
    prefix
    name
    displayName
    purpose
    tags
    maxUses
    uses
    expiresAt
    createdAt
    revokedAt
    active
  }
`);
void TokenFields;
