// The role matrix as docs/access.md prints it, from the code: one table of the GraphQL root
// fields and MCP tools with the role each needs (the fleet's matrix decides).
import { ruleOf, type FleetOperation } from '../../src/fleet/access.js';
import { roleNames } from '../../src/fleet/index.js';
import { rootFieldOperations } from '../../src/graphql/access.js';
import { toolOperations } from '../../src/mcp/access.js';

export const MATRIX_BEGIN = '<!-- role matrix: generated from the code (scripts/access-doc.ts) -->';
export const MATRIX_END = '<!-- end of role matrix -->';

function byOperation(): Map<string, { fields: string[]; tools: string[] }> {
  const rows = new Map<string, { fields: string[]; tools: string[] }>();
  const row = (op: string) => {
    let r = rows.get(op);
    if (!r) rows.set(op, (r = { fields: [], tools: [] }));
    return r;
  };
  for (const [field, op] of Object.entries(rootFieldOperations))
    row(op ?? '(the key itself)').fields.push(`\`${field}\``);
  for (const [tool, op] of Object.entries(toolOperations))
    if (op) row(op).tools.push(`\`${tool}\``);
  return rows;
}

export function accessMatrixMarkdown(): string {
  const lines = [
    MATRIX_BEGIN,
    '',
    '| fleet operation | role needed | GraphQL root fields | MCP tools |',
    '|---|---|---|---|',
  ];
  const rows = [...byOperation().entries()].sort(([a], [b]) => a.localeCompare(b));
  for (const [op, { fields, tools }] of rows) {
    const role = op.startsWith('(') ? roleNames[0]! : ruleOf(op as FleetOperation);
    lines.push(
      `| \`${op}\` | ${role} | ${fields.sort().join(', ')} | ${tools.sort().join(', ')} |`,
    );
  }
  lines.push('', MATRIX_END);
  return lines.join('\n') + '\n';
}
