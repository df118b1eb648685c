// Every repository over one statement runner: the store itself, or one transaction.

import type { Repositories } from '../index.js';
import type { Sql } from '../sql.js';
import { createApiKeyRepository } from './api-keys.js';
import { createAuthorizedKeyRepository } from './authorized-keys.js';
import { createBulkJobRepository } from './bulk-jobs.js';
import { createClientRepository } from './clients.js';
import { createClusterRepository } from './cluster.js';
import { createDeliveryRepository } from './deliveries.js';
import { createEventRepository, createRateLimitRepository } from './events.js';
import { createIdempotencyRepository } from './idempotency.js';
import { createTagRepository } from './tags.js';
import { createTokenRepository } from './tokens.js';
import { createTrustedDocumentRepository } from './trusted-documents.js';

export function createRepositories(sql: Sql): Repositories {
  return {
    clients: createClientRepository(sql),
    tags: createTagRepository(sql),
    events: createEventRepository(sql),
    rateLimits: createRateLimitRepository(sql),
    tokens: createTokenRepository(sql),
    deliveries: createDeliveryRepository(sql),
    bulkJobs: createBulkJobRepository(sql),
    idempotency: createIdempotencyRepository(sql),
    cluster: createClusterRepository(sql),
    apiKeys: createApiKeyRepository(sql),
    trustedDocuments: createTrustedDocumentRepository(sql),
    authorizedKeys: createAuthorizedKeyRepository(sql),
  };
}
