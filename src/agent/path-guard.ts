// The agent's path jail: decides whether a path the hub sends may be touched, given the machine
// owner's `allowed_paths` ceiling and the roots the server sends with the call (the client's
// allowedPaths), and returns the real path the handler must then open with the helpers of
// ../lib/safe-path.ts (O_NOFOLLOW on the final component, the descriptor checked again on
// Linux through /proc/self/fd), so what was checked is what gets used. Both sets must admit a
// path: the server cannot widen the owner's ceiling.

import {
  PathRefusal,
  PathRefusalKind,
  assertDescriptorConfined,
  assertSingleLink,
  confine,
  openConfined,
  openDirectoryConfined,
  type RootSet,
} from '../lib/safe-path.js';
import { toAgentError } from './handlers/fs-errors.js';
import { AgentError } from './handlers/types.js';
import { AgentErrorCode } from '../protocol/rpc.js';

/** The root sets a call is confined to: the owner's ceiling, then the server's roots. */
export function rootSets(allowedPaths: RootSet, serverRoots?: RootSet): RootSet[] {
  return [allowedPaths, serverRoots];
}

/** A PathRefusal as the AgentError the hub understands; anything else through toAgentError. */
export function asAgentError(err: unknown, target: string): unknown {
  if (err instanceof PathRefusal) {
    if (err.kind === PathRefusalKind.invalid)
      return new AgentError(AgentErrorCode.badInput, err.message, err.data);
    return new AgentError(
      AgentErrorCode.pathDenied,
      `${err.message} The machine's owner sets its ceiling in config.yaml allowed_paths; the server's are the client's allowedPaths.`,
      err.data,
    );
  }
  return toAgentError(err, target);
}

/**
 * Resolves `target` to its real path and checks it lies within one of `allowedPaths` (null or
 * empty = no ceiling) and within one of `serverRoots` (same). Throws BAD_USER_INPUT for a
 * relative path or a NUL byte, PATH_DENIED when the path is outside.
 */
export async function assertPathAllowed(
  target: string,
  allowedPaths: RootSet,
  serverRoots?: RootSet,
): Promise<string> {
  try {
    return await confine(target, rootSets(allowedPaths, serverRoots));
  } catch (err) {
    throw asAgentError(err, target);
  }
}

export { assertDescriptorConfined, assertSingleLink, openConfined, openDirectoryConfined };
