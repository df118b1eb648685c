// Every entity the store knows, in one list for the ORM and the migration generator.

import { ApiKeyEntity } from './api-key.js';
import { ClientEntity } from './client.js';
import { EnrollmentTokenEntity } from './enrollment-token.js';
import { EventEntity } from './event.js';
import { TagEntity } from './tag.js';
import { WebhookDeliveryEntity } from './webhook-delivery.js';

export {
  ApiKeyEntity,
  ClientEntity,
  EnrollmentTokenEntity,
  EventEntity,
  TagEntity,
  WebhookDeliveryEntity,
};
export type { ApiKey } from './api-key.js';
export type { Client } from './client.js';
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
  ApiKeyEntity,
];
