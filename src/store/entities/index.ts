// Every entity the store knows, in one list for the ORM and the migration generator.

import { ClientEntity } from './client.js';
import { EnrollmentTokenEntity } from './enrollment-token.js';
import { EventEntity } from './event.js';
import { TagEntity } from './tag.js';

export { ClientEntity, EnrollmentTokenEntity, EventEntity, TagEntity };
export type { Client } from './client.js';
export type { EnrollmentToken } from './enrollment-token.js';
export type { Event } from './event.js';
export type { Tag } from './tag.js';

export const entities = [ClientEntity, TagEntity, EventEntity, EnrollmentTokenEntity];
