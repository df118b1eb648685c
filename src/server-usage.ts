// `etphonehome server --help`: every flag and environment variable the server reads
// (config.ts reads them; keep the two in step).

import { webhookEnvUsage } from './fleet/webhooks/settings.js';

export const serverUsage = `Usage: etphonehome server [options]

Options:
  --data-dir DIR      data directory (env ETPHONEHOME_DATA_DIR; default ~/.etphonehome-server)
  --database-url URL  keep the fleet in PostgreSQL instead of <data-dir>/etphonehome.db
                      (env ETPHONEHOME_DATABASE_URL; postgres://USER:PASSWORD@HOST:5432/DATABASE;
                      migrated on start)
  --server-name NAME  this server's name in a cluster (env ETPHONEHOME_SERVER_NAME; default the
                      hostname; letters, digits, '.', '_', '-')
  --peer-url URL      where the other servers reach this one (env ETPHONEHOME_PEER_URL)
  --drain             do not serve: ask the running server named --server-name (on the
                      --database-url PostgreSQL) to hand its agents to the other servers, and
                      wait until it holds none (exit 0); then stop it
  --ssh-host H        SSH listen address (env ETPHONEHOME_SSH_HOST; default 0.0.0.0)
  --ssh-port N        SSH listen port (env ETPHONEHOME_SSH_PORT; default 2222; 0 = any free port)
  --http-host H       HTTP listen address (env ETPHONEHOME_HTTP_HOST; default 127.0.0.1)
  --http-port N       HTTP listen port (env ETPHONEHOME_HTTP_PORT; default 8765; 0 = any free port)
  --open-enrollment   admit any new key (env ETPHONEHOME_OPEN_ENROLLMENT=1); for trials and tests
  --heartbeat-interval S   seconds between heartbeats (env ETPHONEHOME_HEARTBEAT_INTERVAL_S; default 30)
  --heartbeat-failures N   consecutive failures before a client is unhealthy
                      (env ETPHONEHOME_HEARTBEAT_FAILURES; default 3)
  --health-grace S    seconds after a connection during which failures do not count
                      (env ETPHONEHOME_HEALTH_GRACE_S; default 60)
  --allow-new-database  start with a new, empty database although the data directory already
                      holds keys (env ETPHONEHOME_ALLOW_NEW_DATABASE=1); without it a missing or
                      empty database beside existing keys refuses to start
  --disable-introspection  hide the GraphQL schema (env ETPHONEHOME_GRAPHQL_INTROSPECTION=0);
                      GraphiQL's documentation and completion then stop working
  --log-level LEVEL   trace|debug|info|warn|error (env ETPHONEHOME_LOG_LEVEL; default info)
  -h, --help          show this help

Environment:
  ETPHONEHOME_API_KEY            API key (default: generated into <data-dir>/api_key, printed once)
  ETPHONEHOME_RATE_LIMIT_RPM     default requests per minute per client (60)
  ETPHONEHOME_RATE_LIMIT_CONCURRENT  default concurrent requests per client (10)
  ETPHONEHOME_RATE_LIMIT_MODE    warn|enforce|off (warn)
  ETPHONEHOME_HEARTBEAT_TIMEOUT_S  how long one heartbeat may take (10)
  ETPHONEHOME_RESOURCE_CHECKS    1 = crossing a resource threshold makes a client unhealthy
                                 (default 0: thresholds only flag clients in fleetHealth)
  ETPHONEHOME_CPU_THRESHOLD      CPU percent over which a client is flagged (80)
  ETPHONEHOME_MEMORY_THRESHOLD   memory percent (85)
  ETPHONEHOME_DISK_THRESHOLD     fullest disk percent (85)
  ETPHONEHOME_SSH_KEEPALIVE_S    seconds of silence before an SSH keepalive to an agent (40)
  ETPHONEHOME_SSH_KEEPALIVE_COUNT  unanswered keepalives before the link is cut (3)
  ETPHONEHOME_GRAPHQL_MAX_DEPTH  deepest selection an operation may make (10)
  ETPHONEHOME_GRAPHQL_MAX_COST   most an operation may cost (100000; about one per field,
                                 times the page size of a connection)
  ETPHONEHOME_GRAPHQL_MAX_FIELDS  fields an operation may resolve while it runs (500000)
  ETPHONEHOME_GRAPHQL_MAX_RESPONSE_BYTES  largest answer sent, in bytes (67108864)
  ETPHONEHOME_GRAPHQL_MAX_SUBSCRIPTIONS_PER_CONNECTION  open subscriptions on one graphql-ws
                                 socket or SSE connection (100)
  ETPHONEHOME_GRAPHQL_MAX_SUBSCRIPTIONS  open subscriptions on the server (10000)
  ETPHONEHOME_AUDIT_LOG          also append every event to this file as a JSON line (none)
  ETPHONEHOME_CONFIRMATION_TTL_S  seconds an MCP confirmation_token stays valid (300)
  ETPHONEHOME_TRUSTED_DOCUMENTS  1 = run only trusted GraphQL documents (docs/access.md)
  ETPHONEHOME_TRANSFER_ROOTS     colon-separated absolute directories where uploadFile reads and
                                 downloadFile writes on the server (default <data-dir>/transfers;
                                 relative localPath values resolve inside the first)
  ETPHONEHOME_MCP_MAX_SESSIONS   open MCP sessions at /mcp at most (100)
  ETPHONEHOME_MCP_SESSION_IDLE_S  seconds before an idle MCP session is closed (1800)
  ETPHONEHOME_MCP_ALLOWED_ORIGINS  comma-separated browser origins allowed at /mcp besides
                                 the server's own (default none)
  ETPHONEHOME_RECORD_INPUT       1 = shell recordings keep keystrokes too (default off: they
                                 may hold passwords); output is always recorded
  ETPHONEHOME_RECORDING_RETENTION_DAYS  days shell recordings are kept in <data-dir>/recordings
                                 (30; 0 = forever)
  ETPHONEHOME_SHELL_IDLE_S       seconds before a quiet openShell / shell_open shell closes (900)

${webhookEnvUsage}
Examples:
  etphonehome server
  etphonehome server --data-dir /var/lib/etphonehome --http-host 0.0.0.0
  ETPHONEHOME_DATABASE_URL=postgres://etphonehome@db.example/etphonehome etphonehome server
`;
