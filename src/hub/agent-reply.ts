// The agent's reply line to a request (a call, a transfer, a stream's open): parsed, matched to
// its request id, the agent's error turned into AgentCallError (remote, with its code and data),
// and the result validated against the method's schema. Pure: no I/O.

import {
  AgentErrorCode,
  JSONRPC_VERSION,
  type HeartbeatResult,
  type RpcMethods,
} from '../protocol/rpc.js';
import { plainBeat } from '../protocol/beat-check.js';
import { describeIssues, rpcSchemas } from '../protocol/schemas.js';
import { AgentCallError, AgentCallFailure } from './errors.js';

export function parseAgentReply<M extends keyof RpcMethods>(
  method: M,
  id: number,
  line: string,
): RpcMethods[M]['result'] {
  let reply: unknown;
  try {
    reply = JSON.parse(line);
  } catch {
    throw new AgentCallError(AgentCallFailure.protocol, 'agent reply is not JSON');
  }
  return agentReply(method, id, reply);
}

/** The same, for a reply already parsed from JSON (the call line reads each line once). */
export function agentReply<M extends keyof RpcMethods>(
  method: M,
  id: number,
  reply: unknown,
): RpcMethods[M]['result'] {
  if (typeof reply !== 'object' || reply === null || Array.isArray(reply)) {
    throw new AgentCallError(AgentCallFailure.protocol, 'agent reply is not a JSON-RPC object');
  }
  const record = reply as Record<string, unknown>;
  if (record['jsonrpc'] !== JSONRPC_VERSION || record['id'] !== id) {
    throw new AgentCallError(AgentCallFailure.protocol, 'agent reply does not match the request');
  }
  if ('error' in record) {
    const error = record['error'] as Record<string, unknown> | null;
    const message = typeof error?.['message'] === 'string' ? error['message'].slice(0, 2000) : '';
    const data = error?.['data'] as Record<string, unknown> | undefined;
    const code =
      typeof data?.['code'] === 'string' ? data['code'].slice(0, 64) : AgentErrorCode.failed;
    throw new AgentCallError(AgentCallFailure.remote, message || 'agent reported an error', {
      remoteCode: code,
      remoteData: data && typeof data === 'object' ? data : undefined,
    });
  }
  return checked(method, record['result'], `agent reply to ${method}`);
}

/** `result` checked against the method's result schema; `what` names it in the error. */
function checked<M extends keyof RpcMethods>(
  method: M,
  result: unknown,
  what: string,
): RpcMethods[M]['result'] {
  const parsed = rpcSchemas[method].result.safeParse(result);
  if (!parsed.success) {
    throw new AgentCallError(
      AgentCallFailure.protocol,
      `${what} is malformed (${describeIssues(parsed.error)})`,
    );
  }
  return parsed.data;
}

/**
 * A beat the agent sent by itself (../protocol/call-line.ts): a heartbeat's result, validated —
 * without zod when it plainly passes (../protocol/beat-check.ts), by zod when it does not.
 */
export function agentBeat(params: unknown): HeartbeatResult {
  return plainBeat(params) ?? checked('heartbeat', params, 'a beat from the agent');
}
