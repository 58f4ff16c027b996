// Mutation testing of the pure core against its own tests (docs/mutation-testing.md).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.core.config.ts' },
  mutate: ['src/core/**/*.ts'],
  // The core's tests read only src/, test/ and jobs/ (the example task files they validate).
  ignorePatterns: ['/dist', '/build', '/reports', '/docs', '/scripts', '/bin', '/.github', '/.ci'],
  coverageAnalysis: 'perTest',
  // Static mutants (module-level values: the zod schemas, constant tables) each rerun every core
  // test and would double the run; they are reported as ignored, outside the score.
  ignoreStatic: true,
  concurrency: 2,
  reporters: ['html', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
