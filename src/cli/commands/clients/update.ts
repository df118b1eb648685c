// `etphonehome clients update`: a client's metadata (display name, purpose, tags, allowed
// paths), or the same change over every client a selector matches.

import type { GraphQLClient } from '../../../client/index.js';
import { graphql } from '../../../generated/gql.js';
import type { ClientFieldsFragment, UpdateClientInput } from '../../../generated/graphql.js';
import {
  atMostOneClient,
  bulkOptions,
  commonHelp,
  commonOptions,
  parse,
  readFilter,
  splitList,
} from '../../args.js';
import { BULK_PARALLEL, clientOrSelectors, runClientChange } from '../../bulk.js';
import type { Command } from '../../command.js';
import { clientName, tagList } from '../../format.js';
import { UsageError, type CommandIO } from '../../output.js';
import { allowedPathsText } from './settings-text.js';

const usage = `Usage: etphonehome clients update <client> [changes] [--json]
       etphonehome clients update --tags a,b|--query TEXT [filters] [changes] [--dry-run] [--parallel N]

  Changes a client's operator metadata; only the flags given change. With selectors instead of a
  client it changes every matching client and prints one result per client (exit 1 if any
  failed). Tag-only bulk changes (--add-tags/--remove-tags) are one all-or-nothing update.

Changes:
  --display-name NAME    human-friendly name ("" clears it)
  --purpose TEXT         role, e.g. "API Server" ("" clears it)
  --set-tags a,b         the complete new tag set ("" removes all tags)
  --add-tags a,b         tags to add          --remove-tags a,b   tags to remove
  --allowed-paths /a,/b  directories file operations and command cwd must stay in ("" clears)

Selectors (bulk): --tags a,b (ALL), --query TEXT, --capabilities a,b, --online
  (--purpose is a change here, never a selector)
  --dry-run              list the clients that would change, change nothing
  --parallel N           clients updated at once when each is updated on its own (default ${BULK_PARALLEL})

--json: one client prints the updated client; bulk prints {total, succeeded, failed,
results[{client, ok, error{code,message}|null}]}.

${commonHelp}

Examples:
  etphonehome clients update web-01 --display-name "Web 1" --purpose "API Server" --add-tags production
  etphonehome clients update --tags staging --add-tags needs-patch --dry-run
  etphonehome clients update --query gpu --remove-tags idle
`;

const UpdateOneDocument = graphql(`
  mutation CliUpdateClient($id: ID!, $input: UpdateClientInput!) {
    updateClient(id: $id, input: $input) {
      ...ClientFields
      allowedPaths
    }
  }
`);

const UpdateManyDocument = graphql(`
  mutation CliUpdateClients($filter: ClientFilter!, $input: UpdateClientsInput!) {
    updateClients(filter: $filter, input: $input) {
      count
      clients {
        ...ClientFields
      }
    }
  }
`);

const CurrentTagsDocument = graphql(`
  query CliClientTags($id: ID!) {
    client(id: $id) {
      uuid
      tags {
        name
      }
    }
  }
`);

interface Changes {
  fields: UpdateClientInput;
  addTags: string[];
  removeTags: string[];
}

function readChanges(values: {
  'display-name'?: string | undefined;
  purpose?: string | undefined;
  'set-tags'?: string | undefined;
  'add-tags'?: string | undefined;
  'remove-tags'?: string | undefined;
  'allowed-paths'?: string | undefined;
}): Changes {
  const fields: UpdateClientInput = {};
  if (values['display-name'] !== undefined)
    fields.displayName = values['display-name'] === '' ? null : values['display-name'];
  if (values.purpose !== undefined) fields.purpose = values.purpose === '' ? null : values.purpose;
  if (values['set-tags'] !== undefined) fields.tags = splitList(values['set-tags']);
  if (values['allowed-paths'] !== undefined)
    fields.allowedPaths = splitList(values['allowed-paths']);
  const addTags = splitList(values['add-tags'] ?? '');
  const removeTags = splitList(values['remove-tags'] ?? '');
  if (fields.tags && (addTags.length > 0 || removeTags.length > 0))
    throw new UsageError(
      '--set-tags replaces every tag: use it alone, or --add-tags/--remove-tags',
    );
  if (Object.keys(fields).length === 0 && addTags.length === 0 && removeTags.length === 0)
    throw new UsageError(
      'clients update needs a change: --display-name, --purpose, --set-tags, --add-tags, --remove-tags or --allowed-paths',
    );
  return { fields, addTags, removeTags };
}

/** Whether two views of a client carry the same tags (in any order). */
function sameTags(a: ClientFieldsFragment, b: ClientFieldsFragment): boolean {
  const names = (c: ClientFieldsFragment) =>
    c.tags
      .map((t) => t.name)
      .sort()
      .join(',');
  return names(a) === names(b);
}

/**
 * Whether an update altered the client, from the fields the list shows (before and after);
 * undefined when it set allowed paths, which that view does not carry.
 */
function differs(
  before: ClientFieldsFragment,
  after: ClientFieldsFragment,
  changes: Changes,
): boolean | undefined {
  if (changes.fields.allowedPaths !== undefined) return undefined;
  return (
    before.displayName !== after.displayName ||
    before.purpose !== after.purpose ||
    !sameTags(before, after)
  );
}

/** Applies the changes to one client (add/remove tags against its current tags). */
async function updateOne(gql: GraphQLClient, id: string, changes: Changes) {
  const input: UpdateClientInput = { ...changes.fields };
  if (changes.addTags.length > 0 || changes.removeTags.length > 0) {
    const { client } = await gql.request(CurrentTagsDocument, { id });
    const tags = new Set((client?.tags ?? []).map((t) => t.name));
    for (const tag of changes.addTags) tags.add(tag);
    for (const tag of changes.removeTags) tags.delete(tag);
    input.tags = [...tags];
  }
  return (await gql.request(UpdateOneDocument, { id, input })).updateClient;
}

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...commonOptions,
    ...bulkOptions,
    'display-name': { type: 'string' },
    'set-tags': { type: 'string' },
    'add-tags': { type: 'string' },
    'remove-tags': { type: 'string' },
    'allowed-paths': { type: 'string' },
  });
  const id = atMostOneClient('clients update', positionals);
  if (id !== undefined && values.tags !== undefined)
    throw new UsageError(
      `--tags selects clients for a bulk update; to change the tags of "${id}" use --set-tags, --add-tags or --remove-tags`,
    );
  // --purpose is a change here, not a selector.
  const filter = readFilter({ ...values, purpose: undefined });
  const scope = clientOrSelectors('clients update', id, filter, values['dry-run']);
  const changes = readChanges(values);
  // Tag-only bulk changes are one all-or-nothing updateClients; others go client by client.
  const tagsOnly = 'filter' in scope && Object.keys(changes.fields).length === 0;
  return runClientChange(io, values, scope, {
    action: 'update metadata',
    verb: 'update',
    one: (gql, id) => updateOne(gql, id, changes),
    fields: (client) => [
      ['updated', clientName(client)],
      ['purpose', client.purpose ?? ''],
      ['tags', tagList(client)],
      ['allowed paths', allowedPathsText(client)],
    ],
    all: tagsOnly
      ? async (gql, targets) => {
          const { updateClients } = await gql.request(UpdateManyDocument, {
            filter: scope.filter,
            input: { addTags: changes.addTags, removeTags: changes.removeTags },
          });
          const before = new Map(targets.map((t) => [t.uuid, t]));
          return updateClients.clients.map((client) => {
            const was = before.get(client.uuid);
            return {
              client,
              detail: `tags: ${tagList(client)}`,
              ...(was ? { changed: sameTags(was, client) === false } : {}),
            };
          });
        }
      : undefined,
    each: async (gql, target) => {
      const client = await updateOne(gql, target.uuid, changes);
      return { client, detail: 'updated', changed: differs(target, client, changes) };
    },
  });
}

export const updateCommand: Command = {
  name: 'update',
  summary: 'display name, purpose, tags, allowed paths (one client, or bulk by selector)',
  usage,
  run,
};
