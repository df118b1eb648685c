// Assembles the schema from the type modules (importing them registers their types).

import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { builder } from './builder.js';
import './types/client.js';
import './types/client-event.js';
import './types/command.js';
import './types/enrollment-token.js';

export function createSchema(): GraphQLSchema {
  return builder.toSchema();
}

/** The SDL committed as schema.graphql. */
export function printSchemaSdl(schema: GraphQLSchema = createSchema()): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
