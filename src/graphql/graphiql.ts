// GraphiQL as served at GET /graphql: the self-contained page (no CDN), its options, the example
// tabs (examples/*.graphql, read once at start by graphiql-examples.ts) and the login form that
// supplies the API key (graphiql-login.ts).

import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
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

export function renderGraphiQLPage(options: GraphiQLOptions): string {
  return addLogin(renderGraphiQL(options), { endpoint: options.endpoint ?? ENDPOINT });
}
