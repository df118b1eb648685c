// The fleet's `sessions` and `tunnels` groups (issue 16): open ones live here; a session's
// history after it ended is its session.closed event in the audit trail (one record of what
// happened, the same the webhooks deliver), so nothing else is stored. Recordings live in the
// recordings directory (./recording.ts) and are read back by session id.

import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { AppError, ErrorCode } from '../../errors.js';
import type { Audit } from '../audit.js';
import type { Caller } from '../caller.js';
import { FleetEventType, type FleetEvent } from '../event-types.js';
import type { EventFilter } from '../events.js';
import type { Gate } from '../gate.js';
import { DEFAULT_SHELL_IDLE_S, MAX_SESSIONS_LIST } from '../limits.js';
import { pruneRecordings, RECORDING_NAME, type RecordingOptions } from './recording.js';
import { createSessions, type SessionView } from './sessions.js';
import { createShells } from './shells.js';
import type { EndHeld } from '../holdings.js';
import type { Principal } from '../principal.js';
import { createTunnels } from './tunnels.js';

export interface SessionFilter {
  /** One client by uuid, clientId or display name. */
  clientId?: string | null | undefined;
  /** Only sessions open now. */
  openOnly?: boolean | null | undefined;
}

/** The largest recording `recording(id)` returns whole, in bytes. */
export const MAX_RECORDING_READ_BYTES = 16 * 1024 * 1024;

export interface ReachDeps {
  gate: Gate;
  audit: Audit;
  logger: Logger;
  recording: RecordingOptions | null;
  listEvents(filter: EventFilter, limit: number): Promise<FleetEvent[]>;
  /** A client's uuid and clientId by reference (NOT_FOUND otherwise). */
  resolve(ref: string): Promise<{ uuid: string; clientId: string }>;
  clientIdOf(uuid: string): Promise<string>;
  /** Registers a shell its key holds open (revoking the key closes it). */
  hold(principal: Principal, end: EndHeld): () => void;
  /** Request-and-reply shells close after this long without activity (0: never). */
  shellIdleTimeoutMs: number;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const num = (value: unknown): number => (typeof value === 'number' ? value : 0);

function closedView(event: FleetEvent, clientId: string): SessionView {
  const data = event.data;
  const startedAt = text(data['started_at']);
  return {
    id: text(data['session_id']) ?? '',
    clientUuid: event.clientUuid,
    clientId,
    actor: event.actor ?? '',
    keyName: event.actorKeyName ?? null,
    origin: text(data['origin']) ?? '',
    command: text(data['command']),
    pty: data['pty'] === true,
    cols: num(data['cols']),
    rows: num(data['rows']),
    startedAt: startedAt ? new Date(startedAt) : event.at,
    endedAt: event.at,
    exitStatus: typeof data['exit_code'] === 'number' ? data['exit_code'] : null,
    exitSignal: text(data['exit_signal']),
    bytesIn: num(data['bytes_in']),
    bytesOut: num(data['bytes_out']),
    recording: text(data['recording']),
    closeReason: text(data['reason']),
  };
}

/** Reach wired to the fleet's parts: the events trail, the registry, the recording setting. */
export function wireReach(deps: {
  gate: Gate;
  audit: Audit;
  logger: Logger;
  events: { list(filter: EventFilter, limit: number): Promise<FleetEvent[]> };
  registry: { resolve(ref: string): Promise<{ uuid: string; clientId: string }> };
  options: { recording?: RecordingOptions | undefined; shellIdleTimeoutMs?: number | undefined };
  hold(principal: Principal, end: EndHeld): () => void;
}) {
  const { registry, events } = deps;
  return createReach({
    gate: deps.gate,
    audit: deps.audit,
    logger: deps.logger,
    recording: deps.options.recording ?? null,
    listEvents: (filter, limit) => events.list(filter, limit),
    resolve: (ref) => registry.resolve(ref),
    clientIdOf: async (uuid) => (await registry.resolve(uuid).catch(() => null))?.clientId ?? uuid,
    hold: deps.hold,
    shellIdleTimeoutMs: deps.options.shellIdleTimeoutMs ?? DEFAULT_SHELL_IDLE_S * 1000,
  });
}

export function createReach(deps: ReachDeps) {
  const sessions = createSessions(deps);
  const shells = createShells({
    open: sessions.open,
    hold: deps.hold,
    admitSend: async (uuid, caller) => (await deps.gate.admit(uuid, 'shell', caller)).release,
    idleTimeoutMs: deps.shellIdleTimeoutMs,
  });
  const tunnels = createTunnels(deps);
  const log = deps.logger;
  let pruneTimer: NodeJS.Timeout | undefined;

  async function list(filter: SessionFilter, limit: number): Promise<SessionView[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SESSIONS_LIST)
      throw new AppError(
        ErrorCode.badUserInput,
        `A sessions listing takes 1 to ${MAX_SESSIONS_LIST} at a time (got ${limit}).`,
      );
    const client = filter.clientId ? await deps.resolve(filter.clientId) : null;
    const live = sessions
      .listOpen()
      .filter((s) => !client || s.clientUuid === client.uuid)
      .reverse();
    if (filter.openOnly) return live.slice(0, limit);
    const events = await deps.listEvents(
      { events: [FleetEventType.sessionClosed], clientId: client?.uuid ?? null },
      limit,
    );
    const ended = await Promise.all(
      events.map(async (event) => closedView(event, await deps.clientIdOf(event.clientUuid))),
    );
    return [...live, ...ended].slice(0, limit);
  }

  async function find(id: string): Promise<SessionView | null> {
    const live = sessions.listOpen().find((s) => s.id === id);
    if (live) return live;
    // Sessions are few beside other events: the newest thousand closed ones are searched.
    const events = await deps.listEvents({ events: [FleetEventType.sessionClosed] }, 1000);
    const event = events.find((e) => e.data['session_id'] === id);
    return event ? closedView(event, await deps.clientIdOf(event.clientUuid)) : null;
  }

  return {
    sessions: {
      open: sessions.open,
      /** An open session to drive (input, output); NOT_FOUND when it is not open. */
      get: sessions.get,
      list,
      find,
      /** Ends an open session (its process gets SIGHUP); the view as it ended. */
      close(id: string, caller: Caller): SessionView {
        const session = sessions.get(id);
        session.close(`closed by ${caller.actor}`);
        return session.view();
      },
      /** The asciicast v2 text of a session's recording; null when it has none (or it was pruned). */
      async recording(id: string): Promise<string | null> {
        const view = await find(id);
        if (!view?.recording || !deps.recording || !RECORDING_NAME.test(view.recording))
          return null;
        const path = join(deps.recording.dir, view.recording);
        try {
          const size = (await stat(path)).size;
          if (size > MAX_RECORDING_READ_BYTES)
            throw new AppError(
              ErrorCode.badUserInput,
              `The recording of "${id}" is ${size} bytes, over ${MAX_RECORDING_READ_BYTES}: read ${path} on the server instead.`,
            );
          return await readFile(path, 'utf8');
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
          throw error;
        }
      },
    },
    shells,
    tunnels: {
      open: tunnels.open,
      get: tunnels.get,
      list: async () => tunnels.list(),
      close(id: string, caller: Caller) {
        const tunnel = tunnels.get(id);
        tunnel.close(`closed by ${caller.actor}`);
        return tunnel.view();
      },
    },
    start(): void {
      const recording = deps.recording;
      if (!recording || recording.retentionDays <= 0) return;
      const prune = (): void =>
        void pruneRecordings(recording.dir, recording.retentionDays).then(
          (removed) => removed > 0 && log.info({ removed }, 'old session recordings removed'),
          (error: unknown) => log.warn({ err: error }, 'recording retention pass failed'),
        );
      prune();
      pruneTimer = setInterval(prune, 3_600_000);
      pruneTimer.unref();
    },
    stop(reason: string): void {
      clearInterval(pruneTimer);
      sessions.closeAll(reason);
      tunnels.closeAll(reason);
    },
  };
}

export type Reach = ReturnType<typeof createReach>;
