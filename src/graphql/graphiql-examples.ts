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
# Logging in: enter the server's API key in the form this page shows (the key is in
# <data-dir>/api_key, or in ETPHONEHOME_API_KEY). The page then sends it as
# "Authorization: Bearer <key>" with every request; it never goes into a URL. It is kept
# for this browser tab only unless you tick "Remember". "Log out" (bottom right) forgets it.
#
# Run an operation with the run button (or Ctrl/Cmd+Enter); when a tab holds several, pick
# one from the run button's menu. Inputs go in the Variables pane below the editor. The Docs
# (book icon, left) describe every type, field and argument.
#
# Tabs, one per workflow of the infrastructure guide:
#   FleetStatus          every client: online, health, key mismatches, last seen (this tab)
#   FindClients          search by text, purpose, tags and capabilities, online only
#   DescribeClient       one client in full, with its recent events and commands
#   NewClientSetup       name, purpose and tags; then webhook and rate limits; then check
#   DecommissionCheck    look before you retire a client; then DecommissionClient
#   KeyRotationCheck     a client's key mismatch in detail; then AcceptKey
#   ClientSettings       rate-limit figures and settings; then change limits, webhook, paths
#   BulkTagPreview       who matches a filter; then BulkTagUpdate adds/removes their tags
#   BulkCommandPreview   who matches a filter; then BulkCommand runs one command on them all
#   RunCommand           run a command on one client
#   WatchEvents          live fleet events (a subscription: press stop to end it)
#   WatchClientStatus    one client's online, health and key state, live
#   AuditTrail           past events, newest first; page back with "before"
#   EnrollmentTokens     list tokens; create one for a new agent; revoke one
#   TagsOverview         every tag, how many clients carry it, and which
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
    query: `# Find clients. Every condition given must hold: "query" matches display name, purpose,
# hostname and clientId (case-insensitive); a client needs ALL the tags and ALL the
# capabilities listed. Remove a condition from the variables to drop it.
# FindClientsPage pages through a large fleet: pass pageInfo.endCursor as "after".
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

query FindClientsPage($filter: ClientFilter, $first: Int = 50, $after: String) {
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
    query: `# Everything about one client. "id" takes its uuid, its clientId or an unambiguous
# display name.
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
#   1. NewClientSetup     give it a name, a purpose and tags (tags replace the old set)
#   2. NewClientSettings  webhook and rate limits, if it needs its own
#   3. NewClientCheck     check that the detected capabilities are what you expect
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
#   1. DecommissionCheck   make sure it is the client you mean
#   2. DecommissionClient  stops its service (stopService), clears its webhook, marks it
#      decommissioned and closes its link. Its record and history stay in the audit trail.
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

mutation DecommissionClient($id: ID!, $stopService: Boolean = false, $stopCommand: String, $reason: String) {
  decommissionClient(id: $id, stopService: $stopService, stopCommand: $stopCommand, reason: $reason) {
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
    query: `# Key rotation. A client that connects with a new key shows keyMismatch: true and every
# operation on it is refused until the new key is accepted.
#   1. KeyRotationCheck  compare the fingerprints with the one on the machine
#                        (ssh-keygen -lf on its key) before trusting it
#   2. AcceptKey         pin the new key
query KeyRotationCheck($id: ID!) {
  client(id: $id) {
    clientId
    displayName
    keyMismatch
    publicKeyFingerprint
    previousFingerprint
    recentEvents(events: ["client.key_mismatch", "client.key_accepted"], limit: 5) {
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
#   ClientSettings       rate-limit figures (in-memory since the server started) and settings
#   ConfigureRateLimits  per-client limits; null restores the server default
#   SetWebhook           this client's webhook; "" clears it back to the global one
#   SetAllowedPaths      where file operations and command cwd may go; [] lifts the restriction
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
#   2. BulkTagUpdate   add and remove tags on every one of them
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
    query: `# One command on every client matching a filter, "parallelism" at a time:
#   1. BulkCommandPreview  who matches (onlineOnly skips offline clients)
#   2. BulkCommand         run it; check each client's returncode, or its error
query BulkCommandPreview($filter: ClientFilter!) {
  clients(filter: $filter) {
    clientId
    displayName
    online
  }
}

mutation BulkCommand($filter: ClientFilter!, $cmd: String!, $cwd: String, $timeout: Int = 300, $parallelism: Int = 10) {
  runCommandOnClients(filter: $filter, cmd: $cmd, cwd: $cwd, timeout: $timeout, parallelism: $parallelism) {
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
    query: `# Run a command on one client (with /bin/sh -c, as the agent's user). timeout is in
# seconds; the process group is killed when it expires (returncode 124, timedOut true).
mutation RunCommand($clientId: ID!, $cmd: String!, $cwd: String, $timeout: Int = 300, $env: [EnvironmentVariableInput!]) {
  runCommand(clientId: $clientId, cmd: $cmd, cwd: $cwd, timeout: $timeout, env: $env) {
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
    query: `# Fleet events as they happen (the same events webhooks get). Empty the filter, or set
# it to null, to see every event; "tags" and "clientId" narrow it down.
# Press stop (where the run button was) to end the subscription.
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
    query: `# One client's state: first as it is now (cause "current"), then on every change.
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
    query: `# The audit trail, newest first. For the page before, pass the last id you saw as
# "before". Filter by client (clientId), event names and tags.
query AuditTrail($filter: EventFilter, $limit: Int = 50, $before: ID) {
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
    query: `# Enrollment tokens admit new agents: phonehome --init --enroll <token> ...
#   EnrollmentTokens        the tokens (includeInactive adds revoked, expired, used up)
#   CreateEnrollmentToken   the token string is shown once, in this answer only
#   RevokeEnrollmentToken   by id or prefix; clients already enrolled stay
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
    query: `# Every tag, how many clients carry it, and which (onlineOnly: true for those online now).
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
