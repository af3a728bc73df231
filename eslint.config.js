// Layers are enforced here, not by hope (ARCHITECTURE.md "Rules that keep it simple").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const noBareConsole = { 'no-console': 'error' };

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'test-results/**', 'playwright-report/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // The core is Electron-free and knows nothing of its transports.
    files: ['main/core/**/*.ts'],
    rules: {
      ...noBareConsole,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'main/core must run under plain Node: no electron.' }],
          patterns: [
            { group: ['**/shell', '**/shell/**'], message: 'main/core must not import main/shell.' },
            { group: ['**/server', '**/server/**'], message: 'main/core must not import main/server.' },
            { group: ['react', 'react-dom', '**/renderer/**'], message: 'main/core must not import React.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/server/**/*.ts'],
    rules: {
      ...noBareConsole,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The bridge runs without Electron (browser mode, LAN).' }],
          patterns: [
            { group: ['**/shell', '**/shell/**'], message: 'main/server must not import main/shell.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/shell/**/*.ts', 'main/*.ts'],
    rules: {
      ...noBareConsole,
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'main must not import the renderer.' }] },
      ],
    },
  },
  {
    // The renderer is untrusted: it may import only types from the contract, and nothing from main. The
    // few contract values it needs at run time come from two modules allowed by name, which keep the
    // contract's schemas (and zod, but for the delivery step's) out of its bundle.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...noBareConsole,
      ...reactHooks.configs.recommended.rules,
      // no-restricted-imports does not see `import()`: a lazy load of the contract is refused here.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportExpression[source.value=/(^|\\/)preload\\//]',
          message:
            'No import() of the contract: types by `import type`, values statically from ' +
            'preload/contract/transport or preload/contract/delivery.',
        },
      ],
      // typescript-eslint's variant: the same options, plus `allowTypeImports`.
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/main/**', '**/main'], message: 'The renderer must not import from main/.' },
            { group: ['electron'], message: 'The renderer talks to main only through the contract.' },
            {
              // Any module under preload/ but those two (gitignore-style groups cannot re-include a file).
              regex: '(^|/)preload/(?!contract/(transport|delivery)$)',
              allowTypeImports: true,
              message:
                'The renderer imports only types from the contract (`import type`); values it needs at run ' +
                'time come from preload/contract/transport or preload/contract/delivery.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/main/**'], message: 'The preload has no logic: contract only.' }] },
      ],
    },
  },
  {
    // The renderer loads these two at run time (see its block above): what they import, it bundles.
    files: ['preload/contract/transport.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '.*',
              allowTypeImports: true,
              message: 'transport.ts imports types only: no zod, no schema.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['preload/contract/delivery.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(?!zod$)', message: 'delivery.ts imports zod alone: the renderer bundles it.' },
          ],
        },
      ],
    },
  },
  {
    // Small files (issue 18): a module past 450 lines is split by what it does. Pure data is exempt: the
    // i18n tables, the catalogue's seed procedures and the shipped holidays.
    files: ['main/**/*.ts', 'preload/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/src/i18n/**', 'main/core/catalogue/seed/**', 'main/core/calendar/vn-holidays.ts'],
    rules: { 'max-lines': ['error', { max: 450, skipBlankLines: false, skipComments: false }] },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.{ts,mjs}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
