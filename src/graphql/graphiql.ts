// GraphiQL as served at GET /graphql: the self-contained page (no CDN), its options, the example
// tabs (examples/*.graphql, read once at start by graphiql-examples.ts) and the login form that
// supplies the API key (graphiql-login.ts). The renderer, which carries the whole of GraphiQL as
// one 9 MB module, is loaded when the page is first asked for: at every start it took a third of
// a second and 45 MiB resident (32 MiB of heap) from a server most of whose requests never want
// it.

import type { GraphiQLOptions } from 'graphql-yoga';
import { loadGraphiQLExamples } from './graphiql-examples.js';
import { addLogin } from './graphiql-login.js';

const ENDPOINT = '/graphql';

export const graphiqlOptions: GraphiQLOptions = {
  title: 'ET Phone Home',
  endpoint: ENDPOINT,
  defaultTabs: loadGraphiQLExamples().map((example) => ({
    query: example.query,
    variables: example.variables ? JSON.stringify(example.variables, null, 2) : null,
  })),
  defaultEditorToolsVisibility: 'variables',
  // The key comes from the login form, not the Headers pane; a key typed there anyway should not
  // outlive the tab in localStorage.
  shouldPersistHeaders: false,
};

export async function renderGraphiQLPage(options: GraphiQLOptions): Promise<string> {
  const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
  return addLogin(renderGraphiQL(options), { endpoint: options.endpoint ?? ENDPOINT });
}
