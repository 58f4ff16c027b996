import { DEFAULT_DI_RESOURCE_GROUP, hasProject } from '../emulator-state.js';
import { PROJECT_MODE_CODE } from '../../dataworks/operations/get-project.js';
import { answer, type OperationHandler } from './operation-handler.js';
import { projectNotFound } from './files.js';
import { readRequiredLong } from './read-params.js';

// GetProject: a workspace exists once a task was seeded or created in it. ProjectMode is 2 for basic
// mode and 3 for standard mode; EnvTypes lists the environments; DefaultDiResourceGroupIdentifier is the
// workspace's default DI resource group.
export const getProject: OperationHandler<'GetProject'> = (params, ctx) => {
  const projectId = readRequiredLong(params, 'ProjectId');
  if (typeof projectId !== 'number') return projectId;
  if (!hasProject(ctx.state, projectId)) return projectNotFound(projectId);
  const basic = ctx.projectMode === 'basic';
  return answer('GetProject', {
    Success: true,
    HttpStatusCode: 200,
    Data: {
      ProjectId: projectId,
      ProjectName: `emulator_${projectId}`,
      ProjectIdentifier: `emulator_${projectId}`,
      ProjectDescription: 'A workspace served by the dwsync emulator',
      ProjectMode: PROJECT_MODE_CODE[ctx.projectMode],
      EnvTypes: basic ? ['PROD'] : ['DEV', 'PROD'],
      Status: 0,
      DefaultDiResourceGroupIdentifier: DEFAULT_DI_RESOURCE_GROUP,
      IsAllowDownload: 1,
      ProtectedMode: 0,
      SchedulerMaxRetryTimes: 3,
      SchedulerRetryInterval: 120000,
    },
  });
};
