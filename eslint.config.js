import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.pandora/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'off',
    },
  },
  {
    // The demo is built on the product, never the other way round: only the CLI and
    // the runtime wire it in, and tests and benches may use its data.
    files: ['src/**/*.ts'],
    ignores: [
      'src/demo/**',
      'src/cli/**',
      'src/runtime.ts',
      'src/**/*.test.ts',
      'src/**/*.test-helper.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/demo', '**/demo/*'],
              message:
                'Product code does not import the demo: put what both need in the product (stages and pipelines in src/ingest, the emulator seed in src/crm/emulator/dataset.ts) or pass it in from the runtime.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // The console's service worker runs in the browser's worker scope, not Node's.
    files: ['web/public/sw.js'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  prettier,
);
