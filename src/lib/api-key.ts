// The API key check shared by every door (GraphQL now, MCP next). Both sides are hashed before comparing, so the comparison takes the same
// time whatever the key's length or how much of it matches.

import { createHash, timingSafeEqual } from 'node:crypto';

export function createKeyCheck(apiKey: string): (presented: string) => boolean {
  const expected = createHash('sha256').update(apiKey).digest();
  return (presented) => {
    const actual = createHash('sha256').update(presented).digest();
    return timingSafeEqual(expected, actual) && presented.length > 0;
  };
}
