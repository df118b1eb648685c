// Token buckets by key (a UUID, an address): each key may act `burst` times at once, then once
// per `refillMs`. Used to throttle reconnect churn. Memory stays bounded: a key idle for
// `forgetAfterMs` is forgotten, and past `maxKeys` the least recently used key goes first.

export interface TokenBuckets {
  /** Takes a token for `key`; when none is left, says how long until the next one. */
  take(key: string): { ok: true } | { ok: false; retryAfterMs: number };
  /** Whether `key` acted within the last `forgetAfterMs`. */
  knows(key: string): boolean;
  readonly size: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export function createTokenBuckets(options: {
  burst: number;
  refillMs: number;
  forgetAfterMs: number;
  maxKeys: number;
  now?: () => number;
}): TokenBuckets {
  const now = options.now ?? Date.now;
  // A Map iterates in insertion order; re-inserting on use keeps the least recently used first.
  const buckets = new Map<string, Bucket>();

  function forgetIdle(at: number): void {
    for (const [key, bucket] of buckets) {
      if (at - bucket.updatedAt < options.forgetAfterMs && buckets.size < options.maxKeys) break;
      buckets.delete(key);
    }
  }

  return {
    take(key) {
      const at = now();
      forgetIdle(at);
      const bucket = buckets.get(key) ?? { tokens: options.burst, updatedAt: at };
      buckets.delete(key);
      bucket.tokens = Math.min(
        options.burst,
        bucket.tokens + (at - bucket.updatedAt) / options.refillMs,
      );
      bucket.updatedAt = at;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterMs: Math.ceil((1 - bucket.tokens) * options.refillMs) };
    },
    knows(key) {
      const bucket = buckets.get(key);
      return bucket !== undefined && now() - bucket.updatedAt < options.forgetAfterMs;
    },
    get size() {
      return buckets.size;
    },
  };
}
