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
    "\n  query CliBulkTargets($filter: ClientFilter) {\n    clients(filter: $filter) {\n      ...ClientFields\n    }\n  }\n": typeof types.CliBulkTargetsDocument,
    "\n  query CliTagNames {\n    tags {\n      name\n    }\n  }\n": typeof types.CliTagNamesDocument,
    "\n  mutation CliAcceptKey($id: ID!) {\n    acceptKey(id: $id) {\n      ...ClientFields\n      trustedFingerprint\n      keyAcceptedAt\n      keyAcceptedBy\n    }\n  }\n": typeof types.CliAcceptKeyDocument,
    "\n  mutation CliConfigureClient($id: ID!, $input: ConfigureClientInput!) {\n    configureClient(id: $id, input: $input) {\n      ...ClientFields\n      ...ClientSettingsFields\n    }\n  }\n": typeof types.CliConfigureClientDocument,
    "\n  mutation CliDecommissionClient(\n    $id: ID!\n    $reason: String\n    $stopService: Boolean\n    $stopCommand: String\n  ) {\n    decommissionClient(\n      id: $id\n      reason: $reason\n      stopService: $stopService\n      stopCommand: $stopCommand\n    ) {\n      client {\n        ...ClientFields\n        decommissionedAt\n      }\n      serviceStop {\n        result {\n          ...CommandResultFields\n        }\n        error {\n          ...OperationErrorFields\n        }\n      }\n    }\n  }\n": typeof types.CliDecommissionClientDocument,
    "\n  query CliDescribeClient($id: ID!, $events: Int) {\n    client(id: $id) {\n      ...ClientFields\n      platformRelease\n      username\n      agentVersion\n      enrolledVia\n      firstSeen\n      connectedAt\n      lastConnectedAt\n      lastDisconnectedAt\n      connectionCount\n      remoteAddress\n      healthSince\n      lastHeartbeatAt\n      allowedPaths\n      agentAllowedPaths\n      ...ClientSettingsFields\n      publicKeyFingerprint\n      trustedFingerprint\n      previousFingerprint\n      keyMismatchAt\n      keyAcceptedAt\n      keyAcceptedBy\n      decommissionedAt\n      recentEvents(limit: $events) {\n        id\n        event\n        timestamp\n        actor\n        data\n      }\n    }\n  }\n": typeof types.CliDescribeClientDocument,
    "\n  query CliClientsPage($filter: ClientFilter, $first: Int, $after: String) {\n    clientsConnection(filter: $filter, first: $first, after: $after) {\n      ...ClientPageFields\n    }\n  }\n": typeof types.CliClientsPageDocument,
    "\n  mutation CliRestoreClient($id: ID!) {\n    restoreClient(id: $id) {\n      ...ClientFields\n    }\n  }\n": typeof types.CliRestoreClientDocument,
    "\n  mutation CliUpdateClient($id: ID!, $input: UpdateClientInput!) {\n    updateClient(id: $id, input: $input) {\n      ...ClientFields\n      allowedPaths\n    }\n  }\n": typeof types.CliUpdateClientDocument,
    "\n  mutation CliUpdateClients($filter: ClientFilter!, $input: UpdateClientsInput!) {\n    updateClients(filter: $filter, input: $input) {\n      count\n      clients {\n        ...ClientFields\n      }\n    }\n  }\n": typeof types.CliUpdateClientsDocument,
    "\n  query CliClientTags($id: ID!) {\n    client(id: $id) {\n      uuid\n      tags {\n        name\n      }\n    }\n  }\n": typeof types.CliClientTagsDocument,
    "\n  fragment CliTrustedDocumentFields on TrustedDocument {\n    hash\n    name\n    document\n    createdAt\n    createdBy\n  }\n": typeof types.CliTrustedDocumentFieldsFragmentDoc,
    "\n  query CliTrustedDocuments {\n    trustedDocuments {\n      ...CliTrustedDocumentFields\n    }\n  }\n": typeof types.CliTrustedDocumentsDocument,
    "\n  mutation CliRegisterTrustedDocument($input: RegisterTrustedDocumentInput!) {\n    registerTrustedDocument(input: $input) {\n      trustedDocument {\n        ...CliTrustedDocumentFields\n      }\n    }\n  }\n": typeof types.CliRegisterTrustedDocumentDocument,
    "\n  mutation CliRemoveTrustedDocument($input: RemoveTrustedDocumentInput!) {\n    removeTrustedDocument(input: $input) {\n      trustedDocument {\n        ...CliTrustedDocumentFields\n      }\n    }\n  }\n": typeof types.CliRemoveTrustedDocumentDocument,
    "\n  query CliEvents($filter: EventFilter, $limit: Int, $before: ID) {\n    events(filter: $filter, limit: $limit, before: $before) {\n      ...CliEventFields\n    }\n  }\n": typeof types.CliEventsDocument,
    "\n  mutation CliDownloadFile(\n    $clientId: ID!\n    $remotePath: String!\n    $localPath: String!\n    $transferId: ID\n  ) {\n    downloadFile(\n      clientId: $clientId\n      remotePath: $remotePath\n      localPath: $localPath\n      transferId: $transferId\n    ) {\n      ...CliTransferFields\n    }\n  }\n": typeof types.CliDownloadFileDocument,
    "\n  query CliListFiles($clientId: ID!, $path: String!) {\n    listFiles(clientId: $clientId, path: $path) {\n      ...FileListingFields\n    }\n  }\n": typeof types.CliListFilesDocument,
    "\n  mutation CliUploadFile(\n    $clientId: ID!\n    $localPath: String!\n    $remotePath: String!\n    $transferId: ID\n    $createParents: Boolean\n  ) {\n    uploadFile(\n      clientId: $clientId\n      localPath: $localPath\n      remotePath: $remotePath\n      transferId: $transferId\n      createParents: $createParents\n    ) {\n      ...CliTransferFields\n    }\n  }\n": typeof types.CliUploadFileDocument,
    "\n  fragment CliTransferFields on Transfer {\n    transferId\n    clientId\n    direction\n    remotePath\n    localPath\n    state\n    bytesDone\n    totalBytes\n    resumedFrom\n    rateBytesPerSecond\n    etaSeconds\n    sha256\n    startedAt\n    finishedAt\n  }\n": typeof types.CliTransferFieldsFragmentDoc,
    "\n  subscription CliTransferProgress($transferId: ID!) {\n    transferProgress(transferId: $transferId) {\n      bytesDone\n      totalBytes\n      rateBytesPerSecond\n      etaSeconds\n      state\n    }\n  }\n": typeof types.CliTransferProgressDocument,
    "\n  query CliFleetHealth($filter: ClientFilter, $recentlyOfflineHours: Int, $timeoutS: Int) {\n    fleetHealth(filter: $filter, recentlyOfflineHours: $recentlyOfflineHours, timeoutS: $timeoutS) {\n      ...FleetHealthCounts\n      overCpu {\n        ...ResourceSampleFields\n      }\n      overMemory {\n        ...ResourceSampleFields\n      }\n      overDisk {\n        ...ResourceSampleFields\n      }\n      samples {\n        ...ResourceSampleFields\n      }\n      unhealthyClients {\n        clientId\n        displayName\n        online\n        healthReason\n        healthSince\n      }\n      keyMismatchClients {\n        clientId\n        displayName\n        online\n        keyMismatchAt\n      }\n      recentlyOfflineClients {\n        clientId\n        displayName\n        online\n        lastDisconnectedAt\n      }\n    }\n  }\n": typeof types.CliFleetHealthDocument,
    "\n  mutation CliCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        ...ApiKeyFields\n      }\n    }\n  }\n": typeof types.CliCreateApiKeyDocument,
    "\n  fragment ApiKeyFields on ApiKey {\n    id\n    name\n    role\n    scope {\n      tags\n      clientIds\n    }\n    trustedDocumentsOnly\n    createdAt\n    createdBy\n    lastUsedAt\n    expiresAt\n    revokedAt\n    revoked\n  }\n": typeof types.ApiKeyFieldsFragmentDoc,
    "\n  query CliApiKeys {\n    apiKeys {\n      ...ApiKeyFields\n    }\n  }\n": typeof types.CliApiKeysDocument,
    "\n  mutation CliRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyFields\n    }\n  }\n": typeof types.CliRevokeApiKeyDocument,
    "\n  query CliClientMetrics($id: ID!, $summary: Boolean) {\n    clientMetrics(id: $id, summary: $summary)\n  }\n": typeof types.CliClientMetricsDocument,
    "\n  subscription CliWatchMetrics($id: ID!, $intervalS: Int, $summary: Boolean) {\n    clientMetrics(id: $id, intervalS: $intervalS, summary: $summary) {\n      timestamp\n      metrics\n      error {\n        ...OperationErrorFields\n      }\n      client {\n        clientId\n      }\n    }\n  }\n": typeof types.CliWatchMetricsDocument,
    "\n  subscription CliBulkJobProgress($id: ID!, $after: ID) {\n    bulkJobProgress(id: $id, after: $after) {\n      cursor\n      job {\n        status\n        total\n        succeeded\n        failed\n        notStarted\n      }\n      result {\n        client {\n          ...ClientFields\n        }\n        ok\n        result {\n          ...CommandResultFields\n        }\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n": typeof types.CliBulkJobProgressDocument,
    "\n  mutation CliCancelBulkJob($id: ID!) {\n    cancelBulkJob(id: $id) {\n      status\n    }\n  }\n": typeof types.CliCancelBulkJobDocument,
    "\n  mutation CliRunCommand(\n    $clientId: ID!\n    $cmd: String!\n    $cwd: String\n    $env: [EnvironmentVariableInput!]\n    $timeout: Int\n  ) {\n    runCommand(clientId: $clientId, cmd: $cmd, cwd: $cwd, env: $env, timeout: $timeout) {\n      ...CommandResultFields\n    }\n  }\n": typeof types.CliRunCommandDocument,
    "\n  mutation CliCloseSession($id: ID!) {\n    closeSession(id: $id) {\n      id\n      clientId\n      bytesIn\n      bytesOut\n    }\n  }\n": typeof types.CliCloseSessionDocument,
    "\n  query CliSessions($filter: SessionFilter, $first: Int) {\n    sessions(filter: $filter, first: $first) {\n      ...SessionFields\n    }\n  }\n": typeof types.CliSessionsDocument,
    "\n  query CliSessionRecording($id: ID!) {\n    session(id: $id) {\n      id\n      recording\n    }\n  }\n": typeof types.CliSessionRecordingDocument,
    "\n  mutation CliCreateEnrollmentToken($input: CreateEnrollmentTokenInput) {\n    createEnrollmentToken(input: $input) {\n      token\n      enrollmentToken {\n        ...TokenFields\n      }\n    }\n  }\n": typeof types.CliCreateEnrollmentTokenDocument,
    "\n  query CliServerInfo {\n    serverInfo {\n      sshHost\n      sshPort\n      hostKeyFingerprint\n    }\n  }\n": typeof types.CliServerInfoDocument,
    "\n  query CliEnrollmentTokens($includeInactive: Boolean) {\n    enrollmentTokens(includeInactive: $includeInactive) {\n      ...TokenFields\n    }\n  }\n": typeof types.CliEnrollmentTokensDocument,
    "\n  mutation CliRevokeEnrollmentToken($id: ID!) {\n    revokeEnrollmentToken(id: $id) {\n      ...TokenFields\n    }\n  }\n": typeof types.CliRevokeEnrollmentTokenDocument,
    "\n  fragment TokenFields on EnrollmentToken {\n    id\n    prefix\n    name\n    displayName\n    purpose\n    tags\n    maxUses\n    uses\n    expiresAt\n    createdAt\n    revokedAt\n    active\n  }\n": typeof types.TokenFieldsFragmentDoc,
    "\n  mutation CliCloseTunnel($id: ID!) {\n    closeTunnel(id: $id) {\n      id\n      clientId\n      connections\n    }\n  }\n": typeof types.CliCloseTunnelDocument,
    "\n  query CliTunnels {\n    tunnels {\n      id\n      clientId\n      principal\n      host\n      port\n      listen\n      openedAt\n      connections\n      activeConnections\n      bytesIn\n      bytesOut\n    }\n  }\n": typeof types.CliTunnelsDocument,
    "\n  fragment CliWatchedEvent on ClientEvent {\n    ...CliEventFields\n    client {\n      health\n      keyMismatch\n    }\n  }\n": typeof types.CliWatchedEventFragmentDoc,
    "\n  query CliWatchLatest {\n    events(limit: 1) {\n      id\n    }\n  }\n": typeof types.CliWatchLatestDocument,
    "\n  subscription CliWatchEvents($filter: EventFilter, $after: ID) {\n    clientEvents(filter: $filter, after: $after) {\n      ...CliWatchedEvent\n    }\n  }\n": typeof types.CliWatchEventsDocument,
    "\n  fragment CliWebhookDeliveryFields on WebhookDelivery {\n    id\n    event\n    client {\n      uuid\n      clientId\n      displayName\n    }\n    url\n    status\n    attempts\n    lastError\n    lastStatusCode\n    nextAttemptAt\n    createdAt\n    deliveredAt\n  }\n": typeof types.CliWebhookDeliveryFieldsFragmentDoc,
    "\n  query CliWebhookDeliveries($filter: WebhookDeliveryFilter, $limit: Int) {\n    webhookDeliveries(filter: $filter, limit: $limit) {\n      ...CliWebhookDeliveryFields\n    }\n  }\n": typeof types.CliWebhookDeliveriesDocument,
    "\n  query CliWebhookDelivery($id: ID!) {\n    webhookDelivery(id: $id) {\n      ...CliWebhookDeliveryFields\n    }\n  }\n": typeof types.CliWebhookDeliveryDocument,
    "\n  mutation CliReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      ...CliWebhookDeliveryFields\n    }\n  }\n": typeof types.CliReplayWebhookDeliveryDocument,
    "\n  mutation CliReplayFailedWebhookDeliveries($filter: WebhookReplayFilter) {\n    replayFailedWebhookDeliveries(filter: $filter) {\n      count\n    }\n  }\n": typeof types.CliReplayFailedWebhookDeliveriesDocument,
    "\n  mutation CliSendTestWebhook($clientId: ID, $url: String) {\n    sendTestWebhook(clientId: $clientId, url: $url) {\n      ...CliWebhookDeliveryFields\n    }\n  }\n": typeof types.CliSendTestWebhookDocument,
    "\n  subscription CliWebhookDeliveryFailed($filter: WebhookFailureFilter) {\n    webhookDeliveryFailed(filter: $filter) {\n      deadLettered\n      delivery {\n        ...CliWebhookDeliveryFields\n      }\n    }\n  }\n": typeof types.CliWebhookDeliveryFailedDocument,
    "\n  fragment CliEventFields on ClientEvent {\n    id\n    event\n    timestamp\n    actor\n    data\n    client {\n      uuid\n      clientId\n      displayName\n      online\n    }\n  }\n": typeof types.CliEventFieldsFragmentDoc,
    "\n  fragment ClientFields on Client {\n    uuid\n    clientId\n    displayName\n    purpose\n    tags {\n      name\n    }\n    hostname\n    platform\n    arch\n    online\n    health\n    healthReason\n    keyMismatch\n    decommissioned\n    lastSeen\n    capabilities\n  }\n": typeof types.ClientFieldsFragmentDoc,
    "\n  fragment ClientSettingsFields on Client {\n    webhookUrl\n    rateLimitRpm\n    rateLimitConcurrent\n    rateLimitMode\n    cpuThreshold\n    memoryThreshold\n    diskThreshold\n    resourceChecks\n    forwardTargets\n  }\n": typeof types.ClientSettingsFieldsFragmentDoc,
    "\n  fragment CommandResultFields on CommandResult {\n    returncode\n    stdout\n    stderr\n    durationMs\n    timedOut\n    truncated\n  }\n": typeof types.CommandResultFieldsFragmentDoc,
    "\n  fragment OperationErrorFields on OperationError {\n    code\n    message\n    nextSteps {\n      operation\n      client {\n        uuid\n        clientId\n      }\n    }\n  }\n": typeof types.OperationErrorFieldsFragmentDoc,
    "\n  fragment RateLimitStatsFields on RateLimitStats {\n    requestsPerMinute\n    currentConcurrent\n    rpmLimit\n    concurrentLimit\n    rpmWarnings\n    concurrentWarnings\n    rpmRejections\n    concurrentRejections\n    mode\n  }\n": typeof types.RateLimitStatsFieldsFragmentDoc,
    "\n  fragment FleetHealthCounts on FleetHealth {\n    total\n    online\n    offline\n    unhealthy\n    keyMismatches\n    recentlyOffline\n    recentlyOfflineHours\n    sampled\n    failed\n    collectedAt\n    durationMs\n  }\n": typeof types.FleetHealthCountsFragmentDoc,
    "\n  fragment FileListingFields on FileListing {\n    path\n    truncated\n    entries {\n      name\n      type\n      size\n      mode\n      mtime\n    }\n  }\n": typeof types.FileListingFieldsFragmentDoc,
    "\n  fragment SessionFields on Session {\n    id\n    clientUuid\n    clientId\n    principal\n    apiKey\n    origin\n    command\n    pty\n    cols\n    rows\n    open\n    startedAt\n    endedAt\n    exitStatus\n    exitSignal\n    closeReason\n    bytesIn\n    bytesOut\n  }\n": typeof types.SessionFieldsFragmentDoc,
    "\n  fragment ResourceSampleFields on ResourceSample {\n    client {\n      uuid\n      clientId\n      displayName\n      online\n    }\n    cpuPercent\n    memoryPercent\n    diskPercent\n    load1\n    sampleAgeSeconds\n    over {\n      resource\n      percent\n      threshold\n    }\n    error {\n      ...OperationErrorFields\n    }\n  }\n": typeof types.ResourceSampleFieldsFragmentDoc,
    "\n  fragment ClientPageFields on ClientsConnection {\n    totalCount\n    nodes {\n      ...ClientFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n": typeof types.ClientPageFieldsFragmentDoc,
    "\n  query ClientRateLimitStats($id: ID!) {\n    rateLimitStats(id: $id) {\n      client {\n        uuid\n        clientId\n        displayName\n        online\n      }\n      ...RateLimitStatsFields\n    }\n  }\n": typeof types.ClientRateLimitStatsDocument,
    "\n  mutation StartBulkCommand(\n    $filter: ClientFilter!\n    $cmd: String!\n    $cwd: String\n    $env: [EnvironmentVariableInput!]\n    $timeout: Int\n    $parallelism: Int\n    $idempotencyKey: String\n  ) {\n    startBulkCommand(\n      filter: $filter\n      cmd: $cmd\n      cwd: $cwd\n      env: $env\n      timeout: $timeout\n      parallelism: $parallelism\n      idempotencyKey: $idempotencyKey\n    ) {\n      id\n      total\n    }\n  }\n": typeof types.StartBulkCommandDocument,
    "\n  fragment McpClientDetail on Client {\n    ...ClientFields\n    ...ClientSettingsFields\n    username\n    platformRelease\n    agentVersion\n    allowedPaths\n    agentAllowedPaths\n    allowedPathsBeyondAgent\n    publicKeyFingerprint\n    trustedFingerprint\n    previousFingerprint\n    firstSeen\n    lastConnectedAt\n    connectionCount\n    enrolledVia\n  }\n": typeof types.McpClientDetailFragmentDoc,
    "\n  mutation McpConfirmAction($input: ConfirmActionInput!) {\n    confirmAction(input: $input) {\n      confirmed\n      repeat\n      confirmationToken\n      expiresAt\n    }\n  }\n": typeof types.McpConfirmActionDocument,
    "\n  mutation McpCloseSessionShell($id: ID!) {\n    closeSession(id: $id) {\n      id\n    }\n  }\n": typeof types.McpCloseSessionShellDocument,
    "\n  query McpTargetClient($id: ID!) {\n    client(id: $id) {\n      uuid\n      clientId\n      displayName\n      online\n      lastSeen\n    }\n  }\n": typeof types.McpTargetClientDocument,
    "\n  query McpOnlineClients {\n    clients(filter: { onlineOnly: true }) {\n      uuid\n      clientId\n      displayName\n    }\n  }\n": typeof types.McpOnlineClientsDocument,
    "\n  query McpViewer {\n    viewer {\n      role\n    }\n  }\n": typeof types.McpViewerDocument,
    "\n  mutation McpAcceptKey($id: ID!) {\n    acceptKey(id: $id) {\n      ...McpClientDetail\n    }\n  }\n": typeof types.McpAcceptKeyDocument,
    "\n  query McpAcceptKeyPlan($id: ID!) {\n    client(id: $id) {\n      uuid\n      clientId\n      online\n      keyMismatch\n      publicKeyFingerprint\n      trustedFingerprint\n    }\n  }\n": typeof types.McpAcceptKeyPlanDocument,
    "\n  mutation McpConfigureClient($id: ID!, $input: ConfigureClientInput!) {\n    configureClient(id: $id, input: $input) {\n      ...McpClientDetail\n    }\n  }\n": typeof types.McpConfigureClientDocument,
    "\n  mutation McpDecommissionClient(\n    $id: ID!\n    $reason: String\n    $stopService: Boolean\n    $stopCommand: String\n  ) {\n    decommissionClient(\n      id: $id\n      reason: $reason\n      stopService: $stopService\n      stopCommand: $stopCommand\n    ) {\n      client {\n        ...McpClientDetail\n        decommissionedAt\n      }\n      serviceStop {\n        result {\n          returncode\n          stderr\n        }\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n": typeof types.McpDecommissionClientDocument,
    "\n  query McpDecommissionPlan($id: ID!) {\n    client(id: $id) {\n      uuid\n      clientId\n      online\n      webhookUrl\n    }\n  }\n": typeof types.McpDecommissionPlanDocument,
    "\n  query McpDescribeClient($id: ID!) {\n    client(id: $id) {\n      ...McpClientDetail\n    }\n  }\n": typeof types.McpDescribeClientDocument,
    "\n  mutation McpDownloadFile($clientId: ID!, $remotePath: String!, $localPath: String!) {\n    downloadFile(clientId: $clientId, remotePath: $remotePath, localPath: $localPath) {\n      ...McpTransfer\n    }\n  }\n": typeof types.McpDownloadFileDocument,
    "\n  fragment McpTransfer on Transfer {\n    transferId\n    direction\n    state\n    localPath\n    remotePath\n    bytesDone\n    totalBytes\n    resumedFrom\n    sha256\n    rateBytesPerSecond\n    startedAt\n    finishedAt\n    error {\n      code\n      message\n    }\n  }\n": typeof types.McpTransferFragmentDoc,
    "\n  query McpProbePath($clientId: ID!, $path: String!) {\n    listFiles(clientId: $clientId, path: $path, limit: 1) {\n      path\n    }\n  }\n": typeof types.McpProbePathDocument,
    "\n  query McpFindClient($filter: ClientFilter, $first: Int, $after: String) {\n    clientsConnection(filter: $filter, first: $first, after: $after) {\n      ...ClientPageFields\n    }\n  }\n": typeof types.McpFindClientDocument,
    "\n  query McpFleetHealth(\n    $filter: ClientFilter\n    $timeoutS: Int\n    $recentlyOfflineHours: Int\n    $maxAgeSeconds: Int\n  ) {\n    fleetHealth(\n      filter: $filter\n      timeoutS: $timeoutS\n      recentlyOfflineHours: $recentlyOfflineHours\n      maxAgeSeconds: $maxAgeSeconds\n    ) {\n      ...FleetHealthCounts\n      keyMismatchClients {\n        clientId\n      }\n      recentlyOfflineClients {\n        clientId\n        lastSeen\n      }\n      unhealthyClients {\n        clientId\n        healthReason\n      }\n      samples {\n        ...ResourceSampleFields\n      }\n    }\n  }\n": typeof types.McpFleetHealthDocument,
    "\n  query McpClientMetrics($id: ID!, $summary: Boolean) {\n    clientMetrics(id: $id, summary: $summary)\n  }\n": typeof types.McpClientMetricsDocument,
    "\n  query McpListClients($filter: ClientFilter, $first: Int, $after: String) {\n    page: clientsConnection(filter: $filter, first: $first, after: $after) {\n      ...ClientPageFields\n    }\n    online: clientsConnection(filter: { onlineOnly: true }, first: 0) {\n      totalCount\n    }\n    keyMismatches: clientsConnection(filter: { keyMismatch: true }, first: 0) {\n      totalCount\n    }\n  }\n": typeof types.McpListClientsDocument,
    "\n  query McpListFiles($clientId: ID!, $path: String!, $limit: Int) {\n    listFiles(clientId: $clientId, path: $path, limit: $limit) {\n      ...FileListingFields\n    }\n  }\n": typeof types.McpListFilesDocument,
    "\n  query McpReadFile($clientId: ID!, $path: String!, $encoding: FileEncoding) {\n    readFile(clientId: $clientId, path: $path, encoding: $encoding) {\n      path\n      size\n      mode\n      mtime\n      content\n      encoding\n    }\n  }\n": typeof types.McpReadFileDocument,
    "\n  query McpBulkTargets($filter: ClientFilter) {\n    clients(filter: $filter) {\n      clientId\n      displayName\n      online\n    }\n  }\n": typeof types.McpBulkTargetsDocument,
    "\n  query McpBulkJob($id: ID!, $first: Int) {\n    bulkJob(id: $id) {\n      id\n      status\n      finished\n      total\n      succeeded\n      failed\n      notStarted\n      pending\n      results(first: $first) {\n        nodes {\n          clientId\n          state\n          result {\n            returncode\n            stdout\n            stderr\n            timedOut\n          }\n          error {\n            code\n            message\n          }\n        }\n      }\n    }\n  }\n": typeof types.McpBulkJobDocument,
    "\n  mutation McpRunCommand($clientId: ID!, $cmd: String!, $cwd: String, $timeout: Int) {\n    runCommand(clientId: $clientId, cmd: $cmd, cwd: $cwd, timeout: $timeout) {\n      stdout\n      stderr\n      returncode\n      timedOut\n      truncated\n      durationMs\n    }\n  }\n": typeof types.McpRunCommandDocument,
    "\n  query McpSelectClient($id: ID!) {\n    client(id: $id) {\n      ...ClientFields\n    }\n  }\n": typeof types.McpSelectClientDocument,
    "\n  mutation McpCloseShell($input: CloseShellInput!) {\n    closeShell(input: $input) {\n      session {\n        ...SessionFields\n      }\n    }\n  }\n": typeof types.McpCloseShellDocument,
    "\n  query McpShells {\n    shells {\n      ...SessionFields\n    }\n  }\n": typeof types.McpShellsDocument,
    "\n  mutation McpOpenShell($input: OpenShellInput!) {\n    openShell(input: $input) {\n      session {\n        ...SessionFields\n      }\n      note\n    }\n  }\n": typeof types.McpOpenShellDocument,
    "\n  mutation McpReadShell($input: ReadShellInput!) {\n    readShell(input: $input) {\n      output\n      droppedBytes\n      pendingBytes\n      session {\n        ...SessionFields\n      }\n    }\n  }\n": typeof types.McpReadShellDocument,
    "\n  mutation McpWriteShell($input: WriteShellInput!) {\n    writeShell(input: $input) {\n      bytesSent\n      session {\n        id\n      }\n    }\n  }\n": typeof types.McpWriteShellDocument,
    "\n  mutation McpUpdateClient($id: ID!, $input: UpdateClientInput!) {\n    updateClient(id: $id, input: $input) {\n      ...McpClientDetail\n    }\n  }\n": typeof types.McpUpdateClientDocument,
    "\n  mutation McpUploadFile(\n    $clientId: ID!\n    $localPath: String!\n    $remotePath: String!\n    $createParents: Boolean\n    $mode: Int\n  ) {\n    uploadFile(\n      clientId: $clientId\n      localPath: $localPath\n      remotePath: $remotePath\n      createParents: $createParents\n      mode: $mode\n    ) {\n      ...McpTransfer\n    }\n  }\n": typeof types.McpUploadFileDocument,
    "\n  mutation McpWriteFile(\n    $clientId: ID!\n    $path: String!\n    $content: String!\n    $encoding: FileEncoding\n    $createParents: Boolean\n    $mode: Int\n  ) {\n    writeFile(\n      clientId: $clientId\n      path: $path\n      content: $content\n      encoding: $encoding\n      createParents: $createParents\n      mode: $mode\n    ) {\n      path\n      size\n    }\n  }\n": typeof types.McpWriteFileDocument,
    "\n  fragment TestBulkJobFields on BulkJob {\n    id\n    status\n    total\n    succeeded\n    failed\n    notStarted\n    pending\n    finished\n    startedAt\n    finishedAt\n    idempotencyKey\n  }\n": typeof types.TestBulkJobFieldsFragmentDoc,
    "\n  mutation TestStartBulk(\n    $filter: ClientFilter!\n    $cmd: String!\n    $parallelism: Int\n    $timeout: Int\n    $idempotencyKey: String\n  ) {\n    startBulkCommand(\n      filter: $filter\n      cmd: $cmd\n      parallelism: $parallelism\n      timeout: $timeout\n      idempotencyKey: $idempotencyKey\n    ) {\n      ...TestBulkJobFields\n    }\n  }\n": typeof types.TestStartBulkDocument,
    "\n  query TestBulkJob($id: ID!, $first: Int, $after: String) {\n    bulkJob(id: $id) {\n      ...TestBulkJobFields\n      results(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          cursor\n          clientId\n          state\n          ok\n          result {\n            stdout\n            returncode\n          }\n          error {\n            code\n            message\n          }\n        }\n      }\n    }\n  }\n": typeof types.TestBulkJobDocument,
    "\n  mutation TestCancelBulk($id: ID!) {\n    cancelBulkJob(id: $id) {\n      ...TestBulkJobFields\n    }\n  }\n": typeof types.TestCancelBulkDocument,
    "\n  subscription TestBulkProgress($id: ID!, $after: ID) {\n    bulkJobProgress(id: $id, after: $after) {\n      cursor\n      job {\n        ...TestBulkJobFields\n      }\n      result {\n        cursor\n        clientId\n        state\n        result {\n          stdout\n        }\n      }\n    }\n  }\n": typeof types.TestBulkProgressDocument,
    "\n  query TestDrainHeldBy($id: ID!) {\n    client(id: $id) {\n      heldBy\n    }\n    servers {\n      name\n      drainingSince\n    }\n  }\n": typeof types.TestDrainHeldByDocument,
    "\n  subscription TestBalancedMonitor($filter: EventFilter, $after: ID) {\n    clientEvents(filter: $filter, after: $after) {\n      id\n      event\n      client {\n        uuid\n      }\n    }\n  }\n": typeof types.TestBalancedMonitorDocument,
    "\n        mutation TestBalancedKey($input: CreateApiKeyInput!) {\n          createApiKey(input: $input) {\n            secret\n          }\n        }\n      ": typeof types.TestBalancedKeyDocument,
    "\n  query TestServers {\n    servers {\n      name\n      peerUrl\n      version\n      startedAt\n      lastRenewalAt\n      clientsHeld\n      alive\n      self\n    }\n  }\n": typeof types.TestServersDocument,
    "\n  query TestHeldBy($id: ID!) {\n    client(id: $id) {\n      uuid\n      online\n      heldBy\n    }\n    clients(filter: { onlineOnly: true }) {\n      uuid\n    }\n  }\n": typeof types.TestHeldByDocument,
    "\n  query TestRemoteHealth($id: ID!) {\n    client(id: $id) {\n      health\n      healthReason\n      healthSince\n    }\n  }\n": typeof types.TestRemoteHealthDocument,
    "\n  query SampledHealth($filter: ClientFilter, $maxAgeSeconds: Int) {\n    fleetHealth(filter: $filter, maxAgeSeconds: $maxAgeSeconds) {\n      online\n      sampled\n      failed\n      samples {\n        client {\n          uuid\n          clientId\n        }\n        cpuPercent\n        sampleAgeSeconds\n      }\n    }\n  }\n": typeof types.SampledHealthDocument,
    "\n  query OnlineIdsForSamples {\n    clients(filter: { onlineOnly: true }) {\n      clientId\n    }\n  }\n": typeof types.OnlineIdsForSamplesDocument,
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
    "\n  subscription HealthEvents($filter: EventFilter, $after: ID) {\n    clientEvents(filter: $filter, after: $after) {\n      event\n      timestamp\n      data\n      client {\n        uuid\n        online\n        health\n        healthReason\n      }\n    }\n  }\n": typeof types.HealthEventsDocument,
    "\n  mutation TestConfirmCreateKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n    }\n  }\n": typeof types.TestConfirmCreateKeyDocument,
    "\n  query TestConfirmEvents {\n    events(filter: { events: [\"command_executed\"] }, limit: 100) {\n      id\n    }\n  }\n": typeof types.TestConfirmEventsDocument,
    "\n  query McpTestFleetSnapshot {\n    clients(filter: { includeDecommissioned: true }) {\n      uuid\n      clientId\n      displayName\n      purpose\n      tags {\n        name\n      }\n      allowedPaths\n      webhookUrl\n      rateLimitRpm\n      rateLimitConcurrent\n      rateLimitMode\n      cpuThreshold\n      memoryThreshold\n      diskThreshold\n      resourceChecks\n      keyMismatch\n      decommissioned\n      online\n      recentCommands(limit: 100) {\n        id\n      }\n    }\n    tags {\n      name\n      clientCount\n    }\n  }\n": typeof types.McpTestFleetSnapshotDocument,
    "\n  query MetricsOfClient($id: ID!, $summary: Boolean) {\n    clientMetrics(id: $id, summary: $summary)\n  }\n": typeof types.MetricsOfClientDocument,
    "\n  subscription MetricsStream($id: ID!, $summary: Boolean, $intervalS: Int) {\n    clientMetrics(id: $id, summary: $summary, intervalS: $intervalS) {\n      timestamp\n      metrics\n      error {\n        code\n        message\n      }\n      client {\n        uuid\n        online\n      }\n    }\n  }\n": typeof types.MetricsStreamDocument,
    "\n  query FleetHealthOfTests($filter: ClientFilter, $timeoutS: Int) {\n    fleetHealth(filter: $filter, timeoutS: $timeoutS) {\n      total\n      online\n      offline\n      keyMismatches\n      unhealthy\n      recentlyOffline\n      recentlyOfflineHours\n      sampled\n      failed\n      durationMs\n      collectedAt\n      samples {\n        client {\n          uuid\n        }\n        cpuPercent\n        memoryPercent\n        diskPercent\n        load1\n        summary\n        over {\n          resource\n          percent\n          threshold\n        }\n        thresholds {\n          cpu\n          memory\n          disk\n        }\n        error {\n          code\n        }\n      }\n      overCpu {\n        client {\n          uuid\n        }\n      }\n      overMemory {\n        client {\n          uuid\n        }\n        memoryPercent\n      }\n      overDisk {\n        client {\n          uuid\n        }\n        diskPercent\n      }\n      keyMismatchClients {\n        uuid\n      }\n      recentlyOfflineClients {\n        uuid\n      }\n      unhealthyClients {\n        uuid\n      }\n    }\n  }\n": typeof types.FleetHealthOfTestsDocument,
    "\n  query TestNextStepListFiles($clientId: ID!, $path: String!) {\n    listFiles(clientId: $clientId, path: $path) {\n      path\n    }\n  }\n": typeof types.TestNextStepListFilesDocument,
    "\n  query RateLimitsStats($id: ID!) {\n    rateLimitStats(id: $id) {\n      requestsPerMinute\n      currentConcurrent\n      rpmLimit\n      concurrentLimit\n      rpmWarnings\n      concurrentWarnings\n      rpmRejections\n      concurrentRejections\n      mode\n    }\n  }\n": typeof types.RateLimitsStatsDocument,
    "\n  subscription RateLimitsWarnings($clientId: ID) {\n    rateLimitWarnings(clientId: $clientId) {\n      id\n      limit\n      enforced\n      mode\n      operation\n      requestsPerMinute\n      currentConcurrent\n      rpmLimit\n      concurrentLimit\n      client {\n        uuid\n      }\n    }\n  }\n": typeof types.RateLimitsWarningsDocument,
    "\n  mutation TestIdempotentRun($clientId: ID!, $cmd: String!, $idempotencyKey: String) {\n    runCommand(clientId: $clientId, cmd: $cmd, idempotencyKey: $idempotencyKey) {\n      stdout\n      returncode\n    }\n  }\n": typeof types.TestIdempotentRunDocument,
    "\n  mutation TestIdempotentWrite(\n    $clientId: ID!\n    $path: String!\n    $content: String!\n    $idempotencyKey: String\n  ) {\n    writeFile(\n      clientId: $clientId\n      path: $path\n      content: $content\n      idempotencyKey: $idempotencyKey\n    ) {\n      path\n      size\n    }\n  }\n": typeof types.TestIdempotentWriteDocument,
    "\n  subscription TestClientEventsAfter($filter: EventFilter, $after: ID) {\n    clientEvents(filter: $filter, after: $after) {\n      id\n      event\n    }\n  }\n": typeof types.TestClientEventsAfterDocument,
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
    "\n  query TestClientWebhook($id: ID!) {\n    client(id: $id) {\n      uuid\n      webhookUrl\n      hasWebhookSecret\n    }\n  }\n": typeof types.TestClientWebhookDocument,
};
const documents: Documents = {
    "\n  query CliBulkTargets($filter: ClientFilter) {\n    clients(filter: $filter) {\n      ...ClientFields\n    }\n  }\n": types.CliBulkTargetsDocument,
    "\n  query CliTagNames {\n    tags {\n      name\n    }\n  }\n": types.CliTagNamesDocument,
    "\n  mutation CliAcceptKey($id: ID!) {\n    acceptKey(id: $id) {\n      ...ClientFields\n      trustedFingerprint\n      keyAcceptedAt\n      keyAcceptedBy\n    }\n  }\n": types.CliAcceptKeyDocument,
    "\n  mutation CliConfigureClient($id: ID!, $input: ConfigureClientInput!) {\n    configureClient(id: $id, input: $input) {\n      ...ClientFields\n      ...ClientSettingsFields\n    }\n  }\n": types.CliConfigureClientDocument,
    "\n  mutation CliDecommissionClient(\n    $id: ID!\n    $reason: String\n    $stopService: Boolean\n    $stopCommand: String\n  ) {\n    decommissionClient(\n      id: $id\n      reason: $reason\n      stopService: $stopService\n      stopCommand: $stopCommand\n    ) {\n      client {\n        ...ClientFields\n        decommissionedAt\n      }\n      serviceStop {\n        result {\n          ...CommandResultFields\n        }\n        error {\n          ...OperationErrorFields\n        }\n      }\n    }\n  }\n": types.CliDecommissionClientDocument,
    "\n  query CliDescribeClient($id: ID!, $events: Int) {\n    client(id: $id) {\n      ...ClientFields\n      platformRelease\n      username\n      agentVersion\n      enrolledVia\n      firstSeen\n      connectedAt\n      lastConnectedAt\n      lastDisconnectedAt\n      connectionCount\n      remoteAddress\n      healthSince\n      lastHeartbeatAt\n      allowedPaths\n      agentAllowedPaths\n      ...ClientSettingsFields\n      publicKeyFingerprint\n      trustedFingerprint\n      previousFingerprint\n      keyMismatchAt\n      keyAcceptedAt\n      keyAcceptedBy\n      decommissionedAt\n      recentEvents(limit: $events) {\n        id\n        event\n        timestamp\n        actor\n        data\n      }\n    }\n  }\n": types.CliDescribeClientDocument,
    "\n  query CliClientsPage($filter: ClientFilter, $first: Int, $after: String) {\n    clientsConnection(filter: $filter, first: $first, after: $after) {\n      ...ClientPageFields\n    }\n  }\n": types.CliClientsPageDocument,
    "\n  mutation CliRestoreClient($id: ID!) {\n    restoreClient(id: $id) {\n      ...ClientFields\n    }\n  }\n": types.CliRestoreClientDocument,
    "\n  mutation CliUpdateClient($id: ID!, $input: UpdateClientInput!) {\n    updateClient(id: $id, input: $input) {\n      ...ClientFields\n      allowedPaths\n    }\n  }\n": types.CliUpdateClientDocument,
    "\n  mutation CliUpdateClients($filter: ClientFilter!, $input: UpdateClientsInput!) {\n    updateClients(filter: $filter, input: $input) {\n      count\n      clients {\n        ...ClientFields\n      }\n    }\n  }\n": types.CliUpdateClientsDocument,
    "\n  query CliClientTags($id: ID!) {\n    client(id: $id) {\n      uuid\n      tags {\n        name\n      }\n    }\n  }\n": types.CliClientTagsDocument,
    "\n  fragment CliTrustedDocumentFields on TrustedDocument {\n    hash\n    name\n    document\n    createdAt\n    createdBy\n  }\n": types.CliTrustedDocumentFieldsFragmentDoc,
    "\n  query CliTrustedDocuments {\n    trustedDocuments {\n      ...CliTrustedDocumentFields\n    }\n  }\n": types.CliTrustedDocumentsDocument,
    "\n  mutation CliRegisterTrustedDocument($input: RegisterTrustedDocumentInput!) {\n    registerTrustedDocument(input: $input) {\n      trustedDocument {\n        ...CliTrustedDocumentFields\n      }\n    }\n  }\n": types.CliRegisterTrustedDocumentDocument,
    "\n  mutation CliRemoveTrustedDocument($input: RemoveTrustedDocumentInput!) {\n    removeTrustedDocument(input: $input) {\n      trustedDocument {\n        ...CliTrustedDocumentFields\n      }\n    }\n  }\n": types.CliRemoveTrustedDocumentDocument,
    "\n  query CliEvents($filter: EventFilter, $limit: Int, $before: ID) {\n    events(filter: $filter, limit: $limit, before: $before) {\n      ...CliEventFields\n    }\n  }\n": types.CliEventsDocument,
    "\n  mutation CliDownloadFile(\n    $clientId: ID!\n    $remotePath: String!\n    $localPath: String!\n    $transferId: ID\n  ) {\n    downloadFile(\n      clientId: $clientId\n      remotePath: $remotePath\n      localPath: $localPath\n      transferId: $transferId\n    ) {\n      ...CliTransferFields\n    }\n  }\n": types.CliDownloadFileDocument,
    "\n  query CliListFiles($clientId: ID!, $path: String!) {\n    listFiles(clientId: $clientId, path: $path) {\n      ...FileListingFields\n    }\n  }\n": types.CliListFilesDocument,
    "\n  mutation CliUploadFile(\n    $clientId: ID!\n    $localPath: String!\n    $remotePath: String!\n    $transferId: ID\n    $createParents: Boolean\n  ) {\n    uploadFile(\n      clientId: $clientId\n      localPath: $localPath\n      remotePath: $remotePath\n      transferId: $transferId\n      createParents: $createParents\n    ) {\n      ...CliTransferFields\n    }\n  }\n": types.CliUploadFileDocument,
    "\n  fragment CliTransferFields on Transfer {\n    transferId\n    clientId\n    direction\n    remotePath\n    localPath\n    state\n    bytesDone\n    totalBytes\n    resumedFrom\n    rateBytesPerSecond\n    etaSeconds\n    sha256\n    startedAt\n    finishedAt\n  }\n": types.CliTransferFieldsFragmentDoc,
    "\n  subscription CliTransferProgress($transferId: ID!) {\n    transferProgress(transferId: $transferId) {\n      bytesDone\n      totalBytes\n      rateBytesPerSecond\n      etaSeconds\n      state\n    }\n  }\n": types.CliTransferProgressDocument,
    "\n  query CliFleetHealth($filter: ClientFilter, $recentlyOfflineHours: Int, $timeoutS: Int) {\n    fleetHealth(filter: $filter, recentlyOfflineHours: $recentlyOfflineHours, timeoutS: $timeoutS) {\n      ...FleetHealthCounts\n      overCpu {\n        ...ResourceSampleFields\n      }\n      overMemory {\n        ...ResourceSampleFields\n      }\n      overDisk {\n        ...ResourceSampleFields\n      }\n      samples {\n        ...ResourceSampleFields\n      }\n      unhealthyClients {\n        clientId\n        displayName\n        online\n        healthReason\n        healthSince\n      }\n      keyMismatchClients {\n        clientId\n        displayName\n        online\n        keyMismatchAt\n      }\n      recentlyOfflineClients {\n        clientId\n        displayName\n        online\n        lastDisconnectedAt\n      }\n    }\n  }\n": types.CliFleetHealthDocument,
    "\n  mutation CliCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        ...ApiKeyFields\n      }\n    }\n  }\n": types.CliCreateApiKeyDocument,
    "\n  fragment ApiKeyFields on ApiKey {\n    id\n    name\n    role\n    scope {\n      tags\n      clientIds\n    }\n    trustedDocumentsOnly\n    createdAt\n    createdBy\n    lastUsedAt\n    expiresAt\n    revokedAt\n    revoked\n  }\n": types.ApiKeyFieldsFragmentDoc,
    "\n  query CliApiKeys {\n    apiKeys {\n      ...ApiKeyFields\n    }\n  }\n": types.CliApiKeysDocument,
    "\n  mutation CliRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyFields\n    }\n  }\n": types.CliRevokeApiKeyDocument,
    "\n  query CliClientMetrics($id: ID!, $summary: Boolean) {\n    clientMetrics(id: $id, summary: $summary)\n  }\n": types.CliClientMetricsDocument,
    "\n  subscription CliWatchMetrics($id: ID!, $intervalS: Int, $summary: Boolean) {\n    clientMetrics(id: $id, intervalS: $intervalS, summary: $summary) {\n      timestamp\n      metrics\n      error {\n        ...OperationErrorFields\n      }\n      client {\n        clientId\n      }\n    }\n  }\n": types.CliWatchMetricsDocument,
    "\n  subscription CliBulkJobProgress($id: ID!, $after: ID) {\n    bulkJobProgress(id: $id, after: $after) {\n      cursor\n      job {\n        status\n        total\n        succeeded\n        failed\n        notStarted\n      }\n      result {\n        client {\n          ...ClientFields\n        }\n        ok\n        result {\n          ...CommandResultFields\n        }\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n": types.CliBulkJobProgressDocument,
    "\n  mutation CliCancelBulkJob($id: ID!) {\n    cancelBulkJob(id: $id) {\n      status\n    }\n  }\n": types.CliCancelBulkJobDocument,
    "\n  mutation CliRunCommand(\n    $clientId: ID!\n    $cmd: String!\n    $cwd: String\n    $env: [EnvironmentVariableInput!]\n    $timeout: Int\n  ) {\n    runCommand(clientId: $clientId, cmd: $cmd, cwd: $cwd, env: $env, timeout: $timeout) {\n      ...CommandResultFields\n    }\n  }\n": types.CliRunCommandDocument,
    "\n  mutation CliCloseSession($id: ID!) {\n    closeSession(id: $id) {\n      id\n      clientId\n      bytesIn\n      bytesOut\n    }\n  }\n": types.CliCloseSessionDocument,
    "\n  query CliSessions($filter: SessionFilter, $first: Int) {\n    sessions(filter: $filter, first: $first) {\n      ...SessionFields\n    }\n  }\n": types.CliSessionsDocument,
    "\n  query CliSessionRecording($id: ID!) {\n    session(id: $id) {\n      id\n      recording\n    }\n  }\n": types.CliSessionRecordingDocument,
    "\n  mutation CliCreateEnrollmentToken($input: CreateEnrollmentTokenInput) {\n    createEnrollmentToken(input: $input) {\n      token\n      enrollmentToken {\n        ...TokenFields\n      }\n    }\n  }\n": types.CliCreateEnrollmentTokenDocument,
    "\n  query CliServerInfo {\n    serverInfo {\n      sshHost\n      sshPort\n      hostKeyFingerprint\n    }\n  }\n": types.CliServerInfoDocument,
    "\n  query CliEnrollmentTokens($includeInactive: Boolean) {\n    enrollmentTokens(includeInactive: $includeInactive) {\n      ...TokenFields\n    }\n  }\n": types.CliEnrollmentTokensDocument,
    "\n  mutation CliRevokeEnrollmentToken($id: ID!) {\n    revokeEnrollmentToken(id: $id) {\n      ...TokenFields\n    }\n  }\n": types.CliRevokeEnrollmentTokenDocument,
    "\n  fragment TokenFields on EnrollmentToken {\n    id\n    prefix\n    name\n    displayName\n    purpose\n    tags\n    maxUses\n    uses\n    expiresAt\n    createdAt\n    revokedAt\n    active\n  }\n": types.TokenFieldsFragmentDoc,
    "\n  mutation CliCloseTunnel($id: ID!) {\n    closeTunnel(id: $id) {\n      id\n      clientId\n      connections\n    }\n  }\n": types.CliCloseTunnelDocument,
    "\n  query CliTunnels {\n    tunnels {\n      id\n      clientId\n      principal\n      host\n      port\n      listen\n      openedAt\n      connections\n      activeConnections\n      bytesIn\n      bytesOut\n    }\n  }\n": types.CliTunnelsDocument,
    "\n  fragment CliWatchedEvent on ClientEvent {\n    ...CliEventFields\n    client {\n      health\n      keyMismatch\n    }\n  }\n": types.CliWatchedEventFragmentDoc,
    "\n  query CliWatchLatest {\n    events(limit: 1) {\n      id\n    }\n  }\n": types.CliWatchLatestDocument,
    "\n  subscription CliWatchEvents($filter: EventFilter, $after: ID) {\n    clientEvents(filter: $filter, after: $after) {\n      ...CliWatchedEvent\n    }\n  }\n": types.CliWatchEventsDocument,
    "\n  fragment CliWebhookDeliveryFields on WebhookDelivery {\n    id\n    event\n    client {\n      uuid\n      clientId\n      displayName\n    }\n    url\n    status\n    attempts\n    lastError\n    lastStatusCode\n    nextAttemptAt\n    createdAt\n    deliveredAt\n  }\n": types.CliWebhookDeliveryFieldsFragmentDoc,
    "\n  query CliWebhookDeliveries($filter: WebhookDeliveryFilter, $limit: Int) {\n    webhookDeliveries(filter: $filter, limit: $limit) {\n      ...CliWebhookDeliveryFields\n    }\n  }\n": types.CliWebhookDeliveriesDocument,
    "\n  query CliWebhookDelivery($id: ID!) {\n    webhookDelivery(id: $id) {\n      ...CliWebhookDeliveryFields\n    }\n  }\n": types.CliWebhookDeliveryDocument,
    "\n  mutation CliReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      ...CliWebhookDeliveryFields\n    }\n  }\n": types.CliReplayWebhookDeliveryDocument,
    "\n  mutation CliReplayFailedWebhookDeliveries($filter: WebhookReplayFilter) {\n    replayFailedWebhookDeliveries(filter: $filter) {\n      count\n    }\n  }\n": types.CliReplayFailedWebhookDeliveriesDocument,
    "\n  mutation CliSendTestWebhook($clientId: ID, $url: String) {\n    sendTestWebhook(clientId: $clientId, url: $url) {\n      ...CliWebhookDeliveryFields\n    }\n  }\n": types.CliSendTestWebhookDocument,
    "\n  subscription CliWebhookDeliveryFailed($filter: WebhookFailureFilter) {\n    webhookDeliveryFailed(filter: $filter) {\n      deadLettered\n      delivery {\n        ...CliWebhookDeliveryFields\n      }\n    }\n  }\n": types.CliWebhookDeliveryFailedDocument,
    "\n  fragment CliEventFields on ClientEvent {\n    id\n    event\n    timestamp\n    actor\n    data\n    client {\n      uuid\n      clientId\n      displayName\n      online\n    }\n  }\n": types.CliEventFieldsFragmentDoc,
    "\n  fragment ClientFields on Client {\n    uuid\n    clientId\n    displayName\n    purpose\n    tags {\n      name\n    }\n    hostname\n    platform\n    arch\n    online\n    health\n    healthReason\n    keyMismatch\n    decommissioned\n    lastSeen\n    capabilities\n  }\n": types.ClientFieldsFragmentDoc,
    "\n  fragment ClientSettingsFields on Client {\n    webhookUrl\n    rateLimitRpm\n    rateLimitConcurrent\n    rateLimitMode\n    cpuThreshold\n    memoryThreshold\n    diskThreshold\n    resourceChecks\n    forwardTargets\n  }\n": types.ClientSettingsFieldsFragmentDoc,
    "\n  fragment CommandResultFields on CommandResult {\n    returncode\n    stdout\n    stderr\n    durationMs\n    timedOut\n    truncated\n  }\n": types.CommandResultFieldsFragmentDoc,
    "\n  fragment OperationErrorFields on OperationError {\n    code\n    message\n    nextSteps {\n      operation\n      client {\n        uuid\n        clientId\n      }\n    }\n  }\n": types.OperationErrorFieldsFragmentDoc,
    "\n  fragment RateLimitStatsFields on RateLimitStats {\n    requestsPerMinute\n    currentConcurrent\n    rpmLimit\n    concurrentLimit\n    rpmWarnings\n    concurrentWarnings\n    rpmRejections\n    concurrentRejections\n    mode\n  }\n": types.RateLimitStatsFieldsFragmentDoc,
    "\n  fragment FleetHealthCounts on FleetHealth {\n    total\n    online\n    offline\n    unhealthy\n    keyMismatches\n    recentlyOffline\n    recentlyOfflineHours\n    sampled\n    failed\n    collectedAt\n    durationMs\n  }\n": types.FleetHealthCountsFragmentDoc,
    "\n  fragment FileListingFields on FileListing {\n    path\n    truncated\n    entries {\n      name\n      type\n      size\n      mode\n      mtime\n    }\n  }\n": types.FileListingFieldsFragmentDoc,
    "\n  fragment SessionFields on Session {\n    id\n    clientUuid\n    clientId\n    principal\n    apiKey\n    origin\n    command\n    pty\n    cols\n    rows\n    open\n    startedAt\n    endedAt\n    exitStatus\n    exitSignal\n    closeReason\n    bytesIn\n    bytesOut\n  }\n": types.SessionFieldsFragmentDoc,
    "\n  fragment ResourceSampleFields on ResourceSample {\n    client {\n      uuid\n      clientId\n      displayName\n      online\n    }\n    cpuPercent\n    memoryPercent\n    diskPercent\n    load1\n    sampleAgeSeconds\n    over {\n      resource\n      percent\n      threshold\n    }\n    error {\n      ...OperationErrorFields\n    }\n  }\n": types.ResourceSampleFieldsFragmentDoc,
    "\n  fragment ClientPageFields on ClientsConnection {\n    totalCount\n    nodes {\n      ...ClientFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n": types.ClientPageFieldsFragmentDoc,
    "\n  query ClientRateLimitStats($id: ID!) {\n    rateLimitStats(id: $id) {\n      client {\n        uuid\n        clientId\n        displayName\n        online\n      }\n      ...RateLimitStatsFields\n    }\n  }\n": types.ClientRateLimitStatsDocument,
    "\n  mutation StartBulkCommand(\n    $filter: ClientFilter!\n    $cmd: String!\n    $cwd: String\n    $env: [EnvironmentVariableInput!]\n    $timeout: Int\n    $parallelism: Int\n    $idempotencyKey: String\n  ) {\n    startBulkCommand(\n      filter: $filter\n      cmd: $cmd\n      cwd: $cwd\n      env: $env\n      timeout: $timeout\n      parallelism: $parallelism\n      idempotencyKey: $idempotencyKey\n    ) {\n      id\n      total\n    }\n  }\n": types.StartBulkCommandDocument,
    "\n  fragment McpClientDetail on Client {\n    ...ClientFields\n    ...ClientSettingsFields\n    username\n    platformRelease\n    agentVersion\n    allowedPaths\n    agentAllowedPaths\n    allowedPathsBeyondAgent\n    publicKeyFingerprint\n    trustedFingerprint\n    previousFingerprint\n    firstSeen\n    lastConnectedAt\n    connectionCount\n    enrolledVia\n  }\n": types.McpClientDetailFragmentDoc,
    "\n  mutation McpConfirmAction($input: ConfirmActionInput!) {\n    confirmAction(input: $input) {\n      confirmed\n      repeat\n      confirmationToken\n      expiresAt\n    }\n  }\n": types.McpConfirmActionDocument,
    "\n  mutation McpCloseSessionShell($id: ID!) {\n    closeSession(id: $id) {\n      id\n    }\n  }\n": types.McpCloseSessionShellDocument,
    "\n  query McpTargetClient($id: ID!) {\n    client(id: $id) {\n      uuid\n      clientId\n      displayName\n      online\n      lastSeen\n    }\n  }\n": types.McpTargetClientDocument,
    "\n  query McpOnlineClients {\n    clients(filter: { onlineOnly: true }) {\n      uuid\n      clientId\n      displayName\n    }\n  }\n": types.McpOnlineClientsDocument,
    "\n  query McpViewer {\n    viewer {\n      role\n    }\n  }\n": types.McpViewerDocument,
    "\n  mutation McpAcceptKey($id: ID!) {\n    acceptKey(id: $id) {\n      ...McpClientDetail\n    }\n  }\n": types.McpAcceptKeyDocument,
    "\n  query McpAcceptKeyPlan($id: ID!) {\n    client(id: $id) {\n      uuid\n      clientId\n      online\n      keyMismatch\n      publicKeyFingerprint\n      trustedFingerprint\n    }\n  }\n": types.McpAcceptKeyPlanDocument,
    "\n  mutation McpConfigureClient($id: ID!, $input: ConfigureClientInput!) {\n    configureClient(id: $id, input: $input) {\n      ...McpClientDetail\n    }\n  }\n": types.McpConfigureClientDocument,
    "\n  mutation McpDecommissionClient(\n    $id: ID!\n    $reason: String\n    $stopService: Boolean\n    $stopCommand: String\n  ) {\n    decommissionClient(\n      id: $id\n      reason: $reason\n      stopService: $stopService\n      stopCommand: $stopCommand\n    ) {\n      client {\n        ...McpClientDetail\n        decommissionedAt\n      }\n      serviceStop {\n        result {\n          returncode\n          stderr\n        }\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n": types.McpDecommissionClientDocument,
    "\n  query McpDecommissionPlan($id: ID!) {\n    client(id: $id) {\n      uuid\n      clientId\n      online\n      webhookUrl\n    }\n  }\n": types.McpDecommissionPlanDocument,
    "\n  query McpDescribeClient($id: ID!) {\n    client(id: $id) {\n      ...McpClientDetail\n    }\n  }\n": types.McpDescribeClientDocument,
    "\n  mutation McpDownloadFile($clientId: ID!, $remotePath: String!, $localPath: String!) {\n    downloadFile(clientId: $clientId, remotePath: $remotePath, localPath: $localPath) {\n      ...McpTransfer\n    }\n  }\n": types.McpDownloadFileDocument,
    "\n  fragment McpTransfer on Transfer {\n    transferId\n    direction\n    state\n    localPath\n    remotePath\n    bytesDone\n    totalBytes\n    resumedFrom\n    sha256\n    rateBytesPerSecond\n    startedAt\n    finishedAt\n    error {\n      code\n      message\n    }\n  }\n": types.McpTransferFragmentDoc,
    "\n  query McpProbePath($clientId: ID!, $path: String!) {\n    listFiles(clientId: $clientId, path: $path, limit: 1) {\n      path\n    }\n  }\n": types.McpProbePathDocument,
    "\n  query McpFindClient($filter: ClientFilter, $first: Int, $after: String) {\n    clientsConnection(filter: $filter, first: $first, after: $after) {\n      ...ClientPageFields\n    }\n  }\n": types.McpFindClientDocument,
    "\n  query McpFleetHealth(\n    $filter: ClientFilter\n    $timeoutS: Int\n    $recentlyOfflineHours: Int\n    $maxAgeSeconds: Int\n  ) {\n    fleetHealth(\n      filter: $filter\n      timeoutS: $timeoutS\n      recentlyOfflineHours: $recentlyOfflineHours\n      maxAgeSeconds: $maxAgeSeconds\n    ) {\n      ...FleetHealthCounts\n      keyMismatchClients {\n        clientId\n      }\n      recentlyOfflineClients {\n        clientId\n        lastSeen\n      }\n      unhealthyClients {\n        clientId\n        healthReason\n      }\n      samples {\n        ...ResourceSampleFields\n      }\n    }\n  }\n": types.McpFleetHealthDocument,
    "\n  query McpClientMetrics($id: ID!, $summary: Boolean) {\n    clientMetrics(id: $id, summary: $summary)\n  }\n": types.McpClientMetricsDocument,
    "\n  query McpListClients($filter: ClientFilter, $first: Int, $after: String) {\n    page: clientsConnection(filter: $filter, first: $first, after: $after) {\n      ...ClientPageFields\n    }\n    online: clientsConnection(filter: { onlineOnly: true }, first: 0) {\n      totalCount\n    }\n    keyMismatches: clientsConnection(filter: { keyMismatch: true }, first: 0) {\n      totalCount\n    }\n  }\n": types.McpListClientsDocument,
    "\n  query McpListFiles($clientId: ID!, $path: String!, $limit: Int) {\n    listFiles(clientId: $clientId, path: $path, limit: $limit) {\n      ...FileListingFields\n    }\n  }\n": types.McpListFilesDocument,
    "\n  query McpReadFile($clientId: ID!, $path: String!, $encoding: FileEncoding) {\n    readFile(clientId: $clientId, path: $path, encoding: $encoding) {\n      path\n      size\n      mode\n      mtime\n      content\n      encoding\n    }\n  }\n": types.McpReadFileDocument,
    "\n  query McpBulkTargets($filter: ClientFilter) {\n    clients(filter: $filter) {\n      clientId\n      displayName\n      online\n    }\n  }\n": types.McpBulkTargetsDocument,
    "\n  query McpBulkJob($id: ID!, $first: Int) {\n    bulkJob(id: $id) {\n      id\n      status\n      finished\n      total\n      succeeded\n      failed\n      notStarted\n      pending\n      results(first: $first) {\n        nodes {\n          clientId\n          state\n          result {\n            returncode\n            stdout\n            stderr\n            timedOut\n          }\n          error {\n            code\n            message\n          }\n        }\n      }\n    }\n  }\n": types.McpBulkJobDocument,
    "\n  mutation McpRunCommand($clientId: ID!, $cmd: String!, $cwd: String, $timeout: Int) {\n    runCommand(clientId: $clientId, cmd: $cmd, cwd: $cwd, timeout: $timeout) {\n      stdout\n      stderr\n      returncode\n      timedOut\n      truncated\n      durationMs\n    }\n  }\n": types.McpRunCommandDocument,
    "\n  query McpSelectClient($id: ID!) {\n    client(id: $id) {\n      ...ClientFields\n    }\n  }\n": types.McpSelectClientDocument,
    "\n  mutation McpCloseShell($input: CloseShellInput!) {\n    closeShell(input: $input) {\n      session {\n        ...SessionFields\n      }\n    }\n  }\n": types.McpCloseShellDocument,
    "\n  query McpShells {\n    shells {\n      ...SessionFields\n    }\n  }\n": types.McpShellsDocument,
    "\n  mutation McpOpenShell($input: OpenShellInput!) {\n    openShell(input: $input) {\n      session {\n        ...SessionFields\n      }\n      note\n    }\n  }\n": types.McpOpenShellDocument,
    "\n  mutation McpReadShell($input: ReadShellInput!) {\n    readShell(input: $input) {\n      output\n      droppedBytes\n      pendingBytes\n      session {\n        ...SessionFields\n      }\n    }\n  }\n": types.McpReadShellDocument,
    "\n  mutation McpWriteShell($input: WriteShellInput!) {\n    writeShell(input: $input) {\n      bytesSent\n      session {\n        id\n      }\n    }\n  }\n": types.McpWriteShellDocument,
    "\n  mutation McpUpdateClient($id: ID!, $input: UpdateClientInput!) {\n    updateClient(id: $id, input: $input) {\n      ...McpClientDetail\n    }\n  }\n": types.McpUpdateClientDocument,
    "\n  mutation McpUploadFile(\n    $clientId: ID!\n    $localPath: String!\n    $remotePath: String!\n    $createParents: Boolean\n    $mode: Int\n  ) {\n    uploadFile(\n      clientId: $clientId\n      localPath: $localPath\n      remotePath: $remotePath\n      createParents: $createParents\n      mode: $mode\n    ) {\n      ...McpTransfer\n    }\n  }\n": types.McpUploadFileDocument,
    "\n  mutation McpWriteFile(\n    $clientId: ID!\n    $path: String!\n    $content: String!\n    $encoding: FileEncoding\n    $createParents: Boolean\n    $mode: Int\n  ) {\n    writeFile(\n      clientId: $clientId\n      path: $path\n      content: $content\n      encoding: $encoding\n      createParents: $createParents\n      mode: $mode\n    ) {\n      path\n      size\n    }\n  }\n": types.McpWriteFileDocument,
    "\n  fragment TestBulkJobFields on BulkJob {\n    id\n    status\n    total\n    succeeded\n    failed\n    notStarted\n    pending\n    finished\n    startedAt\n    finishedAt\n    idempotencyKey\n  }\n": types.TestBulkJobFieldsFragmentDoc,
    "\n  mutation TestStartBulk(\n    $filter: ClientFilter!\n    $cmd: String!\n    $parallelism: Int\n    $timeout: Int\n    $idempotencyKey: String\n  ) {\n    startBulkCommand(\n      filter: $filter\n      cmd: $cmd\n      parallelism: $parallelism\n      timeout: $timeout\n      idempotencyKey: $idempotencyKey\n    ) {\n      ...TestBulkJobFields\n    }\n  }\n": types.TestStartBulkDocument,
    "\n  query TestBulkJob($id: ID!, $first: Int, $after: String) {\n    bulkJob(id: $id) {\n      ...TestBulkJobFields\n      results(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          cursor\n          clientId\n          state\n          ok\n          result {\n            stdout\n            returncode\n          }\n          error {\n            code\n            message\n          }\n        }\n      }\n    }\n  }\n": types.TestBulkJobDocument,
    "\n  mutation TestCancelBulk($id: ID!) {\n    cancelBulkJob(id: $id) {\n      ...TestBulkJobFields\n    }\n  }\n": types.TestCancelBulkDocument,
    "\n  subscription TestBulkProgress($id: ID!, $after: ID) {\n    bulkJobProgress(id: $id, after: $after) {\n      cursor\n      job {\n        ...TestBulkJobFields\n      }\n      result {\n        cursor\n        clientId\n        state\n        result {\n          stdout\n        }\n      }\n    }\n  }\n": types.TestBulkProgressDocument,
    "\n  query TestDrainHeldBy($id: ID!) {\n    client(id: $id) {\n      heldBy\n    }\n    servers {\n      name\n      drainingSince\n    }\n  }\n": types.TestDrainHeldByDocument,
    "\n  subscription TestBalancedMonitor($filter: EventFilter, $after: ID) {\n    clientEvents(filter: $filter, after: $after) {\n      id\n      event\n      client {\n        uuid\n      }\n    }\n  }\n": types.TestBalancedMonitorDocument,
    "\n        mutation TestBalancedKey($input: CreateApiKeyInput!) {\n          createApiKey(input: $input) {\n            secret\n          }\n        }\n      ": types.TestBalancedKeyDocument,
    "\n  query TestServers {\n    servers {\n      name\n      peerUrl\n      version\n      startedAt\n      lastRenewalAt\n      clientsHeld\n      alive\n      self\n    }\n  }\n": types.TestServersDocument,
    "\n  query TestHeldBy($id: ID!) {\n    client(id: $id) {\n      uuid\n      online\n      heldBy\n    }\n    clients(filter: { onlineOnly: true }) {\n      uuid\n    }\n  }\n": types.TestHeldByDocument,
    "\n  query TestRemoteHealth($id: ID!) {\n    client(id: $id) {\n      health\n      healthReason\n      healthSince\n    }\n  }\n": types.TestRemoteHealthDocument,
    "\n  query SampledHealth($filter: ClientFilter, $maxAgeSeconds: Int) {\n    fleetHealth(filter: $filter, maxAgeSeconds: $maxAgeSeconds) {\n      online\n      sampled\n      failed\n      samples {\n        client {\n          uuid\n          clientId\n        }\n        cpuPercent\n        sampleAgeSeconds\n      }\n    }\n  }\n": types.SampledHealthDocument,
    "\n  query OnlineIdsForSamples {\n    clients(filter: { onlineOnly: true }) {\n      clientId\n    }\n  }\n": types.OnlineIdsForSamplesDocument,
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
    "\n  subscription HealthEvents($filter: EventFilter, $after: ID) {\n    clientEvents(filter: $filter, after: $after) {\n      event\n      timestamp\n      data\n      client {\n        uuid\n        online\n        health\n        healthReason\n      }\n    }\n  }\n": types.HealthEventsDocument,
    "\n  mutation TestConfirmCreateKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n    }\n  }\n": types.TestConfirmCreateKeyDocument,
    "\n  query TestConfirmEvents {\n    events(filter: { events: [\"command_executed\"] }, limit: 100) {\n      id\n    }\n  }\n": types.TestConfirmEventsDocument,
    "\n  query McpTestFleetSnapshot {\n    clients(filter: { includeDecommissioned: true }) {\n      uuid\n      clientId\n      displayName\n      purpose\n      tags {\n        name\n      }\n      allowedPaths\n      webhookUrl\n      rateLimitRpm\n      rateLimitConcurrent\n      rateLimitMode\n      cpuThreshold\n      memoryThreshold\n      diskThreshold\n      resourceChecks\n      keyMismatch\n      decommissioned\n      online\n      recentCommands(limit: 100) {\n        id\n      }\n    }\n    tags {\n      name\n      clientCount\n    }\n  }\n": types.McpTestFleetSnapshotDocument,
    "\n  query MetricsOfClient($id: ID!, $summary: Boolean) {\n    clientMetrics(id: $id, summary: $summary)\n  }\n": types.MetricsOfClientDocument,
    "\n  subscription MetricsStream($id: ID!, $summary: Boolean, $intervalS: Int) {\n    clientMetrics(id: $id, summary: $summary, intervalS: $intervalS) {\n      timestamp\n      metrics\n      error {\n        code\n        message\n      }\n      client {\n        uuid\n        online\n      }\n    }\n  }\n": types.MetricsStreamDocument,
    "\n  query FleetHealthOfTests($filter: ClientFilter, $timeoutS: Int) {\n    fleetHealth(filter: $filter, timeoutS: $timeoutS) {\n      total\n      online\n      offline\n      keyMismatches\n      unhealthy\n      recentlyOffline\n      recentlyOfflineHours\n      sampled\n      failed\n      durationMs\n      collectedAt\n      samples {\n        client {\n          uuid\n        }\n        cpuPercent\n        memoryPercent\n        diskPercent\n        load1\n        summary\n        over {\n          resource\n          percent\n          threshold\n        }\n        thresholds {\n          cpu\n          memory\n          disk\n        }\n        error {\n          code\n        }\n      }\n      overCpu {\n        client {\n          uuid\n        }\n      }\n      overMemory {\n        client {\n          uuid\n        }\n        memoryPercent\n      }\n      overDisk {\n        client {\n          uuid\n        }\n        diskPercent\n      }\n      keyMismatchClients {\n        uuid\n      }\n      recentlyOfflineClients {\n        uuid\n      }\n      unhealthyClients {\n        uuid\n      }\n    }\n  }\n": types.FleetHealthOfTestsDocument,
    "\n  query TestNextStepListFiles($clientId: ID!, $path: String!) {\n    listFiles(clientId: $clientId, path: $path) {\n      path\n    }\n  }\n": types.TestNextStepListFilesDocument,
    "\n  query RateLimitsStats($id: ID!) {\n    rateLimitStats(id: $id) {\n      requestsPerMinute\n      currentConcurrent\n      rpmLimit\n      concurrentLimit\n      rpmWarnings\n      concurrentWarnings\n      rpmRejections\n      concurrentRejections\n      mode\n    }\n  }\n": types.RateLimitsStatsDocument,
    "\n  subscription RateLimitsWarnings($clientId: ID) {\n    rateLimitWarnings(clientId: $clientId) {\n      id\n      limit\n      enforced\n      mode\n      operation\n      requestsPerMinute\n      currentConcurrent\n      rpmLimit\n      concurrentLimit\n      client {\n        uuid\n      }\n    }\n  }\n": types.RateLimitsWarningsDocument,
    "\n  mutation TestIdempotentRun($clientId: ID!, $cmd: String!, $idempotencyKey: String) {\n    runCommand(clientId: $clientId, cmd: $cmd, idempotencyKey: $idempotencyKey) {\n      stdout\n      returncode\n    }\n  }\n": types.TestIdempotentRunDocument,
    "\n  mutation TestIdempotentWrite(\n    $clientId: ID!\n    $path: String!\n    $content: String!\n    $idempotencyKey: String\n  ) {\n    writeFile(\n      clientId: $clientId\n      path: $path\n      content: $content\n      idempotencyKey: $idempotencyKey\n    ) {\n      path\n      size\n    }\n  }\n": types.TestIdempotentWriteDocument,
    "\n  subscription TestClientEventsAfter($filter: EventFilter, $after: ID) {\n    clientEvents(filter: $filter, after: $after) {\n      id\n      event\n    }\n  }\n": types.TestClientEventsAfterDocument,
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
    "\n  query TestClientWebhook($id: ID!) {\n    client(id: $id) {\n      uuid\n      webhookUrl\n      hasWebhookSecret\n    }\n  }\n": types.TestClientWebhookDocument,
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
export function graphql(source: "\n  query CliBulkTargets($filter: ClientFilter) {\n    clients(filter: $filter) {\n      ...ClientFields\n    }\n  }\n"): (typeof documents)["\n  query CliBulkTargets($filter: ClientFilter) {\n    clients(filter: $filter) {\n      ...ClientFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliTagNames {\n    tags {\n      name\n    }\n  }\n"): (typeof documents)["\n  query CliTagNames {\n    tags {\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliAcceptKey($id: ID!) {\n    acceptKey(id: $id) {\n      ...ClientFields\n      trustedFingerprint\n      keyAcceptedAt\n      keyAcceptedBy\n    }\n  }\n"): (typeof documents)["\n  mutation CliAcceptKey($id: ID!) {\n    acceptKey(id: $id) {\n      ...ClientFields\n      trustedFingerprint\n      keyAcceptedAt\n      keyAcceptedBy\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliConfigureClient($id: ID!, $input: ConfigureClientInput!) {\n    configureClient(id: $id, input: $input) {\n      ...ClientFields\n      ...ClientSettingsFields\n    }\n  }\n"): (typeof documents)["\n  mutation CliConfigureClient($id: ID!, $input: ConfigureClientInput!) {\n    configureClient(id: $id, input: $input) {\n      ...ClientFields\n      ...ClientSettingsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliDecommissionClient(\n    $id: ID!\n    $reason: String\n    $stopService: Boolean\n    $stopCommand: String\n  ) {\n    decommissionClient(\n      id: $id\n      reason: $reason\n      stopService: $stopService\n      stopCommand: $stopCommand\n    ) {\n      client {\n        ...ClientFields\n        decommissionedAt\n      }\n      serviceStop {\n        result {\n          ...CommandResultFields\n        }\n        error {\n          ...OperationErrorFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CliDecommissionClient(\n    $id: ID!\n    $reason: String\n    $stopService: Boolean\n    $stopCommand: String\n  ) {\n    decommissionClient(\n      id: $id\n      reason: $reason\n      stopService: $stopService\n      stopCommand: $stopCommand\n    ) {\n      client {\n        ...ClientFields\n        decommissionedAt\n      }\n      serviceStop {\n        result {\n          ...CommandResultFields\n        }\n        error {\n          ...OperationErrorFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliDescribeClient($id: ID!, $events: Int) {\n    client(id: $id) {\n      ...ClientFields\n      platformRelease\n      username\n      agentVersion\n      enrolledVia\n      firstSeen\n      connectedAt\n      lastConnectedAt\n      lastDisconnectedAt\n      connectionCount\n      remoteAddress\n      healthSince\n      lastHeartbeatAt\n      allowedPaths\n      agentAllowedPaths\n      ...ClientSettingsFields\n      publicKeyFingerprint\n      trustedFingerprint\n      previousFingerprint\n      keyMismatchAt\n      keyAcceptedAt\n      keyAcceptedBy\n      decommissionedAt\n      recentEvents(limit: $events) {\n        id\n        event\n        timestamp\n        actor\n        data\n      }\n    }\n  }\n"): (typeof documents)["\n  query CliDescribeClient($id: ID!, $events: Int) {\n    client(id: $id) {\n      ...ClientFields\n      platformRelease\n      username\n      agentVersion\n      enrolledVia\n      firstSeen\n      connectedAt\n      lastConnectedAt\n      lastDisconnectedAt\n      connectionCount\n      remoteAddress\n      healthSince\n      lastHeartbeatAt\n      allowedPaths\n      agentAllowedPaths\n      ...ClientSettingsFields\n      publicKeyFingerprint\n      trustedFingerprint\n      previousFingerprint\n      keyMismatchAt\n      keyAcceptedAt\n      keyAcceptedBy\n      decommissionedAt\n      recentEvents(limit: $events) {\n        id\n        event\n        timestamp\n        actor\n        data\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliClientsPage($filter: ClientFilter, $first: Int, $after: String) {\n    clientsConnection(filter: $filter, first: $first, after: $after) {\n      ...ClientPageFields\n    }\n  }\n"): (typeof documents)["\n  query CliClientsPage($filter: ClientFilter, $first: Int, $after: String) {\n    clientsConnection(filter: $filter, first: $first, after: $after) {\n      ...ClientPageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliRestoreClient($id: ID!) {\n    restoreClient(id: $id) {\n      ...ClientFields\n    }\n  }\n"): (typeof documents)["\n  mutation CliRestoreClient($id: ID!) {\n    restoreClient(id: $id) {\n      ...ClientFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliUpdateClient($id: ID!, $input: UpdateClientInput!) {\n    updateClient(id: $id, input: $input) {\n      ...ClientFields\n      allowedPaths\n    }\n  }\n"): (typeof documents)["\n  mutation CliUpdateClient($id: ID!, $input: UpdateClientInput!) {\n    updateClient(id: $id, input: $input) {\n      ...ClientFields\n      allowedPaths\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliUpdateClients($filter: ClientFilter!, $input: UpdateClientsInput!) {\n    updateClients(filter: $filter, input: $input) {\n      count\n      clients {\n        ...ClientFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CliUpdateClients($filter: ClientFilter!, $input: UpdateClientsInput!) {\n    updateClients(filter: $filter, input: $input) {\n      count\n      clients {\n        ...ClientFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliClientTags($id: ID!) {\n    client(id: $id) {\n      uuid\n      tags {\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query CliClientTags($id: ID!) {\n    client(id: $id) {\n      uuid\n      tags {\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CliTrustedDocumentFields on TrustedDocument {\n    hash\n    name\n    document\n    createdAt\n    createdBy\n  }\n"): (typeof documents)["\n  fragment CliTrustedDocumentFields on TrustedDocument {\n    hash\n    name\n    document\n    createdAt\n    createdBy\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliTrustedDocuments {\n    trustedDocuments {\n      ...CliTrustedDocumentFields\n    }\n  }\n"): (typeof documents)["\n  query CliTrustedDocuments {\n    trustedDocuments {\n      ...CliTrustedDocumentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliRegisterTrustedDocument($input: RegisterTrustedDocumentInput!) {\n    registerTrustedDocument(input: $input) {\n      trustedDocument {\n        ...CliTrustedDocumentFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CliRegisterTrustedDocument($input: RegisterTrustedDocumentInput!) {\n    registerTrustedDocument(input: $input) {\n      trustedDocument {\n        ...CliTrustedDocumentFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliRemoveTrustedDocument($input: RemoveTrustedDocumentInput!) {\n    removeTrustedDocument(input: $input) {\n      trustedDocument {\n        ...CliTrustedDocumentFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CliRemoveTrustedDocument($input: RemoveTrustedDocumentInput!) {\n    removeTrustedDocument(input: $input) {\n      trustedDocument {\n        ...CliTrustedDocumentFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliEvents($filter: EventFilter, $limit: Int, $before: ID) {\n    events(filter: $filter, limit: $limit, before: $before) {\n      ...CliEventFields\n    }\n  }\n"): (typeof documents)["\n  query CliEvents($filter: EventFilter, $limit: Int, $before: ID) {\n    events(filter: $filter, limit: $limit, before: $before) {\n      ...CliEventFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliDownloadFile(\n    $clientId: ID!\n    $remotePath: String!\n    $localPath: String!\n    $transferId: ID\n  ) {\n    downloadFile(\n      clientId: $clientId\n      remotePath: $remotePath\n      localPath: $localPath\n      transferId: $transferId\n    ) {\n      ...CliTransferFields\n    }\n  }\n"): (typeof documents)["\n  mutation CliDownloadFile(\n    $clientId: ID!\n    $remotePath: String!\n    $localPath: String!\n    $transferId: ID\n  ) {\n    downloadFile(\n      clientId: $clientId\n      remotePath: $remotePath\n      localPath: $localPath\n      transferId: $transferId\n    ) {\n      ...CliTransferFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliListFiles($clientId: ID!, $path: String!) {\n    listFiles(clientId: $clientId, path: $path) {\n      ...FileListingFields\n    }\n  }\n"): (typeof documents)["\n  query CliListFiles($clientId: ID!, $path: String!) {\n    listFiles(clientId: $clientId, path: $path) {\n      ...FileListingFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliUploadFile(\n    $clientId: ID!\n    $localPath: String!\n    $remotePath: String!\n    $transferId: ID\n    $createParents: Boolean\n  ) {\n    uploadFile(\n      clientId: $clientId\n      localPath: $localPath\n      remotePath: $remotePath\n      transferId: $transferId\n      createParents: $createParents\n    ) {\n      ...CliTransferFields\n    }\n  }\n"): (typeof documents)["\n  mutation CliUploadFile(\n    $clientId: ID!\n    $localPath: String!\n    $remotePath: String!\n    $transferId: ID\n    $createParents: Boolean\n  ) {\n    uploadFile(\n      clientId: $clientId\n      localPath: $localPath\n      remotePath: $remotePath\n      transferId: $transferId\n      createParents: $createParents\n    ) {\n      ...CliTransferFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CliTransferFields on Transfer {\n    transferId\n    clientId\n    direction\n    remotePath\n    localPath\n    state\n    bytesDone\n    totalBytes\n    resumedFrom\n    rateBytesPerSecond\n    etaSeconds\n    sha256\n    startedAt\n    finishedAt\n  }\n"): (typeof documents)["\n  fragment CliTransferFields on Transfer {\n    transferId\n    clientId\n    direction\n    remotePath\n    localPath\n    state\n    bytesDone\n    totalBytes\n    resumedFrom\n    rateBytesPerSecond\n    etaSeconds\n    sha256\n    startedAt\n    finishedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CliTransferProgress($transferId: ID!) {\n    transferProgress(transferId: $transferId) {\n      bytesDone\n      totalBytes\n      rateBytesPerSecond\n      etaSeconds\n      state\n    }\n  }\n"): (typeof documents)["\n  subscription CliTransferProgress($transferId: ID!) {\n    transferProgress(transferId: $transferId) {\n      bytesDone\n      totalBytes\n      rateBytesPerSecond\n      etaSeconds\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliFleetHealth($filter: ClientFilter, $recentlyOfflineHours: Int, $timeoutS: Int) {\n    fleetHealth(filter: $filter, recentlyOfflineHours: $recentlyOfflineHours, timeoutS: $timeoutS) {\n      ...FleetHealthCounts\n      overCpu {\n        ...ResourceSampleFields\n      }\n      overMemory {\n        ...ResourceSampleFields\n      }\n      overDisk {\n        ...ResourceSampleFields\n      }\n      samples {\n        ...ResourceSampleFields\n      }\n      unhealthyClients {\n        clientId\n        displayName\n        online\n        healthReason\n        healthSince\n      }\n      keyMismatchClients {\n        clientId\n        displayName\n        online\n        keyMismatchAt\n      }\n      recentlyOfflineClients {\n        clientId\n        displayName\n        online\n        lastDisconnectedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query CliFleetHealth($filter: ClientFilter, $recentlyOfflineHours: Int, $timeoutS: Int) {\n    fleetHealth(filter: $filter, recentlyOfflineHours: $recentlyOfflineHours, timeoutS: $timeoutS) {\n      ...FleetHealthCounts\n      overCpu {\n        ...ResourceSampleFields\n      }\n      overMemory {\n        ...ResourceSampleFields\n      }\n      overDisk {\n        ...ResourceSampleFields\n      }\n      samples {\n        ...ResourceSampleFields\n      }\n      unhealthyClients {\n        clientId\n        displayName\n        online\n        healthReason\n        healthSince\n      }\n      keyMismatchClients {\n        clientId\n        displayName\n        online\n        keyMismatchAt\n      }\n      recentlyOfflineClients {\n        clientId\n        displayName\n        online\n        lastDisconnectedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        ...ApiKeyFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CliCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        ...ApiKeyFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiKeyFields on ApiKey {\n    id\n    name\n    role\n    scope {\n      tags\n      clientIds\n    }\n    trustedDocumentsOnly\n    createdAt\n    createdBy\n    lastUsedAt\n    expiresAt\n    revokedAt\n    revoked\n  }\n"): (typeof documents)["\n  fragment ApiKeyFields on ApiKey {\n    id\n    name\n    role\n    scope {\n      tags\n      clientIds\n    }\n    trustedDocumentsOnly\n    createdAt\n    createdBy\n    lastUsedAt\n    expiresAt\n    revokedAt\n    revoked\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliApiKeys {\n    apiKeys {\n      ...ApiKeyFields\n    }\n  }\n"): (typeof documents)["\n  query CliApiKeys {\n    apiKeys {\n      ...ApiKeyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyFields\n    }\n  }\n"): (typeof documents)["\n  mutation CliRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliClientMetrics($id: ID!, $summary: Boolean) {\n    clientMetrics(id: $id, summary: $summary)\n  }\n"): (typeof documents)["\n  query CliClientMetrics($id: ID!, $summary: Boolean) {\n    clientMetrics(id: $id, summary: $summary)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CliWatchMetrics($id: ID!, $intervalS: Int, $summary: Boolean) {\n    clientMetrics(id: $id, intervalS: $intervalS, summary: $summary) {\n      timestamp\n      metrics\n      error {\n        ...OperationErrorFields\n      }\n      client {\n        clientId\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription CliWatchMetrics($id: ID!, $intervalS: Int, $summary: Boolean) {\n    clientMetrics(id: $id, intervalS: $intervalS, summary: $summary) {\n      timestamp\n      metrics\n      error {\n        ...OperationErrorFields\n      }\n      client {\n        clientId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CliBulkJobProgress($id: ID!, $after: ID) {\n    bulkJobProgress(id: $id, after: $after) {\n      cursor\n      job {\n        status\n        total\n        succeeded\n        failed\n        notStarted\n      }\n      result {\n        client {\n          ...ClientFields\n        }\n        ok\n        result {\n          ...CommandResultFields\n        }\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription CliBulkJobProgress($id: ID!, $after: ID) {\n    bulkJobProgress(id: $id, after: $after) {\n      cursor\n      job {\n        status\n        total\n        succeeded\n        failed\n        notStarted\n      }\n      result {\n        client {\n          ...ClientFields\n        }\n        ok\n        result {\n          ...CommandResultFields\n        }\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliCancelBulkJob($id: ID!) {\n    cancelBulkJob(id: $id) {\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation CliCancelBulkJob($id: ID!) {\n    cancelBulkJob(id: $id) {\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliRunCommand(\n    $clientId: ID!\n    $cmd: String!\n    $cwd: String\n    $env: [EnvironmentVariableInput!]\n    $timeout: Int\n  ) {\n    runCommand(clientId: $clientId, cmd: $cmd, cwd: $cwd, env: $env, timeout: $timeout) {\n      ...CommandResultFields\n    }\n  }\n"): (typeof documents)["\n  mutation CliRunCommand(\n    $clientId: ID!\n    $cmd: String!\n    $cwd: String\n    $env: [EnvironmentVariableInput!]\n    $timeout: Int\n  ) {\n    runCommand(clientId: $clientId, cmd: $cmd, cwd: $cwd, env: $env, timeout: $timeout) {\n      ...CommandResultFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliCloseSession($id: ID!) {\n    closeSession(id: $id) {\n      id\n      clientId\n      bytesIn\n      bytesOut\n    }\n  }\n"): (typeof documents)["\n  mutation CliCloseSession($id: ID!) {\n    closeSession(id: $id) {\n      id\n      clientId\n      bytesIn\n      bytesOut\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliSessions($filter: SessionFilter, $first: Int) {\n    sessions(filter: $filter, first: $first) {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  query CliSessions($filter: SessionFilter, $first: Int) {\n    sessions(filter: $filter, first: $first) {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliSessionRecording($id: ID!) {\n    session(id: $id) {\n      id\n      recording\n    }\n  }\n"): (typeof documents)["\n  query CliSessionRecording($id: ID!) {\n    session(id: $id) {\n      id\n      recording\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliCreateEnrollmentToken($input: CreateEnrollmentTokenInput) {\n    createEnrollmentToken(input: $input) {\n      token\n      enrollmentToken {\n        ...TokenFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CliCreateEnrollmentToken($input: CreateEnrollmentTokenInput) {\n    createEnrollmentToken(input: $input) {\n      token\n      enrollmentToken {\n        ...TokenFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliServerInfo {\n    serverInfo {\n      sshHost\n      sshPort\n      hostKeyFingerprint\n    }\n  }\n"): (typeof documents)["\n  query CliServerInfo {\n    serverInfo {\n      sshHost\n      sshPort\n      hostKeyFingerprint\n    }\n  }\n"];
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
export function graphql(source: "\n  fragment TokenFields on EnrollmentToken {\n    id\n    prefix\n    name\n    displayName\n    purpose\n    tags\n    maxUses\n    uses\n    expiresAt\n    createdAt\n    revokedAt\n    active\n  }\n"): (typeof documents)["\n  fragment TokenFields on EnrollmentToken {\n    id\n    prefix\n    name\n    displayName\n    purpose\n    tags\n    maxUses\n    uses\n    expiresAt\n    createdAt\n    revokedAt\n    active\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliCloseTunnel($id: ID!) {\n    closeTunnel(id: $id) {\n      id\n      clientId\n      connections\n    }\n  }\n"): (typeof documents)["\n  mutation CliCloseTunnel($id: ID!) {\n    closeTunnel(id: $id) {\n      id\n      clientId\n      connections\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliTunnels {\n    tunnels {\n      id\n      clientId\n      principal\n      host\n      port\n      listen\n      openedAt\n      connections\n      activeConnections\n      bytesIn\n      bytesOut\n    }\n  }\n"): (typeof documents)["\n  query CliTunnels {\n    tunnels {\n      id\n      clientId\n      principal\n      host\n      port\n      listen\n      openedAt\n      connections\n      activeConnections\n      bytesIn\n      bytesOut\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CliWatchedEvent on ClientEvent {\n    ...CliEventFields\n    client {\n      health\n      keyMismatch\n    }\n  }\n"): (typeof documents)["\n  fragment CliWatchedEvent on ClientEvent {\n    ...CliEventFields\n    client {\n      health\n      keyMismatch\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliWatchLatest {\n    events(limit: 1) {\n      id\n    }\n  }\n"): (typeof documents)["\n  query CliWatchLatest {\n    events(limit: 1) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CliWatchEvents($filter: EventFilter, $after: ID) {\n    clientEvents(filter: $filter, after: $after) {\n      ...CliWatchedEvent\n    }\n  }\n"): (typeof documents)["\n  subscription CliWatchEvents($filter: EventFilter, $after: ID) {\n    clientEvents(filter: $filter, after: $after) {\n      ...CliWatchedEvent\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CliWebhookDeliveryFields on WebhookDelivery {\n    id\n    event\n    client {\n      uuid\n      clientId\n      displayName\n    }\n    url\n    status\n    attempts\n    lastError\n    lastStatusCode\n    nextAttemptAt\n    createdAt\n    deliveredAt\n  }\n"): (typeof documents)["\n  fragment CliWebhookDeliveryFields on WebhookDelivery {\n    id\n    event\n    client {\n      uuid\n      clientId\n      displayName\n    }\n    url\n    status\n    attempts\n    lastError\n    lastStatusCode\n    nextAttemptAt\n    createdAt\n    deliveredAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliWebhookDeliveries($filter: WebhookDeliveryFilter, $limit: Int) {\n    webhookDeliveries(filter: $filter, limit: $limit) {\n      ...CliWebhookDeliveryFields\n    }\n  }\n"): (typeof documents)["\n  query CliWebhookDeliveries($filter: WebhookDeliveryFilter, $limit: Int) {\n    webhookDeliveries(filter: $filter, limit: $limit) {\n      ...CliWebhookDeliveryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliWebhookDelivery($id: ID!) {\n    webhookDelivery(id: $id) {\n      ...CliWebhookDeliveryFields\n    }\n  }\n"): (typeof documents)["\n  query CliWebhookDelivery($id: ID!) {\n    webhookDelivery(id: $id) {\n      ...CliWebhookDeliveryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      ...CliWebhookDeliveryFields\n    }\n  }\n"): (typeof documents)["\n  mutation CliReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      ...CliWebhookDeliveryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliReplayFailedWebhookDeliveries($filter: WebhookReplayFilter) {\n    replayFailedWebhookDeliveries(filter: $filter) {\n      count\n    }\n  }\n"): (typeof documents)["\n  mutation CliReplayFailedWebhookDeliveries($filter: WebhookReplayFilter) {\n    replayFailedWebhookDeliveries(filter: $filter) {\n      count\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliSendTestWebhook($clientId: ID, $url: String) {\n    sendTestWebhook(clientId: $clientId, url: $url) {\n      ...CliWebhookDeliveryFields\n    }\n  }\n"): (typeof documents)["\n  mutation CliSendTestWebhook($clientId: ID, $url: String) {\n    sendTestWebhook(clientId: $clientId, url: $url) {\n      ...CliWebhookDeliveryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CliWebhookDeliveryFailed($filter: WebhookFailureFilter) {\n    webhookDeliveryFailed(filter: $filter) {\n      deadLettered\n      delivery {\n        ...CliWebhookDeliveryFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription CliWebhookDeliveryFailed($filter: WebhookFailureFilter) {\n    webhookDeliveryFailed(filter: $filter) {\n      deadLettered\n      delivery {\n        ...CliWebhookDeliveryFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CliEventFields on ClientEvent {\n    id\n    event\n    timestamp\n    actor\n    data\n    client {\n      uuid\n      clientId\n      displayName\n      online\n    }\n  }\n"): (typeof documents)["\n  fragment CliEventFields on ClientEvent {\n    id\n    event\n    timestamp\n    actor\n    data\n    client {\n      uuid\n      clientId\n      displayName\n      online\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ClientFields on Client {\n    uuid\n    clientId\n    displayName\n    purpose\n    tags {\n      name\n    }\n    hostname\n    platform\n    arch\n    online\n    health\n    healthReason\n    keyMismatch\n    decommissioned\n    lastSeen\n    capabilities\n  }\n"): (typeof documents)["\n  fragment ClientFields on Client {\n    uuid\n    clientId\n    displayName\n    purpose\n    tags {\n      name\n    }\n    hostname\n    platform\n    arch\n    online\n    health\n    healthReason\n    keyMismatch\n    decommissioned\n    lastSeen\n    capabilities\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ClientSettingsFields on Client {\n    webhookUrl\n    rateLimitRpm\n    rateLimitConcurrent\n    rateLimitMode\n    cpuThreshold\n    memoryThreshold\n    diskThreshold\n    resourceChecks\n    forwardTargets\n  }\n"): (typeof documents)["\n  fragment ClientSettingsFields on Client {\n    webhookUrl\n    rateLimitRpm\n    rateLimitConcurrent\n    rateLimitMode\n    cpuThreshold\n    memoryThreshold\n    diskThreshold\n    resourceChecks\n    forwardTargets\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CommandResultFields on CommandResult {\n    returncode\n    stdout\n    stderr\n    durationMs\n    timedOut\n    truncated\n  }\n"): (typeof documents)["\n  fragment CommandResultFields on CommandResult {\n    returncode\n    stdout\n    stderr\n    durationMs\n    timedOut\n    truncated\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OperationErrorFields on OperationError {\n    code\n    message\n    nextSteps {\n      operation\n      client {\n        uuid\n        clientId\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment OperationErrorFields on OperationError {\n    code\n    message\n    nextSteps {\n      operation\n      client {\n        uuid\n        clientId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RateLimitStatsFields on RateLimitStats {\n    requestsPerMinute\n    currentConcurrent\n    rpmLimit\n    concurrentLimit\n    rpmWarnings\n    concurrentWarnings\n    rpmRejections\n    concurrentRejections\n    mode\n  }\n"): (typeof documents)["\n  fragment RateLimitStatsFields on RateLimitStats {\n    requestsPerMinute\n    currentConcurrent\n    rpmLimit\n    concurrentLimit\n    rpmWarnings\n    concurrentWarnings\n    rpmRejections\n    concurrentRejections\n    mode\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FleetHealthCounts on FleetHealth {\n    total\n    online\n    offline\n    unhealthy\n    keyMismatches\n    recentlyOffline\n    recentlyOfflineHours\n    sampled\n    failed\n    collectedAt\n    durationMs\n  }\n"): (typeof documents)["\n  fragment FleetHealthCounts on FleetHealth {\n    total\n    online\n    offline\n    unhealthy\n    keyMismatches\n    recentlyOffline\n    recentlyOfflineHours\n    sampled\n    failed\n    collectedAt\n    durationMs\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FileListingFields on FileListing {\n    path\n    truncated\n    entries {\n      name\n      type\n      size\n      mode\n      mtime\n    }\n  }\n"): (typeof documents)["\n  fragment FileListingFields on FileListing {\n    path\n    truncated\n    entries {\n      name\n      type\n      size\n      mode\n      mtime\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionFields on Session {\n    id\n    clientUuid\n    clientId\n    principal\n    apiKey\n    origin\n    command\n    pty\n    cols\n    rows\n    open\n    startedAt\n    endedAt\n    exitStatus\n    exitSignal\n    closeReason\n    bytesIn\n    bytesOut\n  }\n"): (typeof documents)["\n  fragment SessionFields on Session {\n    id\n    clientUuid\n    clientId\n    principal\n    apiKey\n    origin\n    command\n    pty\n    cols\n    rows\n    open\n    startedAt\n    endedAt\n    exitStatus\n    exitSignal\n    closeReason\n    bytesIn\n    bytesOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ResourceSampleFields on ResourceSample {\n    client {\n      uuid\n      clientId\n      displayName\n      online\n    }\n    cpuPercent\n    memoryPercent\n    diskPercent\n    load1\n    sampleAgeSeconds\n    over {\n      resource\n      percent\n      threshold\n    }\n    error {\n      ...OperationErrorFields\n    }\n  }\n"): (typeof documents)["\n  fragment ResourceSampleFields on ResourceSample {\n    client {\n      uuid\n      clientId\n      displayName\n      online\n    }\n    cpuPercent\n    memoryPercent\n    diskPercent\n    load1\n    sampleAgeSeconds\n    over {\n      resource\n      percent\n      threshold\n    }\n    error {\n      ...OperationErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ClientPageFields on ClientsConnection {\n    totalCount\n    nodes {\n      ...ClientFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n"): (typeof documents)["\n  fragment ClientPageFields on ClientsConnection {\n    totalCount\n    nodes {\n      ...ClientFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientRateLimitStats($id: ID!) {\n    rateLimitStats(id: $id) {\n      client {\n        uuid\n        clientId\n        displayName\n        online\n      }\n      ...RateLimitStatsFields\n    }\n  }\n"): (typeof documents)["\n  query ClientRateLimitStats($id: ID!) {\n    rateLimitStats(id: $id) {\n      client {\n        uuid\n        clientId\n        displayName\n        online\n      }\n      ...RateLimitStatsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartBulkCommand(\n    $filter: ClientFilter!\n    $cmd: String!\n    $cwd: String\n    $env: [EnvironmentVariableInput!]\n    $timeout: Int\n    $parallelism: Int\n    $idempotencyKey: String\n  ) {\n    startBulkCommand(\n      filter: $filter\n      cmd: $cmd\n      cwd: $cwd\n      env: $env\n      timeout: $timeout\n      parallelism: $parallelism\n      idempotencyKey: $idempotencyKey\n    ) {\n      id\n      total\n    }\n  }\n"): (typeof documents)["\n  mutation StartBulkCommand(\n    $filter: ClientFilter!\n    $cmd: String!\n    $cwd: String\n    $env: [EnvironmentVariableInput!]\n    $timeout: Int\n    $parallelism: Int\n    $idempotencyKey: String\n  ) {\n    startBulkCommand(\n      filter: $filter\n      cmd: $cmd\n      cwd: $cwd\n      env: $env\n      timeout: $timeout\n      parallelism: $parallelism\n      idempotencyKey: $idempotencyKey\n    ) {\n      id\n      total\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment McpClientDetail on Client {\n    ...ClientFields\n    ...ClientSettingsFields\n    username\n    platformRelease\n    agentVersion\n    allowedPaths\n    agentAllowedPaths\n    allowedPathsBeyondAgent\n    publicKeyFingerprint\n    trustedFingerprint\n    previousFingerprint\n    firstSeen\n    lastConnectedAt\n    connectionCount\n    enrolledVia\n  }\n"): (typeof documents)["\n  fragment McpClientDetail on Client {\n    ...ClientFields\n    ...ClientSettingsFields\n    username\n    platformRelease\n    agentVersion\n    allowedPaths\n    agentAllowedPaths\n    allowedPathsBeyondAgent\n    publicKeyFingerprint\n    trustedFingerprint\n    previousFingerprint\n    firstSeen\n    lastConnectedAt\n    connectionCount\n    enrolledVia\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation McpConfirmAction($input: ConfirmActionInput!) {\n    confirmAction(input: $input) {\n      confirmed\n      repeat\n      confirmationToken\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation McpConfirmAction($input: ConfirmActionInput!) {\n    confirmAction(input: $input) {\n      confirmed\n      repeat\n      confirmationToken\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation McpCloseSessionShell($id: ID!) {\n    closeSession(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation McpCloseSessionShell($id: ID!) {\n    closeSession(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query McpTargetClient($id: ID!) {\n    client(id: $id) {\n      uuid\n      clientId\n      displayName\n      online\n      lastSeen\n    }\n  }\n"): (typeof documents)["\n  query McpTargetClient($id: ID!) {\n    client(id: $id) {\n      uuid\n      clientId\n      displayName\n      online\n      lastSeen\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query McpOnlineClients {\n    clients(filter: { onlineOnly: true }) {\n      uuid\n      clientId\n      displayName\n    }\n  }\n"): (typeof documents)["\n  query McpOnlineClients {\n    clients(filter: { onlineOnly: true }) {\n      uuid\n      clientId\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query McpViewer {\n    viewer {\n      role\n    }\n  }\n"): (typeof documents)["\n  query McpViewer {\n    viewer {\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation McpAcceptKey($id: ID!) {\n    acceptKey(id: $id) {\n      ...McpClientDetail\n    }\n  }\n"): (typeof documents)["\n  mutation McpAcceptKey($id: ID!) {\n    acceptKey(id: $id) {\n      ...McpClientDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query McpAcceptKeyPlan($id: ID!) {\n    client(id: $id) {\n      uuid\n      clientId\n      online\n      keyMismatch\n      publicKeyFingerprint\n      trustedFingerprint\n    }\n  }\n"): (typeof documents)["\n  query McpAcceptKeyPlan($id: ID!) {\n    client(id: $id) {\n      uuid\n      clientId\n      online\n      keyMismatch\n      publicKeyFingerprint\n      trustedFingerprint\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation McpConfigureClient($id: ID!, $input: ConfigureClientInput!) {\n    configureClient(id: $id, input: $input) {\n      ...McpClientDetail\n    }\n  }\n"): (typeof documents)["\n  mutation McpConfigureClient($id: ID!, $input: ConfigureClientInput!) {\n    configureClient(id: $id, input: $input) {\n      ...McpClientDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation McpDecommissionClient(\n    $id: ID!\n    $reason: String\n    $stopService: Boolean\n    $stopCommand: String\n  ) {\n    decommissionClient(\n      id: $id\n      reason: $reason\n      stopService: $stopService\n      stopCommand: $stopCommand\n    ) {\n      client {\n        ...McpClientDetail\n        decommissionedAt\n      }\n      serviceStop {\n        result {\n          returncode\n          stderr\n        }\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation McpDecommissionClient(\n    $id: ID!\n    $reason: String\n    $stopService: Boolean\n    $stopCommand: String\n  ) {\n    decommissionClient(\n      id: $id\n      reason: $reason\n      stopService: $stopService\n      stopCommand: $stopCommand\n    ) {\n      client {\n        ...McpClientDetail\n        decommissionedAt\n      }\n      serviceStop {\n        result {\n          returncode\n          stderr\n        }\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query McpDecommissionPlan($id: ID!) {\n    client(id: $id) {\n      uuid\n      clientId\n      online\n      webhookUrl\n    }\n  }\n"): (typeof documents)["\n  query McpDecommissionPlan($id: ID!) {\n    client(id: $id) {\n      uuid\n      clientId\n      online\n      webhookUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query McpDescribeClient($id: ID!) {\n    client(id: $id) {\n      ...McpClientDetail\n    }\n  }\n"): (typeof documents)["\n  query McpDescribeClient($id: ID!) {\n    client(id: $id) {\n      ...McpClientDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation McpDownloadFile($clientId: ID!, $remotePath: String!, $localPath: String!) {\n    downloadFile(clientId: $clientId, remotePath: $remotePath, localPath: $localPath) {\n      ...McpTransfer\n    }\n  }\n"): (typeof documents)["\n  mutation McpDownloadFile($clientId: ID!, $remotePath: String!, $localPath: String!) {\n    downloadFile(clientId: $clientId, remotePath: $remotePath, localPath: $localPath) {\n      ...McpTransfer\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment McpTransfer on Transfer {\n    transferId\n    direction\n    state\n    localPath\n    remotePath\n    bytesDone\n    totalBytes\n    resumedFrom\n    sha256\n    rateBytesPerSecond\n    startedAt\n    finishedAt\n    error {\n      code\n      message\n    }\n  }\n"): (typeof documents)["\n  fragment McpTransfer on Transfer {\n    transferId\n    direction\n    state\n    localPath\n    remotePath\n    bytesDone\n    totalBytes\n    resumedFrom\n    sha256\n    rateBytesPerSecond\n    startedAt\n    finishedAt\n    error {\n      code\n      message\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query McpProbePath($clientId: ID!, $path: String!) {\n    listFiles(clientId: $clientId, path: $path, limit: 1) {\n      path\n    }\n  }\n"): (typeof documents)["\n  query McpProbePath($clientId: ID!, $path: String!) {\n    listFiles(clientId: $clientId, path: $path, limit: 1) {\n      path\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query McpFindClient($filter: ClientFilter, $first: Int, $after: String) {\n    clientsConnection(filter: $filter, first: $first, after: $after) {\n      ...ClientPageFields\n    }\n  }\n"): (typeof documents)["\n  query McpFindClient($filter: ClientFilter, $first: Int, $after: String) {\n    clientsConnection(filter: $filter, first: $first, after: $after) {\n      ...ClientPageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query McpFleetHealth(\n    $filter: ClientFilter\n    $timeoutS: Int\n    $recentlyOfflineHours: Int\n    $maxAgeSeconds: Int\n  ) {\n    fleetHealth(\n      filter: $filter\n      timeoutS: $timeoutS\n      recentlyOfflineHours: $recentlyOfflineHours\n      maxAgeSeconds: $maxAgeSeconds\n    ) {\n      ...FleetHealthCounts\n      keyMismatchClients {\n        clientId\n      }\n      recentlyOfflineClients {\n        clientId\n        lastSeen\n      }\n      unhealthyClients {\n        clientId\n        healthReason\n      }\n      samples {\n        ...ResourceSampleFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query McpFleetHealth(\n    $filter: ClientFilter\n    $timeoutS: Int\n    $recentlyOfflineHours: Int\n    $maxAgeSeconds: Int\n  ) {\n    fleetHealth(\n      filter: $filter\n      timeoutS: $timeoutS\n      recentlyOfflineHours: $recentlyOfflineHours\n      maxAgeSeconds: $maxAgeSeconds\n    ) {\n      ...FleetHealthCounts\n      keyMismatchClients {\n        clientId\n      }\n      recentlyOfflineClients {\n        clientId\n        lastSeen\n      }\n      unhealthyClients {\n        clientId\n        healthReason\n      }\n      samples {\n        ...ResourceSampleFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query McpClientMetrics($id: ID!, $summary: Boolean) {\n    clientMetrics(id: $id, summary: $summary)\n  }\n"): (typeof documents)["\n  query McpClientMetrics($id: ID!, $summary: Boolean) {\n    clientMetrics(id: $id, summary: $summary)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query McpListClients($filter: ClientFilter, $first: Int, $after: String) {\n    page: clientsConnection(filter: $filter, first: $first, after: $after) {\n      ...ClientPageFields\n    }\n    online: clientsConnection(filter: { onlineOnly: true }, first: 0) {\n      totalCount\n    }\n    keyMismatches: clientsConnection(filter: { keyMismatch: true }, first: 0) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query McpListClients($filter: ClientFilter, $first: Int, $after: String) {\n    page: clientsConnection(filter: $filter, first: $first, after: $after) {\n      ...ClientPageFields\n    }\n    online: clientsConnection(filter: { onlineOnly: true }, first: 0) {\n      totalCount\n    }\n    keyMismatches: clientsConnection(filter: { keyMismatch: true }, first: 0) {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query McpListFiles($clientId: ID!, $path: String!, $limit: Int) {\n    listFiles(clientId: $clientId, path: $path, limit: $limit) {\n      ...FileListingFields\n    }\n  }\n"): (typeof documents)["\n  query McpListFiles($clientId: ID!, $path: String!, $limit: Int) {\n    listFiles(clientId: $clientId, path: $path, limit: $limit) {\n      ...FileListingFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query McpReadFile($clientId: ID!, $path: String!, $encoding: FileEncoding) {\n    readFile(clientId: $clientId, path: $path, encoding: $encoding) {\n      path\n      size\n      mode\n      mtime\n      content\n      encoding\n    }\n  }\n"): (typeof documents)["\n  query McpReadFile($clientId: ID!, $path: String!, $encoding: FileEncoding) {\n    readFile(clientId: $clientId, path: $path, encoding: $encoding) {\n      path\n      size\n      mode\n      mtime\n      content\n      encoding\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query McpBulkTargets($filter: ClientFilter) {\n    clients(filter: $filter) {\n      clientId\n      displayName\n      online\n    }\n  }\n"): (typeof documents)["\n  query McpBulkTargets($filter: ClientFilter) {\n    clients(filter: $filter) {\n      clientId\n      displayName\n      online\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query McpBulkJob($id: ID!, $first: Int) {\n    bulkJob(id: $id) {\n      id\n      status\n      finished\n      total\n      succeeded\n      failed\n      notStarted\n      pending\n      results(first: $first) {\n        nodes {\n          clientId\n          state\n          result {\n            returncode\n            stdout\n            stderr\n            timedOut\n          }\n          error {\n            code\n            message\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query McpBulkJob($id: ID!, $first: Int) {\n    bulkJob(id: $id) {\n      id\n      status\n      finished\n      total\n      succeeded\n      failed\n      notStarted\n      pending\n      results(first: $first) {\n        nodes {\n          clientId\n          state\n          result {\n            returncode\n            stdout\n            stderr\n            timedOut\n          }\n          error {\n            code\n            message\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation McpRunCommand($clientId: ID!, $cmd: String!, $cwd: String, $timeout: Int) {\n    runCommand(clientId: $clientId, cmd: $cmd, cwd: $cwd, timeout: $timeout) {\n      stdout\n      stderr\n      returncode\n      timedOut\n      truncated\n      durationMs\n    }\n  }\n"): (typeof documents)["\n  mutation McpRunCommand($clientId: ID!, $cmd: String!, $cwd: String, $timeout: Int) {\n    runCommand(clientId: $clientId, cmd: $cmd, cwd: $cwd, timeout: $timeout) {\n      stdout\n      stderr\n      returncode\n      timedOut\n      truncated\n      durationMs\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query McpSelectClient($id: ID!) {\n    client(id: $id) {\n      ...ClientFields\n    }\n  }\n"): (typeof documents)["\n  query McpSelectClient($id: ID!) {\n    client(id: $id) {\n      ...ClientFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation McpCloseShell($input: CloseShellInput!) {\n    closeShell(input: $input) {\n      session {\n        ...SessionFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation McpCloseShell($input: CloseShellInput!) {\n    closeShell(input: $input) {\n      session {\n        ...SessionFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query McpShells {\n    shells {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  query McpShells {\n    shells {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation McpOpenShell($input: OpenShellInput!) {\n    openShell(input: $input) {\n      session {\n        ...SessionFields\n      }\n      note\n    }\n  }\n"): (typeof documents)["\n  mutation McpOpenShell($input: OpenShellInput!) {\n    openShell(input: $input) {\n      session {\n        ...SessionFields\n      }\n      note\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation McpReadShell($input: ReadShellInput!) {\n    readShell(input: $input) {\n      output\n      droppedBytes\n      pendingBytes\n      session {\n        ...SessionFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation McpReadShell($input: ReadShellInput!) {\n    readShell(input: $input) {\n      output\n      droppedBytes\n      pendingBytes\n      session {\n        ...SessionFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation McpWriteShell($input: WriteShellInput!) {\n    writeShell(input: $input) {\n      bytesSent\n      session {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation McpWriteShell($input: WriteShellInput!) {\n    writeShell(input: $input) {\n      bytesSent\n      session {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation McpUpdateClient($id: ID!, $input: UpdateClientInput!) {\n    updateClient(id: $id, input: $input) {\n      ...McpClientDetail\n    }\n  }\n"): (typeof documents)["\n  mutation McpUpdateClient($id: ID!, $input: UpdateClientInput!) {\n    updateClient(id: $id, input: $input) {\n      ...McpClientDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation McpUploadFile(\n    $clientId: ID!\n    $localPath: String!\n    $remotePath: String!\n    $createParents: Boolean\n    $mode: Int\n  ) {\n    uploadFile(\n      clientId: $clientId\n      localPath: $localPath\n      remotePath: $remotePath\n      createParents: $createParents\n      mode: $mode\n    ) {\n      ...McpTransfer\n    }\n  }\n"): (typeof documents)["\n  mutation McpUploadFile(\n    $clientId: ID!\n    $localPath: String!\n    $remotePath: String!\n    $createParents: Boolean\n    $mode: Int\n  ) {\n    uploadFile(\n      clientId: $clientId\n      localPath: $localPath\n      remotePath: $remotePath\n      createParents: $createParents\n      mode: $mode\n    ) {\n      ...McpTransfer\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation McpWriteFile(\n    $clientId: ID!\n    $path: String!\n    $content: String!\n    $encoding: FileEncoding\n    $createParents: Boolean\n    $mode: Int\n  ) {\n    writeFile(\n      clientId: $clientId\n      path: $path\n      content: $content\n      encoding: $encoding\n      createParents: $createParents\n      mode: $mode\n    ) {\n      path\n      size\n    }\n  }\n"): (typeof documents)["\n  mutation McpWriteFile(\n    $clientId: ID!\n    $path: String!\n    $content: String!\n    $encoding: FileEncoding\n    $createParents: Boolean\n    $mode: Int\n  ) {\n    writeFile(\n      clientId: $clientId\n      path: $path\n      content: $content\n      encoding: $encoding\n      createParents: $createParents\n      mode: $mode\n    ) {\n      path\n      size\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TestBulkJobFields on BulkJob {\n    id\n    status\n    total\n    succeeded\n    failed\n    notStarted\n    pending\n    finished\n    startedAt\n    finishedAt\n    idempotencyKey\n  }\n"): (typeof documents)["\n  fragment TestBulkJobFields on BulkJob {\n    id\n    status\n    total\n    succeeded\n    failed\n    notStarted\n    pending\n    finished\n    startedAt\n    finishedAt\n    idempotencyKey\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestStartBulk(\n    $filter: ClientFilter!\n    $cmd: String!\n    $parallelism: Int\n    $timeout: Int\n    $idempotencyKey: String\n  ) {\n    startBulkCommand(\n      filter: $filter\n      cmd: $cmd\n      parallelism: $parallelism\n      timeout: $timeout\n      idempotencyKey: $idempotencyKey\n    ) {\n      ...TestBulkJobFields\n    }\n  }\n"): (typeof documents)["\n  mutation TestStartBulk(\n    $filter: ClientFilter!\n    $cmd: String!\n    $parallelism: Int\n    $timeout: Int\n    $idempotencyKey: String\n  ) {\n    startBulkCommand(\n      filter: $filter\n      cmd: $cmd\n      parallelism: $parallelism\n      timeout: $timeout\n      idempotencyKey: $idempotencyKey\n    ) {\n      ...TestBulkJobFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestBulkJob($id: ID!, $first: Int, $after: String) {\n    bulkJob(id: $id) {\n      ...TestBulkJobFields\n      results(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          cursor\n          clientId\n          state\n          ok\n          result {\n            stdout\n            returncode\n          }\n          error {\n            code\n            message\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TestBulkJob($id: ID!, $first: Int, $after: String) {\n    bulkJob(id: $id) {\n      ...TestBulkJobFields\n      results(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          cursor\n          clientId\n          state\n          ok\n          result {\n            stdout\n            returncode\n          }\n          error {\n            code\n            message\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestCancelBulk($id: ID!) {\n    cancelBulkJob(id: $id) {\n      ...TestBulkJobFields\n    }\n  }\n"): (typeof documents)["\n  mutation TestCancelBulk($id: ID!) {\n    cancelBulkJob(id: $id) {\n      ...TestBulkJobFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TestBulkProgress($id: ID!, $after: ID) {\n    bulkJobProgress(id: $id, after: $after) {\n      cursor\n      job {\n        ...TestBulkJobFields\n      }\n      result {\n        cursor\n        clientId\n        state\n        result {\n          stdout\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription TestBulkProgress($id: ID!, $after: ID) {\n    bulkJobProgress(id: $id, after: $after) {\n      cursor\n      job {\n        ...TestBulkJobFields\n      }\n      result {\n        cursor\n        clientId\n        state\n        result {\n          stdout\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestDrainHeldBy($id: ID!) {\n    client(id: $id) {\n      heldBy\n    }\n    servers {\n      name\n      drainingSince\n    }\n  }\n"): (typeof documents)["\n  query TestDrainHeldBy($id: ID!) {\n    client(id: $id) {\n      heldBy\n    }\n    servers {\n      name\n      drainingSince\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TestBalancedMonitor($filter: EventFilter, $after: ID) {\n    clientEvents(filter: $filter, after: $after) {\n      id\n      event\n      client {\n        uuid\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription TestBalancedMonitor($filter: EventFilter, $after: ID) {\n    clientEvents(filter: $filter, after: $after) {\n      id\n      event\n      client {\n        uuid\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation TestBalancedKey($input: CreateApiKeyInput!) {\n          createApiKey(input: $input) {\n            secret\n          }\n        }\n      "): (typeof documents)["\n        mutation TestBalancedKey($input: CreateApiKeyInput!) {\n          createApiKey(input: $input) {\n            secret\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestServers {\n    servers {\n      name\n      peerUrl\n      version\n      startedAt\n      lastRenewalAt\n      clientsHeld\n      alive\n      self\n    }\n  }\n"): (typeof documents)["\n  query TestServers {\n    servers {\n      name\n      peerUrl\n      version\n      startedAt\n      lastRenewalAt\n      clientsHeld\n      alive\n      self\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestHeldBy($id: ID!) {\n    client(id: $id) {\n      uuid\n      online\n      heldBy\n    }\n    clients(filter: { onlineOnly: true }) {\n      uuid\n    }\n  }\n"): (typeof documents)["\n  query TestHeldBy($id: ID!) {\n    client(id: $id) {\n      uuid\n      online\n      heldBy\n    }\n    clients(filter: { onlineOnly: true }) {\n      uuid\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestRemoteHealth($id: ID!) {\n    client(id: $id) {\n      health\n      healthReason\n      healthSince\n    }\n  }\n"): (typeof documents)["\n  query TestRemoteHealth($id: ID!) {\n    client(id: $id) {\n      health\n      healthReason\n      healthSince\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SampledHealth($filter: ClientFilter, $maxAgeSeconds: Int) {\n    fleetHealth(filter: $filter, maxAgeSeconds: $maxAgeSeconds) {\n      online\n      sampled\n      failed\n      samples {\n        client {\n          uuid\n          clientId\n        }\n        cpuPercent\n        sampleAgeSeconds\n      }\n    }\n  }\n"): (typeof documents)["\n  query SampledHealth($filter: ClientFilter, $maxAgeSeconds: Int) {\n    fleetHealth(filter: $filter, maxAgeSeconds: $maxAgeSeconds) {\n      online\n      sampled\n      failed\n      samples {\n        client {\n          uuid\n          clientId\n        }\n        cpuPercent\n        sampleAgeSeconds\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OnlineIdsForSamples {\n    clients(filter: { onlineOnly: true }) {\n      clientId\n    }\n  }\n"): (typeof documents)["\n  query OnlineIdsForSamples {\n    clients(filter: { onlineOnly: true }) {\n      clientId\n    }\n  }\n"];
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
export function graphql(source: "\n  subscription HealthEvents($filter: EventFilter, $after: ID) {\n    clientEvents(filter: $filter, after: $after) {\n      event\n      timestamp\n      data\n      client {\n        uuid\n        online\n        health\n        healthReason\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription HealthEvents($filter: EventFilter, $after: ID) {\n    clientEvents(filter: $filter, after: $after) {\n      event\n      timestamp\n      data\n      client {\n        uuid\n        online\n        health\n        healthReason\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestConfirmCreateKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation TestConfirmCreateKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestConfirmEvents {\n    events(filter: { events: [\"command_executed\"] }, limit: 100) {\n      id\n    }\n  }\n"): (typeof documents)["\n  query TestConfirmEvents {\n    events(filter: { events: [\"command_executed\"] }, limit: 100) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query McpTestFleetSnapshot {\n    clients(filter: { includeDecommissioned: true }) {\n      uuid\n      clientId\n      displayName\n      purpose\n      tags {\n        name\n      }\n      allowedPaths\n      webhookUrl\n      rateLimitRpm\n      rateLimitConcurrent\n      rateLimitMode\n      cpuThreshold\n      memoryThreshold\n      diskThreshold\n      resourceChecks\n      keyMismatch\n      decommissioned\n      online\n      recentCommands(limit: 100) {\n        id\n      }\n    }\n    tags {\n      name\n      clientCount\n    }\n  }\n"): (typeof documents)["\n  query McpTestFleetSnapshot {\n    clients(filter: { includeDecommissioned: true }) {\n      uuid\n      clientId\n      displayName\n      purpose\n      tags {\n        name\n      }\n      allowedPaths\n      webhookUrl\n      rateLimitRpm\n      rateLimitConcurrent\n      rateLimitMode\n      cpuThreshold\n      memoryThreshold\n      diskThreshold\n      resourceChecks\n      keyMismatch\n      decommissioned\n      online\n      recentCommands(limit: 100) {\n        id\n      }\n    }\n    tags {\n      name\n      clientCount\n    }\n  }\n"];
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
export function graphql(source: "\n  query TestNextStepListFiles($clientId: ID!, $path: String!) {\n    listFiles(clientId: $clientId, path: $path) {\n      path\n    }\n  }\n"): (typeof documents)["\n  query TestNextStepListFiles($clientId: ID!, $path: String!) {\n    listFiles(clientId: $clientId, path: $path) {\n      path\n    }\n  }\n"];
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
export function graphql(source: "\n  mutation TestIdempotentRun($clientId: ID!, $cmd: String!, $idempotencyKey: String) {\n    runCommand(clientId: $clientId, cmd: $cmd, idempotencyKey: $idempotencyKey) {\n      stdout\n      returncode\n    }\n  }\n"): (typeof documents)["\n  mutation TestIdempotentRun($clientId: ID!, $cmd: String!, $idempotencyKey: String) {\n    runCommand(clientId: $clientId, cmd: $cmd, idempotencyKey: $idempotencyKey) {\n      stdout\n      returncode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestIdempotentWrite(\n    $clientId: ID!\n    $path: String!\n    $content: String!\n    $idempotencyKey: String\n  ) {\n    writeFile(\n      clientId: $clientId\n      path: $path\n      content: $content\n      idempotencyKey: $idempotencyKey\n    ) {\n      path\n      size\n    }\n  }\n"): (typeof documents)["\n  mutation TestIdempotentWrite(\n    $clientId: ID!\n    $path: String!\n    $content: String!\n    $idempotencyKey: String\n  ) {\n    writeFile(\n      clientId: $clientId\n      path: $path\n      content: $content\n      idempotencyKey: $idempotencyKey\n    ) {\n      path\n      size\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TestClientEventsAfter($filter: EventFilter, $after: ID) {\n    clientEvents(filter: $filter, after: $after) {\n      id\n      event\n    }\n  }\n"): (typeof documents)["\n  subscription TestClientEventsAfter($filter: EventFilter, $after: ID) {\n    clientEvents(filter: $filter, after: $after) {\n      id\n      event\n    }\n  }\n"];
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
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestClientWebhook($id: ID!) {\n    client(id: $id) {\n      uuid\n      webhookUrl\n      hasWebhookSecret\n    }\n  }\n"): (typeof documents)["\n  query TestClientWebhook($id: ID!) {\n    client(id: $id) {\n      uuid\n      webhookUrl\n      hasWebhookSecret\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;