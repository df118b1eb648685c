// The idempotencyKey argument, described once for every mutation that takes it (runCommand,
// writeFile, uploadFile, downloadFile, startBulkCommand).

import { IDEMPOTENCY_KEY_TTL_S, MAX_IDEMPOTENCY_KEY_CHARS } from '../../fleet/limits.js';

export const idempotencyKeyDescription = `Makes a retry safe: a repeat with the same key and the same arguments returns the first request’s outcome (waiting for it while it runs) instead of running again; the same key with other arguments is CONFLICT. 1 to ${MAX_IDEMPOTENCY_KEY_CHARS} of A-Z a-z 0-9 . _ : / + = @ - (a UUID fits); kept ${IDEMPOTENCY_KEY_TTL_S / 3600} h. With a key, the operation goes on if the request is abandoned (its timeout still applies).`;
