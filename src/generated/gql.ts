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
    "\n  fragment TokenFields on EnrollmentToken {\n    id\n    prefix\n    name\n    displayName\n    purpose\n    tags\n    maxUses\n    uses\n    expiresAt\n    createdAt\n    revokedAt\n    active\n  }\n": typeof types.TokenFieldsFragmentDoc,
    "\n  mutation CliCreateEnrollmentToken($input: CreateEnrollmentTokenInput) {\n    createEnrollmentToken(input: $input) {\n      token\n      enrollmentToken {\n        ...TokenFields\n      }\n    }\n  }\n": typeof types.CliCreateEnrollmentTokenDocument,
    "\n  query CliEnrollmentTokens($includeInactive: Boolean) {\n    enrollmentTokens(includeInactive: $includeInactive) {\n      ...TokenFields\n    }\n  }\n": typeof types.CliEnrollmentTokensDocument,
    "\n  mutation CliRevokeEnrollmentToken($id: ID!) {\n    revokeEnrollmentToken(id: $id) {\n      ...TokenFields\n    }\n  }\n": typeof types.CliRevokeEnrollmentTokenDocument,
    "\n  fragment McpClientSummary on Client {\n    uuid\n    clientId\n    displayName\n    purpose\n    tags {\n      name\n    }\n    capabilities\n    online\n    health\n    keyMismatch\n    hostname\n    platform\n    lastSeen\n  }\n": typeof types.McpClientSummaryFragmentDoc,
    "\n  fragment McpClientDetail on Client {\n    ...McpClientSummary\n    healthReason\n    username\n    arch\n    platformRelease\n    agentVersion\n    allowedPaths\n    agentAllowedPaths\n    webhookUrl\n    rateLimitRpm\n    rateLimitConcurrent\n    rateLimitMode\n    cpuThreshold\n    memoryThreshold\n    diskThreshold\n    resourceChecks\n    publicKeyFingerprint\n    trustedFingerprint\n    previousFingerprint\n    firstSeen\n    lastConnectedAt\n    connectionCount\n    enrolledVia\n  }\n": typeof types.McpClientDetailFragmentDoc,
    "\n  query McpTargetClient($id: ID!) {\n    client(id: $id) {\n      uuid\n      clientId\n      displayName\n      online\n      lastSeen\n    }\n  }\n": typeof types.McpTargetClientDocument,
    "\n  query McpOnlineClients {\n    clients(filter: { onlineOnly: true }) {\n      uuid\n      clientId\n      displayName\n    }\n  }\n": typeof types.McpOnlineClientsDocument,
    "\n  mutation McpAcceptKey($id: ID!) {\n    acceptKey(id: $id) {\n      ...McpClientDetail\n    }\n  }\n": typeof types.McpAcceptKeyDocument,
    "\n  mutation McpConfigureClient($id: ID!, $input: ConfigureClientInput!) {\n    configureClient(id: $id, input: $input) {\n      ...McpClientDetail\n    }\n  }\n": typeof types.McpConfigureClientDocument,
    "\n  query McpDescribeClient($id: ID!) {\n    client(id: $id) {\n      ...McpClientDetail\n    }\n  }\n": typeof types.McpDescribeClientDocument,
    "\n  query McpFindClient($filter: ClientFilter) {\n    clients(filter: $filter) {\n      ...McpClientSummary\n    }\n  }\n": typeof types.McpFindClientDocument,
    "\n  query McpFleetHealth($filter: ClientFilter, $timeoutS: Int, $recentlyOfflineHours: Int) {\n    fleetHealth(filter: $filter, timeoutS: $timeoutS, recentlyOfflineHours: $recentlyOfflineHours) {\n      total\n      online\n      offline\n      unhealthy\n      keyMismatches\n      recentlyOffline\n      recentlyOfflineHours\n      sampled\n      failed\n      durationMs\n      collectedAt\n      keyMismatchClients {\n        clientId\n      }\n      recentlyOfflineClients {\n        clientId\n        lastSeen\n      }\n      unhealthyClients {\n        clientId\n        healthReason\n      }\n      samples {\n        client {\n          uuid\n          clientId\n        }\n        cpuPercent\n        memoryPercent\n        diskPercent\n        over {\n          resource\n          percent\n          threshold\n        }\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n": typeof types.McpFleetHealthDocument,
    "\n  query McpClientMetrics($id: ID!, $summary: Boolean) {\n    clientMetrics(id: $id, summary: $summary)\n  }\n": typeof types.McpClientMetricsDocument,
    "\n  query McpRateLimitStats($id: ID!) {\n    rateLimitStats(id: $id) {\n      client {\n        uuid\n        clientId\n      }\n      requestsPerMinute\n      currentConcurrent\n      rpmLimit\n      concurrentLimit\n      rpmWarnings\n      concurrentWarnings\n      rpmRejections\n      concurrentRejections\n      mode\n    }\n  }\n": typeof types.McpRateLimitStatsDocument,
    "\n  query McpListClients($filter: ClientFilter) {\n    clients(filter: $filter) {\n      ...McpClientSummary\n    }\n  }\n": typeof types.McpListClientsDocument,
    "\n  mutation McpRunCommand($clientId: ID!, $cmd: String!, $cwd: String, $timeout: Int) {\n    runCommand(clientId: $clientId, cmd: $cmd, cwd: $cwd, timeout: $timeout) {\n      stdout\n      stderr\n      returncode\n      timedOut\n      truncated\n      durationMs\n    }\n  }\n": typeof types.McpRunCommandDocument,
    "\n  query McpSelectClient($id: ID!) {\n    client(id: $id) {\n      ...McpClientSummary\n    }\n  }\n": typeof types.McpSelectClientDocument,
    "\n  mutation McpUpdateClient($id: ID!, $input: UpdateClientInput!) {\n    updateClient(id: $id, input: $input) {\n      ...McpClientDetail\n    }\n  }\n": typeof types.McpUpdateClientDocument,
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
    "\n  query McpTestFleetSnapshot {\n    clients(filter: { includeDecommissioned: true }) {\n      uuid\n      clientId\n      displayName\n      purpose\n      tags {\n        name\n      }\n      allowedPaths\n      webhookUrl\n      rateLimitRpm\n      rateLimitConcurrent\n      rateLimitMode\n      cpuThreshold\n      memoryThreshold\n      diskThreshold\n      resourceChecks\n      keyMismatch\n      decommissioned\n      online\n      recentCommands(limit: 100) {\n        id\n      }\n    }\n    tags {\n      name\n      clientCount\n    }\n  }\n": typeof types.McpTestFleetSnapshotDocument,
    "\n  query MetricsOfClient($id: ID!, $summary: Boolean) {\n    clientMetrics(id: $id, summary: $summary)\n  }\n": typeof types.MetricsOfClientDocument,
    "\n  subscription MetricsStream($id: ID!, $summary: Boolean, $intervalS: Int) {\n    clientMetrics(id: $id, summary: $summary, intervalS: $intervalS) {\n      timestamp\n      metrics\n      error {\n        code\n        message\n      }\n      client {\n        uuid\n        online\n      }\n    }\n  }\n": typeof types.MetricsStreamDocument,
    "\n  query FleetHealthOfTests($filter: ClientFilter, $timeoutS: Int) {\n    fleetHealth(filter: $filter, timeoutS: $timeoutS) {\n      total\n      online\n      offline\n      keyMismatches\n      unhealthy\n      recentlyOffline\n      recentlyOfflineHours\n      sampled\n      failed\n      durationMs\n      collectedAt\n      samples {\n        client {\n          uuid\n        }\n        cpuPercent\n        memoryPercent\n        diskPercent\n        load1\n        summary\n        over {\n          resource\n          percent\n          threshold\n        }\n        thresholds {\n          cpu\n          memory\n          disk\n        }\n        error {\n          code\n        }\n      }\n      overCpu {\n        client {\n          uuid\n        }\n      }\n      overMemory {\n        client {\n          uuid\n        }\n        memoryPercent\n      }\n      overDisk {\n        client {\n          uuid\n        }\n        diskPercent\n      }\n      keyMismatchClients {\n        uuid\n      }\n      recentlyOfflineClients {\n        uuid\n      }\n      unhealthyClients {\n        uuid\n      }\n    }\n  }\n": typeof types.FleetHealthOfTestsDocument,
    "\n  query RateLimitsStats($id: ID!) {\n    rateLimitStats(id: $id) {\n      requestsPerMinute\n      currentConcurrent\n      rpmLimit\n      concurrentLimit\n      rpmWarnings\n      concurrentWarnings\n      rpmRejections\n      concurrentRejections\n      mode\n    }\n  }\n": typeof types.RateLimitsStatsDocument,
    "\n  subscription RateLimitsWarnings($clientId: ID) {\n    rateLimitWarnings(clientId: $clientId) {\n      id\n      limit\n      enforced\n      mode\n      operation\n      requestsPerMinute\n      currentConcurrent\n      rpmLimit\n      concurrentLimit\n      client {\n        uuid\n      }\n    }\n  }\n": typeof types.RateLimitsWarningsDocument,
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
};
const documents: Documents = {
    "\n  fragment TokenFields on EnrollmentToken {\n    id\n    prefix\n    name\n    displayName\n    purpose\n    tags\n    maxUses\n    uses\n    expiresAt\n    createdAt\n    revokedAt\n    active\n  }\n": types.TokenFieldsFragmentDoc,
    "\n  mutation CliCreateEnrollmentToken($input: CreateEnrollmentTokenInput) {\n    createEnrollmentToken(input: $input) {\n      token\n      enrollmentToken {\n        ...TokenFields\n      }\n    }\n  }\n": types.CliCreateEnrollmentTokenDocument,
    "\n  query CliEnrollmentTokens($includeInactive: Boolean) {\n    enrollmentTokens(includeInactive: $includeInactive) {\n      ...TokenFields\n    }\n  }\n": types.CliEnrollmentTokensDocument,
    "\n  mutation CliRevokeEnrollmentToken($id: ID!) {\n    revokeEnrollmentToken(id: $id) {\n      ...TokenFields\n    }\n  }\n": types.CliRevokeEnrollmentTokenDocument,
    "\n  fragment McpClientSummary on Client {\n    uuid\n    clientId\n    displayName\n    purpose\n    tags {\n      name\n    }\n    capabilities\n    online\n    health\n    keyMismatch\n    hostname\n    platform\n    lastSeen\n  }\n": types.McpClientSummaryFragmentDoc,
    "\n  fragment McpClientDetail on Client {\n    ...McpClientSummary\n    healthReason\n    username\n    arch\n    platformRelease\n    agentVersion\n    allowedPaths\n    agentAllowedPaths\n    webhookUrl\n    rateLimitRpm\n    rateLimitConcurrent\n    rateLimitMode\n    cpuThreshold\n    memoryThreshold\n    diskThreshold\n    resourceChecks\n    publicKeyFingerprint\n    trustedFingerprint\n    previousFingerprint\n    firstSeen\n    lastConnectedAt\n    connectionCount\n    enrolledVia\n  }\n": types.McpClientDetailFragmentDoc,
    "\n  query McpTargetClient($id: ID!) {\n    client(id: $id) {\n      uuid\n      clientId\n      displayName\n      online\n      lastSeen\n    }\n  }\n": types.McpTargetClientDocument,
    "\n  query McpOnlineClients {\n    clients(filter: { onlineOnly: true }) {\n      uuid\n      clientId\n      displayName\n    }\n  }\n": types.McpOnlineClientsDocument,
    "\n  mutation McpAcceptKey($id: ID!) {\n    acceptKey(id: $id) {\n      ...McpClientDetail\n    }\n  }\n": types.McpAcceptKeyDocument,
    "\n  mutation McpConfigureClient($id: ID!, $input: ConfigureClientInput!) {\n    configureClient(id: $id, input: $input) {\n      ...McpClientDetail\n    }\n  }\n": types.McpConfigureClientDocument,
    "\n  query McpDescribeClient($id: ID!) {\n    client(id: $id) {\n      ...McpClientDetail\n    }\n  }\n": types.McpDescribeClientDocument,
    "\n  query McpFindClient($filter: ClientFilter) {\n    clients(filter: $filter) {\n      ...McpClientSummary\n    }\n  }\n": types.McpFindClientDocument,
    "\n  query McpFleetHealth($filter: ClientFilter, $timeoutS: Int, $recentlyOfflineHours: Int) {\n    fleetHealth(filter: $filter, timeoutS: $timeoutS, recentlyOfflineHours: $recentlyOfflineHours) {\n      total\n      online\n      offline\n      unhealthy\n      keyMismatches\n      recentlyOffline\n      recentlyOfflineHours\n      sampled\n      failed\n      durationMs\n      collectedAt\n      keyMismatchClients {\n        clientId\n      }\n      recentlyOfflineClients {\n        clientId\n        lastSeen\n      }\n      unhealthyClients {\n        clientId\n        healthReason\n      }\n      samples {\n        client {\n          uuid\n          clientId\n        }\n        cpuPercent\n        memoryPercent\n        diskPercent\n        over {\n          resource\n          percent\n          threshold\n        }\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n": types.McpFleetHealthDocument,
    "\n  query McpClientMetrics($id: ID!, $summary: Boolean) {\n    clientMetrics(id: $id, summary: $summary)\n  }\n": types.McpClientMetricsDocument,
    "\n  query McpRateLimitStats($id: ID!) {\n    rateLimitStats(id: $id) {\n      client {\n        uuid\n        clientId\n      }\n      requestsPerMinute\n      currentConcurrent\n      rpmLimit\n      concurrentLimit\n      rpmWarnings\n      concurrentWarnings\n      rpmRejections\n      concurrentRejections\n      mode\n    }\n  }\n": types.McpRateLimitStatsDocument,
    "\n  query McpListClients($filter: ClientFilter) {\n    clients(filter: $filter) {\n      ...McpClientSummary\n    }\n  }\n": types.McpListClientsDocument,
    "\n  mutation McpRunCommand($clientId: ID!, $cmd: String!, $cwd: String, $timeout: Int) {\n    runCommand(clientId: $clientId, cmd: $cmd, cwd: $cwd, timeout: $timeout) {\n      stdout\n      stderr\n      returncode\n      timedOut\n      truncated\n      durationMs\n    }\n  }\n": types.McpRunCommandDocument,
    "\n  query McpSelectClient($id: ID!) {\n    client(id: $id) {\n      ...McpClientSummary\n    }\n  }\n": types.McpSelectClientDocument,
    "\n  mutation McpUpdateClient($id: ID!, $input: UpdateClientInput!) {\n    updateClient(id: $id, input: $input) {\n      ...McpClientDetail\n    }\n  }\n": types.McpUpdateClientDocument,
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
    "\n  query McpTestFleetSnapshot {\n    clients(filter: { includeDecommissioned: true }) {\n      uuid\n      clientId\n      displayName\n      purpose\n      tags {\n        name\n      }\n      allowedPaths\n      webhookUrl\n      rateLimitRpm\n      rateLimitConcurrent\n      rateLimitMode\n      cpuThreshold\n      memoryThreshold\n      diskThreshold\n      resourceChecks\n      keyMismatch\n      decommissioned\n      online\n      recentCommands(limit: 100) {\n        id\n      }\n    }\n    tags {\n      name\n      clientCount\n    }\n  }\n": types.McpTestFleetSnapshotDocument,
    "\n  query MetricsOfClient($id: ID!, $summary: Boolean) {\n    clientMetrics(id: $id, summary: $summary)\n  }\n": types.MetricsOfClientDocument,
    "\n  subscription MetricsStream($id: ID!, $summary: Boolean, $intervalS: Int) {\n    clientMetrics(id: $id, summary: $summary, intervalS: $intervalS) {\n      timestamp\n      metrics\n      error {\n        code\n        message\n      }\n      client {\n        uuid\n        online\n      }\n    }\n  }\n": types.MetricsStreamDocument,
    "\n  query FleetHealthOfTests($filter: ClientFilter, $timeoutS: Int) {\n    fleetHealth(filter: $filter, timeoutS: $timeoutS) {\n      total\n      online\n      offline\n      keyMismatches\n      unhealthy\n      recentlyOffline\n      recentlyOfflineHours\n      sampled\n      failed\n      durationMs\n      collectedAt\n      samples {\n        client {\n          uuid\n        }\n        cpuPercent\n        memoryPercent\n        diskPercent\n        load1\n        summary\n        over {\n          resource\n          percent\n          threshold\n        }\n        thresholds {\n          cpu\n          memory\n          disk\n        }\n        error {\n          code\n        }\n      }\n      overCpu {\n        client {\n          uuid\n        }\n      }\n      overMemory {\n        client {\n          uuid\n        }\n        memoryPercent\n      }\n      overDisk {\n        client {\n          uuid\n        }\n        diskPercent\n      }\n      keyMismatchClients {\n        uuid\n      }\n      recentlyOfflineClients {\n        uuid\n      }\n      unhealthyClients {\n        uuid\n      }\n    }\n  }\n": types.FleetHealthOfTestsDocument,
    "\n  query RateLimitsStats($id: ID!) {\n    rateLimitStats(id: $id) {\n      requestsPerMinute\n      currentConcurrent\n      rpmLimit\n      concurrentLimit\n      rpmWarnings\n      concurrentWarnings\n      rpmRejections\n      concurrentRejections\n      mode\n    }\n  }\n": types.RateLimitsStatsDocument,
    "\n  subscription RateLimitsWarnings($clientId: ID) {\n    rateLimitWarnings(clientId: $clientId) {\n      id\n      limit\n      enforced\n      mode\n      operation\n      requestsPerMinute\n      currentConcurrent\n      rpmLimit\n      concurrentLimit\n      client {\n        uuid\n      }\n    }\n  }\n": types.RateLimitsWarningsDocument,
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
export function graphql(source: "\n  fragment McpClientSummary on Client {\n    uuid\n    clientId\n    displayName\n    purpose\n    tags {\n      name\n    }\n    capabilities\n    online\n    health\n    keyMismatch\n    hostname\n    platform\n    lastSeen\n  }\n"): (typeof documents)["\n  fragment McpClientSummary on Client {\n    uuid\n    clientId\n    displayName\n    purpose\n    tags {\n      name\n    }\n    capabilities\n    online\n    health\n    keyMismatch\n    hostname\n    platform\n    lastSeen\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment McpClientDetail on Client {\n    ...McpClientSummary\n    healthReason\n    username\n    arch\n    platformRelease\n    agentVersion\n    allowedPaths\n    agentAllowedPaths\n    webhookUrl\n    rateLimitRpm\n    rateLimitConcurrent\n    rateLimitMode\n    cpuThreshold\n    memoryThreshold\n    diskThreshold\n    resourceChecks\n    publicKeyFingerprint\n    trustedFingerprint\n    previousFingerprint\n    firstSeen\n    lastConnectedAt\n    connectionCount\n    enrolledVia\n  }\n"): (typeof documents)["\n  fragment McpClientDetail on Client {\n    ...McpClientSummary\n    healthReason\n    username\n    arch\n    platformRelease\n    agentVersion\n    allowedPaths\n    agentAllowedPaths\n    webhookUrl\n    rateLimitRpm\n    rateLimitConcurrent\n    rateLimitMode\n    cpuThreshold\n    memoryThreshold\n    diskThreshold\n    resourceChecks\n    publicKeyFingerprint\n    trustedFingerprint\n    previousFingerprint\n    firstSeen\n    lastConnectedAt\n    connectionCount\n    enrolledVia\n  }\n"];
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
export function graphql(source: "\n  mutation McpAcceptKey($id: ID!) {\n    acceptKey(id: $id) {\n      ...McpClientDetail\n    }\n  }\n"): (typeof documents)["\n  mutation McpAcceptKey($id: ID!) {\n    acceptKey(id: $id) {\n      ...McpClientDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation McpConfigureClient($id: ID!, $input: ConfigureClientInput!) {\n    configureClient(id: $id, input: $input) {\n      ...McpClientDetail\n    }\n  }\n"): (typeof documents)["\n  mutation McpConfigureClient($id: ID!, $input: ConfigureClientInput!) {\n    configureClient(id: $id, input: $input) {\n      ...McpClientDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query McpDescribeClient($id: ID!) {\n    client(id: $id) {\n      ...McpClientDetail\n    }\n  }\n"): (typeof documents)["\n  query McpDescribeClient($id: ID!) {\n    client(id: $id) {\n      ...McpClientDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query McpFindClient($filter: ClientFilter) {\n    clients(filter: $filter) {\n      ...McpClientSummary\n    }\n  }\n"): (typeof documents)["\n  query McpFindClient($filter: ClientFilter) {\n    clients(filter: $filter) {\n      ...McpClientSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query McpFleetHealth($filter: ClientFilter, $timeoutS: Int, $recentlyOfflineHours: Int) {\n    fleetHealth(filter: $filter, timeoutS: $timeoutS, recentlyOfflineHours: $recentlyOfflineHours) {\n      total\n      online\n      offline\n      unhealthy\n      keyMismatches\n      recentlyOffline\n      recentlyOfflineHours\n      sampled\n      failed\n      durationMs\n      collectedAt\n      keyMismatchClients {\n        clientId\n      }\n      recentlyOfflineClients {\n        clientId\n        lastSeen\n      }\n      unhealthyClients {\n        clientId\n        healthReason\n      }\n      samples {\n        client {\n          uuid\n          clientId\n        }\n        cpuPercent\n        memoryPercent\n        diskPercent\n        over {\n          resource\n          percent\n          threshold\n        }\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query McpFleetHealth($filter: ClientFilter, $timeoutS: Int, $recentlyOfflineHours: Int) {\n    fleetHealth(filter: $filter, timeoutS: $timeoutS, recentlyOfflineHours: $recentlyOfflineHours) {\n      total\n      online\n      offline\n      unhealthy\n      keyMismatches\n      recentlyOffline\n      recentlyOfflineHours\n      sampled\n      failed\n      durationMs\n      collectedAt\n      keyMismatchClients {\n        clientId\n      }\n      recentlyOfflineClients {\n        clientId\n        lastSeen\n      }\n      unhealthyClients {\n        clientId\n        healthReason\n      }\n      samples {\n        client {\n          uuid\n          clientId\n        }\n        cpuPercent\n        memoryPercent\n        diskPercent\n        over {\n          resource\n          percent\n          threshold\n        }\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query McpClientMetrics($id: ID!, $summary: Boolean) {\n    clientMetrics(id: $id, summary: $summary)\n  }\n"): (typeof documents)["\n  query McpClientMetrics($id: ID!, $summary: Boolean) {\n    clientMetrics(id: $id, summary: $summary)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query McpRateLimitStats($id: ID!) {\n    rateLimitStats(id: $id) {\n      client {\n        uuid\n        clientId\n      }\n      requestsPerMinute\n      currentConcurrent\n      rpmLimit\n      concurrentLimit\n      rpmWarnings\n      concurrentWarnings\n      rpmRejections\n      concurrentRejections\n      mode\n    }\n  }\n"): (typeof documents)["\n  query McpRateLimitStats($id: ID!) {\n    rateLimitStats(id: $id) {\n      client {\n        uuid\n        clientId\n      }\n      requestsPerMinute\n      currentConcurrent\n      rpmLimit\n      concurrentLimit\n      rpmWarnings\n      concurrentWarnings\n      rpmRejections\n      concurrentRejections\n      mode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query McpListClients($filter: ClientFilter) {\n    clients(filter: $filter) {\n      ...McpClientSummary\n    }\n  }\n"): (typeof documents)["\n  query McpListClients($filter: ClientFilter) {\n    clients(filter: $filter) {\n      ...McpClientSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation McpRunCommand($clientId: ID!, $cmd: String!, $cwd: String, $timeout: Int) {\n    runCommand(clientId: $clientId, cmd: $cmd, cwd: $cwd, timeout: $timeout) {\n      stdout\n      stderr\n      returncode\n      timedOut\n      truncated\n      durationMs\n    }\n  }\n"): (typeof documents)["\n  mutation McpRunCommand($clientId: ID!, $cmd: String!, $cwd: String, $timeout: Int) {\n    runCommand(clientId: $clientId, cmd: $cmd, cwd: $cwd, timeout: $timeout) {\n      stdout\n      stderr\n      returncode\n      timedOut\n      truncated\n      durationMs\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query McpSelectClient($id: ID!) {\n    client(id: $id) {\n      ...McpClientSummary\n    }\n  }\n"): (typeof documents)["\n  query McpSelectClient($id: ID!) {\n    client(id: $id) {\n      ...McpClientSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation McpUpdateClient($id: ID!, $input: UpdateClientInput!) {\n    updateClient(id: $id, input: $input) {\n      ...McpClientDetail\n    }\n  }\n"): (typeof documents)["\n  mutation McpUpdateClient($id: ID!, $input: UpdateClientInput!) {\n    updateClient(id: $id, input: $input) {\n      ...McpClientDetail\n    }\n  }\n"];
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
export function graphql(source: "\n  query RateLimitsStats($id: ID!) {\n    rateLimitStats(id: $id) {\n      requestsPerMinute\n      currentConcurrent\n      rpmLimit\n      concurrentLimit\n      rpmWarnings\n      concurrentWarnings\n      rpmRejections\n      concurrentRejections\n      mode\n    }\n  }\n"): (typeof documents)["\n  query RateLimitsStats($id: ID!) {\n    rateLimitStats(id: $id) {\n      requestsPerMinute\n      currentConcurrent\n      rpmLimit\n      concurrentLimit\n      rpmWarnings\n      concurrentWarnings\n      rpmRejections\n      concurrentRejections\n      mode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RateLimitsWarnings($clientId: ID) {\n    rateLimitWarnings(clientId: $clientId) {\n      id\n      limit\n      enforced\n      mode\n      operation\n      requestsPerMinute\n      currentConcurrent\n      rpmLimit\n      concurrentLimit\n      client {\n        uuid\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription RateLimitsWarnings($clientId: ID) {\n    rateLimitWarnings(clientId: $clientId) {\n      id\n      limit\n      enforced\n      mode\n      operation\n      requestsPerMinute\n      currentConcurrent\n      rpmLimit\n      concurrentLimit\n      client {\n        uuid\n      }\n    }\n  }\n"];
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

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;