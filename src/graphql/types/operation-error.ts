// Error codes in the schema, and an expected failure reported as data (one client's part of a
// bulk operation, a metrics sample, a transfer, a service stop), with the same code and message
// a single operation would have raised as a GraphQL error.

import {
  ErrorCode,
  errorCatalog,
  errorCodes,
  ErrorOrigin,
  isErrorCode,
  type ErrorCodeName,
  type NextStep,
  type StepClient,
} from '../../errors.js';
import { builder } from '../builder.js';

/** The codes a GraphQL caller can meet (SERVER_UNREACHABLE is the CLI's own, never sent). */
const graphqlCodes = errorCodes.filter((code) => errorCatalog[code].origin !== ErrorOrigin.client);

export const ErrorCodeEnum = builder.enumType('ErrorCode', {
  description:
    'Stable error codes: `extensions.code` of GraphQL errors, and `code` of failures reported as data. docs/errors.md says what each means and what to do.',
  values: Object.fromEntries(
    graphqlCodes.map((code) => [code, { value: code, description: errorCatalog[code].meaning }]),
  ) as Record<ErrorCodeName, { value: ErrorCodeName; description: string }>,
});

/** What the fleet reports as a failure: an AppError's code and message. */
interface Failure {
  code: string;
  message: string;
  steps?: readonly NextStep[] | undefined;
}

const StepClientRef = builder.objectRef<StepClient>('NextStepClient');
StepClientRef.implement({
  description: 'The client a next step would act on.',
  fields: (t) => ({
    uuid: t.exposeID('uuid', { description: 'Its uuid.' }),
    clientId: t.exposeString('clientId', { description: 'Its clientId.' }),
  }),
});

export const NextStepRef = builder.objectRef<NextStep>('NextStep');
NextStepRef.implement({
  description:
    'An operation an error message names as the next step, as data: the same as `extensions.nextSteps` of a GraphQL error. Doors built on GraphQL (MCP tools, the CLI) word it in their own names.',
  fields: (t) => ({
    operation: t.exposeString('operation', {
      description:
        'The operation, by its GraphQL name, with the field that matters after a dot: "acceptKey", "updateClient.allowedPaths", "clients.onlineOnly" …',
    }),
    client: t.field({
      type: StepClientRef,
      nullable: true,
      description: 'The client it would act on, when it names one.',
      resolve: (step) => step.client ?? null,
    }),
  }),
});

export const OperationErrorRef = builder.objectRef<Failure>('OperationError');
OperationErrorRef.implement({
  description:
    'Why an operation failed for one client (or one transfer, sample or step): the code and message the same failure has as a GraphQL error.',
  fields: (t) => ({
    code: t.field({
      type: ErrorCodeEnum,
      description: 'Stable code: CLIENT_OFFLINE, KEY_MISMATCH, RATE_LIMITED, TIMEOUT, …',
      // The fleet only reports catalogue codes; anything else would be a bug, not a new code.
      resolve: (failure) => (isErrorCode(failure.code) ? failure.code : ErrorCode.internal),
    }),
    message: t.exposeString('message', {
      description: 'What went wrong and what to do next.',
    }),
    nextSteps: t.field({
      type: [NextStepRef],
      description: 'The operations the message names as next steps, as data.',
      resolve: (failure) => [...(failure.steps ?? [])],
    }),
  }),
});
