// decommission_client: the guide's decommissioning workflow in one step, saying what became of
// the agent (its service stopped or not, its link closed). GraphQL: decommissionClient.

import { z } from 'zod';
import { decommissionOutcome } from '../../client/decommission-outcome.js';
import { DEFAULT_STOP_COMMAND, MAX_COMMAND_BYTES, MAX_REASON_CHARS } from '../../fleet/limits.js';
import { graphql } from '../../generated/gql.js';
import { clientDetailSchema, clientRef, labelOf, toClientDetail } from '../client-fields.js';
import { defineTool } from '../tool.js';
import { cleanText } from '../untrusted.js';

const DecommissionDocument = graphql(`
  mutation McpDecommissionClient(
    $id: ID!
    $reason: String
    $stopService: Boolean
    $stopCommand: String
  ) {
    decommissionClient(
      id: $id
      reason: $reason
      stopService: $stopService
      stopCommand: $stopCommand
    ) {
      client {
        ...McpClientDetail
        decommissionedAt
      }
      serviceStop {
        result {
          returncode
          stderr
        }
        error {
          code
          message
        }
      }
    }
  }
`);

const PlanClientDocument = graphql(`
  query McpDecommissionPlan($id: ID!) {
    client(id: $id) {
      uuid
      clientId
      online
      webhookUrl
    }
  }
`);

export const decommissionClient = defineTool({
  name: 'decommission_client',
  title: 'Decommission a client',
  description: `Retires a client in one step, the guide's decommissioning workflow: stops its agent service (stop_command, default "${DEFAULT_STOP_COMMAND}", when online and stop_service is true), clears its webhook, marks it decommissioned and closes its link. Its record and history stay; it disappears from lists and is refused when it connects, until restored (GraphQL restoreClient, or "etphonehome clients restore"). Confirm the client with describe_client and with the user first. The answer says what became of the agent (service_stop).`,
  input: {
    uuid: clientRef('The client to retire'),
    reason: z
      .string()
      .max(MAX_REASON_CHARS)
      .optional()
      .describe('Why, for the audit trail, e.g. "replaced by db-02".'),
    stop_service: z
      .boolean()
      .default(true)
      .describe('Stop the agent service first (default true; only when the client is online).'),
    stop_command: z
      .string()
      .min(1)
      .max(MAX_COMMAND_BYTES)
      .optional()
      .describe(`The command that stops it (default "${DEFAULT_STOP_COMMAND}").`),
  },
  output: {
    client: clientDetailSchema,
    decommissioned_at: z.string().nullable(),
    service_stop: z
      .object({
        returncode: z.number().nullable(),
        error_code: z.string().nullable(),
        error: z.string().nullable(),
      })
      .nullable()
      .describe('The stop command: its returncode, or why it could not run; null when not run.'),
  },
  annotations: {
    readOnlyHint: false,
    destructiveHint: true,
    idempotentHint: true,
    openWorldHint: true,
  },
  confirm: {
    // Bound to the client the name means now (a token does not follow a name to another client).
    async bind(args, { executor, request }) {
      const { client } = await executor.request(PlanClientDocument, { id: args.uuid }, request);
      return { ...args, uuid: client?.uuid ?? args.uuid };
    },
    async plan(args, { executor, request }) {
      const { client } = await executor.request(PlanClientDocument, { id: args.uuid }, request);
      // No such client: the call itself is refused (NOT_FOUND) and changes nothing.
      if (!client) return null;
      const stop =
        args.stop_service && client.online
          ? `run ${JSON.stringify(args.stop_command ?? DEFAULT_STOP_COMMAND)} on it to stop its agent service, `
          : '';
      return {
        summary: `decommission "${client.clientId}" (${client.uuid}): ${stop}clear its webhook${client.webhookUrl ? '' : ' (none set)'}, mark it decommissioned and close its link; it is refused when it connects until restored.`,
        targets: [{ client_id: client.clientId, online: client.online }],
      };
    },
  },
  async run(args, { executor, request }) {
    const { decommissionClient: d } = await executor.request(
      DecommissionDocument,
      {
        id: args.uuid,
        reason: args.reason ?? null,
        stopService: args.stop_service,
        stopCommand: args.stop_command ?? null,
      },
      request,
    );
    const stop = d.serviceStop;
    const outcome = decommissionOutcome(stop, {
      stopRequested: args.stop_service,
      noStop: 'stop_service: false',
      untilRestored: 'until it is restored',
      failure: stop?.error?.code ?? 'unknown',
    });
    return {
      text: `Decommissioned ${labelOf(d.client)}; its record and history stay. ${outcome ?? ''}`,
      data: {
        client: toClientDetail(d.client),
        decommissioned_at: d.client.decommissionedAt ?? null,
        service_stop: stop
          ? {
              returncode: stop.result?.returncode ?? null,
              error_code: stop.error?.code ?? null,
              error: stop.error ? cleanText(stop.error.message) : null,
            }
          : null,
      },
    };
  },
});
