/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment CliTransferFields on Transfer {\n    transferId\n    clientId\n    direction\n    remotePath\n    localPath\n    state\n    bytesDone\n    totalBytes\n    resumedFrom\n    rateBytesPerSecond\n    etaSeconds\n    sha256\n    startedAt\n    finishedAt\n  }\n": typeof types.CliTransferFieldsFragmentDoc,
    "\n  query CliListFiles($clientId: ID!, $path: String!) {\n    listFiles(clientId: $clientId, path: $path) {\n      path\n      truncated\n      entries {\n        name\n        type\n        size\n        mtime\n        mode\n      }\n    }\n  }\n": typeof types.CliListFilesDocument,
    "\n  mutation CliDownloadFile(\n    $clientId: ID!\n    $remotePath: String!\n    $localPath: String!\n    $transferId: ID\n  ) {\n    downloadFile(\n      clientId: $clientId\n      remotePath: $remotePath\n      localPath: $localPath\n      transferId: $transferId\n    ) {\n      ...CliTransferFields\n    }\n  }\n": typeof types.CliDownloadFileDocument,
    "\n  mutation CliUploadFile(\n    $clientId: ID!\n    $localPath: String!\n    $remotePath: String!\n    $transferId: ID\n    $createParents: Boolean\n  ) {\n    uploadFile(\n      clientId: $clientId\n      localPath: $localPath\n      remotePath: $remotePath\n      transferId: $transferId\n      createParents: $createParents\n    ) {\n      ...CliTransferFields\n    }\n  }\n": typeof types.CliUploadFileDocument,
    "\n  subscription CliTransferProgress($transferId: ID!) {\n    transferProgress(transferId: $transferId) {\n      bytesDone\n      totalBytes\n      rateBytesPerSecond\n      etaSeconds\n      state\n    }\n  }\n": typeof types.CliTransferProgressDocument,
    "\n  fragment TokenFields on EnrollmentToken {\n    id\n    prefix\n    name\n    displayName\n    purpose\n    tags\n    maxUses\n    uses\n    expiresAt\n    createdAt\n    revokedAt\n    active\n  }\n": typeof types.TokenFieldsFragmentDoc,
    "\n  mutation CliCreateEnrollmentToken($input: CreateEnrollmentTokenInput) {\n    createEnrollmentToken(input: $input) {\n      token\n      enrollmentToken {\n        ...TokenFields\n      }\n    }\n  }\n": typeof types.CliCreateEnrollmentTokenDocument,
    "\n  query CliEnrollmentTokens($includeInactive: Boolean) {\n    enrollmentTokens(includeInactive: $includeInactive) {\n      ...TokenFields\n    }\n  }\n": typeof types.CliEnrollmentTokensDocument,
    "\n  mutation CliRevokeEnrollmentToken($id: ID!) {\n    revokeEnrollmentToken(id: $id) {\n      ...TokenFields\n    }\n  }\n": typeof types.CliRevokeEnrollmentTokenDocument,
    "\n  query GuideDescribe($id: ID!) {\n    client(id: $id) {\n      uuid\n      clientId\n      displayName\n      purpose\n      tags {\n        name\n      }\n      capabilities\n      hostname\n      platform\n      online\n      webhookUrl\n      rateLimitRpm\n      rateLimitConcurrent\n      rateLimitMode\n      allowedPaths\n      decommissioned\n      decommissionedAt\n      recentEvents(limit: 5) {\n        event\n      }\n      recentCommands(limit: 5) {\n        data\n      }\n    }\n  }\n": typeof types.GuideDescribeDocument,
    "\n  mutation GuideConfigure($id: ID!, $input: ConfigureClientInput!) {\n    configureClient(id: $id, input: $input) {\n      webhookUrl\n      rateLimitRpm\n      rateLimitConcurrent\n      rateLimitMode\n    }\n  }\n": typeof types.GuideConfigureDocument,
    "\n  query GuideStats($id: ID!) {\n    rateLimitStats(id: $id) {\n      client {\n        uuid\n      }\n      requestsPerMinute\n      currentConcurrent\n      rpmLimit\n      concurrentLimit\n      rpmWarnings\n      concurrentWarnings\n      rpmRejections\n      concurrentRejections\n      mode\n    }\n  }\n": typeof types.GuideStatsDocument,
    "\n  query GuidePage($filter: ClientFilter, $first: Int, $after: String) {\n    clientsConnection(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          clientId\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.GuidePageDocument,
    "\n  query GuideTags {\n    tags {\n      name\n      clientCount\n      clients {\n        uuid\n      }\n    }\n  }\n": typeof types.GuideTagsDocument,
    "\n  query GuideTag($name: String!) {\n    tag(name: $name) {\n      name\n      clientCount\n    }\n  }\n": typeof types.GuideTagDocument,
    "\n  mutation GuideBulkUpdate($filter: ClientFilter!, $input: UpdateClientsInput!) {\n    updateClients(filter: $filter, input: $input) {\n      count\n      clients {\n        uuid\n        tags {\n          name\n        }\n      }\n    }\n  }\n": typeof types.GuideBulkUpdateDocument,
    "\n  mutation GuideBulkRun($filter: ClientFilter!, $cmd: String!, $parallelism: Int) {\n    runCommandOnClients(filter: $filter, cmd: $cmd, parallelism: $parallelism) {\n      total\n      succeeded\n      failed\n      results {\n        client {\n          uuid\n          online\n        }\n        result {\n          stdout\n          returncode\n        }\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n": typeof types.GuideBulkRunDocument,
    "\n  mutation GuideDecommission(\n    $id: ID!\n    $stopService: Boolean\n    $stopCommand: String\n    $reason: String\n  ) {\n    decommissionClient(\n      id: $id\n      stopService: $stopService\n      stopCommand: $stopCommand\n      reason: $reason\n    ) {\n      client {\n        uuid\n        online\n        decommissioned\n        webhookUrl\n      }\n      serviceStop {\n        result {\n          returncode\n        }\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n": typeof types.GuideDecommissionDocument,
    "\n  mutation GuideRestore($id: ID!) {\n    restoreClient(id: $id) {\n      decommissioned\n    }\n  }\n": typeof types.GuideRestoreDocument,
    "\n  subscription GuideStatus($id: ID!) {\n    clientStatus(id: $id) {\n      cause\n      timestamp\n      client {\n        uuid\n        online\n        health\n      }\n    }\n  }\n": typeof types.GuideStatusDocument,
    "\n  mutation GuideUpdate($id: ID!, $input: UpdateClientInput!) {\n    updateClient(id: $id, input: $input) {\n      uuid\n      displayName\n      purpose\n      tags {\n        name\n      }\n      allowedPaths\n    }\n  }\n": typeof types.GuideUpdateDocument,
    "\n  query GuideEventsOfClient($clientId: ID!) {\n    events(filter: { clientId: $clientId }, limit: 200) {\n      event\n    }\n  }\n": typeof types.GuideEventsOfClientDocument,
    "\n  query GuideFleetStatus {\n    clients {\n      uuid\n      online\n      keyMismatch\n      health\n      lastDisconnectedAt\n    }\n  }\n": typeof types.GuideFleetStatusDocument,
    "\n  query HealthOfClient($id: ID!) {\n    client(id: $id) {\n      online\n      health\n      healthReason\n      healthSince\n      lastHeartbeatAt\n      heartbeatFailures\n      resourceChecks\n      cpuThreshold\n      memoryThreshold\n      diskThreshold\n      lastResourceSample\n      recentEvents(limit: 20) {\n        event\n        data\n      }\n    }\n  }\n": typeof types.HealthOfClientDocument,
    "\n  subscription HealthEvents($filter: EventFilter) {\n    clientEvents(filter: $filter) {\n      event\n      timestamp\n      data\n      client {\n        uuid\n        online\n        health\n        healthReason\n      }\n    }\n  }\n": typeof types.HealthEventsDocument,
    "\n  query MetricsOfClient($id: ID!, $summary: Boolean) {\n    clientMetrics(id: $id, summary: $summary)\n  }\n": typeof types.MetricsOfClientDocument,
    "\n  subscription MetricsStream($id: ID!, $summary: Boolean, $intervalS: Int) {\n    clientMetrics(id: $id, summary: $summary, intervalS: $intervalS) {\n      timestamp\n      metrics\n      error {\n        code\n        message\n      }\n      client {\n        uuid\n        online\n      }\n    }\n  }\n": typeof types.MetricsStreamDocument,
    "\n  query FleetHealthOfTests($filter: ClientFilter, $timeoutS: Int) {\n    fleetHealth(filter: $filter, timeoutS: $timeoutS) {\n      total\n      online\n      offline\n      keyMismatches\n      unhealthy\n      recentlyOffline\n      recentlyOfflineHours\n      sampled\n      failed\n      durationMs\n      collectedAt\n      samples {\n        client {\n          uuid\n        }\n        cpuPercent\n        memoryPercent\n        diskPercent\n        load1\n        summary\n        over {\n          resource\n          percent\n          threshold\n        }\n        thresholds {\n          cpu\n          memory\n          disk\n        }\n        error {\n          code\n        }\n      }\n      overCpu {\n        client {\n          uuid\n        }\n      }\n      overMemory {\n        client {\n          uuid\n        }\n        memoryPercent\n      }\n      overDisk {\n        client {\n          uuid\n        }\n        diskPercent\n      }\n      keyMismatchClients {\n        uuid\n      }\n      recentlyOfflineClients {\n        uuid\n      }\n      unhealthyClients {\n        uuid\n      }\n    }\n  }\n": typeof types.FleetHealthOfTestsDocument,
    "\n  query RateLimitsStats($id: ID!) {\n    rateLimitStats(id: $id) {\n      requestsPerMinute\n      currentConcurrent\n      rpmLimit\n      concurrentLimit\n      rpmWarnings\n      concurrentWarnings\n      rpmRejections\n      concurrentRejections\n      mode\n    }\n  }\n": typeof types.RateLimitsStatsDocument,
    "\n  subscription RateLimitsWarnings($clientId: ID) {\n    rateLimitWarnings(clientId: $clientId) {\n      id\n      limit\n      enforced\n      mode\n      operation\n      requestsPerMinute\n      currentConcurrent\n      rpmLimit\n      concurrentLimit\n      client {\n        uuid\n      }\n    }\n  }\n": typeof types.RateLimitsWarningsDocument,
    "\n  query TestReadFile($clientId: ID!, $path: String!, $encoding: FileEncoding) {\n    readFile(clientId: $clientId, path: $path, encoding: $encoding) {\n      path\n      content\n      encoding\n      size\n      mtime\n      mode\n    }\n  }\n": typeof types.TestReadFileDocument,
    "\n  mutation TestWriteFile(\n    $clientId: ID!\n    $path: String!\n    $content: String!\n    $encoding: FileEncoding\n    $createParents: Boolean\n  ) {\n    writeFile(\n      clientId: $clientId\n      path: $path\n      content: $content\n      encoding: $encoding\n      createParents: $createParents\n    ) {\n      path\n      size\n    }\n  }\n": typeof types.TestWriteFileDocument,
    "\n  query TestListFiles($clientId: ID!, $path: String!) {\n    listFiles(clientId: $clientId, path: $path) {\n      path\n      truncated\n      entries {\n        name\n        type\n        size\n      }\n    }\n  }\n": typeof types.TestListFilesDocument,
    "\n  fragment TransferFields on Transfer {\n    transferId\n    clientId\n    direction\n    remotePath\n    localPath\n    state\n    bytesDone\n    totalBytes\n    resumedFrom\n    rateBytesPerSecond\n    etaSeconds\n    sha256\n    error {\n      code\n      message\n    }\n  }\n": typeof types.TransferFieldsFragmentDoc,
    "\n  mutation TestUploadFile(\n    $clientId: ID!\n    $localPath: String!\n    $remotePath: String!\n    $transferId: ID\n    $createParents: Boolean\n  ) {\n    uploadFile(\n      clientId: $clientId\n      localPath: $localPath\n      remotePath: $remotePath\n      transferId: $transferId\n      createParents: $createParents\n    ) {\n      ...TransferFields\n    }\n  }\n": typeof types.TestUploadFileDocument,
    "\n  mutation TestDownloadFile(\n    $clientId: ID!\n    $remotePath: String!\n    $localPath: String!\n    $transferId: ID\n  ) {\n    downloadFile(\n      clientId: $clientId\n      remotePath: $remotePath\n      localPath: $localPath\n      transferId: $transferId\n    ) {\n      ...TransferFields\n    }\n  }\n": typeof types.TestDownloadFileDocument,
    "\n  subscription TestTransferProgress($transferId: ID!) {\n    transferProgress(transferId: $transferId) {\n      ...TransferFields\n    }\n  }\n": typeof types.TestTransferProgressDocument,
    "\n  query TestFileEvents($clientId: ID) {\n    events(\n      filter: { clientId: $clientId, events: [\"file_accessed\", \"operation_refused\"] }\n      limit: 1000\n    ) {\n      id\n      event\n      data\n    }\n  }\n": typeof types.TestFileEventsDocument,
    "\n  fragment TestClientFields on Client {\n    uuid\n    clientId\n    displayName\n    purpose\n    tags {\n      name\n    }\n    capabilities\n    online\n    health\n    keyMismatch\n    publicKeyFingerprint\n    trustedFingerprint\n    previousFingerprint\n    keyAcceptedAt\n    keyAcceptedBy\n    hostname\n    platform\n    arch\n    agentVersion\n    username\n    enrolledVia\n    firstSeen\n    lastSeen\n    connectionCount\n    connectedAt\n    allowedPaths\n    webhookUrl\n    rateLimitRpm\n    rateLimitConcurrent\n    rateLimitMode\n  }\n": typeof types.TestClientFieldsFragmentDoc,
    "\n  query TestClients($filter: ClientFilter) {\n    clients(filter: $filter) {\n      ...TestClientFields\n    }\n  }\n": typeof types.TestClientsDocument,
    "\n  query TestClient($id: ID!) {\n    client(id: $id) {\n      ...TestClientFields\n    }\n  }\n": typeof types.TestClientDocument,
    "\n  mutation TestRunCommand(\n    $clientId: ID!\n    $cmd: String!\n    $cwd: String\n    $timeout: Int\n    $env: [EnvironmentVariableInput!]\n  ) {\n    runCommand(clientId: $clientId, cmd: $cmd, cwd: $cwd, timeout: $timeout, env: $env) {\n      stdout\n      stderr\n      returncode\n      timedOut\n      truncated\n      durationMs\n    }\n  }\n": typeof types.TestRunCommandDocument,
    "\n  mutation TestAcceptKey($id: ID!) {\n    acceptKey(id: $id) {\n      ...TestClientFields\n    }\n  }\n": typeof types.TestAcceptKeyDocument,
    "\n  mutation TestUpdateClient($id: ID!, $input: UpdateClientInput!) {\n    updateClient(id: $id, input: $input) {\n      ...TestClientFields\n    }\n  }\n": typeof types.TestUpdateClientDocument,
    "\n  query TestEvents($filter: EventFilter, $limit: Int, $before: ID) {\n    events(filter: $filter, limit: $limit, before: $before) {\n      id\n      event\n      timestamp\n      data\n      actor\n      client {\n        uuid\n        clientId\n      }\n    }\n  }\n": typeof types.TestEventsDocument,
    "\n  subscription TestClientEvents($filter: EventFilter) {\n    clientEvents(filter: $filter) {\n      id\n      event\n      timestamp\n      data\n      client {\n        uuid\n        clientId\n        online\n        keyMismatch\n      }\n    }\n  }\n": typeof types.TestClientEventsDocument,
    "\n  mutation TestCreateToken($input: CreateEnrollmentTokenInput) {\n    createEnrollmentToken(input: $input) {\n      token\n      enrollmentToken {\n        id\n        prefix\n        uses\n        maxUses\n        active\n      }\n    }\n  }\n": typeof types.TestCreateTokenDocument,
    "\n  query TestTokens($includeInactive: Boolean) {\n    enrollmentTokens(includeInactive: $includeInactive) {\n      id\n      prefix\n      name\n      uses\n      maxUses\n      active\n      revokedAt\n    }\n  }\n": typeof types.TestTokensDocument,
    "\n  mutation TestRevokeToken($id: ID!) {\n    revokeEnrollmentToken(id: $id) {\n      id\n      active\n      revokedAt\n    }\n  }\n": typeof types.TestRevokeTokenDocument,
    "\n  mutation TestConfigureClient($id: ID!, $input: ConfigureClientInput!) {\n    configureClient(id: $id, input: $input) {\n      ...TestClientFields\n    }\n  }\n": typeof types.TestConfigureClientDocument,
    "\n  fragment TestWebhookDeliveryFields on WebhookDelivery {\n    id\n    event\n    eventId\n    client {\n      uuid\n    }\n    url\n    status\n    attempts\n    lastError\n    lastStatusCode\n    lastAttemptAt\n    nextAttemptAt\n    createdAt\n    deliveredAt\n    replayedAt\n    payload\n  }\n": typeof types.TestWebhookDeliveryFieldsFragmentDoc,
    "\n  query TestWebhookDeliveries($filter: WebhookDeliveryFilter, $limit: Int) {\n    webhookDeliveries(filter: $filter, limit: $limit) {\n      ...TestWebhookDeliveryFields\n    }\n  }\n": typeof types.TestWebhookDeliveriesDocument,
    "\n  query TestWebhookDelivery($id: ID!) {\n    webhookDelivery(id: $id) {\n      ...TestWebhookDeliveryFields\n    }\n  }\n": typeof types.TestWebhookDeliveryDocument,
    "\n  mutation TestReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      ...TestWebhookDeliveryFields\n    }\n  }\n": typeof types.TestReplayWebhookDeliveryDocument,
    "\n  mutation TestReplayFailedWebhookDeliveries($filter: WebhookReplayFilter) {\n    replayFailedWebhookDeliveries(filter: $filter) {\n      count\n    }\n  }\n": typeof types.TestReplayFailedWebhookDeliveriesDocument,
    "\n  mutation TestSendTestWebhook($clientId: ID, $url: String) {\n    sendTestWebhook(clientId: $clientId, url: $url) {\n      ...TestWebhookDeliveryFields\n    }\n  }\n": typeof types.TestSendTestWebhookDocument,
    "\n  subscription TestWebhookDeliveryFailed($filter: WebhookFailureFilter) {\n    webhookDeliveryFailed(filter: $filter) {\n      deadLettered\n      delivery {\n        ...TestWebhookDeliveryFields\n      }\n    }\n  }\n": typeof types.TestWebhookDeliveryFailedDocument,
    "\n  mutation TestConfigureWebhook($id: ID!, $input: ConfigureClientInput!) {\n    configureClient(id: $id, input: $input) {\n      uuid\n      webhookUrl\n      hasWebhookSecret\n    }\n  }\n": typeof types.TestConfigureWebhookDocument,
};
const documents: Documents = {
    "\n  fragment CliTransferFields on Transfer {\n    transferId\n    clientId\n    direction\n    remotePath\n    localPath\n    state\n    bytesDone\n    totalBytes\n    resumedFrom\n    rateBytesPerSecond\n    etaSeconds\n    sha256\n    startedAt\n    finishedAt\n  }\n": types.CliTransferFieldsFragmentDoc,
    "\n  query CliListFiles($clientId: ID!, $path: String!) {\n    listFiles(clientId: $clientId, path: $path) {\n      path\n      truncated\n      entries {\n        name\n        type\n        size\n        mtime\n        mode\n      }\n    }\n  }\n": types.CliListFilesDocument,
    "\n  mutation CliDownloadFile(\n    $clientId: ID!\n    $remotePath: String!\n    $localPath: String!\n    $transferId: ID\n  ) {\n    downloadFile(\n      clientId: $clientId\n      remotePath: $remotePath\n      localPath: $localPath\n      transferId: $transferId\n    ) {\n      ...CliTransferFields\n    }\n  }\n": types.CliDownloadFileDocument,
    "\n  mutation CliUploadFile(\n    $clientId: ID!\n    $localPath: String!\n    $remotePath: String!\n    $transferId: ID\n    $createParents: Boolean\n  ) {\n    uploadFile(\n      clientId: $clientId\n      localPath: $localPath\n      remotePath: $remotePath\n      transferId: $transferId\n      createParents: $createParents\n    ) {\n      ...CliTransferFields\n    }\n  }\n": types.CliUploadFileDocument,
    "\n  subscription CliTransferProgress($transferId: ID!) {\n    transferProgress(transferId: $transferId) {\n      bytesDone\n      totalBytes\n      rateBytesPerSecond\n      etaSeconds\n      state\n    }\n  }\n": types.CliTransferProgressDocument,
    "\n  fragment TokenFields on EnrollmentToken {\n    id\n    prefix\n    name\n    displayName\n    purpose\n    tags\n    maxUses\n    uses\n    expiresAt\n    createdAt\n    revokedAt\n    active\n  }\n": types.TokenFieldsFragmentDoc,
    "\n  mutation CliCreateEnrollmentToken($input: CreateEnrollmentTokenInput) {\n    createEnrollmentToken(input: $input) {\n      token\n      enrollmentToken {\n        ...TokenFields\n      }\n    }\n  }\n": types.CliCreateEnrollmentTokenDocument,
    "\n  query CliEnrollmentTokens($includeInactive: Boolean) {\n    enrollmentTokens(includeInactive: $includeInactive) {\n      ...TokenFields\n    }\n  }\n": types.CliEnrollmentTokensDocument,
    "\n  mutation CliRevokeEnrollmentToken($id: ID!) {\n    revokeEnrollmentToken(id: $id) {\n      ...TokenFields\n    }\n  }\n": types.CliRevokeEnrollmentTokenDocument,
    "\n  query GuideDescribe($id: ID!) {\n    client(id: $id) {\n      uuid\n      clientId\n      displayName\n      purpose\n      tags {\n        name\n      }\n      capabilities\n      hostname\n      platform\n      online\n      webhookUrl\n      rateLimitRpm\n      rateLimitConcurrent\n      rateLimitMode\n      allowedPaths\n      decommissioned\n      decommissionedAt\n      recentEvents(limit: 5) {\n        event\n      }\n      recentCommands(limit: 5) {\n        data\n      }\n    }\n  }\n": types.GuideDescribeDocument,
    "\n  mutation GuideConfigure($id: ID!, $input: ConfigureClientInput!) {\n    configureClient(id: $id, input: $input) {\n      webhookUrl\n      rateLimitRpm\n      rateLimitConcurrent\n      rateLimitMode\n    }\n  }\n": types.GuideConfigureDocument,
    "\n  query GuideStats($id: ID!) {\n    rateLimitStats(id: $id) {\n      client {\n        uuid\n      }\n      requestsPerMinute\n      currentConcurrent\n      rpmLimit\n      concurrentLimit\n      rpmWarnings\n      concurrentWarnings\n      rpmRejections\n      concurrentRejections\n      mode\n    }\n  }\n": types.GuideStatsDocument,
    "\n  query GuidePage($filter: ClientFilter, $first: Int, $after: String) {\n    clientsConnection(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          clientId\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.GuidePageDocument,
    "\n  query GuideTags {\n    tags {\n      name\n      clientCount\n      clients {\n        uuid\n      }\n    }\n  }\n": types.GuideTagsDocument,
    "\n  query GuideTag($name: String!) {\n    tag(name: $name) {\n      name\n      clientCount\n    }\n  }\n": types.GuideTagDocument,
    "\n  mutation GuideBulkUpdate($filter: ClientFilter!, $input: UpdateClientsInput!) {\n    updateClients(filter: $filter, input: $input) {\n      count\n      clients {\n        uuid\n        tags {\n          name\n        }\n      }\n    }\n  }\n": types.GuideBulkUpdateDocument,
    "\n  mutation GuideBulkRun($filter: ClientFilter!, $cmd: String!, $parallelism: Int) {\n    runCommandOnClients(filter: $filter, cmd: $cmd, parallelism: $parallelism) {\n      total\n      succeeded\n      failed\n      results {\n        client {\n          uuid\n          online\n        }\n        result {\n          stdout\n          returncode\n        }\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n": types.GuideBulkRunDocument,
    "\n  mutation GuideDecommission(\n    $id: ID!\n    $stopService: Boolean\n    $stopCommand: String\n    $reason: String\n  ) {\n    decommissionClient(\n      id: $id\n      stopService: $stopService\n      stopCommand: $stopCommand\n      reason: $reason\n    ) {\n      client {\n        uuid\n        online\n        decommissioned\n        webhookUrl\n      }\n      serviceStop {\n        result {\n          returncode\n        }\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n": types.GuideDecommissionDocument,
    "\n  mutation GuideRestore($id: ID!) {\n    restoreClient(id: $id) {\n      decommissioned\n    }\n  }\n": types.GuideRestoreDocument,
    "\n  subscription GuideStatus($id: ID!) {\n    clientStatus(id: $id) {\n      cause\n      timestamp\n      client {\n        uuid\n        online\n        health\n      }\n    }\n  }\n": types.GuideStatusDocument,
    "\n  mutation GuideUpdate($id: ID!, $input: UpdateClientInput!) {\n    updateClient(id: $id, input: $input) {\n      uuid\n      displayName\n      purpose\n      tags {\n        name\n      }\n      allowedPaths\n    }\n  }\n": types.GuideUpdateDocument,
    "\n  query GuideEventsOfClient($clientId: ID!) {\n    events(filter: { clientId: $clientId }, limit: 200) {\n      event\n    }\n  }\n": types.GuideEventsOfClientDocument,
    "\n  query GuideFleetStatus {\n    clients {\n      uuid\n      online\n      keyMismatch\n      health\n      lastDisconnectedAt\n    }\n  }\n": types.GuideFleetStatusDocument,
    "\n  query HealthOfClient($id: ID!) {\n    client(id: $id) {\n      online\n      health\n      healthReason\n      healthSince\n      lastHeartbeatAt\n      heartbeatFailures\n      resourceChecks\n      cpuThreshold\n      memoryThreshold\n      diskThreshold\n      lastResourceSample\n      recentEvents(limit: 20) {\n        event\n        data\n      }\n    }\n  }\n": types.HealthOfClientDocument,
    "\n  subscription HealthEvents($filter: EventFilter) {\n    clientEvents(filter: $filter) {\n      event\n      timestamp\n      data\n      client {\n        uuid\n        online\n        health\n        healthReason\n      }\n    }\n  }\n": types.HealthEventsDocument,
    "\n  query MetricsOfClient($id: ID!, $summary: Boolean) {\n    clientMetrics(id: $id, summary: $summary)\n  }\n": types.MetricsOfClientDocument,
    "\n  subscription MetricsStream($id: ID!, $summary: Boolean, $intervalS: Int) {\n    clientMetrics(id: $id, summary: $summary, intervalS: $intervalS) {\n      timestamp\n      metrics\n      error {\n        code\n        message\n      }\n      client {\n        uuid\n        online\n      }\n    }\n  }\n": types.MetricsStreamDocument,
    "\n  query FleetHealthOfTests($filter: ClientFilter, $timeoutS: Int) {\n    fleetHealth(filter: $filter, timeoutS: $timeoutS) {\n      total\n      online\n      offline\n      keyMismatches\n      unhealthy\n      recentlyOffline\n      recentlyOfflineHours\n      sampled\n      failed\n      durationMs\n      collectedAt\n      samples {\n        client {\n          uuid\n        }\n        cpuPercent\n        memoryPercent\n        diskPercent\n        load1\n        summary\n        over {\n          resource\n          percent\n          threshold\n        }\n        thresholds {\n          cpu\n          memory\n          disk\n        }\n        error {\n          code\n        }\n      }\n      overCpu {\n        client {\n          uuid\n        }\n      }\n      overMemory {\n        client {\n          uuid\n        }\n        memoryPercent\n      }\n      overDisk {\n        client {\n          uuid\n        }\n        diskPercent\n      }\n      keyMismatchClients {\n        uuid\n      }\n      recentlyOfflineClients {\n        uuid\n      }\n      unhealthyClients {\n        uuid\n      }\n    }\n  }\n": types.FleetHealthOfTestsDocument,
    "\n  query RateLimitsStats($id: ID!) {\n    rateLimitStats(id: $id) {\n      requestsPerMinute\n      currentConcurrent\n      rpmLimit\n      concurrentLimit\n      rpmWarnings\n      concurrentWarnings\n      rpmRejections\n      concurrentRejections\n      mode\n    }\n  }\n": types.RateLimitsStatsDocument,
    "\n  subscription RateLimitsWarnings($clientId: ID) {\n    rateLimitWarnings(clientId: $clientId) {\n      id\n      limit\n      enforced\n      mode\n      operation\n      requestsPerMinute\n      currentConcurrent\n      rpmLimit\n      concurrentLimit\n      client {\n        uuid\n      }\n    }\n  }\n": types.RateLimitsWarningsDocument,
    "\n  query TestReadFile($clientId: ID!, $path: String!, $encoding: FileEncoding) {\n    readFile(clientId: $clientId, path: $path, encoding: $encoding) {\n      path\n      content\n      encoding\n      size\n      mtime\n      mode\n    }\n  }\n": types.TestReadFileDocument,
    "\n  mutation TestWriteFile(\n    $clientId: ID!\n    $path: String!\n    $content: String!\n    $encoding: FileEncoding\n    $createParents: Boolean\n  ) {\n    writeFile(\n      clientId: $clientId\n      path: $path\n      content: $content\n      encoding: $encoding\n      createParents: $createParents\n    ) {\n      path\n      size\n    }\n  }\n": types.TestWriteFileDocument,
    "\n  query TestListFiles($clientId: ID!, $path: String!) {\n    listFiles(clientId: $clientId, path: $path) {\n      path\n      truncated\n      entries {\n        name\n        type\n        size\n      }\n    }\n  }\n": types.TestListFilesDocument,
    "\n  fragment TransferFields on Transfer {\n    transferId\n    clientId\n    direction\n    remotePath\n    localPath\n    state\n    bytesDone\n    totalBytes\n    resumedFrom\n    rateBytesPerSecond\n    etaSeconds\n    sha256\n    error {\n      code\n      message\n    }\n  }\n": types.TransferFieldsFragmentDoc,
    "\n  mutation TestUploadFile(\n    $clientId: ID!\n    $localPath: String!\n    $remotePath: String!\n    $transferId: ID\n    $createParents: Boolean\n  ) {\n    uploadFile(\n      clientId: $clientId\n      localPath: $localPath\n      remotePath: $remotePath\n      transferId: $transferId\n      createParents: $createParents\n    ) {\n      ...TransferFields\n    }\n  }\n": types.TestUploadFileDocument,
    "\n  mutation TestDownloadFile(\n    $clientId: ID!\n    $remotePath: String!\n    $localPath: String!\n    $transferId: ID\n  ) {\n    downloadFile(\n      clientId: $clientId\n      remotePath: $remotePath\n      localPath: $localPath\n      transferId: $transferId\n    ) {\n      ...TransferFields\n    }\n  }\n": types.TestDownloadFileDocument,
    "\n  subscription TestTransferProgress($transferId: ID!) {\n    transferProgress(transferId: $transferId) {\n      ...TransferFields\n    }\n  }\n": types.TestTransferProgressDocument,
    "\n  query TestFileEvents($clientId: ID) {\n    events(\n      filter: { clientId: $clientId, events: [\"file_accessed\", \"operation_refused\"] }\n      limit: 1000\n    ) {\n      id\n      event\n      data\n    }\n  }\n": types.TestFileEventsDocument,
    "\n  fragment TestClientFields on Client {\n    uuid\n    clientId\n    displayName\n    purpose\n    tags {\n      name\n    }\n    capabilities\n    online\n    health\n    keyMismatch\n    publicKeyFingerprint\n    trustedFingerprint\n    previousFingerprint\n    keyAcceptedAt\n    keyAcceptedBy\n    hostname\n    platform\n    arch\n    agentVersion\n    username\n    enrolledVia\n    firstSeen\n    lastSeen\n    connectionCount\n    connectedAt\n    allowedPaths\n    webhookUrl\n    rateLimitRpm\n    rateLimitConcurrent\n    rateLimitMode\n  }\n": types.TestClientFieldsFragmentDoc,
    "\n  query TestClients($filter: ClientFilter) {\n    clients(filter: $filter) {\n      ...TestClientFields\n    }\n  }\n": types.TestClientsDocument,
    "\n  query TestClient($id: ID!) {\n    client(id: $id) {\n      ...TestClientFields\n    }\n  }\n": types.TestClientDocument,
    "\n  mutation TestRunCommand(\n    $clientId: ID!\n    $cmd: String!\n    $cwd: String\n    $timeout: Int\n    $env: [EnvironmentVariableInput!]\n  ) {\n    runCommand(clientId: $clientId, cmd: $cmd, cwd: $cwd, timeout: $timeout, env: $env) {\n      stdout\n      stderr\n      returncode\n      timedOut\n      truncated\n      durationMs\n    }\n  }\n": types.TestRunCommandDocument,
    "\n  mutation TestAcceptKey($id: ID!) {\n    acceptKey(id: $id) {\n      ...TestClientFields\n    }\n  }\n": types.TestAcceptKeyDocument,
    "\n  mutation TestUpdateClient($id: ID!, $input: UpdateClientInput!) {\n    updateClient(id: $id, input: $input) {\n      ...TestClientFields\n    }\n  }\n": types.TestUpdateClientDocument,
    "\n  query TestEvents($filter: EventFilter, $limit: Int, $before: ID) {\n    events(filter: $filter, limit: $limit, before: $before) {\n      id\n      event\n      timestamp\n      data\n      actor\n      client {\n        uuid\n        clientId\n      }\n    }\n  }\n": types.TestEventsDocument,
    "\n  subscription TestClientEvents($filter: EventFilter) {\n    clientEvents(filter: $filter) {\n      id\n      event\n      timestamp\n      data\n      client {\n        uuid\n        clientId\n        online\n        keyMismatch\n      }\n    }\n  }\n": types.TestClientEventsDocument,
    "\n  mutation TestCreateToken($input: CreateEnrollmentTokenInput) {\n    createEnrollmentToken(input: $input) {\n      token\n      enrollmentToken {\n        id\n        prefix\n        uses\n        maxUses\n        active\n      }\n    }\n  }\n": types.TestCreateTokenDocument,
    "\n  query TestTokens($includeInactive: Boolean) {\n    enrollmentTokens(includeInactive: $includeInactive) {\n      id\n      prefix\n      name\n      uses\n      maxUses\n      active\n      revokedAt\n    }\n  }\n": types.TestTokensDocument,
    "\n  mutation TestRevokeToken($id: ID!) {\n    revokeEnrollmentToken(id: $id) {\n      id\n      active\n      revokedAt\n    }\n  }\n": types.TestRevokeTokenDocument,
    "\n  mutation TestConfigureClient($id: ID!, $input: ConfigureClientInput!) {\n    configureClient(id: $id, input: $input) {\n      ...TestClientFields\n    }\n  }\n": types.TestConfigureClientDocument,
    "\n  fragment TestWebhookDeliveryFields on WebhookDelivery {\n    id\n    event\n    eventId\n    client {\n      uuid\n    }\n    url\n    status\n    attempts\n    lastError\n    lastStatusCode\n    lastAttemptAt\n    nextAttemptAt\n    createdAt\n    deliveredAt\n    replayedAt\n    payload\n  }\n": types.TestWebhookDeliveryFieldsFragmentDoc,
    "\n  query TestWebhookDeliveries($filter: WebhookDeliveryFilter, $limit: Int) {\n    webhookDeliveries(filter: $filter, limit: $limit) {\n      ...TestWebhookDeliveryFields\n    }\n  }\n": types.TestWebhookDeliveriesDocument,
    "\n  query TestWebhookDelivery($id: ID!) {\n    webhookDelivery(id: $id) {\n      ...TestWebhookDeliveryFields\n    }\n  }\n": types.TestWebhookDeliveryDocument,
    "\n  mutation TestReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      ...TestWebhookDeliveryFields\n    }\n  }\n": types.TestReplayWebhookDeliveryDocument,
    "\n  mutation TestReplayFailedWebhookDeliveries($filter: WebhookReplayFilter) {\n    replayFailedWebhookDeliveries(filter: $filter) {\n      count\n    }\n  }\n": types.TestReplayFailedWebhookDeliveriesDocument,
    "\n  mutation TestSendTestWebhook($clientId: ID, $url: String) {\n    sendTestWebhook(clientId: $clientId, url: $url) {\n      ...TestWebhookDeliveryFields\n    }\n  }\n": types.TestSendTestWebhookDocument,
    "\n  subscription TestWebhookDeliveryFailed($filter: WebhookFailureFilter) {\n    webhookDeliveryFailed(filter: $filter) {\n      deadLettered\n      delivery {\n        ...TestWebhookDeliveryFields\n      }\n    }\n  }\n": types.TestWebhookDeliveryFailedDocument,
    "\n  mutation TestConfigureWebhook($id: ID!, $input: ConfigureClientInput!) {\n    configureClient(id: $id, input: $input) {\n      uuid\n      webhookUrl\n      hasWebhookSecret\n    }\n  }\n": types.TestConfigureWebhookDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CliTransferFields on Transfer {\n    transferId\n    clientId\n    direction\n    remotePath\n    localPath\n    state\n    bytesDone\n    totalBytes\n    resumedFrom\n    rateBytesPerSecond\n    etaSeconds\n    sha256\n    startedAt\n    finishedAt\n  }\n"): (typeof documents)["\n  fragment CliTransferFields on Transfer {\n    transferId\n    clientId\n    direction\n    remotePath\n    localPath\n    state\n    bytesDone\n    totalBytes\n    resumedFrom\n    rateBytesPerSecond\n    etaSeconds\n    sha256\n    startedAt\n    finishedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliListFiles($clientId: ID!, $path: String!) {\n    listFiles(clientId: $clientId, path: $path) {\n      path\n      truncated\n      entries {\n        name\n        type\n        size\n        mtime\n        mode\n      }\n    }\n  }\n"): (typeof documents)["\n  query CliListFiles($clientId: ID!, $path: String!) {\n    listFiles(clientId: $clientId, path: $path) {\n      path\n      truncated\n      entries {\n        name\n        type\n        size\n        mtime\n        mode\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliDownloadFile(\n    $clientId: ID!\n    $remotePath: String!\n    $localPath: String!\n    $transferId: ID\n  ) {\n    downloadFile(\n      clientId: $clientId\n      remotePath: $remotePath\n      localPath: $localPath\n      transferId: $transferId\n    ) {\n      ...CliTransferFields\n    }\n  }\n"): (typeof documents)["\n  mutation CliDownloadFile(\n    $clientId: ID!\n    $remotePath: String!\n    $localPath: String!\n    $transferId: ID\n  ) {\n    downloadFile(\n      clientId: $clientId\n      remotePath: $remotePath\n      localPath: $localPath\n      transferId: $transferId\n    ) {\n      ...CliTransferFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliUploadFile(\n    $clientId: ID!\n    $localPath: String!\n    $remotePath: String!\n    $transferId: ID\n    $createParents: Boolean\n  ) {\n    uploadFile(\n      clientId: $clientId\n      localPath: $localPath\n      remotePath: $remotePath\n      transferId: $transferId\n      createParents: $createParents\n    ) {\n      ...CliTransferFields\n    }\n  }\n"): (typeof documents)["\n  mutation CliUploadFile(\n    $clientId: ID!\n    $localPath: String!\n    $remotePath: String!\n    $transferId: ID\n    $createParents: Boolean\n  ) {\n    uploadFile(\n      clientId: $clientId\n      localPath: $localPath\n      remotePath: $remotePath\n      transferId: $transferId\n      createParents: $createParents\n    ) {\n      ...CliTransferFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CliTransferProgress($transferId: ID!) {\n    transferProgress(transferId: $transferId) {\n      bytesDone\n      totalBytes\n      rateBytesPerSecond\n      etaSeconds\n      state\n    }\n  }\n"): (typeof documents)["\n  subscription CliTransferProgress($transferId: ID!) {\n    transferProgress(transferId: $transferId) {\n      bytesDone\n      totalBytes\n      rateBytesPerSecond\n      etaSeconds\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TokenFields on EnrollmentToken {\n    id\n    prefix\n    name\n    displayName\n    purpose\n    tags\n    maxUses\n    uses\n    expiresAt\n    createdAt\n    revokedAt\n    active\n  }\n"): (typeof documents)["\n  fragment TokenFields on EnrollmentToken {\n    id\n    prefix\n    name\n    displayName\n    purpose\n    tags\n    maxUses\n    uses\n    expiresAt\n    createdAt\n    revokedAt\n    active\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliCreateEnrollmentToken($input: CreateEnrollmentTokenInput) {\n    createEnrollmentToken(input: $input) {\n      token\n      enrollmentToken {\n        ...TokenFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CliCreateEnrollmentToken($input: CreateEnrollmentTokenInput) {\n    createEnrollmentToken(input: $input) {\n      token\n      enrollmentToken {\n        ...TokenFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliEnrollmentTokens($includeInactive: Boolean) {\n    enrollmentTokens(includeInactive: $includeInactive) {\n      ...TokenFields\n    }\n  }\n"): (typeof documents)["\n  query CliEnrollmentTokens($includeInactive: Boolean) {\n    enrollmentTokens(includeInactive: $includeInactive) {\n      ...TokenFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliRevokeEnrollmentToken($id: ID!) {\n    revokeEnrollmentToken(id: $id) {\n      ...TokenFields\n    }\n  }\n"): (typeof documents)["\n  mutation CliRevokeEnrollmentToken($id: ID!) {\n    revokeEnrollmentToken(id: $id) {\n      ...TokenFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GuideDescribe($id: ID!) {\n    client(id: $id) {\n      uuid\n      clientId\n      displayName\n      purpose\n      tags {\n        name\n      }\n      capabilities\n      hostname\n      platform\n      online\n      webhookUrl\n      rateLimitRpm\n      rateLimitConcurrent\n      rateLimitMode\n      allowedPaths\n      decommissioned\n      decommissionedAt\n      recentEvents(limit: 5) {\n        event\n      }\n      recentCommands(limit: 5) {\n        data\n      }\n    }\n  }\n"): (typeof documents)["\n  query GuideDescribe($id: ID!) {\n    client(id: $id) {\n      uuid\n      clientId\n      displayName\n      purpose\n      tags {\n        name\n      }\n      capabilities\n      hostname\n      platform\n      online\n      webhookUrl\n      rateLimitRpm\n      rateLimitConcurrent\n      rateLimitMode\n      allowedPaths\n      decommissioned\n      decommissionedAt\n      recentEvents(limit: 5) {\n        event\n      }\n      recentCommands(limit: 5) {\n        data\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GuideConfigure($id: ID!, $input: ConfigureClientInput!) {\n    configureClient(id: $id, input: $input) {\n      webhookUrl\n      rateLimitRpm\n      rateLimitConcurrent\n      rateLimitMode\n    }\n  }\n"): (typeof documents)["\n  mutation GuideConfigure($id: ID!, $input: ConfigureClientInput!) {\n    configureClient(id: $id, input: $input) {\n      webhookUrl\n      rateLimitRpm\n      rateLimitConcurrent\n      rateLimitMode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GuideStats($id: ID!) {\n    rateLimitStats(id: $id) {\n      client {\n        uuid\n      }\n      requestsPerMinute\n      currentConcurrent\n      rpmLimit\n      concurrentLimit\n      rpmWarnings\n      concurrentWarnings\n      rpmRejections\n      concurrentRejections\n      mode\n    }\n  }\n"): (typeof documents)["\n  query GuideStats($id: ID!) {\n    rateLimitStats(id: $id) {\n      client {\n        uuid\n      }\n      requestsPerMinute\n      currentConcurrent\n      rpmLimit\n      concurrentLimit\n      rpmWarnings\n      concurrentWarnings\n      rpmRejections\n      concurrentRejections\n      mode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GuidePage($filter: ClientFilter, $first: Int, $after: String) {\n    clientsConnection(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          clientId\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query GuidePage($filter: ClientFilter, $first: Int, $after: String) {\n    clientsConnection(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          clientId\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GuideTags {\n    tags {\n      name\n      clientCount\n      clients {\n        uuid\n      }\n    }\n  }\n"): (typeof documents)["\n  query GuideTags {\n    tags {\n      name\n      clientCount\n      clients {\n        uuid\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GuideTag($name: String!) {\n    tag(name: $name) {\n      name\n      clientCount\n    }\n  }\n"): (typeof documents)["\n  query GuideTag($name: String!) {\n    tag(name: $name) {\n      name\n      clientCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GuideBulkUpdate($filter: ClientFilter!, $input: UpdateClientsInput!) {\n    updateClients(filter: $filter, input: $input) {\n      count\n      clients {\n        uuid\n        tags {\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation GuideBulkUpdate($filter: ClientFilter!, $input: UpdateClientsInput!) {\n    updateClients(filter: $filter, input: $input) {\n      count\n      clients {\n        uuid\n        tags {\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GuideBulkRun($filter: ClientFilter!, $cmd: String!, $parallelism: Int) {\n    runCommandOnClients(filter: $filter, cmd: $cmd, parallelism: $parallelism) {\n      total\n      succeeded\n      failed\n      results {\n        client {\n          uuid\n          online\n        }\n        result {\n          stdout\n          returncode\n        }\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation GuideBulkRun($filter: ClientFilter!, $cmd: String!, $parallelism: Int) {\n    runCommandOnClients(filter: $filter, cmd: $cmd, parallelism: $parallelism) {\n      total\n      succeeded\n      failed\n      results {\n        client {\n          uuid\n          online\n        }\n        result {\n          stdout\n          returncode\n        }\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GuideDecommission(\n    $id: ID!\n    $stopService: Boolean\n    $stopCommand: String\n    $reason: String\n  ) {\n    decommissionClient(\n      id: $id\n      stopService: $stopService\n      stopCommand: $stopCommand\n      reason: $reason\n    ) {\n      client {\n        uuid\n        online\n        decommissioned\n        webhookUrl\n      }\n      serviceStop {\n        result {\n          returncode\n        }\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation GuideDecommission(\n    $id: ID!\n    $stopService: Boolean\n    $stopCommand: String\n    $reason: String\n  ) {\n    decommissionClient(\n      id: $id\n      stopService: $stopService\n      stopCommand: $stopCommand\n      reason: $reason\n    ) {\n      client {\n        uuid\n        online\n        decommissioned\n        webhookUrl\n      }\n      serviceStop {\n        result {\n          returncode\n        }\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GuideRestore($id: ID!) {\n    restoreClient(id: $id) {\n      decommissioned\n    }\n  }\n"): (typeof documents)["\n  mutation GuideRestore($id: ID!) {\n    restoreClient(id: $id) {\n      decommissioned\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription GuideStatus($id: ID!) {\n    clientStatus(id: $id) {\n      cause\n      timestamp\n      client {\n        uuid\n        online\n        health\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription GuideStatus($id: ID!) {\n    clientStatus(id: $id) {\n      cause\n      timestamp\n      client {\n        uuid\n        online\n        health\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GuideUpdate($id: ID!, $input: UpdateClientInput!) {\n    updateClient(id: $id, input: $input) {\n      uuid\n      displayName\n      purpose\n      tags {\n        name\n      }\n      allowedPaths\n    }\n  }\n"): (typeof documents)["\n  mutation GuideUpdate($id: ID!, $input: UpdateClientInput!) {\n    updateClient(id: $id, input: $input) {\n      uuid\n      displayName\n      purpose\n      tags {\n        name\n      }\n      allowedPaths\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GuideEventsOfClient($clientId: ID!) {\n    events(filter: { clientId: $clientId }, limit: 200) {\n      event\n    }\n  }\n"): (typeof documents)["\n  query GuideEventsOfClient($clientId: ID!) {\n    events(filter: { clientId: $clientId }, limit: 200) {\n      event\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GuideFleetStatus {\n    clients {\n      uuid\n      online\n      keyMismatch\n      health\n      lastDisconnectedAt\n    }\n  }\n"): (typeof documents)["\n  query GuideFleetStatus {\n    clients {\n      uuid\n      online\n      keyMismatch\n      health\n      lastDisconnectedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HealthOfClient($id: ID!) {\n    client(id: $id) {\n      online\n      health\n      healthReason\n      healthSince\n      lastHeartbeatAt\n      heartbeatFailures\n      resourceChecks\n      cpuThreshold\n      memoryThreshold\n      diskThreshold\n      lastResourceSample\n      recentEvents(limit: 20) {\n        event\n        data\n      }\n    }\n  }\n"): (typeof documents)["\n  query HealthOfClient($id: ID!) {\n    client(id: $id) {\n      online\n      health\n      healthReason\n      healthSince\n      lastHeartbeatAt\n      heartbeatFailures\n      resourceChecks\n      cpuThreshold\n      memoryThreshold\n      diskThreshold\n      lastResourceSample\n      recentEvents(limit: 20) {\n        event\n        data\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription HealthEvents($filter: EventFilter) {\n    clientEvents(filter: $filter) {\n      event\n      timestamp\n      data\n      client {\n        uuid\n        online\n        health\n        healthReason\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription HealthEvents($filter: EventFilter) {\n    clientEvents(filter: $filter) {\n      event\n      timestamp\n      data\n      client {\n        uuid\n        online\n        health\n        healthReason\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MetricsOfClient($id: ID!, $summary: Boolean) {\n    clientMetrics(id: $id, summary: $summary)\n  }\n"): (typeof documents)["\n  query MetricsOfClient($id: ID!, $summary: Boolean) {\n    clientMetrics(id: $id, summary: $summary)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MetricsStream($id: ID!, $summary: Boolean, $intervalS: Int) {\n    clientMetrics(id: $id, summary: $summary, intervalS: $intervalS) {\n      timestamp\n      metrics\n      error {\n        code\n        message\n      }\n      client {\n        uuid\n        online\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription MetricsStream($id: ID!, $summary: Boolean, $intervalS: Int) {\n    clientMetrics(id: $id, summary: $summary, intervalS: $intervalS) {\n      timestamp\n      metrics\n      error {\n        code\n        message\n      }\n      client {\n        uuid\n        online\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FleetHealthOfTests($filter: ClientFilter, $timeoutS: Int) {\n    fleetHealth(filter: $filter, timeoutS: $timeoutS) {\n      total\n      online\n      offline\n      keyMismatches\n      unhealthy\n      recentlyOffline\n      recentlyOfflineHours\n      sampled\n      failed\n      durationMs\n      collectedAt\n      samples {\n        client {\n          uuid\n        }\n        cpuPercent\n        memoryPercent\n        diskPercent\n        load1\n        summary\n        over {\n          resource\n          percent\n          threshold\n        }\n        thresholds {\n          cpu\n          memory\n          disk\n        }\n        error {\n          code\n        }\n      }\n      overCpu {\n        client {\n          uuid\n        }\n      }\n      overMemory {\n        client {\n          uuid\n        }\n        memoryPercent\n      }\n      overDisk {\n        client {\n          uuid\n        }\n        diskPercent\n      }\n      keyMismatchClients {\n        uuid\n      }\n      recentlyOfflineClients {\n        uuid\n      }\n      unhealthyClients {\n        uuid\n      }\n    }\n  }\n"): (typeof documents)["\n  query FleetHealthOfTests($filter: ClientFilter, $timeoutS: Int) {\n    fleetHealth(filter: $filter, timeoutS: $timeoutS) {\n      total\n      online\n      offline\n      keyMismatches\n      unhealthy\n      recentlyOffline\n      recentlyOfflineHours\n      sampled\n      failed\n      durationMs\n      collectedAt\n      samples {\n        client {\n          uuid\n        }\n        cpuPercent\n        memoryPercent\n        diskPercent\n        load1\n        summary\n        over {\n          resource\n          percent\n          threshold\n        }\n        thresholds {\n          cpu\n          memory\n          disk\n        }\n        error {\n          code\n        }\n      }\n      overCpu {\n        client {\n          uuid\n        }\n      }\n      overMemory {\n        client {\n          uuid\n        }\n        memoryPercent\n      }\n      overDisk {\n        client {\n          uuid\n        }\n        diskPercent\n      }\n      keyMismatchClients {\n        uuid\n      }\n      recentlyOfflineClients {\n        uuid\n      }\n      unhealthyClients {\n        uuid\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RateLimitsStats($id: ID!) {\n    rateLimitStats(id: $id) {\n      requestsPerMinute\n      currentConcurrent\n      rpmLimit\n      concurrentLimit\n      rpmWarnings\n      concurrentWarnings\n      rpmRejections\n      concurrentRejections\n      mode\n    }\n  }\n"): (typeof documents)["\n  query RateLimitsStats($id: ID!) {\n    rateLimitStats(id: $id) {\n      requestsPerMinute\n      currentConcurrent\n      rpmLimit\n      concurrentLimit\n      rpmWarnings\n      concurrentWarnings\n      rpmRejections\n      concurrentRejections\n      mode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RateLimitsWarnings($clientId: ID) {\n    rateLimitWarnings(clientId: $clientId) {\n      id\n      limit\n      enforced\n      mode\n      operation\n      requestsPerMinute\n      currentConcurrent\n      rpmLimit\n      concurrentLimit\n      client {\n        uuid\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription RateLimitsWarnings($clientId: ID) {\n    rateLimitWarnings(clientId: $clientId) {\n      id\n      limit\n      enforced\n      mode\n      operation\n      requestsPerMinute\n      currentConcurrent\n      rpmLimit\n      concurrentLimit\n      client {\n        uuid\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestReadFile($clientId: ID!, $path: String!, $encoding: FileEncoding) {\n    readFile(clientId: $clientId, path: $path, encoding: $encoding) {\n      path\n      content\n      encoding\n      size\n      mtime\n      mode\n    }\n  }\n"): (typeof documents)["\n  query TestReadFile($clientId: ID!, $path: String!, $encoding: FileEncoding) {\n    readFile(clientId: $clientId, path: $path, encoding: $encoding) {\n      path\n      content\n      encoding\n      size\n      mtime\n      mode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestWriteFile(\n    $clientId: ID!\n    $path: String!\n    $content: String!\n    $encoding: FileEncoding\n    $createParents: Boolean\n  ) {\n    writeFile(\n      clientId: $clientId\n      path: $path\n      content: $content\n      encoding: $encoding\n      createParents: $createParents\n    ) {\n      path\n      size\n    }\n  }\n"): (typeof documents)["\n  mutation TestWriteFile(\n    $clientId: ID!\n    $path: String!\n    $content: String!\n    $encoding: FileEncoding\n    $createParents: Boolean\n  ) {\n    writeFile(\n      clientId: $clientId\n      path: $path\n      content: $content\n      encoding: $encoding\n      createParents: $createParents\n    ) {\n      path\n      size\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestListFiles($clientId: ID!, $path: String!) {\n    listFiles(clientId: $clientId, path: $path) {\n      path\n      truncated\n      entries {\n        name\n        type\n        size\n      }\n    }\n  }\n"): (typeof documents)["\n  query TestListFiles($clientId: ID!, $path: String!) {\n    listFiles(clientId: $clientId, path: $path) {\n      path\n      truncated\n      entries {\n        name\n        type\n        size\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TransferFields on Transfer {\n    transferId\n    clientId\n    direction\n    remotePath\n    localPath\n    state\n    bytesDone\n    totalBytes\n    resumedFrom\n    rateBytesPerSecond\n    etaSeconds\n    sha256\n    error {\n      code\n      message\n    }\n  }\n"): (typeof documents)["\n  fragment TransferFields on Transfer {\n    transferId\n    clientId\n    direction\n    remotePath\n    localPath\n    state\n    bytesDone\n    totalBytes\n    resumedFrom\n    rateBytesPerSecond\n    etaSeconds\n    sha256\n    error {\n      code\n      message\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestUploadFile(\n    $clientId: ID!\n    $localPath: String!\n    $remotePath: String!\n    $transferId: ID\n    $createParents: Boolean\n  ) {\n    uploadFile(\n      clientId: $clientId\n      localPath: $localPath\n      remotePath: $remotePath\n      transferId: $transferId\n      createParents: $createParents\n    ) {\n      ...TransferFields\n    }\n  }\n"): (typeof documents)["\n  mutation TestUploadFile(\n    $clientId: ID!\n    $localPath: String!\n    $remotePath: String!\n    $transferId: ID\n    $createParents: Boolean\n  ) {\n    uploadFile(\n      clientId: $clientId\n      localPath: $localPath\n      remotePath: $remotePath\n      transferId: $transferId\n      createParents: $createParents\n    ) {\n      ...TransferFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestDownloadFile(\n    $clientId: ID!\n    $remotePath: String!\n    $localPath: String!\n    $transferId: ID\n  ) {\n    downloadFile(\n      clientId: $clientId\n      remotePath: $remotePath\n      localPath: $localPath\n      transferId: $transferId\n    ) {\n      ...TransferFields\n    }\n  }\n"): (typeof documents)["\n  mutation TestDownloadFile(\n    $clientId: ID!\n    $remotePath: String!\n    $localPath: String!\n    $transferId: ID\n  ) {\n    downloadFile(\n      clientId: $clientId\n      remotePath: $remotePath\n      localPath: $localPath\n      transferId: $transferId\n    ) {\n      ...TransferFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TestTransferProgress($transferId: ID!) {\n    transferProgress(transferId: $transferId) {\n      ...TransferFields\n    }\n  }\n"): (typeof documents)["\n  subscription TestTransferProgress($transferId: ID!) {\n    transferProgress(transferId: $transferId) {\n      ...TransferFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestFileEvents($clientId: ID) {\n    events(\n      filter: { clientId: $clientId, events: [\"file_accessed\", \"operation_refused\"] }\n      limit: 1000\n    ) {\n      id\n      event\n      data\n    }\n  }\n"): (typeof documents)["\n  query TestFileEvents($clientId: ID) {\n    events(\n      filter: { clientId: $clientId, events: [\"file_accessed\", \"operation_refused\"] }\n      limit: 1000\n    ) {\n      id\n      event\n      data\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TestClientFields on Client {\n    uuid\n    clientId\n    displayName\n    purpose\n    tags {\n      name\n    }\n    capabilities\n    online\n    health\n    keyMismatch\n    publicKeyFingerprint\n    trustedFingerprint\n    previousFingerprint\n    keyAcceptedAt\n    keyAcceptedBy\n    hostname\n    platform\n    arch\n    agentVersion\n    username\n    enrolledVia\n    firstSeen\n    lastSeen\n    connectionCount\n    connectedAt\n    allowedPaths\n    webhookUrl\n    rateLimitRpm\n    rateLimitConcurrent\n    rateLimitMode\n  }\n"): (typeof documents)["\n  fragment TestClientFields on Client {\n    uuid\n    clientId\n    displayName\n    purpose\n    tags {\n      name\n    }\n    capabilities\n    online\n    health\n    keyMismatch\n    publicKeyFingerprint\n    trustedFingerprint\n    previousFingerprint\n    keyAcceptedAt\n    keyAcceptedBy\n    hostname\n    platform\n    arch\n    agentVersion\n    username\n    enrolledVia\n    firstSeen\n    lastSeen\n    connectionCount\n    connectedAt\n    allowedPaths\n    webhookUrl\n    rateLimitRpm\n    rateLimitConcurrent\n    rateLimitMode\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestClients($filter: ClientFilter) {\n    clients(filter: $filter) {\n      ...TestClientFields\n    }\n  }\n"): (typeof documents)["\n  query TestClients($filter: ClientFilter) {\n    clients(filter: $filter) {\n      ...TestClientFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestClient($id: ID!) {\n    client(id: $id) {\n      ...TestClientFields\n    }\n  }\n"): (typeof documents)["\n  query TestClient($id: ID!) {\n    client(id: $id) {\n      ...TestClientFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestRunCommand(\n    $clientId: ID!\n    $cmd: String!\n    $cwd: String\n    $timeout: Int\n    $env: [EnvironmentVariableInput!]\n  ) {\n    runCommand(clientId: $clientId, cmd: $cmd, cwd: $cwd, timeout: $timeout, env: $env) {\n      stdout\n      stderr\n      returncode\n      timedOut\n      truncated\n      durationMs\n    }\n  }\n"): (typeof documents)["\n  mutation TestRunCommand(\n    $clientId: ID!\n    $cmd: String!\n    $cwd: String\n    $timeout: Int\n    $env: [EnvironmentVariableInput!]\n  ) {\n    runCommand(clientId: $clientId, cmd: $cmd, cwd: $cwd, timeout: $timeout, env: $env) {\n      stdout\n      stderr\n      returncode\n      timedOut\n      truncated\n      durationMs\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestAcceptKey($id: ID!) {\n    acceptKey(id: $id) {\n      ...TestClientFields\n    }\n  }\n"): (typeof documents)["\n  mutation TestAcceptKey($id: ID!) {\n    acceptKey(id: $id) {\n      ...TestClientFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestUpdateClient($id: ID!, $input: UpdateClientInput!) {\n    updateClient(id: $id, input: $input) {\n      ...TestClientFields\n    }\n  }\n"): (typeof documents)["\n  mutation TestUpdateClient($id: ID!, $input: UpdateClientInput!) {\n    updateClient(id: $id, input: $input) {\n      ...TestClientFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestEvents($filter: EventFilter, $limit: Int, $before: ID) {\n    events(filter: $filter, limit: $limit, before: $before) {\n      id\n      event\n      timestamp\n      data\n      actor\n      client {\n        uuid\n        clientId\n      }\n    }\n  }\n"): (typeof documents)["\n  query TestEvents($filter: EventFilter, $limit: Int, $before: ID) {\n    events(filter: $filter, limit: $limit, before: $before) {\n      id\n      event\n      timestamp\n      data\n      actor\n      client {\n        uuid\n        clientId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TestClientEvents($filter: EventFilter) {\n    clientEvents(filter: $filter) {\n      id\n      event\n      timestamp\n      data\n      client {\n        uuid\n        clientId\n        online\n        keyMismatch\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription TestClientEvents($filter: EventFilter) {\n    clientEvents(filter: $filter) {\n      id\n      event\n      timestamp\n      data\n      client {\n        uuid\n        clientId\n        online\n        keyMismatch\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestCreateToken($input: CreateEnrollmentTokenInput) {\n    createEnrollmentToken(input: $input) {\n      token\n      enrollmentToken {\n        id\n        prefix\n        uses\n        maxUses\n        active\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation TestCreateToken($input: CreateEnrollmentTokenInput) {\n    createEnrollmentToken(input: $input) {\n      token\n      enrollmentToken {\n        id\n        prefix\n        uses\n        maxUses\n        active\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestTokens($includeInactive: Boolean) {\n    enrollmentTokens(includeInactive: $includeInactive) {\n      id\n      prefix\n      name\n      uses\n      maxUses\n      active\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  query TestTokens($includeInactive: Boolean) {\n    enrollmentTokens(includeInactive: $includeInactive) {\n      id\n      prefix\n      name\n      uses\n      maxUses\n      active\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestRevokeToken($id: ID!) {\n    revokeEnrollmentToken(id: $id) {\n      id\n      active\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  mutation TestRevokeToken($id: ID!) {\n    revokeEnrollmentToken(id: $id) {\n      id\n      active\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestConfigureClient($id: ID!, $input: ConfigureClientInput!) {\n    configureClient(id: $id, input: $input) {\n      ...TestClientFields\n    }\n  }\n"): (typeof documents)["\n  mutation TestConfigureClient($id: ID!, $input: ConfigureClientInput!) {\n    configureClient(id: $id, input: $input) {\n      ...TestClientFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TestWebhookDeliveryFields on WebhookDelivery {\n    id\n    event\n    eventId\n    client {\n      uuid\n    }\n    url\n    status\n    attempts\n    lastError\n    lastStatusCode\n    lastAttemptAt\n    nextAttemptAt\n    createdAt\n    deliveredAt\n    replayedAt\n    payload\n  }\n"): (typeof documents)["\n  fragment TestWebhookDeliveryFields on WebhookDelivery {\n    id\n    event\n    eventId\n    client {\n      uuid\n    }\n    url\n    status\n    attempts\n    lastError\n    lastStatusCode\n    lastAttemptAt\n    nextAttemptAt\n    createdAt\n    deliveredAt\n    replayedAt\n    payload\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestWebhookDeliveries($filter: WebhookDeliveryFilter, $limit: Int) {\n    webhookDeliveries(filter: $filter, limit: $limit) {\n      ...TestWebhookDeliveryFields\n    }\n  }\n"): (typeof documents)["\n  query TestWebhookDeliveries($filter: WebhookDeliveryFilter, $limit: Int) {\n    webhookDeliveries(filter: $filter, limit: $limit) {\n      ...TestWebhookDeliveryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestWebhookDelivery($id: ID!) {\n    webhookDelivery(id: $id) {\n      ...TestWebhookDeliveryFields\n    }\n  }\n"): (typeof documents)["\n  query TestWebhookDelivery($id: ID!) {\n    webhookDelivery(id: $id) {\n      ...TestWebhookDeliveryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      ...TestWebhookDeliveryFields\n    }\n  }\n"): (typeof documents)["\n  mutation TestReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      ...TestWebhookDeliveryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestReplayFailedWebhookDeliveries($filter: WebhookReplayFilter) {\n    replayFailedWebhookDeliveries(filter: $filter) {\n      count\n    }\n  }\n"): (typeof documents)["\n  mutation TestReplayFailedWebhookDeliveries($filter: WebhookReplayFilter) {\n    replayFailedWebhookDeliveries(filter: $filter) {\n      count\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestSendTestWebhook($clientId: ID, $url: String) {\n    sendTestWebhook(clientId: $clientId, url: $url) {\n      ...TestWebhookDeliveryFields\n    }\n  }\n"): (typeof documents)["\n  mutation TestSendTestWebhook($clientId: ID, $url: String) {\n    sendTestWebhook(clientId: $clientId, url: $url) {\n      ...TestWebhookDeliveryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TestWebhookDeliveryFailed($filter: WebhookFailureFilter) {\n    webhookDeliveryFailed(filter: $filter) {\n      deadLettered\n      delivery {\n        ...TestWebhookDeliveryFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription TestWebhookDeliveryFailed($filter: WebhookFailureFilter) {\n    webhookDeliveryFailed(filter: $filter) {\n      deadLettered\n      delivery {\n        ...TestWebhookDeliveryFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestConfigureWebhook($id: ID!, $input: ConfigureClientInput!) {\n    configureClient(id: $id, input: $input) {\n      uuid\n      webhookUrl\n      hasWebhookSecret\n    }\n  }\n"): (typeof documents)["\n  mutation TestConfigureWebhook($id: ID!, $input: ConfigureClientInput!) {\n    configureClient(id: $id, input: $input) {\n      uuid\n      webhookUrl\n      hasWebhookSecret\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;