// The GraphQL operations of the webhook tests, typed by codegen.

import { graphql } from '../../src/generated/gql.js';

export const WebhookDeliveryFieldsFragment = graphql(`
  fragment TestWebhookDeliveryFields on WebhookDelivery {
    id
    event
    eventId
    client {
      uuid
    }
    url
    status
    attempts
    lastError
    lastStatusCode
    lastAttemptAt
    nextAttemptAt
    createdAt
    deliveredAt
    replayedAt
    payload
  }
`);

export const WebhookDeliveriesDocument = graphql(`
  query TestWebhookDeliveries($filter: WebhookDeliveryFilter, $limit: Int) {
    webhookDeliveries(filter: $filter, limit: $limit) {
      ...TestWebhookDeliveryFields
    }
  }
`);

export const WebhookDeliveryDocument = graphql(`
  query TestWebhookDelivery($id: ID!) {
    webhookDelivery(id: $id) {
      ...TestWebhookDeliveryFields
    }
  }
`);

export const ReplayWebhookDeliveryDocument = graphql(`
  mutation TestReplayWebhookDelivery($id: ID!) {
    replayWebhookDelivery(id: $id) {
      ...TestWebhookDeliveryFields
    }
  }
`);

export const ReplayFailedWebhookDeliveriesDocument = graphql(`
  mutation TestReplayFailedWebhookDeliveries($filter: WebhookReplayFilter) {
    replayFailedWebhookDeliveries(filter: $filter) {
      count
    }
  }
`);

export const SendTestWebhookDocument = graphql(`
  mutation TestSendTestWebhook($clientId: ID, $url: String) {
    sendTestWebhook(clientId: $clientId, url: $url) {
      ...TestWebhookDeliveryFields
    }
  }
`);

export const WebhookDeliveryFailedSubscription = graphql(`
  subscription TestWebhookDeliveryFailed($filter: WebhookFailureFilter) {
    webhookDeliveryFailed(filter: $filter) {
      deadLettered
      delivery {
        ...TestWebhookDeliveryFields
      }
    }
  }
`);

export const ConfigureWebhookDocument = graphql(`
  mutation TestConfigureWebhook($id: ID!, $input: ConfigureClientInput!) {
    configureClient(id: $id, input: $input) {
      uuid
      webhookUrl
      hasWebhookSecret
    }
  }
`);

export const ClientWebhookDocument = graphql(`
  query TestClientWebhook($id: ID!) {
    client(id: $id) {
      uuid
      webhookUrl
      hasWebhookSecret
    }
  }
`);
