import { findNode, type EmulatorPipelineRun, type EmulatorStage } from '../studio-state.js';
import { answer, fail, type OperationHandler } from './operation-handler.js';
import { nodeNotFound } from './nodes.js';
import { readRequiredLong, readRequiredString } from './read-params.js';

// CreatePipelineRun, GetPipelineRun, ExecPipelineRunStage. Stage codes as Alibaba's Data Studio skill
// (aliyun/alibabacloud-aiops-skills, deployment guide) observed them: Online BUILD_PACKAGE (Build, runs
// by itself) → PROD_CHECK (Check) → PROD (Deploy); Offline OfflineCheck (by itself) → PROD_CHECK →
// PROD (Offline). A stage that needs ExecPipelineRunStage waits in Init; once executed it ends at the
// next GetPipelineRun. A scripted "stage-failure" fault makes one stage Fail with a Message.

function stagesOf(type: 'Online' | 'Offline'): EmulatorStage[] {
  const stage = (code: string, stageType: string, name: string, manual: boolean): EmulatorStage => ({ code, type: stageType, name, status: 'Init', message: null, manual });
  return type === 'Online'
    ? [stage('BUILD_PACKAGE', 'Build', 'Build package', false), stage('PROD_CHECK', 'Check', 'Production check', true), stage('PROD', 'Deploy', 'Deploy to production', true)]
    : [stage('OfflineCheck', 'Check', 'Offline check', false), stage('PROD_CHECK', 'Check', 'Production check', true), stage('PROD', 'Offline', 'Take offline', true)];
}

export const createPipelineRun: OperationHandler<'CreatePipelineRun'> = (params, ctx) => {
  const projectId = readRequiredLong(params, 'ProjectId');
  if (typeof projectId !== 'number') return projectId;
  const type = readRequiredString(params, 'Type');
  if (typeof type !== 'string') return type;
  if (type !== 'Online' && type !== 'Offline') return fail(400, 'InvalidParameter', `The specified parameter Type is not valid: ${type}.`);
  const ids = parseIds(params.ObjectIds);
  if (!ids || ids.length === 0) return fail(400, 'InvalidParameter', 'ObjectIds must be a JSON list of ids.');
  const node = findNode(ctx.state, projectId, ids[0]!);
  if (!node) return nodeNotFound(ids[0]!);
  const studio = ctx.state.studio;
  const id = `00000000-0000-4000-8000-${String(studio.nextPipelineRun++).padStart(12, '0')}`;
  const run: EmulatorPipelineRun = {
    id, projectId, nodeId: node.id, type, description: params.Description ?? '', stages: stagesOf(type), status: 'Running', message: null,
    failAt: ctx.stageFailure ?? null, createTime: ctx.now, modifyTime: ctx.now,
  };
  startAutomaticStages(run);
  studio.pipelineRuns.set(id, run);
  return answer('CreatePipelineRun', { Id: id });
};

export const getPipelineRun: OperationHandler<'GetPipelineRun'> = (params, ctx) => {
  const run = readRun(params, ctx.state.studio.pipelineRuns);
  if (!('stages' in run)) return run;
  advance(run, ctx);
  return answer('GetPipelineRun', {
    Pipeline: {
      Id: run.id,
      ProjectId: run.projectId,
      Status: run.status,
      ...(run.message ? { Message: run.message } : {}),
      Description: run.description,
      Creator: 'emulator',
      CreateTime: run.createTime,
      ModifyTime: run.modifyTime,
      Stages: run.stages.map((s, i) => ({ Code: s.code, Type: s.type, Name: s.name, Step: i + 1, Status: s.status, ...(s.message ? { Message: s.message } : {}) })),
    },
  });
};

export const execPipelineRunStage: OperationHandler<'ExecPipelineRunStage'> = (params, ctx) => {
  const run = readRun(params, ctx.state.studio.pipelineRuns);
  if (!('stages' in run)) return run;
  const code = readRequiredString(params, 'Code');
  if (typeof code !== 'string') return code;
  const index = run.stages.findIndex((s) => s.code === code);
  const stage = run.stages[index];
  if (!stage) return fail(400, 'InvalidParameter', `The stage ${code} does not exist in this process.`);
  // "Skipping or repeating a stage is not allowed."
  if (stage.status !== 'Init' || run.stages.slice(0, index).some((s) => s.status !== 'Success')) {
    return fail(400, 'InvalidParameter', `The stage ${code} cannot be executed now (it is ${stage.status}; stages run in order, none skipped or repeated).`);
  }
  stage.status = 'Running';
  run.modifyTime = ctx.now;
  return answer('ExecPipelineRunStage', { Success: true });
};

function startAutomaticStages(run: EmulatorPipelineRun): void {
  const next = run.stages.find((s) => s.status === 'Init');
  if (next && !next.manual) next.status = 'Running';
}

// Running stages end (Success, or Fail where a fault says so); the run ends with its last stage.
function advance(run: EmulatorPipelineRun, ctx: Parameters<OperationHandler<'GetPipelineRun'>>[1]): void {
  if (run.status !== 'Running') return;
  for (const stage of run.stages) {
    if (stage.status !== 'Running') continue;
    if (run.failAt && run.failAt.code === stage.code) {
      stage.status = 'Fail';
      stage.message = run.failAt.message;
      run.status = 'Fail';
      run.message = run.failAt.message;
      return;
    }
    stage.status = 'Success';
  }
  startAutomaticStages(run);
  if (run.stages.every((s) => s.status === 'Success')) {
    run.status = 'Success';
    const node = ctx.state.studio.nodes.get(`${run.projectId}/${run.nodeId}`);
    if (node) {
      node.deployed = run.type === 'Online';
      if (run.type === 'Online') node.taskId ??= ctx.state.studio.nextTaskId++;
    }
  }
  run.modifyTime = ctx.now;
}

function readRun(params: Record<string, string>, runs: Map<string, EmulatorPipelineRun>) {
  const projectId = readRequiredLong(params, 'ProjectId');
  if (typeof projectId !== 'number') return projectId;
  const id = readRequiredString(params, 'Id');
  if (typeof id !== 'string') return id;
  const run = runs.get(id);
  if (!run || run.projectId !== projectId) return fail(400, 'Invalid.PipelineRun.NotExist', `The process ${id} does not exist.`);
  return run;
}

function parseIds(raw: string | undefined): string[] | null {
  try {
    const parsed: unknown = JSON.parse(raw ?? '');
    return Array.isArray(parsed) && parsed.every((x) => typeof x === 'string' || typeof x === 'number') ? parsed.map(String) : null;
  } catch {
    return null;
  }
}
