import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDataWorks } from '../../src/dataworks/create-data-works.js';
import { UserInputError } from '../../src/errors.js';
import { useTempDir } from '../support/temp-dir.js';
import { startRawServer } from './raw-server.js';

// The real default credential chain with nothing configured (vitest.config.ts already disables
// the ECS metadata service and the CLI profile; the profile file points into an empty folder).
const CHAIN_VARIABLES = [
  'ALIBABA_CLOUD_ACCESS_KEY_ID',
  'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
  'ALIBABA_CLOUD_SECURITY_TOKEN',
  'ALIBABA_CLOUD_ROLE_ARN',
  'ALIBABA_CLOUD_OIDC_PROVIDER_ARN',
  'ALIBABA_CLOUD_OIDC_TOKEN_FILE',
  'ALIBABA_CLOUD_CREDENTIALS_URI',
  'ALIBABA_CLOUD_CREDENTIALS_FILE',
];

describe('createDataWorks without credentials', () => {
  const saved = new Map<string, string | undefined>();
  const tempDir = useTempDir('dwsync-creds-');
  beforeEach(async () => {
    const dir = await tempDir();
    for (const name of CHAIN_VARIABLES) saved.set(name, process.env[name]);
    for (const name of CHAIN_VARIABLES) delete process.env[name];
    process.env['ALIBABA_CLOUD_CREDENTIALS_FILE'] = path.join(dir, 'credentials');
  });
  afterEach(async () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('fails every call with a clear UserInputError and sends nothing', async () => {
    const server = await startRawServer((_req, res) => res.end('{}'));
    try {
      const dataWorks = createDataWorks({ endpoint: server.url, region: 'cn-hangzhou' });
      for (let i = 0; i < 2; i++) {
        const err = await dataWorks.getProject({ projectId: 1 }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(UserInputError);
        expect((err as Error).message).toMatch(/^no Alibaba Cloud credentials found: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET/);
      }
      expect(server.requests).toHaveLength(0);
    } finally {
      await server.close();
    }
  });
});
