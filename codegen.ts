// GraphQL Code Generator: typed documents for every operation written with `graphql(…)` in the
// CLI, the MCP adapter, their shared fragments (src/client/fragments.ts) and the tests, checked against the committed schema.graphql.
// Run `npm run codegen` after changing an operation or the schema; `npm run check` fails when
// src/generated is stale.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: [
    'src/client/**/*.ts',
    'src/cli/**/*.ts',
    'src/mcp/**/*.ts',
    'test/**/*.ts',
    'bench/**/*.ts',
    // Raw, deliberately malformed operations: not documents to type.
    '!test/support/hostile-graphql.ts',
    '!test/e2e/graphql-hostile.test.ts',
  ],
  ignoreNoDocuments: true,
  generates: {
    'src/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { JSON: 'unknown' },
        importExtension: '.js',
      },
    },
  },
};

export default config;
