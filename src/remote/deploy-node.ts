import { RemoteError } from '../errors.js';
import type { PipelineRun } from '../ports.js';
import type { DeployDeps } from './task-calls.js';

const FIRST_POLL_MS = 200;
const MAX_POLL_MS = 5_000;
const MAX_WAIT_MS = 10 * 60_000;

// Deploys a node (2024-05-18): CreatePipelineRun (Type Online) makes a deploy process, GetPipelineRun is
// polled, and each stage that waits to be started (Init while none runs) is started with
// ExecPipelineRunStage, until the process succeeds or fails. The process id is recorded before the first
// poll, so a run that dies mid-way leaves in the state which process it was following.
// The failure is reported as GetDeployment's is on 2020-05-18: the service's own words, not a code guess.
export async function deployNode(projectId: number, nodeId: string, comment: string, deps: DeployDeps): Promise<void> {
  const at = () => new Date(deps.clock.now()).toISOString();
  const created = await deps.call(() => deps.dataWorks.createPipelineRun({ projectId, objectId: nodeId, type: 'Online', description: comment }));
  const pipelineRunId = created.value.pipelineRunId;
  await deps.recordStage({ stage: 'deploying', pipelineRunId, at: at() });
  const started = deps.clock.now();
  const executed = new Set<string>();
  let wait = FIRST_POLL_MS;
  for (;;) {
    const { value: run } = await deps.call(() => deps.dataWorks.getPipelineRun({ projectId, pipelineRunId }));
    if (run.status === 'success') break;
    if (run.status === 'failed') throw failure(pipelineRunId, run);
    const next = stageToStart(run);
    if (next && !executed.has(next)) {
      executed.add(next);
      await deps.call(() => deps.dataWorks.execPipelineRunStage({ projectId, pipelineRunId, code: next }));
      continue;
    }
    if (deps.clock.now() - started > MAX_WAIT_MS) {
      throw new RemoteError({ message: `deploy process ${pipelineRunId} still running after ${MAX_WAIT_MS / 60_000} minutes`, status: null, code: 'PipelineRun.Timeout', retryable: false });
    }
    await deps.clock.sleep(wait);
    wait = Math.min(MAX_POLL_MS, wait * 1.5);
  }
  await deps.recordStage({ stage: 'deployed', pipelineRunId, at: at() });
}

// The first stage still at Init when no stage is running: the process waits for it to be started.
export function stageToStart(run: PipelineRun): string | null {
  if (run.stages.some((stage) => stage.status === 'Running')) return null;
  return run.stages.find((stage) => stage.status === 'Init')?.code ?? null;
}

function failure(pipelineRunId: string, run: PipelineRun): RemoteError {
  const stage = run.stages.find((s) => s.status === 'Fail' || s.status === 'Termination' || s.status === 'Cancel');
  const where = stage ? ` at stage ${stage.name ?? stage.code}` : '';
  return new RemoteError({
    message: `deploy process ${pipelineRunId} failed${where}: ${run.errorMessage ?? 'no reason given'}`,
    status: null,
    code: 'PipelineRun.Failed',
    requestId: run.requestId,
    retryable: false,
  });
}
