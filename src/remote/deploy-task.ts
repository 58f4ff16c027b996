import type { DeploymentStatus } from '../ports.js';
import { RemoteError } from '../errors.js';
import type { DeployDeps } from './task-calls.js';

export type { DeployDeps } from './task-calls.js';

const FIRST_POLL_MS = 200;
const MAX_POLL_MS = 5_000;
const MAX_WAIT_MS = 10 * 60_000;

// SubmitFile, then (standard mode only) DeployFile, each polled with GetDeployment until it succeeds or
// fails. Every stage is recorded with its deployment id, so a run that dies mid-way is finished by the next.
export async function deployTask(ref: { projectId: number; fileId: number }, comment: string, deps: DeployDeps): Promise<void> {
  const at = () => new Date(deps.clock.now()).toISOString();
  const mode = await deps.projectMode(ref.projectId);
  const submit = await deps.call(() => deps.dataWorks.submitFile({ ...ref, comment }));
  const submitDeploymentId = submit.value.deploymentId;
  await deps.recordStage({ stage: 'submitted', submitDeploymentId, at: at() });
  await awaitDeployment(ref.projectId, submitDeploymentId, 'SubmitFile', deps);
  if (mode === 'basic') {
    // A basic-mode workspace has no separate production: a committed file is live.
    await deps.recordStage({ stage: 'deployed', submitDeploymentId, at: at() });
    return;
  }
  await deps.recordStage({ stage: 'deploying', submitDeploymentId, at: at() });
  const deploy = await deps.call(() => deps.dataWorks.deployFile({ ...ref, comment }));
  const deployDeploymentId = deploy.value.deploymentId;
  await deps.recordStage({ stage: 'deploying', submitDeploymentId, deployDeploymentId, at: at() });
  await awaitDeployment(ref.projectId, deployDeploymentId, 'DeployFile', deps);
  await deps.recordStage({ stage: 'deployed', submitDeploymentId, deployDeploymentId, at: at() });
}

// Polls GetDeployment until the deployment succeeds (resolves) or fails or takes too long (throws).
export async function awaitDeployment(
  projectId: number,
  deploymentId: number,
  stage: string,
  deps: Pick<DeployDeps, 'dataWorks' | 'call' | 'clock'>,
): Promise<void> {
  const started = deps.clock.now();
  let wait = FIRST_POLL_MS;
  for (;;) {
    const { value } = await deps.call(() => deps.dataWorks.getDeployment({ projectId, deploymentId }));
    const status: DeploymentStatus = value.status;
    if (status === 'success') return;
    if (status === 'failed') {
      throw new RemoteError({
        message: `${stage} deployment ${deploymentId} failed: ${value.errorMessage ?? 'no reason given'}`,
        status: null,
        code: `${stage}.Failed`,
        requestId: value.requestId,
        retryable: false,
      });
    }
    if (deps.clock.now() - started > MAX_WAIT_MS) {
      throw new RemoteError({
        message: `${stage} deployment ${deploymentId} still pending after ${MAX_WAIT_MS / 60_000} minutes`,
        status: null,
        code: `${stage}.Timeout`,
        retryable: false,
      });
    }
    await deps.clock.sleep(wait);
    wait = Math.min(MAX_POLL_MS, wait * 1.5);
  }
}
