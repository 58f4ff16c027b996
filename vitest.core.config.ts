import { defineConfig } from 'vitest/config';
import base from './vitest.config';

// The core's own tests, alone: what the mutation run (stryker.config.mjs) judges src/core/ by.
// Not mergeConfig: it would append this include to the base's instead of replacing it.
export default defineConfig({
  test: { ...base.test, include: ['test/core/**/*.test.ts'] },
});
