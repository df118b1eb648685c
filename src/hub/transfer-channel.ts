// The hub's end of a transfer's channel (the exchange is in ../protocol/transfer.ts): control
// lines parsed and validated, raw bytes read on demand and written with backpressure. A JSON-RPC
// error arriving where a control line was expected becomes the AgentCallError it carries.

import type { Duplex } from 'node:stream';
import type { z } from 'zod';
import { LineTooLongError } from '../lib/line-reader.js';
import {
  createStreamReader,
  writeWithBackpressure,
  type StreamReader,
} from '../lib/stream-reader.js';
import { MAX_MESSAGE_BYTES, type TransferResult } from '../protocol/rpc.js';
import { MAX_CONTROL_LINE_BYTES } from '../protocol/transfer.js';
import { AgentCallError, AgentCallFailure } from './errors.js';

export interface TransferChannel {
  /** The JSON-RPC id of the request: the agent's replies carry it. */
  readonly requestId: number;
  /**
   * The byte channel itself, for relaying it unread to another server (a routed transfer:
   * ../fleet/cluster/peer-door.ts); nothing else touches it, and nothing reads it but `reader`.
   */
  readonly bytes: Duplex;
  readonly reader: StreamReader;
  /** A control line from the agent, or the error reply it sent instead. */
  readControl<T>(schema: z.ZodType<T>): Promise<T>;
  /** The final JSON-RPC reply of the transfer. */
  readResult(): Promise<TransferResult>;
  write(chunk: Buffer | string): Promise<void>;
  /** Closes the channel (before the result: cancels the transfer on the agent). */
  close(): void;
}

export function createTransferChannel(
  channel: Duplex,
  requestId: number,
  parseReply: (line: string) => TransferResult,
  onClose: () => void,
  /** Fires when the agent's link closes: a dead link does not always close its channels. */
  linkClosed: AbortSignal,
): TransferChannel {
  const reader = createStreamReader(channel, linkClosed);
  const readLine = async (maxBytes: number): Promise<string> => {
    try {
      return await reader.readLine(maxBytes);
    } catch (error) {
      if (error instanceof LineTooLongError) {
        throw new AgentCallError(
          AgentCallFailure.protocol,
          `agent sent a line over ${maxBytes} bytes`,
        );
      }
      throw new AgentCallError(
        AgentCallFailure.closed,
        `link broke during the transfer: ${String(error)}`,
      );
    }
  };
  return {
    requestId,
    bytes: channel,
    reader,
    async readControl(schema) {
      // Errors can be long (a message naming paths); control lines are short.
      const line = await readLine(MAX_MESSAGE_BYTES);
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new AgentCallError(
          AgentCallFailure.protocol,
          'agent sent a control line that is not JSON',
        );
      }
      if (typeof value === 'object' && value !== null && 'jsonrpc' in value) {
        parseReply(line); // throws the error it carries
        throw new AgentCallError(
          AgentCallFailure.protocol,
          'agent replied before the transfer began',
        );
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success || line.length > MAX_CONTROL_LINE_BYTES) {
        throw new AgentCallError(AgentCallFailure.protocol, 'agent sent a malformed control line');
      }
      return parsed.data;
    },
    async readResult() {
      return parseReply(await readLine(MAX_MESSAGE_BYTES));
    },
    async write(chunk) {
      try {
        await writeWithBackpressure(channel, chunk, linkClosed);
      } catch (error) {
        throw new AgentCallError(
          AgentCallFailure.closed,
          `link broke during the transfer: ${String(error)}`,
        );
      }
    },
    close() {
      channel.destroy();
      onClose();
    },
  };
}
