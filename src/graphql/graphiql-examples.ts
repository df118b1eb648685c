// The example operations GraphiQL opens with: one tab per workflow of the infrastructure guide
// (shared/guides/infrastructure-skill.md), in the guide's order. GraphiQL names a tab after the
// first operation in it, so each tab leads with the step a user runs first; later steps of the
// same workflow sit below it and share the tab's variables (unused ones are ignored).
//
// test/graphql/graphiql-examples.test.ts parses and validates every operation against
// schema.graphql and coerces each tab's variables, so an API change that breaks an example fails
// there rather than in a user's browser.

export interface GraphiQLExample {
  /** The tab's operations: a leading comment says what the tab is for and in which order. */
  query: string;
  /** The tab's variables, shown in the Variables pane. */
  variables?: Record<string, unknown>;
}

const CLIENT_ID = 'web-01';

export const graphiqlExamples: readonly GraphiQLExample[] = [
  {
    query: `# Welcome to ET Phone Home's GraphiQL.
#
# Log in with the server's API key in the form this
# page shows (the key is in <data-dir>/api_key, or in
# ETPHONEHOME_API_KEY). The page sends it as
# "Authorization: Bearer <key>" with every request,
# never in a URL. It is kept for this browser tab only,
# unless you tick "Remember". "Log out" (bottom right)
# forgets it.
#
# Run an operation with the run button or Ctrl+Enter;
# in a tab with several, pick one from the run button's
# menu. Inputs go in the Variables pane. The Docs (book
# icon, left) describe every type, field and argument.
#
# One tab per workflow of the infrastructure guide:
#  FleetStatus         every client at a glance (here)
#  FleetHealth         counts + every online client's
#                      CPU/memory/disk vs thresholds
#  FindClients         text, purpose, tags, capabilities
#  DescribeClient      one client, recent activity
#  NewClientSetup      metadata, settings, then check
#  DecommissionCheck   look, then DecommissionClient
#  KeyRotationCheck    compare keys, then AcceptKey
#  ClientSettings      rate limits, webhook, paths
#  BulkTagPreview      then BulkTagUpdate on matches
#  BulkCommandPreview  then BulkCommand on matches
#  RunCommand          a command on one client
#  ListFiles           files: list, read, write, transfer
#  WatchEvents         live fleet events (subscription)
#  WatchClientStatus   one client's state, live
#  AuditTrail          past events, newest first
#  WebhookDeliveries   failed ones, replay, test, watch
#  EnrollmentTokens    list, create and revoke tokens
#  TagsOverview        every tag and who carries it
query FleetStatus {
  total: clientsConnection(first: 0) {
    totalCount
  }
  online: clientsConnection(first: 0, filter: { onlineOnly: true }) {
    totalCount
  }
  clients {
    clientId
    displayName
    purpose
    tags {
      name
    }
    online
    health
    healthReason
    keyMismatch
    lastSeen
  }
}
`,
  },
  {
    query: `# The guide's "Health Check Across Fleet" in one call:
# the counts, and a metrics summary from every online
# client matching the filter, flagged against each
# client's thresholds (default CPU 80 %, memory 85 %,
# disk 85 %; change them with configureClient).
query FleetHealth($filter: ClientFilter) {
  fleetHealth(filter: $filter, timeoutS: 10) {
    total
    online
    offline
    keyMismatches
    unhealthy
    recentlyOffline
    failed
    overCpu {
      client {
        clientId
      }
      cpuPercent
    }
    overMemory {
      client {
        clientId
      }
      memoryPercent
    }
    overDisk {
      client {
        clientId
      }
      diskPercent
    }
    unhealthyClients {
      clientId
      healthReason
      healthSince
    }
  }
}

# One client's metrics: CPU, memory, swap, every disk,
# network counters, uptime, processes.
query ClientMetrics($id: ID!) {
  clientMetrics(id: $id, summary: false)
}

# The same, live, every 5 seconds. Stop ends it.
subscription WatchMetrics($id: ID!) {
  clientMetrics(id: $id, summary: true, intervalS: 5) {
    timestamp
    metrics
    error {
      code
      message
    }
  }
}
`,
    variables: { filter: null, id: CLIENT_ID },
  },
  {
    query: `# Find clients: every condition given must hold.
#   query         display name, purpose, hostname or
#                 clientId contains it (any case)
#   tags          the client carries ALL of them
#   capabilities  the client has ALL of them
#   purpose, onlineOnly
# Remove a condition from the variables to drop it.
# FindClientsPage pages through a large fleet: pass
# pageInfo.endCursor as "after".
query FindClients($filter: ClientFilter) {
  clients(filter: $filter) {
    clientId
    displayName
    purpose
    tags {
      name
    }
    capabilities
    online
    health
  }
}

query FindClientsPage(
  $filter: ClientFilter
  $first: Int = 50
  $after: String
) {
  clientsConnection(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        clientId
        displayName
        online
      }
    }
  }
}
`,
    variables: {
      filter: {
        query: 'production',
        purpose: 'API Server',
        tags: ['production', 'critical'],
        capabilities: ['docker'],
        onlineOnly: true,
      },
      first: 20,
      after: null,
    },
  },
  {
    query: `# Everything about one client. "id" takes its uuid, its
# clientId or an unambiguous display name.
query DescribeClient($id: ID!) {
  client(id: $id) {
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
    healthReason
    hostname
    platform
    firstSeen
    lastSeen
    connectionCount
    keyMismatch
    publicKeyFingerprint
    previousFingerprint
    allowedPaths
    webhookUrl
    rateLimitRpm
    rateLimitConcurrent
    rateLimitMode
    decommissioned
    recentEvents(limit: 5) {
      event
      timestamp
      data
    }
    recentCommands(limit: 5) {
      timestamp
      data
    }
  }
}
`,
    variables: { id: CLIENT_ID },
  },
  {
    query: `# New client setup, after its first connection:
#   1. NewClientSetup     name, purpose and tags (the
#                         tags replace its old set)
#   2. NewClientSettings  its webhook and rate limits
#   3. NewClientCheck     are the detected capabilities
#                         what you expect?
mutation NewClientSetup($id: ID!, $metadata: UpdateClientInput!) {
  updateClient(id: $id, input: $metadata) {
    clientId
    displayName
    purpose
    tags {
      name
    }
  }
}

mutation NewClientSettings($id: ID!, $settings: ConfigureClientInput!) {
  configureClient(id: $id, input: $settings) {
    clientId
    webhookUrl
    rateLimitRpm
    rateLimitConcurrent
    rateLimitMode
  }
}

query NewClientCheck($id: ID!) {
  client(id: $id) {
    clientId
    hostname
    platform
    capabilities
    online
    health
  }
}
`,
    variables: {
      id: CLIENT_ID,
      metadata: {
        displayName: 'Production API Server #1',
        purpose: 'API Server',
        tags: ['production', 'us-east', 'critical', 'api-server'],
      },
      settings: {
        webhookUrl: 'https://hooks.example.com/etphonehome',
        rateLimitRpm: 60,
        rateLimitConcurrent: 5,
      },
    },
  },
  {
    query: `# Decommissioning:
#   1. DecommissionCheck   is it the client you mean?
#   2. DecommissionClient  stops its service (with
#      stopService), clears its webhook, marks it
#      decommissioned and closes its link. Its record
#      and history stay.
query DecommissionCheck($id: ID!) {
  client(id: $id) {
    uuid
    clientId
    displayName
    purpose
    hostname
    online
    webhookUrl
    lastSeen
  }
}

mutation DecommissionClient(
  $id: ID!
  $stopService: Boolean = true
  $stopCommand: String
  $reason: String
) {
  decommissionClient(
    id: $id
    stopService: $stopService
    stopCommand: $stopCommand
    reason: $reason
  ) {
    client {
      clientId
      decommissioned
      online
    }
    serviceStop {
      result {
        returncode
        stdout
        stderr
      }
      error {
        code
        message
      }
    }
  }
}
`,
    variables: {
      id: CLIENT_ID,
      stopService: true,
      stopCommand: 'systemctl --user stop phonehome',
      reason: 'Hardware retired',
    },
  },
  {
    query: `# Key rotation. A client that connects with a new key
# shows keyMismatch: true, and every operation on it is
# refused until the new key is accepted.
#   1. KeyRotationCheck  the clients waiting: compare
#                        publicKeyFingerprint with
#                        ssh-keygen -lf on the machine
#   2. AcceptKey         pin the new key of one of them
query KeyRotationCheck {
  clients(filter: { keyMismatch: true }) {
    uuid
    clientId
    displayName
    keyMismatch
    publicKeyFingerprint
    previousFingerprint
    recentEvents(
      events: ["client.key_mismatch", "client.key_accepted"]
      limit: 5
    ) {
      event
      timestamp
      data
    }
  }
}

mutation AcceptKey($id: ID!) {
  acceptKey(id: $id) {
    clientId
    keyMismatch
    publicKeyFingerprint
    previousFingerprint
  }
}
`,
    variables: { id: CLIENT_ID },
  },
  {
    query: `# Per-client settings and rate limits.
#   ClientSettings       rate-limit figures (counted
#                        since the server started)
#   ConfigureRateLimits  null restores the default
#   SetWebhook           "" goes back to the global one
#   SetAllowedPaths      where file operations and a
#                        command's cwd may go; [] lifts
#                        the restriction
query ClientSettings($id: ID!) {
  rateLimitStats(id: $id) {
    requestsPerMinute
    currentConcurrent
    rpmLimit
    concurrentLimit
    rpmWarnings
    concurrentWarnings
    mode
    client {
      clientId
      webhookUrl
      allowedPaths
    }
  }
}

mutation ConfigureRateLimits($id: ID!, $limits: ConfigureClientInput!) {
  configureClient(id: $id, input: $limits) {
    clientId
    rateLimitRpm
    rateLimitConcurrent
    rateLimitMode
  }
}

mutation SetWebhook($id: ID!, $webhookUrl: String) {
  configureClient(id: $id, input: { webhookUrl: $webhookUrl }) {
    clientId
    webhookUrl
  }
}

mutation SetAllowedPaths($id: ID!, $allowedPaths: [String!]) {
  updateClient(id: $id, input: { allowedPaths: $allowedPaths }) {
    clientId
    allowedPaths
  }
}
`,
    variables: {
      id: CLIENT_ID,
      limits: { rateLimitRpm: 120, rateLimitConcurrent: 20, rateLimitMode: 'WARN' },
      webhookUrl: 'https://hooks.example.com/etphonehome/web-01',
      allowedPaths: ['/home/deploy', '/var/log/app', '/etc/app'],
    },
  },
  {
    query: `# Bulk tag update, all or nothing:
#   1. BulkTagPreview  who matches the filter
#   2. BulkTagUpdate   add and remove tags on them all
query BulkTagPreview($filter: ClientFilter!) {
  clients(filter: $filter) {
    clientId
    displayName
    tags {
      name
    }
  }
}

mutation BulkTagUpdate($filter: ClientFilter!, $tags: UpdateClientsInput!) {
  updateClients(filter: $filter, input: $tags) {
    count
    clients {
      clientId
      tags {
        name
      }
    }
  }
}
`,
    variables: {
      filter: { tags: ['production'] },
      tags: { addTags: ['new-tag'], removeTags: ['experimental'] },
    },
  },
  {
    query: `# One command on every client matching a filter,
# "parallelism" clients at a time:
#   1. BulkCommandPreview  who matches (onlineOnly skips
#                          offline clients)
#   2. BulkCommand         run it; check returncode,
#                          or error where it did not
#                          run
query BulkCommandPreview($filter: ClientFilter!) {
  clients(filter: $filter) {
    clientId
    displayName
    online
  }
}

mutation BulkCommand(
  $filter: ClientFilter!
  $cmd: String!
  $cwd: String
  $timeout: Int = 300
  $parallelism: Int = 10
) {
  runCommandOnClients(
    filter: $filter
    cmd: $cmd
    cwd: $cwd
    timeout: $timeout
    parallelism: $parallelism
  ) {
    total
    succeeded
    failed
    results {
      client {
        clientId
      }
      result {
        returncode
        stdout
        stderr
      }
      error {
        code
        message
      }
    }
  }
}
`,
    variables: {
      filter: { tags: ['production', 'api-server'], onlineOnly: true },
      cmd: '/opt/app/deploy.sh',
      cwd: null,
      timeout: 600,
      parallelism: 5,
    },
  },
  {
    query: `# Run a command on one client (/bin/sh -c, as the
# agent's user). timeout is in seconds; when it expires
# the process group is killed (returncode 124).
mutation RunCommand(
  $clientId: ID!
  $cmd: String!
  $cwd: String
  $timeout: Int = 300
  $env: [EnvironmentVariableInput!]
) {
  runCommand(
    clientId: $clientId
    cmd: $cmd
    cwd: $cwd
    timeout: $timeout
    env: $env
  ) {
    returncode
    stdout
    stderr
    timedOut
    truncated
    durationMs
  }
}
`,
    variables: {
      clientId: CLIENT_ID,
      cmd: 'uptime && df -h /',
      cwd: null,
      timeout: 60,
      env: [{ name: 'LC_ALL', value: 'C' }],
    },
  },
  {
    query: `# A client's files, inside its allowedPaths: list a
# directory, read a file (TEXT or BASE64), write one
# atomically. Every operation is a file_accessed event.
query ListFiles($clientId: ID!, $dir: String!) {
  listFiles(clientId: $clientId, path: $dir) {
    path
    truncated
    entries {
      name
      type
      size
      mtime
    }
  }
}

query ReadFile($clientId: ID!, $file: String!) {
  readFile(clientId: $clientId, path: $file, encoding: TEXT) {
    path
    size
    content
  }
}

mutation WriteFile($clientId: ID!, $file: String!, $content: String!) {
  writeFile(clientId: $clientId, path: $file, content: $content) {
    path
    size
  }
}

# Files of any size: client → server (into the server's
# <data-dir>/transfers), verified by SHA-256, resumed when
# run again after an interruption. Follow it live with
# transferProgress(transferId: "…") in another tab.
mutation DownloadFile($clientId: ID!, $file: String!) {
  downloadFile(
    clientId: $clientId
    remotePath: $file
    localPath: "from-web-01/motd"
  ) {
    transferId
    state
    totalBytes
    sha256
    localPath
  }
}
`,
    variables: {
      clientId: CLIENT_ID,
      dir: '/etc',
      file: '/etc/motd',
      content: 'Maintenance tonight at 22:00 UTC\n',
    },
  },
  {
    query: `# Fleet events as they happen (those webhooks get too).
# Set the filter to null to see every event; "tags" and
# "clientId" narrow it down. Stop (where the run button
# was) ends the subscription.
subscription WatchEvents($filter: EventFilter) {
  clientEvents(filter: $filter) {
    id
    event
    timestamp
    actor
    data
    client {
      clientId
      displayName
      online
      health
    }
  }
}
`,
    variables: {
      filter: {
        events: [
          'client.connected',
          'client.disconnected',
          'client.key_mismatch',
          'client.unhealthy',
          'command_executed',
          'file_accessed',
        ],
      },
    },
  },
  {
    query: `# One client's state: first as it is now (cause
# "current"), then on every change. Stop ends it.
subscription WatchClientStatus($id: ID!) {
  clientStatus(id: $id) {
    cause
    timestamp
    client {
      clientId
      online
      health
      healthReason
      keyMismatch
    }
  }
}
`,
    variables: { id: CLIENT_ID },
  },
  {
    query: `# The audit trail, newest first. For older events, pass
# the last id you saw as "before". Filter by client
# (clientId), event names and tags.
query AuditTrail(
  $filter: EventFilter
  $limit: Int = 50
  $before: ID
) {
  events(filter: $filter, limit: $limit, before: $before) {
    id
    event
    timestamp
    actor
    data
    client {
      clientId
      displayName
    }
  }
}
`,
    variables: {
      filter: { clientId: CLIENT_ID, events: ['command_executed', 'file_accessed'] },
      limit: 20,
      before: null,
    },
  },
  {
    query: `# Webhook deliveries (docs/webhooks.md): each event
# POSTed, signed, to the client's webhookUrl or the global
# ETPHONEHOME_WEBHOOK_URL, retried for over a day, then
# FAILED until replayed. In order:
#   WebhookDeliveries        what failed, and why (lastError)
#   ReplayWebhookDelivery    send one again (same webhook-id)
#   ReplayFailedDeliveries   send every failed one again
#   SendTestWebhook          one signed test delivery, now
#   WatchWebhookFailures     failed attempts, live
query WebhookDeliveries($status: WebhookDeliveryStatus) {
  webhookDeliveries(filter: { status: $status }, limit: 20) {
    id
    event
    url
    status
    attempts
    lastStatusCode
    lastError
    nextAttemptAt
    createdAt
    client {
      clientId
    }
  }
}

mutation ReplayWebhookDelivery($deliveryId: ID!) {
  replayWebhookDelivery(id: $deliveryId) {
    id
    status
    nextAttemptAt
  }
}

mutation ReplayFailedDeliveries {
  replayFailedWebhookDeliveries {
    count
  }
}

mutation SendTestWebhook($id: ID) {
  sendTestWebhook(clientId: $id) {
    id
    url
    status
    lastStatusCode
    lastError
  }
}

subscription WatchWebhookFailures {
  webhookDeliveryFailed {
    deadLettered
    delivery {
      id
      event
      url
      attempts
      lastError
    }
  }
}
`,
    variables: { status: 'FAILED', deliveryId: 'msg_…', id: CLIENT_ID },
  },
  {
    query: `# Enrollment tokens admit new agents:
#   phonehome --init --enroll <token> -s <server>
#   EnrollmentTokens       includeInactive adds revoked,
#                          expired and used-up tokens
#   CreateEnrollmentToken  the token is shown once, here
#   RevokeEnrollmentToken  by id or prefix; clients
#                          already enrolled stay
query EnrollmentTokens($includeInactive: Boolean = false) {
  enrollmentTokens(includeInactive: $includeInactive) {
    id
    prefix
    name
    active
    uses
    maxUses
    expiresAt
    tags
  }
}

mutation CreateEnrollmentToken($token: CreateEnrollmentTokenInput) {
  createEnrollmentToken(input: $token) {
    token
    enrollmentToken {
      id
      prefix
      expiresAt
    }
  }
}

mutation RevokeEnrollmentToken($tokenId: ID!) {
  revokeEnrollmentToken(id: $tokenId) {
    id
    prefix
    active
    revokedAt
  }
}
`,
    variables: {
      includeInactive: false,
      token: {
        name: 'CI runners, batch 3',
        purpose: 'CI Runner',
        tags: ['ci', 'us-east'],
        maxUses: 5,
        expiresInSeconds: 86400,
      },
      tokenId: '<id or prefix from EnrollmentTokens>',
    },
  },
  {
    query: `# Every tag, how many clients carry it, and which
# (onlineOnly: true lists only those online now).
query TagsOverview($onlineOnly: Boolean = false) {
  tags {
    name
    clientCount
    clients(onlineOnly: $onlineOnly) {
      clientId
      displayName
      online
    }
  }
}
`,
    variables: { onlineOnly: false },
  },
];
