// Every entity the store knows, in one list for the ORM and the migration generator.

import { ApiKeyEntity } from './api-key.js';
import { AuthorizedKeyEntity } from './authorized-key.js';
import { BulkJobEntity } from './bulk-job.js';
import { BulkJobResultEntity } from './bulk-job-result.js';
import { ClientEntity } from './client.js';
import { ClusterSecretEntity, ClusterServerEntity } from './cluster.js';
import { EnrollmentTokenEntity } from './enrollment-token.js';
import { EventEntity } from './event.js';
import { IdempotencyKeyEntity } from './idempotency-key.js';
import { TagEntity } from './tag.js';
import { TrustedDocumentEntity } from './trusted-document.js';
import { WebhookDeliveryEntity } from './webhook-delivery.js';

export {
  ApiKeyEntity,
  AuthorizedKeyEntity,
  BulkJobEntity,
  BulkJobResultEntity,
  ClientEntity,
  ClusterSecretEntity,
  ClusterServerEntity,
  EnrollmentTokenEntity,
  EventEntity,
  IdempotencyKeyEntity,
  TagEntity,
  TrustedDocumentEntity,
  WebhookDeliveryEntity,
};
export type { BulkJob } from './bulk-job.js';
export type { BulkJobResult } from './bulk-job-result.js';
export type { ApiKey } from './api-key.js';
export type { AuthorizedKey } from './authorized-key.js';
export type { Client } from './client.js';
export type { ClusterSecret, ClusterServer } from './cluster.js';
export type { EnrollmentToken } from './enrollment-token.js';
export type { Event } from './event.js';
export type { IdempotencyKey } from './idempotency-key.js';
export type { Tag } from './tag.js';
export type { TrustedDocument } from './trusted-document.js';
export type { WebhookDelivery } from './webhook-delivery.js';

export const entities = [
  ClientEntity,
  TagEntity,
  EventEntity,
  EnrollmentTokenEntity,
  WebhookDeliveryEntity,
  BulkJobEntity,
  BulkJobResultEntity,
  IdempotencyKeyEntity,
  ClusterSecretEntity,
  ClusterServerEntity,
  ApiKeyEntity,
  TrustedDocumentEntity,
  AuthorizedKeyEntity,
];
