// Events as the doors read them: the audit trail (newest first, paged backwards), live events
// from the bus — from a cursor when asked (the recorded events after it first, then live ones,
// no gap and no duplicate at the seam: lib/replay-then-live.ts) — one client's status changes,
// and rate-limit warnings. A live event's client is looked up once for all the subscribers it
// goes to, so that one event to 1,000 subscribers costs one lookup, not 1,000.

import { createAsyncQueue } from '../lib/async-queue.js';
import { quote } from '../lib/quote.js';
import { replayThenLive } from '../lib/replay-then-live.js';
import type { ClientRecord, Store } from '../store/index.js';
import type { ClientView } from './client-view.js';
import type { EventBus } from './event-bus.js';
import {
  FleetEventType,
  isFleetEventType,
  type FleetEvent,
  type FleetEventTypeName,
} from './event-types.js';
import {
  MAX_EVENT_FILTER_NAMES,
  MAX_EVENT_LIMIT,
  MAX_EVENT_REPLAY,
  MAX_TAG_CHARS,
} from './limits.js';
import type { Registry } from './registry.js';
import { bad } from './validation.js';

export interface EventFilter {
  /** Event names (client.connected …); any when empty. */
  events?: readonly string[] | null | undefined;
  /** One client by uuid, clientId or display name. */
  clientId?: string | null | undefined;
  /** Events of clients carrying ALL of these tags (as they are now). */
  tags?: readonly string[] | null | undefined;
  /** Events caused by this API key (its id or name), or with this actor text. */
  actor?: string | null | undefined;
  /** Only events of these clients (set by the guard for a scoped key: its clients). */
  clientUuids?: readonly string[] | null | undefined;
}

export interface StatusChange {
  /** The event that changed it, or "current" for the state when the subscription began. */
  cause: string;
  at: Date;
  client: ClientView;
}

/** Events that change whether a client is online, healthy or usable. */
const STATUS_EVENTS: ReadonlySet<string> = new Set([
  FleetEventType.connected,
  FleetEventType.disconnected,
  FleetEventType.keyMismatch,
  FleetEventType.keyAccepted,
  FleetEventType.unhealthy,
  FleetEventType.recovered,
  FleetEventType.decommissioned,
  FleetEventType.restored,
]);

interface ResolvedFilter {
  types: string[] | null;
  uuid: string | null;
  tags: string[] | null;
  actor: string | null;
  uuids: readonly string[] | null;
}

/** Recorded events read per statement while a subscription replays from its cursor. */
const REPLAY_PAGE = 500;

/** An event id given as a cursor (`after`, `before`): a whole number, or BAD_USER_INPUT. */
function parseEventId(value: string, what: string, least: number): number {
  if (!/^(0|[1-9]\d{0,15})$/.test(value) || Number(value) < least) {
    throw bad(
      `${what} must be an event id (a ${least === 0 ? 'non-negative' : 'positive'} whole number: a ClientEvent's id), got "${value.slice(0, 40)}".`,
    );
  }
  return Number(value);
}

export function createEvents(deps: {
  store: Store;
  bus: EventBus;
  registry: Pick<Registry, 'resolve' | 'view'>;
}) {
  const { store, bus, registry } = deps;
  const liveClients = new WeakMap<FleetEvent, Promise<ClientRecord | null>>();
  const fromBus = new WeakSet<FleetEvent>();

  function clientOfLiveEvent(event: FleetEvent): Promise<ClientRecord | null> {
    let found = liveClients.get(event);
    if (!found) {
      found = store.clients.get(event.clientUuid);
      liveClients.set(event, found);
    }
    return found;
  }

  /** An event filter, checked, with its client resolved; null parts match anything. */
  async function resolveFilter(filter: EventFilter): Promise<ResolvedFilter> {
    if (
      (filter.events?.length ?? 0) > MAX_EVENT_FILTER_NAMES ||
      (filter.tags?.length ?? 0) > MAX_EVENT_FILTER_NAMES
    )
      throw bad('An event filter names at most 64 events and 64 tags.');
    for (const tag of filter.tags ?? [])
      if (tag.length > MAX_TAG_CHARS) throw bad('A tag is at most 128 characters.');
    const types = filter.events && filter.events.length > 0 ? [...new Set(filter.events)] : null;
    for (const type of types ?? []) {
      if (!isFleetEventType(type)) {
        throw bad(
          `Unknown event type ${quote(type)}. Known: ${Object.values(FleetEventType).join(', ')}.`,
        );
      }
    }
    const uuid =
      filter.clientId !== null && filter.clientId !== undefined
        ? (await registry.resolve(filter.clientId)).uuid
        : null;
    const tags = filter.tags && filter.tags.length > 0 ? [...new Set(filter.tags)] : null;
    if (filter.actor !== null && filter.actor !== undefined && filter.actor.length > 256)
      throw bad('actor is at most 256 characters (a key id, a key name or an actor text).');
    return { types, uuid, tags, actor: filter.actor || null, uuids: filter.clientUuids ?? null };
  }

  /** Whether a live event passes a resolved filter; tags as they are now. */
  function matcher({ types, uuid, tags, actor, uuids }: ResolvedFilter) {
    return async (event: FleetEvent): Promise<boolean> => {
      // Events about no client (api_key.*) are the audit trail's, not a client's.
      if (!event.clientUuid) return false;
      if (types && !types.includes(event.type)) return false;
      if (uuid && event.clientUuid !== uuid) return false;
      if (uuids && !uuids.includes(event.clientUuid)) return false;
      if (
        actor &&
        event.actorKeyId !== actor &&
        event.actorKeyName !== actor &&
        event.actor !== actor
      )
        return false;
      if (tags) {
        const names = new Set((await clientOfLiveEvent(event))?.tags ?? []);
        if (!tags.every((tag) => names.has(tag))) return false;
      }
      return true;
    };
  }

  /** Refuses a replay from `after` that cannot be (a cursor ahead of the trail, or too far back). */
  async function checkReplay(filter: ResolvedFilter, after: number): Promise<void> {
    const latest = await store.events.latestId();
    if (after > latest) {
      throw bad(
        `after: event ${after} does not exist (the newest is ${latest}). Pass the id of an event you received, or leave after out to follow live events only.`,
        { after, latestId: latest },
      );
    }
    const query = {
      types: filter.types,
      clientUuid: filter.uuid,
      tags: filter.tags,
      afterId: after,
    };
    const count = await store.events.countAfter(query, MAX_EVENT_REPLAY + 1);
    if (count > MAX_EVENT_REPLAY) {
      throw bad(
        `More than ${MAX_EVENT_REPLAY} events after event ${after} match the filter; a subscription replays at most ${MAX_EVENT_REPLAY}. Read them from the audit trail a page at a time (events(filter, before:); CLI: etphonehome events --before …), then subscribe with after: ${latest} (the newest), or without after to follow live events only.`,
        { after, latestId: latest, limit: MAX_EVENT_REPLAY },
      );
    }
  }

  /**
   * Live events matching `filter`, until the returned iterator is closed; with `after` (an
   * event id), the recorded events after it first, then the live ones, each once.
   */
  async function subscribe(
    filter: EventFilter,
    after?: string | null,
  ): Promise<AsyncIterableIterator<FleetEvent>> {
    const cursor = after === null || after === undefined ? null : parseEventId(after, 'after', 0);
    // On the bus first, so that nothing published while the filter resolves (or while the
    // trail is replayed) is missed.
    const source = bus.subscribe(() => true);
    let resolved: ResolvedFilter;
    try {
      resolved = await resolveFilter(filter);
      if (cursor !== null) await checkReplay(resolved, cursor);
    } catch (error) {
      await source.return?.();
      throw error;
    }
    const matches = matcher(resolved);
    const out = createAsyncQueue<FleetEvent>({
      maxBuffered: 1000,
      onClose: () => void source.return?.(),
    });
    void (async () => {
      try {
        for await (const event of source) {
          fromBus.add(event);
          if (await matches(event)) out.push(event);
        }
        out.end();
      } catch (error) {
        out.end(error as Error);
      }
    })();
    if (cursor === null) return out;
    const { types, uuid, tags } = resolved;
    return replayThenLive<FleetEvent>({
      live: out,
      after: cursor,
      idOf: (event) => event.id,
      pageSize: REPLAY_PAGE,
      async readPage(afterId) {
        const rows = await store.events.listAfter({
          types,
          clientUuid: uuid,
          tags,
          afterId,
          limit: REPLAY_PAGE,
        });
        return rows.map((row) => ({ ...row, type: row.type as FleetEventTypeName }));
      },
    });
  }

  return {
    /** Recorded events matching `filter`, newest first; `before` (an event id) pages back. */
    async list(filter: EventFilter, limit: number, before?: string | null): Promise<FleetEvent[]> {
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_EVENT_LIMIT)
        throw bad(`limit must be from 1 to ${MAX_EVENT_LIMIT}.`);
      if (before !== null && before !== undefined) parseEventId(before, 'before', 1);
      const { types, uuid, tags, actor, uuids } = await resolveFilter(filter);
      const rows = await store.events.list({
        types,
        clientUuid: uuid,
        clientUuidIn: uuids,
        actor,
        tags,
        beforeId: before ? Number(before) : null,
        limit,
      });
      return rows.map((row) => ({ ...row, type: row.type as FleetEventTypeName }));
    },

    subscribe,

    /** Live rate-limit breaches (client.rate_limited events) matching the filter. */
    subscribeRateLimitWarnings(
      filter: Omit<EventFilter, 'events'>,
    ): Promise<AsyncIterableIterator<FleetEvent>> {
      return subscribe({ ...filter, events: [FleetEventType.rateLimited] });
    },

    /** One client's online/health/key state: now, then on every change, until closed. */
    async subscribeStatus(ref: string): Promise<AsyncIterableIterator<StatusChange>> {
      const source = bus.subscribe((event) => STATUS_EVENTS.has(event.type));
      let first: ClientView;
      try {
        first = registry.view(await registry.resolve(ref));
      } catch (error) {
        await source.return?.();
        throw error;
      }
      const out = createAsyncQueue<StatusChange>({
        maxBuffered: 1000,
        onClose: () => void source.return?.(),
      });
      out.push({ cause: 'current', at: new Date(), client: first });
      void (async () => {
        try {
          for await (const event of source) {
            if (event.clientUuid !== first.uuid) continue;
            const row = await clientOfLiveEvent(event);
            if (row) out.push({ cause: event.type, at: event.at, client: registry.view(row) });
          }
          out.end();
        } catch (error) {
          out.end(error as Error);
        }
      })();
      return out;
    },

    /**
     * The client of an event delivered by a subscription, looked up once for all subscribers;
     * null for events that did not come live from the bus (use the request's loaders).
     */
    async liveEventClient(event: FleetEvent): Promise<ClientView | null> {
      if (!fromBus.has(event)) return null;
      const row = await clientOfLiveEvent(event);
      return row ? registry.view(row) : null;
    },
  };
}
