// Prints the role matrix tables of docs/access.md from the code (fleet/access.ts, the GraphQL
// root fields and the MCP tools). test/docs/access-doc.test.ts fails when the doc differs.
// Usage: npx tsx scripts/access-doc.ts > /tmp/matrix.md (then paste between the markers).
import { accessMatrixMarkdown } from '../test/docs/access-matrix.js';

process.stdout.write(accessMatrixMarkdown());
