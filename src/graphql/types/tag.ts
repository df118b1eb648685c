// Tags as a first-class type: a name, how many clients carry it, and those clients.

import { builder } from '../builder.js';
import { ClientRef, TagRef } from './client.js';

TagRef.implement({
  description: 'A label shared by clients (environment, region, role, criticality …).',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The tag itself, e.g. "production".' }),
    clientCount: t.int({
      description: 'How many clients carry it (decommissioned ones not counted).',
      resolve: (tag, _args, ctx) => ctx.loaders.tagClientCount.load(tag.name),
    }),
    clients: t.field({
      type: [ClientRef],
      description: 'The clients carrying it, ordered by clientId (decommissioned ones left out).',
      args: {
        onlineOnly: t.arg.boolean({
          required: false,
          defaultValue: false,
          description: 'Only those online now.',
        }),
      },
      resolve: async (tag, args, ctx) => {
        const clients = await ctx.loaders.tagClients.load(tag.name);
        return args.onlineOnly ? clients.filter((client) => client.online) : clients;
      },
    }),
  }),
});

builder.queryFields((t) => ({
  tags: t.field({
    type: [TagRef],
    description: 'Every tag carried by at least one client, by name.',
    resolve: (_root, _args, ctx) => ctx.fleet.tags.list(),
  }),
  tag: t.field({
    type: TagRef,
    nullable: true,
    description: 'One tag by name; null when no client carries it.',
    args: { name: t.arg.string({ required: true, description: 'The tag, e.g. "production".' }) },
    resolve: (_root, args, ctx) => ctx.fleet.tags.find(args.name),
  }),
}));
