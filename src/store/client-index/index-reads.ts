// The client index's answers to the store's client and tag reads (./indexed-store.ts wraps the
// store with them), and the reads a transaction may take from it.

import type { ClientRecord, ClientRepository, TagRepository } from '../index.js';
import type { ClientIndex } from './client-index.js';

/** The client repository's writes (./indexed-store.ts passes them through to the database). */
export type Writes =
  | 'insert'
  | 'update'
  | 'touchLastSeen'
  | 'setTags'
  | 'changeTags'
  | 'releaseHold'
  | 'closeSessions'
  | 'releaseHoldsOf'
  | 'reclaimHold'
  | 'getToUpdate';

/**
 * The reads an admission and an event make inside their transactions, answered by the index for
 * a client the transaction has not written. Only where this process is the database's one writer
 * (SQLite: one connection, so no other transaction commits while this one runs): there the index
 * holds exactly what is committed, which is what the database would answer. A storm of
 * reconnections made these two reads two of every three statements (docs/BENCHMARKS.md).
 */
export function committedReads(
  tx: ClientRepository,
  reads: ReturnType<typeof readsFrom>,
  wrote: (uuid: string) => boolean,
): Pick<ClientRepository, 'getToUpdate' | 'webhookTarget'> {
  return {
    getToUpdate: (uuid) => (wrote(uuid) ? tx.getToUpdate(uuid) : reads.get(uuid)),
    webhookTarget: (uuid) => (wrote(uuid) ? tx.webhookTarget(uuid) : reads.webhookTarget(uuid)),
  };
}

/** Client reads answered by the index. */
export function readsFrom(index: ClientIndex): Omit<ClientRepository, Writes> {
  return {
    get: async (uuid) => index.get(uuid),
    async getMany(uuids) {
      const out: ClientRecord[] = [];
      for (const uuid of new Set(uuids)) {
        const record = index.get(uuid);
        if (record) out.push(record);
      }
      return out;
    },
    getByClientId: async (clientId) => index.getByClientId(clientId),
    findByName: async (name, limit) => index.findByName(name, limit),
    list: async (query, page) => index.list(query, page),
    count: async (query) => index.count(query),
    clientIdsStartingWith: async (prefix) => index.clientIdsStartingWith(prefix),
    namesStartingWith: async (prefix) => index.namesStartingWith(prefix),
    async webhookTarget(uuid) {
      const record = index.get(uuid);
      return record
        ? {
            uuid: record.uuid,
            clientId: record.clientId,
            displayName: record.displayName,
            hostname: record.hostname,
            webhookUrl: record.webhookUrl,
          }
        : null;
    },
    webhookSecret: async (uuid) => index.get(uuid)?.webhookSecret ?? null,
  };
}

export function tagsFrom(index: ClientIndex): TagRepository {
  return {
    inUse: async () => index.tagsInUse(),
    clientCounts: async (names) => index.tagCounts(names),
    clientsOf: async (names) => index.tagMembers(names),
  };
}
