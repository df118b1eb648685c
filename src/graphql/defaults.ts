// The GraphQL door's default limits as plain data, apart from the plugins that enforce them:
// the server's configuration (src/config.ts) reads them without loading GraphQL's libraries,
// which the CLI (it shares that module) never needs. Enforced in limits.ts, answer-bounds.ts
// and subscription-caps.ts; documented in docs/API.md (Limits).

/** Bounds on one operation while it runs (./answer-bounds.ts). */
export interface AnswerBounds {
  /** Fields one operation (or one subscription event) may resolve. */
  maxFields: number;
  /** The largest answer sent, in bytes of JSON (strings counted by their length). */
  maxResponseBytes: number;
}

export const DEFAULT_ANSWER_BOUNDS: AnswerBounds = Object.freeze({
  // Above the ~330,000 fields of the largest answer the API's own caps allow (5,000 clients,
  // every field and their tags). What an operation stopped here costs: docs/BENCHMARKS.md
  // (bench/graphql-bounds.ts).
  maxFields: 500_000,
  maxResponseBytes: 64 * 1024 * 1024,
});

/** What one operation may ask for, checked before it runs (./limits.ts), and the bounds above. */
export interface OperationLimits extends AnswerBounds {
  /** GraphiQL needs it; turn it off to hide the schema from anyone holding a key. */
  introspection: boolean;
  maxDepth: number;
  maxCost: number;
}

export const DEFAULT_OPERATION_LIMITS: OperationLimits = Object.freeze({
  introspection: true,
  maxDepth: 10,
  // Armor multiplies by `first`: a 500-client page with a 30-field selection costs ~62,000.
  maxCost: 100_000,
  ...DEFAULT_ANSWER_BOUNDS,
});

/** Open subscriptions (./subscription-caps.ts). */
export interface SubscriptionCaps {
  /** Open subscriptions one connection (socket) may hold. */
  maxSubscriptionsPerConnection: number;
  /** Open subscriptions the whole server may hold. */
  maxSubscriptions: number;
}

export const DEFAULT_SUBSCRIPTION_CAPS: SubscriptionCaps = Object.freeze({
  maxSubscriptionsPerConnection: 100,
  maxSubscriptions: 10_000,
});
