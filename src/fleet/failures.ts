// How a failed agent call becomes an error of the catalogue: one table for the ways a call
// fails (AgentCallError kinds) and one for the codes an agent reports on purpose
// (protocol/rpc.ts AgentErrorCode). The agent's own words stay in the message (doors that show
// messages to a model fence AGENT_ERROR text as client data); its code goes in `details`.

import { AppError, ErrorCode, type ErrorCodeName } from '../errors.js';
import { AgentCallError, type AgentCallFailureKind } from '../hub/errors.js';
import { AgentErrorCode, type AgentErrorCodeName } from '../protocol/rpc.js';

/** What each code an agent reports means in the catalogue. */
export const agentErrorCodes: Readonly<Record<AgentErrorCodeName, ErrorCodeName>> = {
  [AgentErrorCode.pathDenied]: ErrorCode.pathDenied,
  [AgentErrorCode.notFound]: ErrorCode.notFound,
  [AgentErrorCode.badInput]: ErrorCode.badUserInput,
  // Over a size limit of the call (read_file, write_file): the caller must ask differently
  // (the message names upload/download_file); retrying the same call cannot work.
  [AgentErrorCode.tooLarge]: ErrorCode.badUserInput,
  // The client's operating system refused the path: denied, as the allowed paths would be.
  [AgentErrorCode.permissionDenied]: ErrorCode.pathDenied,
  // The path holds something else than the operation needs (a file, a directory): a fact of
  // the client's filesystem the agent words, reported as the agent's error.
  [AgentErrorCode.notAFile]: ErrorCode.agentError,
  [AgentErrorCode.notADirectory]: ErrorCode.agentError,
  [AgentErrorCode.failed]: ErrorCode.agentError,
  // The agent's own allowed_forwards refused a forward target (the server's check missed it:
  // an agent older than its rules, or rules changed on the machine since it connected).
  [AgentErrorCode.forwardDenied]: ErrorCode.forwardDenied,
};

interface KindEntry {
  code: ErrorCodeName;
  message(what: string, clientId: string, detail: string): string;
}

/** What each way of failing means in the catalogue, and how it is said. */
export const agentFailureKinds: Readonly<
  Record<Exclude<AgentCallFailureKind, 'remote'>, KindEntry>
> = {
  timeout: {
    code: ErrorCode.timeout,
    message: (what, clientId, detail) =>
      `${what} on "${clientId}" timed out (${detail}); it was cancelled on the client.`,
  },
  aborted: {
    code: ErrorCode.timeout,
    message: (what, clientId) =>
      `${what} on "${clientId}" was abandoned by the caller and cancelled on the client.`,
  },
  closed: {
    code: ErrorCode.agentUnavailable,
    message: (what, clientId, detail) =>
      `The link to "${clientId}" broke during ${what} (${detail}). Check that the client is back online and retry.`,
  },
  protocol: {
    code: ErrorCode.agentUnavailable,
    message: (what, clientId, detail) =>
      `Client "${clientId}" sent an unusable reply to ${what}: ${detail}.`,
  },
};

function isAgentErrorCode(code: string | undefined): code is AgentErrorCodeName {
  return code !== undefined && Object.hasOwn(agentErrorCodes, code);
}

/** The catalogue's code for an agent's own code (AGENT_ERROR for one it does not know). */
export function codeOfAgentError(agentCode: string | undefined): ErrorCodeName {
  return isAgentErrorCode(agentCode) ? agentErrorCodes[agentCode] : ErrorCode.agentError;
}

/** The AppError for a failed call of `what` on a client. */
export function agentFailure(error: AgentCallError, clientId: string, what: string): AppError {
  if (error.kind === 'remote') {
    return new AppError(
      codeOfAgentError(error.remoteCode),
      `Client "${clientId}": ${error.message}`,
      {
        agentCode: error.remoteCode,
      },
    );
  }
  const entry = agentFailureKinds[error.kind];
  return new AppError(entry.code, entry.message(what, clientId, error.message));
}

/** `error` mapped when it is an AgentCallError; anything else unchanged. */
export function mapAgentFailure(error: unknown, clientId: string, what: string): unknown {
  return error instanceof AgentCallError ? agentFailure(error, clientId, what) : error;
}
