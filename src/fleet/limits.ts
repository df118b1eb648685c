// The fleet's limits, lengths and defaults, named once. Every door imports them from here
// (GraphQL argument defaults, MCP input schemas, CLI flag defaults and help), so the doors cannot
// drift from what the fleet enforces. Pure constants: no imports but the wire protocol's, no I/O —
// the CLI may import this module (and only this one) from the fleet.

import { MAX_COMMAND_TIMEOUT_MS, MAX_FILE_BYTES } from '../protocol/rpc.js';

export { MAX_COMMAND_TIMEOUT_MS, MAX_FILE_BYTES };

// ── commands ─────────────────────────────────────────────────────────────────────────────
/** Longest command line accepted, in bytes. */
export const MAX_COMMAND_BYTES = 256 * 1024;
/** A command's timeout when none is given, in seconds. */
export const DEFAULT_TIMEOUT_S = 300;
/** The longest timeout a command may ask for, in seconds (24 h). */
export const MAX_TIMEOUT_S = MAX_COMMAND_TIMEOUT_MS / 1000;
/** Environment variables one command may set, and the longest value, in characters. */
export const MAX_ENV_VARIABLES = 256;
export const MAX_ENV_VALUE_CHARS = 64 * 1024;
/** Extra time the link waits beyond a command's own timeout (the agent kills at the deadline). */
export const LINK_GRACE_MS = 15_000;
/** What decommissionClient runs on the client to stop its agent's service. */
export const DEFAULT_STOP_COMMAND = 'systemctl --user stop phonehome';
/** The stop command's timeout, in seconds. */
export const STOP_COMMAND_TIMEOUT_S = 60;

// ── bulk operations ──────────────────────────────────────────────────────────────────────
/** The most clients one bulk operation may target. */
export const MAX_BULK_TARGETS = 10_000;
/** Clients a bulk command runs on at once when none is given, and the most allowed. */
export const DEFAULT_PARALLELISM = 10;
export const MAX_PARALLELISM = 64;

// ── bulk jobs ────────────────────────────────────────────────────────────────────────────
/** A job's results per page (bulkJob.results) when none is given, and the most per page. */
export const DEFAULT_JOB_RESULTS_PAGE = 100;
export const MAX_JOB_RESULTS_PAGE = 1000;
/** The longest job id accepted (ids are UUIDs). */
export const MAX_JOB_ID_CHARS = 64;

// ── idempotency keys ─────────────────────────────────────────────────────────────────────
/** How long a key and the outcome of its first request are kept, in seconds (24 h). */
export const IDEMPOTENCY_KEY_TTL_S = 24 * 3600;
/** A key: 1 to 255 letters, digits and . _ : / + = @ - (a UUID fits). */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:/+=@-]{1,255}$/;
export const MAX_IDEMPOTENCY_KEY_CHARS = 255;

// ── confirmations ────────────────────────────────────────────────────────────────────────
/** How long a confirmation token stays valid, in seconds (ETPHONEHOME_CONFIRMATION_TTL_S). */
export const DEFAULT_CONFIRMATION_TTL_S = 300;
/** The longest confirmation token accepted (issued ones are about 200 characters). */
export const MAX_CONFIRMATION_TOKEN_CHARS = 1024;

// ── lists ────────────────────────────────────────────────────────────────────────────────
/** The most clients one plain list returns; beyond it, clientsConnection pages. */
export const MAX_LIST_CLIENTS = 5000;
/** The largest page of clientsConnection. */
export const MAX_PAGE_SIZE = 500;
/** Events per page of the audit trail when none is given, and the most per page. */
export const DEFAULT_EVENT_LIMIT = 50;
export const MAX_EVENT_LIMIT = 1000;
/** Recent events shown with a client when none is given, and the most. */
export const DEFAULT_RECENT_EVENTS = 10;
export const MAX_RECENT_EVENTS = 100;
/** Webhook deliveries per page, and the most per page. */
export const DEFAULT_DELIVERY_LIMIT = 50;
export const MAX_DELIVERIES_LIST = 1000;
/** Longest list of clients of one kind fleetHealth returns (its counts are always exact). */
export const MAX_HEALTH_LIST = 1000;

// ── names, text and filters ──────────────────────────────────────────────────────────────
/** A tag: letters, digits and . _ : / -, starting with a letter or digit. */
export const TAG_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$/;
export const MAX_TAG_CHARS = 128;
/** Tags (or capabilities) one client, filter or change may name. */
export const MAX_TAGS = 64;
export const MAX_CAPABILITY_CHARS = 128;
/** A client reference: uuid, clientId or display name. */
export const MAX_CLIENT_REF_CHARS = 256;
export const MAX_DISPLAY_NAME_CHARS = 256;
export const MAX_PURPOSE_CHARS = 1024;
/** The text searched by filter.query. */
export const MAX_QUERY_CHARS = 256;
export const MAX_REASON_CHARS = 1024;
/** Event types and tags an event filter may name. */
export const MAX_EVENT_FILTER_NAMES = 64;
/** The most recorded events a subscription replays from its cursor (`after`); beyond, refused. */
export const MAX_EVENT_REPLAY = 10_000;

// ── paths and files ──────────────────────────────────────────────────────────────────────
/** Longest path accepted (PATH_MAX on Linux). */
export const MAX_PATH_LENGTH = 4096;
/** Directories one client's allowedPaths may hold. */
export const MAX_ALLOWED_PATHS = 256;
/** How long a file operation may take on the link. */
export const FILE_TIMEOUT_MS = 120_000;
/** Entries list_files returns when none is given, and the most it returns. */
export const DEFAULT_LIST_ENTRIES = 500;
export const MAX_LIST_ENTRIES = 100_000;

// ── settings ─────────────────────────────────────────────────────────────────────────────
export const MAX_RATE_LIMIT_RPM = 1_000_000;
export const MAX_RATE_LIMIT_CONCURRENT = 10_000;
export const MAX_WEBHOOK_URL_LENGTH = 2048;

// ── health and metrics ───────────────────────────────────────────────────────────────────
/** How long fleetHealth waits for each client's sample, in seconds: default and most. */
export const DEFAULT_FLEET_HEALTH_TIMEOUT_S = 10;
export const MAX_FLEET_HEALTH_TIMEOUT_S = 120;
/** The oldest heartbeat sample fleetHealth may be told to accept, in seconds (one day). */
export const MAX_FLEET_HEALTH_SAMPLE_AGE_S = 86_400;
/** How far back fleetHealth's "recently offline" looks, in hours: default and most (90 days). */
export const DEFAULT_RECENTLY_OFFLINE_HOURS = 24;
export const MAX_RECENTLY_OFFLINE_HOURS = 24 * 90;
/** A metrics call's timeout on the link. */
export const METRICS_TIMEOUT_MS = 30_000;
/** Seconds between samples of the clientMetrics subscription: default, least and most. */
export const DEFAULT_METRICS_INTERVAL_S = 5;
export const MIN_METRICS_INTERVAL_S = 1;
export const MAX_METRICS_INTERVAL_S = 3600;

// ── enrollment tokens ────────────────────────────────────────────────────────────────────
export const MAX_TOKEN_USES = 1_000_000;
export const MIN_TOKEN_LIFETIME_S = 60;
export const MAX_TOKEN_LIFETIME_S = 366 * 86_400;
/** A new token's lifetime when none is given (24 h), and its uses (one). */
export const DEFAULT_TOKEN_LIFETIME_S = 24 * 3600;
export const DEFAULT_TOKEN_USES = 1;

// ── shells and tunnels (issue 16) ────────────────────────────────────────────────────────
/** Shell sessions and tunnels one client may have open at once. */
export const MAX_SESSIONS_PER_CLIENT = 32;
export const MAX_TUNNELS_PER_CLIENT = 32;
/** TCP connections one tunnel may carry at once. */
export const MAX_TUNNEL_CONNECTIONS = 256;
/** How long opening a shell or a forwarded connection may take on the agent, in ms. */
export const STREAM_OPEN_TIMEOUT_MS = 20_000;
/** How many shell sessions one listing returns at most, and by default. */
export const MAX_SESSIONS_LIST = 1000;
export const DEFAULT_SESSIONS_LIST = 100;
/**
 * Shells driven by request and reply (openShell / shell_open): output waits in a buffer of at
 * most this many bytes per session until read; past it the oldest bytes are dropped and counted.
 */
export const MAX_SHELL_BUFFER_BYTES = 1024 * 1024;
/** The most one read returns (the rest stays buffered for the next read). */
export const MAX_SHELL_READ_BYTES = 256 * 1024;
/** The most text one send carries, in bytes. */
export const MAX_SHELL_SEND_BYTES = 64 * 1024;
/** A read that saw output returns once the shell has been quiet this long, in ms. */
export const SHELL_READ_QUIET_MS = 200;
/** The longest a read waits for output, in seconds, and its default. */
export const MAX_SHELL_READ_TIMEOUT_S = 120;
export const DEFAULT_SHELL_READ_TIMEOUT_S = 5;
/** How long a closing shell gets to exit on its own (end of input, then SIGHUP), in ms. */
export const SHELL_CLOSE_GRACE_MS = 2000;
/** Ended shells whose last output and exit status stay readable (the oldest are forgotten). */
export const MAX_ENDED_SHELLS = 256;
/** The idle timeout of a request-and-reply shell by default, in seconds (ETPHONEHOME_SHELL_IDLE_S). */
export const DEFAULT_SHELL_IDLE_S = 900;
/** A terminal of at most this many columns and rows. */
export { MAX_TERMINAL_COLS, MAX_TERMINAL_ROWS } from '../protocol/stream.js';
