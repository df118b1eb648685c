// Structured logs: JSON lines on stderr (pino). stdout is reserved for command output and the
// MCP stdio transport, so nothing here ever writes to it.

import { destination, pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(options: { level?: string; name?: string } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      name: options.name ?? 'etphonehome',
      base: { pid: process.pid },
    },
    destination({ fd: 2, sync: true }),
  );
}
