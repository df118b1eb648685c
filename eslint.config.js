// Lint: typescript-eslint's recommended type-aware-free rules. The import direction of
// DESIGN.md is not a lint rule: test/architecture.test.ts keeps it (with import cycles, the
// store seam, file sizes and raw error codes), in one table, so two copies cannot drift apart.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'src/generated/', 'bench/.out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        URL: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        fetch: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      // ssh2 is loaded once, by src/lib/ssh2.ts, with its key exchange's faster key conversions.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'ssh2',
              message: "Import ssh2 from src/lib/ssh2.ts (types may come from 'ssh2').",
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  { files: ['src/lib/ssh2.ts'], rules: { '@typescript-eslint/no-restricted-imports': 'off' } },
);
