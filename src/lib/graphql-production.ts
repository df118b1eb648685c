// graphql-js, unless NODE_ENV is "production", checks every `instanceof` it makes a second way
// (to name a second copy of graphql in node_modules, which this package does not have): about 7 %
// of the server's CPU for a 1,000-client answer, a check on every field. It reads NODE_ENV once,
// when its modules load. Imported first by the entry point, this loads them in production mode
// and takes the variable away again at once, so nothing that reads it later (graphql-ws, yoga,
// the processes we start) sees a change. A NODE_ENV the operator set is left alone.

import { createRequire } from 'node:module';

if (process.env['NODE_ENV'] === undefined) {
  process.env['NODE_ENV'] = 'production';
  try {
    // graphql has no "exports": `import 'graphql'` loads this same CommonJS module.
    createRequire(import.meta.url)('graphql');
  } finally {
    delete process.env['NODE_ENV'];
  }
}
