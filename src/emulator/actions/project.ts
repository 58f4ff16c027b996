import { hasProject } from '../emulator-state.js';
import { succeed, type ActionHandler } from './action-handler.js';
import { projectNotFound } from './files.js';
import { readRequiredLong } from './read-params.js';

// GetProject: a workspace exists when it holds at least one task. ProjectMode is 2 for basic
// ("simple") mode and 3 for standard mode; EnvTypes lists the environments.

export const getProject: ActionHandler = (params, ctx) => {
  const projectId = readRequiredLong(params, 'ProjectId');
  if (typeof projectId !== 'number') return projectId;
  if (!hasProject(ctx.state, projectId)) return projectNotFound(projectId);
  const basic = ctx.projectMode === 'basic';
  return succeed({
    ProjectId: projectId,
    ProjectName: `emulator_${projectId}`,
    ProjectIdentifier: `emulator_${projectId}`,
    ProjectDescription: 'A workspace served by the dwsync emulator',
    ProjectMode: basic ? 2 : 3,
    EnvTypes: basic ? ['PROD'] : ['DEV', 'PROD'],
    Status: 0,
    ProjectStatusCode: 'AVAILABLE',
    ProjectStatus: 'AVAILABLE',
    DefaultDiResourceGroupIdentifier: 'S_res_group_emulator',
    IsAllowDownload: 1,
    ProtectedMode: 0,
    SchedulerMaxRetryTimes: 3,
    SchedulerRetryInterval: 120000,
  });
};
