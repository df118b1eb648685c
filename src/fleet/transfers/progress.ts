// Progress of transfers, by id: the latest state of each running transfer (and of those that
// finished in the last ten minutes), published to subscribers as it changes. A subscriber may
// come before the transfer starts (it then waits on a placeholder the transfer takes over).

import { randomUUID } from 'node:crypto';
import { createAsyncQueue } from '../../lib/async-queue.js';
import { quote } from '../../lib/quote.js';
import type { OperationFailure } from '../outcomes.js';
import { bad } from '../validation.js';

/** Progress is published at most this often (and always at the start and the end). */
const PROGRESS_INTERVAL_MS = 250;
/** Finished transfers stay visible to late subscribers this long. */
const KEEP_FINISHED_MS = 10 * 60_000;
const TRANSFER_ID = /^[A-Za-z0-9_.-]{1,64}$/;

export type TransferDirection = 'upload' | 'download';
export type TransferState = 'running' | 'completed' | 'failed';

export interface TransferProgress {
  transferId: string;
  clientUuid: string;
  clientId: string;
  direction: TransferDirection;
  remotePath: string;
  /** The server-side file, resolved inside the transfer roots. */
  localPath: string;
  state: TransferState;
  /** Bytes in place at the destination, those kept from an earlier attempt included. */
  bytesDone: number;
  /** Size of the file; null until known (a download learns it from the agent). */
  totalBytes: number | null;
  resumedFrom: number;
  startedAt: Date;
  finishedAt: Date | null;
  /** Bytes per second moved by this attempt. */
  rateBytesPerSecond: number;
  /** Seconds left at the current rate; null when unknown. */
  etaSeconds: number | null;
  sha256: string | null;
  error: OperationFailure | null;
}

/** What a transfer is, as it starts; the rest of its progress starts at nothing done. */
export type TransferStart = Pick<
  TransferProgress,
  'transferId' | 'clientUuid' | 'clientId' | 'direction' | 'remotePath' | 'localPath'
>;

/** One running transfer's reporter. */
export interface ProgressReporter {
  /** `resumedFrom` once known: bytes kept from an earlier attempt (not counted in the rate). */
  update(bytesDone: number, totalBytes?: number, resumedFrom?: number): void;
  finish(result: Partial<TransferProgress>): void;
}

interface Tracked {
  latest: TransferProgress;
  listeners: Set<(progress: TransferProgress) => void>;
}

function placeholder(transferId: string): TransferProgress {
  return {
    transferId,
    clientUuid: '',
    clientId: '',
    direction: 'upload',
    remotePath: '',
    localPath: '',
    state: 'running',
    bytesDone: 0,
    totalBytes: null,
    resumedFrom: 0,
    startedAt: new Date(),
    finishedAt: null,
    rateBytesPerSecond: 0,
    etaSeconds: null,
    sha256: null,
    error: null,
  };
}

/** A placeholder stands for a transfer a subscriber waits for that has not started. */
const isPlaceholder = (progress: TransferProgress): boolean => progress.clientUuid === '';

export function createProgressBoard() {
  const tracked = new Map<string, Tracked>();

  function publish(entry: Tracked, progress: TransferProgress): void {
    entry.latest = progress;
    for (const listener of entry.listeners) listener(progress);
  }

  return {
    /** The id for a new transfer: the one asked for (checked, not running), or a new one. */
    claimId(requested: string | null | undefined): string {
      if (requested == null) return randomUUID();
      if (!TRANSFER_ID.test(requested))
        throw bad(
          `transferId must be 1 to 64 letters, digits, ".", "_" or "-" (got ${quote(requested)}).`,
        );
      const current = tracked.get(requested)?.latest;
      if (current?.state === 'running' && !isPlaceholder(current))
        throw bad(`A transfer with id ${quote(requested)} is already running; choose another id.`);
      return requested;
    },

    /** Starts reporting a transfer (a waiting subscriber's placeholder is taken over). */
    track(start: TransferStart): ProgressReporter {
      const initial: TransferProgress = {
        ...placeholder(start.transferId),
        ...start,
        startedAt: new Date(),
      };
      const entry: Tracked = tracked.get(initial.transferId) ?? {
        latest: initial,
        listeners: new Set(),
      };
      tracked.set(initial.transferId, entry);
      publish(entry, initial);
      let lastPublished = 0;
      const rate = (bytesDone: number): number => {
        const seconds = (Date.now() - initial.startedAt.getTime()) / 1000;
        return seconds > 0 ? (bytesDone - entry.latest.resumedFrom) / seconds : 0;
      };
      return {
        update(bytesDone, totalBytes, resumedFrom) {
          if (resumedFrom !== undefined) entry.latest = { ...entry.latest, resumedFrom };
          const total = totalBytes ?? entry.latest.totalBytes;
          const now = Date.now();
          if (now - lastPublished < PROGRESS_INTERVAL_MS && totalBytes === undefined) {
            entry.latest = { ...entry.latest, bytesDone };
            return;
          }
          lastPublished = now;
          const perSecond = rate(bytesDone);
          publish(entry, {
            ...entry.latest,
            bytesDone,
            totalBytes: total,
            rateBytesPerSecond: Math.round(perSecond),
            etaSeconds:
              total !== null && perSecond > 0 ? Math.round((total - bytesDone) / perSecond) : null,
          });
        },
        finish(result) {
          const bytesDone = result.bytesDone ?? entry.latest.bytesDone;
          publish(entry, {
            ...entry.latest,
            ...result,
            bytesDone,
            finishedAt: new Date(),
            rateBytesPerSecond: Math.round(rate(bytesDone)),
            etaSeconds: result.state === 'completed' ? 0 : null,
          });
          setTimeout(() => {
            if (tracked.get(initial.transferId) === entry && entry.latest.state !== 'running')
              tracked.delete(initial.transferId);
          }, KEEP_FINISHED_MS).unref();
        },
      };
    },

    /** The latest progress of a transfer. */
    latest(transferId: string): TransferProgress | undefined {
      return tracked.get(transferId)?.latest;
    },

    /** A transfer refused before it started: a subscriber already waiting learns it too. */
    refusedBeforeStart(
      transferId: string,
      what: Pick<TransferProgress, 'direction' | 'remotePath'>,
      failure: OperationFailure,
    ): void {
      const waiting = tracked.get(transferId);
      if (!waiting || !isPlaceholder(waiting.latest)) return;
      tracked.delete(transferId);
      publish(waiting, {
        ...waiting.latest,
        ...what,
        state: 'failed',
        finishedAt: new Date(),
        error: failure,
      });
    },

    /** A transfer's progress: its latest state now (when known), then every change, to the end. */
    subscribe(transferId: string): AsyncIterableIterator<TransferProgress> {
      if (!TRANSFER_ID.test(transferId))
        throw bad(`transferId must be 1 to 64 letters, digits, ".", "_" or "-".`);
      let entry = tracked.get(transferId);
      if (!entry) {
        // Subscribed before the transfer starts: the mutation will find this entry and use it.
        entry = { latest: placeholder(transferId), listeners: new Set() };
        tracked.set(transferId, entry);
      }
      const target = entry;
      const listener = (progress: TransferProgress): void => {
        out.push(progress);
        if (progress.state !== 'running') out.end();
      };
      const out = createAsyncQueue<TransferProgress>({
        maxBuffered: 10_000,
        onClose: () => {
          target.listeners.delete(listener);
          // A subscription to a transfer that never started leaves nothing behind.
          if (isPlaceholder(target.latest) && target.listeners.size === 0)
            tracked.delete(transferId);
        },
      });
      if (!isPlaceholder(target.latest)) listener(target.latest);
      if (!out.closed) target.listeners.add(listener);
      return out;
    },

    /** Transfers running now, and those finished in the last ten minutes. */
    list(): TransferProgress[] {
      return [...tracked.values()]
        .map((entry) => entry.latest)
        .filter((progress) => !isPlaceholder(progress));
    },
  };
}

export type ProgressBoard = ReturnType<typeof createProgressBoard>;
