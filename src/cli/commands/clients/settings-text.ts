// A client's settings as describe, update and configure print them, one phrase each.

import type { RateLimitMode } from '../../../generated/graphql.js';

export function rateLimitText(client: {
  rateLimitRpm: number;
  rateLimitConcurrent: number;
  rateLimitMode: RateLimitMode;
}): string {
  return `${client.rateLimitRpm}/min, ${client.rateLimitConcurrent} at once, ${client.rateLimitMode}`;
}

export function thresholdsText(client: {
  cpuThreshold: number;
  memoryThreshold: number;
  diskThreshold: number;
  resourceChecks: boolean;
}): string {
  return `cpu ${client.cpuThreshold}%, memory ${client.memoryThreshold}%, disk ${client.diskThreshold}%, resource checks ${client.resourceChecks ? 'on' : 'off'}`;
}

export function allowedPathsText(client: { allowedPaths?: string[] | null }): string {
  return client.allowedPaths?.length ? client.allowedPaths.join(', ') : 'unrestricted';
}
