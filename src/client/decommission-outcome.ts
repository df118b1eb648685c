// What became of a decommissioned client's agent (its service, then its link), in the words the
// CLI and the MCP tool both print: the two must tell the same story for the same outcome.

import { ErrorCode } from '../errors.js';

/** `decommissionClient.serviceStop` as both doors select it; null: the stop was not run. */
export interface ServiceStopOutcome {
  result?: { returncode: number } | null;
  error?: { code: string } | null;
}

export interface OutcomeWording {
  /** False when the caller asked not to stop the service. */
  stopRequested: boolean;
  /** How that request was spelt in this door, e.g. `--no-stop`. */
  noStop: string;
  /** How the door says "until it is restored". */
  untilRestored: string;
  /** The stop's failure in this door's words; null says nothing of it. */
  failure: string | null;
}

/** One sentence, or null when there is nothing to say (no result and no failure). */
export function decommissionOutcome(
  stop: ServiceStopOutcome | null | undefined,
  w: OutcomeWording,
): string | null {
  const refused = `it is refused each time it connects, ${w.untilRestored}`;
  if (!w.stopRequested)
    return `Its agent service was left running (${w.noStop}); its link is closed and ${refused}.`;
  if (!stop) return `It was offline, so its service was not stopped: ${refused}.`;
  if (stop.result?.returncode === 0)
    return 'Its agent service was stopped (the stop command exited 0) and its link is closed.';
  if (stop.result)
    return `The stop command exited ${stop.result.returncode}, so its agent service may still be running; its link is closed and ${refused}. Stop the service on the machine itself.`;
  if (stop.error?.code === ErrorCode.agentUnavailable)
    return `The link broke while the service was stopping, which usually means it stopped; ${refused}.`;
  if (w.failure === null) return null;
  return `Stopping its service failed (${w.failure}), so it may still be running; its link is closed and ${refused}.`;
}
