// The fields of an API key every `keys` subcommand prints.

import { graphql } from '../../../generated/gql.js';

export const ApiKeyFields = graphql(`
  fragment ApiKeyFields on ApiKey {
    id
    name
    role
    scope {
      tags
      clientIds
    }
    trustedDocumentsOnly
    createdAt
    createdBy
    lastUsedAt
    expiresAt
    revokedAt
    revoked
  }
`);

/** A scope in one cell: "tags web,prod; 2 clients", or "fleet". */
export function scopeText(scope: { tags: string[]; clientIds?: string[] | null } | null): string {
  if (!scope) return 'fleet';
  const parts = [];
  if (scope.tags.length > 0) parts.push(`tags ${scope.tags.join(',')}`);
  if (scope.clientIds) parts.push(`${scope.clientIds.length} client(s)`);
  return parts.join('; ');
}
