// accept_key: trust the new SSH key a client connected with. GraphQL: acceptKey.

import { z } from 'zod';
import { graphql } from '../../generated/gql.js';
import { clientDetailSchema, clientRef, labelOf, toClientDetail } from '../client-fields.js';
import { defineTool } from '../tool.js';

const AcceptKeyDocument = graphql(`
  mutation McpAcceptKey($id: ID!) {
    acceptKey(id: $id) {
      ...McpClientDetail
    }
  }
`);

const PlanClientDocument = graphql(`
  query McpAcceptKeyPlan($id: ID!) {
    client(id: $id) {
      uuid
      clientId
      online
      keyMismatch
      publicKeyFingerprint
      trustedFingerprint
    }
  }
`);

export const acceptKey = defineTool({
  name: 'accept_key',
  title: "Accept a client's new SSH key",
  description:
    "Trusts the new SSH key a client connected with (key_mismatch: true): it replaces the pinned key and operations on the client are allowed again. Only after verifying with the machine's owner that the key change is expected (compare public_key_fingerprint from describe_client with `phonehome --show-key` on the machine): a key change can also mean someone else is using the client's identity.",
  input: { uuid: clientRef('The client whose new key to accept') },
  output: { previous_fingerprint: z.string().nullable(), client: clientDetailSchema },
  annotations: {
    readOnlyHint: false,
    destructiveHint: true,
    idempotentHint: true,
    openWorldHint: false,
  },
  confirm: {
    // Bound to the key presented now: a token for one new key does not accept another.
    async bind(args, { executor, request }) {
      const { client } = await executor.request(PlanClientDocument, { id: args.uuid }, request);
      return { uuid: client?.uuid ?? args.uuid, fingerprint: client?.publicKeyFingerprint ?? null };
    },
    async plan(args, { executor, request }) {
      const { client } = await executor.request(PlanClientDocument, { id: args.uuid }, request);
      // No such client, or no new key to accept: the call itself is refused and changes nothing.
      if (!client || !client.keyMismatch) return null;
      return {
        summary: `trust the new SSH key ${client.publicKeyFingerprint} of "${client.clientId}" (${client.uuid}) instead of its pinned key ${client.trustedFingerprint}. Check the new fingerprint with the machine's owner (\`phonehome --show-key\`) first.`,
        targets: [{ client_id: client.clientId, online: client.online }],
      };
    },
  },
  async run(args, { executor, request }) {
    const { acceptKey: client } = await executor.request(
      AcceptKeyDocument,
      { id: args.uuid },
      request,
    );
    return {
      text: `Accepted the key of ${labelOf(client)}: ${client.publicKeyFingerprint} is now its pinned key; operations are allowed again.`,
      data: {
        previous_fingerprint: client.previousFingerprint ?? null,
        client: toClientDetail(client),
      },
    };
  },
});
