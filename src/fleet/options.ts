// What a fleet is built from: its store, logger and settings (fleet.ts wires the parts).

import type { Store } from '../store/index.js';
import type { Logger } from 'pino';
import type { AuthorizedKeys } from './authorized-keys.js';
import type { FleetEvent } from './event-types.js';
import type { RecordingOptions } from './reach/recording.js';
import type { TrustedDocumentSettings } from './trusted-documents.js';
import type { HealthConfig, RateLimitDefaults } from './settings.js';
import type { WebhookSettings } from './webhooks/settings.js';

export interface FleetOptions {
  store: Store;
  /** The fleet's logger; each component logs through a child (`component: 'gate'` …). */
  logger: Logger;
  authorizedKeys: AuthorizedKeys;
  openEnrollment: boolean;
  rateLimitDefaults: RateLimitDefaults;
  health: HealthConfig;
  version: string;
  /** Where transfers may read and write on the server (real paths); the first takes relative ones. */
  transferRoots?: readonly string[] | undefined;
  /** Webhook delivery; absent = no webhooks (unit tests). */
  webhooks?: { settings: WebhookSettings; globalSecret: string } | undefined;
  /** Shell session recordings (asciicast); absent = sessions are not recorded. */
  recording?: RecordingOptions | undefined;
  /** Shells opened by openShell / shell_open close after this long idle; default 15 min. */
  shellIdleTimeoutMs?: number | undefined;
  /** This server among the servers on one database; default: the hostname, no peer URL. */
  server?: { name: string; peerUrl: string | null } | undefined;
  /** The bootstrap admin key's secret (first start or ETPHONEHOME_API_KEY); absent: none. */
  bootstrapKey?: string | undefined;
  /** Trusted documents: enforced for every key, and the shipped hashes; default off, none. */
  trustedDocuments?: TrustedDocumentSettings | undefined;
  /** How long a confirmation token stays valid, in seconds (default 300). */
  confirmationTtlS?: number | undefined;
  /** Told of every recorded event in chain order (ETPHONEHOME_AUDIT_LOG). */
  onEventRecorded?: ((event: FleetEvent) => void) | undefined;
}
