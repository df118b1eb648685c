// GraphiQL as served at GET /graphql: the self-contained page (no CDN) and its options.

import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { GraphiQLOptions } from 'graphql-yoga';

export const graphiqlOptions: GraphiQLOptions = {
  title: 'ET Phone Home',
  headers: JSON.stringify(
    { Authorization: 'Bearer <your API key from <data-dir>/api_key>' },
    null,
    2,
  ),
  defaultQuery: `# Set the Authorization header below (Headers tab), then run:
query Fleet {
  clients {
    clientId
    displayName
    online
    health
    tags { name }
    capabilities
  }
}
`,
};

export function renderGraphiQLPage(options: GraphiQLOptions): string {
  return renderGraphiQL(options);
}
