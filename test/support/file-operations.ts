// GraphQL documents of the file operations and transfers, shared by the e2e tests.

import { graphql } from '../../src/generated/gql.js';

export const ReadFileDocument = graphql(`
  query TestReadFile($clientId: ID!, $path: String!, $encoding: FileEncoding) {
    readFile(clientId: $clientId, path: $path, encoding: $encoding) {
      path
      content
      encoding
      size
      mtime
      mode
    }
  }
`);

export const WriteFileDocument = graphql(`
  mutation TestWriteFile(
    $clientId: ID!
    $path: String!
    $content: String!
    $encoding: FileEncoding
    $createParents: Boolean
  ) {
    writeFile(
      clientId: $clientId
      path: $path
      content: $content
      encoding: $encoding
      createParents: $createParents
    ) {
      path
      size
    }
  }
`);

export const ListFilesDocument = graphql(`
  query TestListFiles($clientId: ID!, $path: String!) {
    listFiles(clientId: $clientId, path: $path) {
      path
      truncated
      entries {
        name
        type
        size
      }
    }
  }
`);

export const TransferFieldsFragment = graphql(`
  fragment TransferFields on Transfer {
    transferId
    clientId
    direction
    remotePath
    localPath
    state
    bytesDone
    totalBytes
    resumedFrom
    rateBytesPerSecond
    etaSeconds
    sha256
    error {
      code
      message
    }
  }
`);

export const UploadFileDocument = graphql(`
  mutation TestUploadFile(
    $clientId: ID!
    $localPath: String!
    $remotePath: String!
    $transferId: ID
    $createParents: Boolean
  ) {
    uploadFile(
      clientId: $clientId
      localPath: $localPath
      remotePath: $remotePath
      transferId: $transferId
      createParents: $createParents
    ) {
      ...TransferFields
    }
  }
`);

export const DownloadFileDocument = graphql(`
  mutation TestDownloadFile(
    $clientId: ID!
    $remotePath: String!
    $localPath: String!
    $transferId: ID
  ) {
    downloadFile(
      clientId: $clientId
      remotePath: $remotePath
      localPath: $localPath
      transferId: $transferId
    ) {
      ...TransferFields
    }
  }
`);

export const TransferProgressSubscription = graphql(`
  subscription TestTransferProgress($transferId: ID!) {
    transferProgress(transferId: $transferId) {
      ...TransferFields
    }
  }
`);

export const FileEventsDocument = graphql(`
  query TestFileEvents($clientId: ID) {
    events(
      filter: { clientId: $clientId, events: ["file_accessed", "operation_refused"] }
      limit: 1000
    ) {
      id
      event
      data
    }
  }
`);
