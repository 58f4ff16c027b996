import { findTask, type Deployment, type DeploymentKind, type EmulatorState } from '../emulator-state.js';
import { answer, fail, type HandlerContext, type OperationHandler, type Failed } from './operation-handler.js';
import { readRequestedTask } from './files.js';
import { readRequiredLong } from './read-params.js';

// SubmitFile, DeployFile and GetDeployment. In a standard-mode workspace SubmitFile commits to the
// development environment and DeployFile publishes to production. In basic mode there is one
// environment: SubmitFile alone publishes. A deployment is ready (Status 0) for `deploymentPolls` polls;
// a submit then runs its pre-publish check for one poll (Status 1, CheckingStatus 8) unless
// SkipAllDeployFileExtensions; then it succeeds (Status 1, no CheckingStatus), fails its check
// (CheckingStatus 7, when a check-failure fault was queued), or fails (Status 2, when the task's
// content contains FAIL_DEPLOY_MARKER).

export const FAIL_DEPLOY_MARKER = '__fail_deploy__';
const CHECK_POLLS = 1;

// The real codes for these refusals are not documented; Invalid.Param is the code DataWorks' API error
// tables give for a request parameter it refuses.
function refused(message: string): Failed {
  return fail(400, 'Invalid.Param', message);
}

export const submitFile: OperationHandler<'SubmitFile'> = (params, ctx) => startDeployment(params, ctx, 'submit');

export const deployFile: OperationHandler<'DeployFile'> = (params, ctx) => {
  if (ctx.projectMode === 'basic') return refused('DeployFile is only available in workspaces in standard mode; in basic mode SubmitFile publishes the file.');
  return startDeployment(params, ctx, 'deploy');
};

export const getDeployment: OperationHandler<'GetDeployment'> = (params, ctx) => {
  const deploymentId = readRequiredLong(params, 'DeploymentId');
  if (typeof deploymentId !== 'number') return deploymentId;
  const projectId = params.ProjectId === undefined ? null : Number(params.ProjectId);
  const deployment = ctx.state.deployments.get(deploymentId);
  // Not documented either; this follows the documented Invalid.Tenant.<Thing>NotExists family.
  if (!deployment || (projectId !== null && deployment.projectId !== projectId)) {
    return fail(400, 'Invalid.Tenant.DeploymentNotExists', `The deployment does not exist. DeploymentId:[${deploymentId}].`);
  }
  deployment.polls += 1;
  const phase = phaseOf(deployment, ctx);
  if ((phase === 'done' || phase === 'check-failed' || phase === 'failed') && !deployment.finished) finishDeployment(ctx, deployment, phase === 'done');
  const status = phase === 'ready' ? 0 : phase === 'failed' ? 2 : 1;
  const checking = phase === 'checking' ? 8 : phase === 'check-failed' ? 7 : null;
  const itemStatus = phase === 'done' ? 1 : phase === 'failed' || phase === 'check-failed' ? 2 : 0;
  const [from, to] = environmentsOf(deployment.kind, ctx.projectMode);
  const errorMessage =
    phase === 'failed' ? `Deployment failed: file ${deployment.fileId} was marked to fail (${FAIL_DEPLOY_MARKER}).` : phase === 'check-failed' ? deployment.checkFails : null;
  return answer('GetDeployment', {
    Success: true,
    HttpStatusCode: 200,
    Data: {
      Deployment: {
        Name: `dwsync_${deployment.id}`,
        CreatorId: 'emulator',
        HandlerId: 'emulator',
        CreateTime: deployment.createTime,
        ExecuteTime: deployment.createTime,
        Status: status,
        ...(checking !== null ? { CheckingStatus: checking } : {}),
        ...(errorMessage ? { ErrorMessage: errorMessage } : {}),
        FromEnvironment: from,
        ToEnvironment: to,
      },
      DeployedItems: [{ FileId: deployment.fileId, FileVersion: 1, Status: itemStatus }],
    },
  });
};

type Phase = 'ready' | 'checking' | 'check-failed' | 'failed' | 'done';

function phaseOf(deployment: Deployment & { skipCheck?: boolean }, ctx: HandlerContext): Phase {
  if (deployment.polls <= ctx.deploymentPolls) return 'ready';
  if (deployment.fails) return 'failed';
  const checks = deployment.kind === 'submit' && !deployment.skipCheck;
  if (checks && deployment.polls <= ctx.deploymentPolls + CHECK_POLLS) return 'checking';
  if (checks && deployment.checkFails !== null) return 'check-failed';
  return 'done';
}

function startDeployment(params: Record<string, string>, ctx: HandlerContext, kind: DeploymentKind) {
  const task = readRequestedTask(params, ctx);
  if (!('fileId' in task)) return task;
  const { projectId, fileId } = task;
  if (kind === 'deploy' && !task.committed) return refused(`The file has not been submitted since its last change. FileId:[${fileId}].`);
  const deployment = createDeployment(ctx.state, {
    projectId,
    fileId,
    kind,
    comment: params.Comment ?? '',
    createTime: ctx.now,
    fails: task.taskContent.includes(FAIL_DEPLOY_MARKER),
    checkFails: kind === 'submit' ? ctx.checkFailure : null,
  });
  if (params.SkipAllDeployFileExtensions === 'true') (deployment as Deployment & { skipCheck?: boolean }).skipCheck = true;
  return answer(kind === 'submit' ? 'SubmitFile' : 'DeployFile', { Success: true, HttpStatusCode: 200, Data: deployment.id });
}

export function createDeployment(state: EmulatorState, fields: Omit<Deployment, 'id' | 'polls' | 'finished'>): Deployment {
  const deployment: Deployment = { ...fields, id: state.nextDeploymentId, polls: 0, finished: false };
  state.nextDeploymentId += 1;
  state.deployments.set(deployment.id, deployment);
  return deployment;
}

// The effect lands when a poll first reports the deployment finished.
function finishDeployment(ctx: HandlerContext, deployment: Deployment, succeeded: boolean): void {
  deployment.finished = true;
  const task = findTask(ctx.state, deployment.projectId, deployment.fileId);
  if (!task || !succeeded) return;
  if (deployment.kind === 'delete') {
    ctx.state.tasks.delete(`${task.projectId}/${task.fileId}`);
    return;
  }
  task.committed = true;
  if (deployment.kind === 'deploy' || ctx.projectMode === 'basic') {
    task.deployed = true;
    task.changedSinceDeploy = false;
  }
}

// DataWorks numbers its environments 0 local, 1 development, 2 production.
function environmentsOf(kind: DeploymentKind, mode: HandlerContext['projectMode']): [number, number] {
  if (kind === 'deploy' || kind === 'delete') return [1, 2];
  return mode === 'basic' ? [0, 2] : [0, 1];
}
