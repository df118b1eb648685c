// Assembles the schema from the type modules (importing them registers their types).

import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { builder } from './builder.js';
import './types/client.js';
import './types/client-connection.js';
import './types/client-event.js';
import './types/client-settings.js';
import './types/client-status.js';
import './types/command.js';
import './types/confirmation.js';
import './types/api-key.js';
import './types/trusted-document.js';
import './types/bulk.js';
import './types/bulk-job.js';
import './types/decommission.js';
import './types/enrollment-token.js';
import './types/fleet-health.js';
import './types/metrics.js';
import './types/rate-limit-warning.js';
import './types/server-info.js';
import './types/refused-key.js';
import './types/file.js';
import './types/server.js';
import './types/tag.js';
import './types/session.js';
import './types/shell.js';
import './types/transfer.js';
import './types/webhook.js';
import './types/webhook-discard.js';

export function createSchema(): GraphQLSchema {
  return builder.toSchema();
}

/** The SDL committed as schema.graphql. */
export function printSchemaSdl(schema: GraphQLSchema = createSchema()): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
