// An expected failure reported as data (one client's part of a bulk operation), with the same
// code and message a single operation would have raised as a GraphQL error.

import type { OperationFailure } from '../../fleet/index.js';
import { builder } from '../builder.js';

export const OperationErrorRef = builder.objectRef<OperationFailure>('OperationError');
OperationErrorRef.implement({
  description: 'Why an operation failed for one client.',
  fields: (t) => ({
    code: t.exposeString('code', {
      description: 'Stable code: CLIENT_OFFLINE, KEY_MISMATCH, RATE_LIMITED, TIMEOUT, …',
    }),
    message: t.exposeString('message', {
      description: 'What went wrong and what to do next.',
    }),
  }),
});
