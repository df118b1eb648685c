// Every root field of the schema and the fleet operation it performs (the strongest, when it
// performs several): the role it needs is the fleet's (fleet/access.ts), so this table holds no
// policy of its own — the fleet enforces it whatever the door. It exists so that a test
// generated from the schema (test/graphql/access-matrix.test.ts) can check every field, for
// every role, on HTTP and graphql-ws, and fail when a new field has no line here; docs/access.md
// prints it. `null`: any authenticated key (the key reading itself).

import type { FleetOperation } from '../fleet/access.js';

export const rootFieldOperations: Readonly<Record<string, FleetOperation | null>> = {
  // Query
  'Query.apiKeys': 'keys.list',
  'Query.client': 'clients.find',
  'Query.clientMetrics': 'metrics.get',
  'Query.clients': 'clients.list',
  'Query.clientsConnection': 'clients.page',
  'Query.enrollmentTokens': 'tokens.list',
  'Query.events': 'events.list',
  'Query.fleetHealth': 'metrics.fleetHealth',
  'Query.listFiles': 'files.list',
  'Query.rateLimitStats': 'clients.rateLimitStats',
  'Query.readFile': 'files.read',
  'Query.tag': 'tags.find',
  'Query.tags': 'tags.list',
  'Query.transfers': 'transfers.list',
  'Query.viewer': null,
  'Query.bulkJob': 'jobs.get',
  'Query.serverInfo': null,
  'Query.servers': 'cluster.servers',
  'Query.session': 'sessions.find',
  'Query.sessions': 'sessions.list',
  'Query.tunnels': 'tunnels.list',
  'Query.webhookDeliveries': 'webhooks.list',
  'Query.webhookDelivery': 'webhooks.get',
  // Mutation
  'Mutation.acceptKey': 'clients.acceptKey',
  'Mutation.cancelBulkJob': 'jobs.cancel',
  'Mutation.closeSession': 'sessions.close',
  'Mutation.closeTunnel': 'tunnels.close',
  'Mutation.discardWebhookDeliveries': 'webhooks.discard',
  'Mutation.startBulkCommand': 'jobs.startBulkCommand',
  'Mutation.configureClient': 'clients.configure',
  'Mutation.confirmAction': 'confirmations.confirm',
  'Mutation.createApiKey': 'keys.create',
  'Mutation.createEnrollmentToken': 'tokens.create',
  'Mutation.decommissionClient': 'clients.decommission',
  'Mutation.downloadFile': 'transfers.download',
  'Mutation.replayFailedWebhookDeliveries': 'webhooks.replayFailed',
  'Mutation.replayWebhookDelivery': 'webhooks.replay',
  'Mutation.restoreClient': 'clients.restore',
  'Mutation.revokeApiKey': 'keys.revoke',
  'Mutation.revokeEnrollmentToken': 'tokens.revoke',
  'Mutation.runCommand': 'commands.run',
  'Mutation.runCommandOnClients': 'commands.runOnClients',
  'Mutation.sendTestWebhook': 'webhooks.sendTest',
  'Mutation.updateClient': 'clients.update',
  'Mutation.updateClients': 'clients.updateMany',
  'Mutation.uploadFile': 'transfers.upload',
  'Mutation.writeFile': 'files.write',
  // Subscription
  'Subscription.bulkJobProgress': 'jobs.subscribe',
  'Subscription.clientEvents': 'events.subscribe',
  'Subscription.clientMetrics': 'metrics.subscribe',
  'Subscription.clientStatus': 'events.subscribeStatus',
  'Subscription.rateLimitWarnings': 'events.subscribeRateLimitWarnings',
  'Subscription.recentClientEvents': 'events.subscribe',
  'Subscription.transferProgress': 'transfers.subscribe',
  'Subscription.webhookDeliveryFailed': 'webhooks.subscribeFailures',
};
