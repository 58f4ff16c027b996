import { describe, expect, it } from 'vitest';
import { formatState } from '../../src/core/state/format-state.js';
import { startEmulator, type Emulator } from '../../src/emulator/start-emulator.js';
import { buildTask } from '../support/build-task.js';
import { startFakeGithub, type FakeGithub } from '../support/fake-github.js';
import { startFakeSts, type FakeSts } from '../support/fake-sts.js';
import { aState } from '../support/state-builders.js';
import { taskYaml } from '../support/task-yaml.js';
import { createTempOrigin, gitIn, type TempOrigin } from '../support/temp-origin.js';
import { findTokenLeaks } from './run-action.js';
import { useBundledAction } from './use-bundled-action.js';

// The bundled Action with a RAM role instead of access keys: the job's id-token permission gives it
// ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN (here the fake GitHub), it asks for an ID token itself and
// trades it at STS (a fake, via DWSYNC_STS_ENDPOINT) for a session as long as role-session-duration.
// Renewal over hours is shown with a fake clock in oidc-session-credential.test.ts.

const TOKEN = 'ghs_oIdCaPpLyToKeN0123456789abcdefAB';
const REQUEST_TOKEN = 'id-token-request-token-bundled-0123';
const ROLE = 'acs:ram::1234567890123456:role/dwsync-apply';
const PROVIDER = 'acs:ram::1234567890123456:oidc-provider/github';
const STATE = '.dwsync/state.json';

const action = useBundledAction();
const { cleanups } = action;

type Setup = { repo: TempOrigin; emulator: Emulator; github: FakeGithub; sts: FakeSts; sha: string };

async function setup(maxSessionDuration: number): Promise<Setup> {
  const tasks = [1000001, 1000002].map((fileId) => buildTask({ fileId, file: `jobs/t${fileId}.yaml` }));
  const repo = await createTempOrigin({ ...Object.fromEntries(tasks.map((t) => [t.file, taskYaml(t)])), [STATE]: formatState(aState()) });
  cleanups.push(() => repo.cleanup());
  const github = await startFakeGithub({ owner: 'acme', repo: 'dataworks-jobs', idTokenRequestToken: REQUEST_TOKEN });
  cleanups.push(() => github.close());
  const sts = await startFakeSts({ github, roleArn: ROLE, oidcProviderArn: PROVIDER, maxSessionDuration });
  cleanups.push(() => sts.close());
  const emulator = await startEmulator({ port: 0, credentials: sts.keys, seed: tasks.map(({ projectId, fileId }) => ({ projectId, fileId })) });
  cleanups.push(() => emulator.close());
  return { repo, emulator, github, sts, sha: (await gitIn(repo.clone).revparse(['HEAD'])).trim() };
}

function apply(s: Setup, duration: string) {
  return action.run({
    workspace: s.repo.clone,
    event: 'push',
    sha: s.sha,
    token: TOKEN,
    apiUrl: s.github.url,
    inputs: { command: 'apply', comment: 'false', 'role-session-duration': duration },
    env: {
      DWSYNC_ENDPOINT: s.emulator.url,
      DWSYNC_STS_ENDPOINT: s.sts.url,
      ALIBABA_CLOUD_ROLE_ARN: ROLE,
      ALIBABA_CLOUD_OIDC_PROVIDER_ARN: PROVIDER,
      ACTIONS_ID_TOKEN_REQUEST_URL: s.github.idTokenUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN,
    },
  });
}

describe('the Action with an OIDC role', () => {
  it('assumes the role with its own ID token for the session duration given, applies with that session, and masks the token', async () => {
    const s = await setup(4 * 3600);
    const run = await apply(s, '14400');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.applied).toBe('2');
    expect(s.github.idTokens.map((t) => t.audience)).toEqual(['sts.aliyuncs.com']);
    expect(s.sts.requests.map((r) => [r.status, r.parameters.DurationSeconds, r.parameters.RoleSessionName])).toEqual([[200, '14400', 'dwsync-4242-1']]);
    expect(s.sts.sessions[0]?.oidcToken).toBe(s.github.idTokens[0]?.value);
    expect(run.stdout).toMatch(/^role session for acs:ram::1234567890123456:role\/dwsync-apply assumed with a fresh GitHub ID token, valid until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/m);
    // The ID token reaches the log only in the command that masks it.
    expect(findTokenLeaks(run, s.github.idTokens[0]!.value)).toEqual([]);
    expect(run.stdout).toContain(`::add-mask::${s.github.idTokens[0]!.value}`);
  });

  it('a duration past the role maximum fails the run before any DataWorks call, in STS words', async () => {
    const s = await setup(3600);
    const run = await apply(s, '7200');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^::error::could not get an Alibaba Cloud role session for acs:ram::1234567890123456:role\/dwsync-apply: STS AssumeRoleWithOIDC failed: InvalidParameter.DurationSeconds: The Min\/Max value of DurationSeconds is 15min\/1hr\.$/m,
    );
    const calls = (await (await fetch(`${s.emulator.url}/__emulator/calls`)).json()) as unknown[];
    expect(calls).toEqual([]);
  });
});
