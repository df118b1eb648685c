// Limits on what one operation may ask for, checked before it runs: depth, cost, aliases,
// directives and tokens (graphql-armor), the answer's size with lists counted at their size
// (list-cost.ts), and whether the schema may be introspected. A refused operation gets an error
// naming the limit; nothing runs. While it runs, the fields it resolves and the size of its
// answer are bounded too (answer-bounds.ts).

import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import type { Plugin } from 'graphql-yoga';
import { useAnswerBounds } from './answer-bounds.js';
import type { OperationLimits } from './defaults.js';
import { useListCostLimit } from './list-cost.js';

/**
 * How many fields an answer may hold, lists counted at their size (./list-cost.ts). Its own
 * measure, apart from armor's `maxCost` (which counts a field once whatever list holds it), so
 * tightening one does not refuse what the other allows.
 */
export const MAX_LIST_COST = 100_000;

export function createLimitPlugins(limits: OperationLimits): Plugin[] {
  const plugins: Plugin[] = [
    EnvelopArmorPlugin({
      maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, exposeLimits: true },
      costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true, exposeLimits: true },
      maxAliases: { n: 30, exposeLimits: true },
      maxDirectives: { n: 50, exposeLimits: true },
      maxTokens: { n: 10_000, exposeLimits: true },
      // Suggestions ("did you mean …") reveal field names: only when the schema is public anyway.
      blockFieldSuggestion: { enabled: !limits.introspection },
    }) as Plugin,
    // Armor counts a field once whatever list holds it; this counts lists at their size.
    useListCostLimit(MAX_LIST_COST),
    // What the estimate could not know (a list's real length): bounded while it runs.
    useAnswerBounds({ maxFields: limits.maxFields, maxResponseBytes: limits.maxResponseBytes }),
  ];
  if (!limits.introspection) plugins.push(useDisableIntrospection() as Plugin);
  return plugins;
}
