// What the agent's log says when the server tells it a decision (../protocol/notice.ts): the
// server's own words, at a level that matches how much a person must do, and the next step on
// this machine when there is one.

import type { Logger } from 'pino';
import { NoticeCode, type Notice } from '../protocol/notice.js';

const nextStep: Record<string, { level: 'info' | 'warn' | 'error'; step?: string }> = {
  [NoticeCode.overloaded]: { level: 'info' },
  [NoticeCode.throttled]: {
    level: 'warn',
    step: 'If this agent keeps reconnecting, check its network and whether another agent runs with the same config directory.',
  },
  [NoticeCode.decommissioned]: {
    level: 'error',
    step: 'The server refuses this client until an operator restores it (etphonehome clients restore <client>). If it was retired on purpose, stop this agent (e.g. systemctl --user disable --now phonehome).',
  },
  [NoticeCode.keyMismatch]: {
    level: 'error',
    step: 'This key is not the one the server pinned for this UUID. Ask an operator to accept it (etphonehome clients accept-key <client>, or acceptKey / accept_key), or put the previous key back (id_ed25519.old).',
  },
  [NoticeCode.quarantined]: {
    level: 'warn',
    step: 'Every operation is refused until an operator accepts this key (etphonehome clients accept-key <client>, or acceptKey / accept_key).',
  },
  [NoticeCode.replaced]: {
    level: 'warn',
    step: 'Another connection with this UUID took over: is a second agent running with the same config (a cloned machine or directory)?',
  },
  // A server leaving the cluster: the agent's next try goes to its next server (or through the
  // load balancer to another); nothing to do here.
  [NoticeCode.draining]: { level: 'info' },
};

export function logNotice(log: Logger, server: string, notice: Notice): void {
  const known = nextStep[notice.code];
  const level = known?.level ?? 'warn';
  log[level](
    {
      server,
      code: notice.code,
      ...(notice.retryAfterMs === undefined ? {} : { retryAfterMs: notice.retryAfterMs }),
      ...(known?.step ? { next: known.step } : {}),
    },
    `the server says: ${notice.message}`,
  );
}
