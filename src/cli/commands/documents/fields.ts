// The fields the `documents` commands show of a trusted document.

import { graphql } from '../../../generated/gql.js';

export const TrustedDocumentFields = graphql(`
  fragment CliTrustedDocumentFields on TrustedDocument {
    hash
    name
    document
    createdAt
    createdBy
  }
`);
