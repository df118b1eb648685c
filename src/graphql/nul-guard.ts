// No string a client sends may carry a NUL byte: names, paths, commands and filters all end up
// in SQLite, in file systems or in argv, where a NUL cuts a string short. One check for every
// operation (variables and literals), before anything runs, whatever the door.

import { Kind, visit, type DocumentNode, type GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ErrorCode } from '../errors.js';
import { codedError } from './errors.js';

/** Where the first NUL is ("variable $x", "argument literal"), or null. */
export function findNul(document: DocumentNode, variables: unknown): string | null {
  const inValue = (value: unknown, path: string, depth: number): string | null => {
    if (depth > 64) return null; // GraphQL's own coercion refuses absurd nesting
    if (typeof value === 'string') return value.includes('\0') ? path : null;
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) {
        const found = inValue(item, `${path}[${index}]`, depth + 1);
        if (found) return found;
      }
      return null;
    }
    if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key.includes('\0')) return path;
        const found = inValue(item, `${path}.${key}`, depth + 1);
        if (found) return found;
      }
    }
    return null;
  };
  let found = inValue(variables ?? {}, 'variables', 0);
  if (found) return found.replace(/^variables\.?/, 'variable $');
  visit(document, {
    [Kind.STRING](node) {
      if (!found && node.value.includes('\0')) found = 'a string literal';
    },
  });
  return found;
}

function nulError(where: string): GraphQLError {
  return codedError(
    ErrorCode.badUserInput,
    `Strings must not contain NUL bytes (found in ${where}). Remove the \\u0000 and retry.`,
  );
}

export const nulGuardPlugin: Plugin = {
  onExecute({ args, setResultAndStopExecution }) {
    const where = findNul(args.document, args.variableValues);
    if (where) setResultAndStopExecution({ errors: [nulError(where)] });
  },
  onSubscribe({ args, setResultAndStopExecution }) {
    const where = findNul(args.document, args.variableValues);
    if (where) setResultAndStopExecution({ errors: [nulError(where)] });
  },
};
