import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['build/', 'dist/', 'node_modules/', 'coverage/', 'reports/', '.stryker-tmp*/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use `as const` unions, not enums.' }],
    },
  },
  // A module's private helpers are the names it does not export: no `_` prefix to say so again.
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: 'TSEnumDeclaration', message: 'Use `as const` unions, not enums.' },
        {
          selector: ':matches(FunctionDeclaration, ClassDeclaration)[id.name=/^_/], Program > VariableDeclaration > VariableDeclarator[id.name=/^_/]',
          message: 'No `_` prefix: a function, class or constant the module does not export is already private.',
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.js', 'bin/**/*.js', 'test/**/*.js'],
    languageOptions: {
      globals: Object.fromEntries(
        ['process', 'console', 'URL', 'setTimeout', 'clearTimeout', 'AbortController', 'performance', 'fetch', 'Buffer'].map((name) => [name, 'readonly']),
      ),
    },
  },
  // The core and the views take values and return values: no I/O module, no runner, no edge folder.
  // dataworks/operations/ is allowed: the operation definitions are pure schemas shared with the emulator.
  ...[
    { files: ['src/core/*.ts', 'src/views/*.ts'], up: '\\.\\./' },
    { files: ['src/core/*/*.ts'], up: '\\.\\./\\.\\./' },
  ].map(({ files, up }) => ({
    files,
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['fs', 'fs/promises', 'child_process', 'net', 'http', 'https', 'os', 'process', 'timers'].flatMap((name) => [
          { name, message: 'core/ and views/ do no I/O: pass the value in.' },
          { name: `node:${name}`, message: 'core/ and views/ do no I/O: pass the value in.' },
        ]),
        patterns: [
          { group: ['@actions/*', '@alicloud/*', 'simple-git', 'p-limit'], message: 'core/ and views/ do no I/O: the edges call the outside world.' },
          {
            regex: `^(\\./)?${up}(state|tasks|git|github|remote|commands|cli|action|emulator|dataworks/(?!operations/))`,
            message: 'core/ and views/ import nothing from the edges, commands or entry points.',
          },
        ],
      }],
      'no-restricted-globals': ['error', 'process', 'setTimeout', 'setInterval', 'console', 'fetch'],
    },
  })),
);
