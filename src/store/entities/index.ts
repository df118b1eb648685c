// Every entity the store knows, in one list for the ORM and the migration generator.

import { ClientEntity } from './client.js';
import { ClusterSecretEntity, ClusterServerEntity } from './cluster.js';
import { EnrollmentTokenEntity } from './enrollment-token.js';
import { EventEntity } from './event.js';
import { TagEntity } from './tag.js';
import { WebhookDeliveryEntity } from './webhook-delivery.js';

export {
  ClientEntity,
  ClusterSecretEntity,
  ClusterServerEntity,
  EnrollmentTokenEntity,
  EventEntity,
  TagEntity,
  WebhookDeliveryEntity,
};
export type { Client } from './client.js';
export type { ClusterSecret, ClusterServer } from './cluster.js';
export type { EnrollmentToken } from './enrollment-token.js';
export type { Event } from './event.js';
export type { Tag } from './tag.js';
export type { WebhookDelivery } from './webhook-delivery.js';

export const entities = [
  ClientEntity,
  TagEntity,
  EventEntity,
  EnrollmentTokenEntity,
  WebhookDeliveryEntity,
  ClusterSecretEntity,
  ClusterServerEntity,
];
