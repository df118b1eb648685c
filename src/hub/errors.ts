// Failures of a call through the agent link, by kind. The fleet service maps them onto the
// application's error catalog (TIMEOUT, CLIENT_OFFLINE, AGENT_ERROR, …).

export const AgentCallFailure = {
  /** The caller's deadline passed; the call was cancelled on the agent. */
  timeout: 'timeout',
  /** The caller gave up; the call was cancelled on the agent. */
  aborted: 'aborted',
  /** The SSH connection or the channel went away. */
  closed: 'closed',
  /** The agent answered with something that is not a valid reply. */
  protocol: 'protocol',
  /** The agent answered with an error of its own. */
  remote: 'remote',
} as const;
export type AgentCallFailureKind = (typeof AgentCallFailure)[keyof typeof AgentCallFailure];

export class AgentCallError extends Error {
  readonly kind: AgentCallFailureKind;
  readonly remoteCode: string | undefined;
  readonly remoteData: Record<string, unknown> | undefined;

  constructor(
    kind: AgentCallFailureKind,
    message: string,
    remote?: { remoteCode: string; remoteData: Record<string, unknown> | undefined },
  ) {
    super(message);
    this.name = 'AgentCallError';
    this.kind = kind;
    this.remoteCode = remote?.remoteCode;
    this.remoteData = remote?.remoteData;
  }
}
