// A bounded push-to-pull queue: producers push, one consumer iterates. When the consumer falls
// more than `maxBuffered` items behind, the queue ends with an error rather than growing without
// bound — a stalled subscriber must not cost the server its memory.

export class QueueOverflowError extends Error {
  constructor(maxBuffered: number) {
    super(`consumer fell more than ${maxBuffered} items behind; stream closed`);
    this.name = 'QueueOverflowError';
  }
}

export interface AsyncQueue<T> extends AsyncIterableIterator<T> {
  push(value: T): void;
  /** Ends iteration after the buffered items (or at once with an error). */
  end(error?: Error): void;
  readonly closed: boolean;
}

export function createAsyncQueue<T>(options: {
  maxBuffered: number;
  onClose?: () => void;
}): AsyncQueue<T> {
  const buffer: T[] = [];
  let waiting: ((result: IteratorResult<T>) => void) | null = null;
  let failing: ((error: Error) => void) | null = null;
  let closed = false;
  let failure: Error | null = null;

  const close = (): void => {
    if (closed) return;
    closed = true;
    options.onClose?.();
  };

  const queue: AsyncQueue<T> = {
    push(value) {
      if (closed) return;
      if (waiting) {
        const resolve = waiting;
        waiting = failing = null;
        resolve({ value, done: false });
        return;
      }
      if (buffer.length >= options.maxBuffered) {
        queue.end(new QueueOverflowError(options.maxBuffered));
        return;
      }
      buffer.push(value);
    },
    end(error) {
      if (closed) return;
      failure = error ?? null;
      close();
      if (waiting) {
        const resolve = waiting;
        const reject = failing;
        waiting = failing = null;
        if (failure && reject) reject(failure);
        else resolve({ value: undefined, done: true });
      }
    },
    get closed() {
      return closed;
    },
    next() {
      if (buffer.length > 0) return Promise.resolve({ value: buffer.shift() as T, done: false });
      if (closed) {
        if (failure) {
          const error = failure;
          failure = null;
          return Promise.reject(error);
        }
        return Promise.resolve({ value: undefined, done: true });
      }
      return new Promise<IteratorResult<T>>((resolve, reject) => {
        waiting = resolve;
        failing = reject;
      });
    },
    return() {
      buffer.length = 0;
      failure = null;
      queue.end();
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]() {
      return queue;
    },
  };
  return queue;
}
