// What the two directions of a transfer share: the context a transfer body runs in, and what
// it returns. The frame (transfers.ts) admits, tracks and records; a body moves the bytes.

import type { TransferChannel } from '../../hub/transfer-channel.js';
import type { ClientRecord } from '../../store/index.js';
import type { AgentLink } from '../agent-link.js';
import type { ProgressReporter } from './progress.js';

export interface TransferContext {
  client: ClientRecord;
  link: AgentLink;
  /** The server-side file, resolved inside the transfer roots. */
  local: string;
  progress: ProgressReporter;
  /** Cancels the transfer when the caller leaves or it stalls; returns the cleanup. */
  guard(channel: TransferChannel): () => void;
}

export interface TransferOutcome {
  size: number;
  sha256: string;
  /** Bytes kept from an earlier attempt. */
  resumedFrom: number;
}

export type TransferBody = (context: TransferContext) => Promise<TransferOutcome>;
