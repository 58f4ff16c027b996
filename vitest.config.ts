import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Keep the credential chain away from the metadata service and the home folder.
    env: {
      ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
      ALIBABA_CLOUD_CLI_PROFILE_DISABLED: 'true',
    },
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
