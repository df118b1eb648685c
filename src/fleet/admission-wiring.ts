// Who may connect, wired: the record of refused keys, and admission (pinned keys, tokens,
// authorized_keys, enrollment).

import type { Logger } from 'pino';
import { createAdmission } from './admission.js';
import type { Audit } from './audit.js';
import type { FleetOptions } from './options.js';
import { createRefusedKeys } from './refused-keys.js';
import type { Registry } from './registry.js';

export function wireAdmission(deps: {
  options: FleetOptions;
  audit: Audit;
  registry: Registry;
  logger: (component: string) => Logger;
}) {
  const { options, audit, registry } = deps;
  const { store } = options;
  const refusedKeys = createRefusedKeys({ audit, logger: deps.logger('admission') });
  const authorize = createAdmission({
    store,
    authorizedKeys: options.authorizedKeys,
    openEnrollment: options.openEnrollment,
    onlineFingerprint: registry.onlineFingerprint,
    onRefusedKey: refusedKeys.refused,
  });
  return { refusedKeys, authorize };
}
