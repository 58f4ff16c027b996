import { findTask, type Deployment, type DeploymentKind, type EmulatorState } from '../emulator-state.js';
import { fail, succeed, type ActionContext, type ActionHandler } from './action-handler.js';
import { readRequestedTask } from './files.js';
import { readRequiredLong } from './read-params.js';

// SubmitFile, DeployFile and GetDeployment. In a standard-mode workspace SubmitFile commits to the
// development environment and DeployFile publishes to production. In basic mode there is one
// environment: SubmitFile alone publishes, and DeployFile is refused (the console has no deploy step there).
// A deployment stays pending (Status 0) for `deploymentPolls` polls, then succeeds (1), or fails (2)
// when the task's content contains FAIL_DEPLOY_MARKER.

export const FAIL_DEPLOY_MARKER = '__fail_deploy__';

export const submitFile: ActionHandler = (params, ctx) => startDeployment(params, ctx, 'submit');

export const deployFile: ActionHandler = (params, ctx) => {
  if (ctx.projectMode === 'basic') {
    return fail(400, 'Invalid.Tenant.ProjectModeNotSupported', 'DeployFile is only available in workspaces in standard mode; in basic mode SubmitFile publishes the file.');
  }
  return startDeployment(params, ctx, 'deploy');
};

export const getDeployment: ActionHandler = (params, ctx) => {
  const projectId = readRequiredLong(params, 'ProjectId');
  if (typeof projectId !== 'number') return projectId;
  const deploymentId = readRequiredLong(params, 'DeploymentId');
  if (typeof deploymentId !== 'number') return deploymentId;
  const deployment = ctx.state.deployments.get(deploymentId);
  if (!deployment || deployment.projectId !== projectId) {
    return fail(400, 'Invalid.Tenant.DeploymentNotExists', `The deployment does not exist. DeploymentId:[${deploymentId}].`);
  }
  deployment.polls += 1;
  const done = deployment.polls > ctx.deploymentPolls;
  if (done && !deployment.finished) finishDeployment(ctx, deployment);
  const status = !done ? 0 : deployment.fails ? 2 : 1;
  const [from, to] = environmentsOf(deployment.kind, ctx.projectMode);
  return succeed({
    Deployment: {
      Name: `dwsync_${deployment.id}`,
      CreatorId: 'emulator',
      HandlerId: 'emulator',
      CreateTime: deployment.createTime,
      ExecuteTime: deployment.createTime,
      Status: status,
      ErrorMessage: status === 2 ? `Deployment failed: file ${deployment.fileId} was marked to fail (${FAIL_DEPLOY_MARKER}).` : '',
      FromEnvironment: from,
      ToEnvironment: to,
    },
  });
};

function startDeployment(params: Record<string, string>, ctx: ActionContext, kind: DeploymentKind) {
  const task = readRequestedTask(params, ctx);
  if ('ok' in task) return task;
  const { projectId, fileId } = task;
  if (kind === 'deploy' && !task.committed) {
    return fail(400, 'Invalid.Tenant.FileNotCommitted', `The file has not been submitted since its last change. FileId:[${fileId}].`);
  }
  const deployment = createDeployment(ctx.state, {
    projectId,
    fileId,
    kind,
    comment: params.Comment ?? '',
    createTime: ctx.now,
    fails: task.taskContent.includes(FAIL_DEPLOY_MARKER),
  });
  return succeed(deployment.id);
}

function createDeployment(state: EmulatorState, fields: Omit<Deployment, 'id' | 'polls' | 'finished'>): Deployment {
  const deployment: Deployment = { ...fields, id: state.nextDeploymentId, polls: 0, finished: false };
  state.nextDeploymentId += 1;
  state.deployments.set(deployment.id, deployment);
  return deployment;
}

// The effect lands when a poll first reports the deployment done.
function finishDeployment(ctx: ActionContext, deployment: Deployment): void {
  deployment.finished = true;
  const task = findTask(ctx.state, deployment.projectId, deployment.fileId);
  if (!task || deployment.fails) return;
  task.committed = true;
  if (deployment.kind === 'deploy' || ctx.projectMode === 'basic') {
    task.deployed = true;
    task.changedSinceDeploy = false;
  }
}

// DataWorks numbers its environments 0 local, 1 development, 2 production.
function environmentsOf(kind: DeploymentKind, mode: ActionContext['projectMode']): [number, number] {
  if (kind === 'deploy') return [1, 2];
  return mode === 'basic' ? [0, 2] : [0, 1];
}
