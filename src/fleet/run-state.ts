// The order in which the fleet's background work starts and stops. Start: register the server,
// close what a crash left open, then resume; stop: heartbeats first, jobs before their links (so
// a job's unfinished clients read as interrupted, not as broken links), shells and tunnels with
// the links, the webhook worker and the server's registration last.

export interface RunStateDeps {
  monitor: { stop(): void };
  lastSeen: { closeLeftOpen(): Promise<unknown>; start(): void; stop(): Promise<void> };
  jobs: { recover(): Promise<void>; stop(): Promise<void> };
  idempotency: { recover(): Promise<void> };
  webhooks: { start(): Promise<void>; stop(): Promise<void> } | null;
  membership: { start(): Promise<void>; stop(): Promise<void> };
  /** Other servers' events onto the bus (several servers on one database). */
  relay: { start(): Promise<void>; stop(): Promise<void> };
  reach: { start(): void; stop(reason: string): void };
  /** Flushed at stop: refused-key counts, API keys' last use. */
  flushers: readonly { stop(): Promise<void> }[];
  closeLinks(reason: string): Promise<void>;
}

export function createRunState(deps: RunStateDeps) {
  const { monitor, lastSeen, jobs, idempotency, webhooks, membership, reach } = deps;
  return {
    async start(): Promise<void> {
      await deps.relay.start();
      await membership.start();
      await lastSeen.closeLeftOpen();
      lastSeen.start();
      // What a crash left running: jobs and idempotency keys end INTERRUPTED (with several
      // servers on one database, issue 14 limits this to the server's own).
      await jobs.recover();
      await idempotency.recover();
      await webhooks?.start();
      reach.start();
    },
    async disconnectAll(reason: string): Promise<void> {
      monitor.stop();
      await jobs.stop();
      reach.stop(reason);
      await deps.closeLinks(reason);
    },
    async stop(): Promise<void> {
      monitor.stop();
      for (const flusher of deps.flushers) await flusher.stop();
      await lastSeen.stop();
      await jobs.stop();
      await webhooks?.stop();
      await membership.stop();
      await deps.relay.stop();
    },
  };
}
